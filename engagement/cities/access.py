"""Which city sections a user works in. The one place the admin's per-city scoping asks."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.models import GroupPagePermission, Page
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


def own_section_paths(user) -> tuple[str, ...]:
    """Tree paths of the user's city sections: a page is the user's if its path starts with one."""
    return tuple(cities_edited_by(user).values_list("path", flat=True))


def pages_visible_in_choosers(pages, user):
    """Live pages anywhere (they are public anyway), drafts only inside the user's own sections; and of
    the pages outside those sections only what the public sees (`LiveDataOutsideSections`): a live
    page's pending draft (its title, that it exists, when it was saved) stays with its own city."""
    if user.is_superuser:
        return pages
    paths = own_section_paths(user)
    own_sections = Q()
    for path in paths:
        own_sections |= Q(path__startswith=path)
    visible = pages.filter(Q(live=True) | own_sections) if own_sections else pages.filter(live=True)
    return LiveDataOutsideSections.wrap(visible, paths)


def show_live_data_only(pages, paths):
    """Give each page outside the sections at `paths` its live data where Wagtail would show the draft's:
    the admin title (`draft_title`), the "live + draft" and "live + scheduled" status, the date of the
    last change. The instances are changed in place (they are display copies) and returned."""
    for page in pages:
        if not isinstance(page, Page) or page.path.startswith(paths):
            continue
        page.draft_title = page.title
        page.has_unpublished_changes = False
        page.latest_revision_created_at = page.last_published_at
        page._approved_schedule = False
    return pages


class LiveDataOutsideSections:
    """Mixed into a page queryset: the pages it fetches that lie outside `own_section_paths` come out
    with their live data only (`show_live_data_only`). A queryset class is the one place that sees every
    row Wagtail's choosers list, however they filter, order, paginate or search it afterwards."""

    own_section_paths = ()
    _classes = {}

    @classmethod
    def wrap(cls, pages, paths):
        queryset_class = type(pages)
        if issubclass(queryset_class, cls):
            cls._classes[queryset_class] = queryset_class
        elif queryset_class not in cls._classes:
            cls._classes[queryset_class] = type(
                f"LiveDataOutsideSections{queryset_class.__name__}", (cls, queryset_class), {}
            )
        wrapped = pages.all()
        wrapped.__class__ = cls._classes[queryset_class]
        wrapped.own_section_paths = tuple(paths)
        return wrapped

    def _clone(self):
        clone = super()._clone()
        clone.own_section_paths = self.own_section_paths
        return clone

    def _fetch_all(self):
        fetching = self._result_cache is None
        super()._fetch_all()
        if fetching:
            show_live_data_only(self._result_cache, self.own_section_paths)


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
