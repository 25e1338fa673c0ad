from django.urls import path

from . import api

urlpatterns = [
    path("api/v2/needs/", api.need_list, name="api_needs"),
    path("api/v2/needs/<str:id>/", api.need_detail, name="api_need"),
]
