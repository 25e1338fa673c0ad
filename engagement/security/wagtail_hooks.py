from django.urls import path
from wagtail import hooks

from . import views


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("zwei-faktor/einrichten/", views.setup_view, name="security_two_factor_setup"),
        path("zwei-faktor/pruefen/", views.verify_view, name="security_two_factor_verify"),
    ]
