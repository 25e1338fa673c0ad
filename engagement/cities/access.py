"""Which city sections a user works in. The one place the admin's per-city scoping asks."""

from django.contrib.auth import get_user_model
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
    """Rows of a city-owned model (one with a `city` foreign key): a city's editors view and change the
    rows of their own cities, administrators do anything with every row. Every check the admin asks,
    for the model, for one row or for the rows of a listing, follows that rule; a view that forgets to
    filter by city still gets only the user's own rows from the policy."""

    city_field = "city"
    editor_actions = frozenset({"view", "change"})

    def user_has_permission(self, user, action):
        if user.is_active and user.is_superuser:
            return True
        return action in self.editor_actions and cities_edited_by(user).exists()

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def instances_user_has_any_permission_for(self, user, actions):
        rows = self.model._default_manager.all()
        if user.is_active and user.is_superuser:
            return rows
        if not self.editor_actions.intersection(actions):
            return rows.none()
        return rows.filter(**{f"{self.city_field}__in": cities_edited_by(user)})

    def instances_user_has_permission_for(self, user, action):
        return self.instances_user_has_any_permission_for(user, [action])

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_any_permission_for_instance(user, [action], instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if user.is_active and user.is_superuser:
            return True
        city_id = getattr(instance, f"{self.city_field}_id")
        if city_id is None or not self.editor_actions.intersection(actions):
            return False
        return cities_edited_by(user).filter(pk=city_id).exists()

    def users_with_any_permission(self, actions):
        return self._users(actions, CityPage.objects.all())

    def users_with_any_permission_for_instance(self, actions, instance):
        return self._users(actions, CityPage.objects.filter(pk=getattr(instance, f"{self.city_field}_id")))

    def _users(self, actions, cities):
        users = get_user_model()._default_manager.filter(is_active=True)
        if not self.editor_actions.intersection(actions):
            return users.filter(is_superuser=True)
        editors = Q(groups__page_permissions__page__in=cities)
        return users.filter(Q(is_superuser=True) | editors).distinct()
