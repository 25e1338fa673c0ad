from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import ImportView


class AdministratorsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_admin_urls")
def register_exchange_url():
    return [path("datenaustausch/", ImportView.as_view(), name="exchange_import")]


@hooks.register("register_admin_menu_item")
def register_exchange_menu_item():
    return AdministratorsMenuItem(
        _("Datenaustausch"), reverse("exchange_import"), icon_name="upload", order=230
    )
