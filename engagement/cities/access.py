"""Which city sections a user works in. The one place the admin's per-city scoping asks."""

from django.db.models import Q
from wagtail.models import GroupPagePermission
from wagtail.permission_policies.base import ModelPermissionPolicy

from .models import CityPage


def cities_edited_by(user):
    """The city sections on which the user's groups hold page permissions (all for superusers)."""
    if not user.is_active:
        return CityPage.objects.none()
    if user.is_superuser:
        return CityPage.objects.all()
    section_ids = GroupPagePermission.objects.filter(group__user=user).values("page_id")
    return CityPage.objects.filter(pk__in=section_ids)


def pages_visible_in_choosers(pages, user):
    """Live pages anywhere (they are public anyway), drafts only inside the user's own sections."""
    if user.is_superuser:
        return pages
    own_sections = Q()
    for path in cities_edited_by(user).values_list("path", flat=True):
        own_sections |= Q(path__startswith=path)
    return pages.filter(Q(live=True) | own_sections) if own_sections else pages.filter(live=True)


class CityEditorsPolicy(ModelPermissionPolicy):
    """Editors of a city (and administrators) view and change a city-owned model's rows; only
    administrators do anything else. Which rows, decides the viewset's queryset (per city)."""

    def user_has_permission(self, user, action):
        if user.is_active and user.is_superuser:
            return True
        return action in {"view", "change"} and cities_edited_by(user).exists()

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)
