"""Wagtail's page permissions, with one tree condition per page instead of one per permission row.

Wagtail builds the querysets of "pages this user may explore / act on" by OR-ing a `descendant_of(page)`
condition for every `GroupPagePermission` row, and an `ancestor_of(page)` condition for every row again.
A city's editors hold five permissions (add, change, publish, lock, unlock) on their one city section,
so the explorer's and the admin search's queries repeated the same two conditions five times each and
PostgreSQL evaluated all ten on each of 100 000 pages (wagtail#14593, #6807).

This policy answers exactly as Wagtail's (same pages, same rules for "add" without "change" on one's own
pages); only the SQL names each page once. It is registered for all page types in `wagtail_hooks.py`,
so every admin view that asks the page policy (explorer, admin search, choosers, reports) uses it.
"""

from wagtail.permission_policies.pages import PagePermissionPolicy

EXPLORE_ACTIONS = {"add", "change", "publish", "lock", "unlock", "bulk_delete"}


class SectionPagePermissionPolicy(PagePermissionPolicy):
    def instances_user_has_any_permission_for(self, user, actions):
        base_queryset = self._base_queryset_for_user(user)
        if base_queryset is not None:
            return base_queryset

        codenames = self._get_permission_codenames(actions)
        add_codename = self._get_permission_codename("add")
        # As in Wagtail: "add" without "change" still lets users change the pages they own.
        own_pages_only = "change" in actions and "add" not in actions
        whole_subtrees, owned_subtrees = {}, {}
        for perm in self.get_cached_permissions_for_user(user):
            if own_pages_only and perm.permission.codename == add_codename:
                owned_subtrees[perm.page_id] = perm.page
            elif perm.permission.codename in codenames:
                whole_subtrees[perm.page_id] = perm.page

        manager = self.model._default_manager
        pages = manager.none()
        for page in whole_subtrees.values():
            pages |= manager.descendant_of(page, inclusive=True)
        for page_id, page in owned_subtrees.items():
            if page_id not in whole_subtrees:
                pages |= manager.descendant_of(page, inclusive=True).filter(owner=user)
        return pages

    def explorable_instances(self, user):
        base_queryset = self._base_queryset_for_user(user)
        if base_queryset is not None:
            return base_queryset

        explorable_pages = self.instances_user_has_any_permission_for(user, EXPLORE_ACTIONS)
        # As in Wagtail: the ancestors of every page with a permission are explorable (to reach it),
        # up to the pages' first common ancestor.
        permitted_pages = list(
            {perm.page_id: perm.page for perm in self.get_cached_permissions_for_user(user)}.values()
        )
        for page in permitted_pages:
            explorable_pages |= self.model._default_manager.ancestor_of(page)
        fca_page = self.model.base_page_model.objects.first_common_ancestor_of(permitted_pages)
        return explorable_pages.filter(path__startswith=fca_page.path)

    def explores_whole_subtree(self, user, page) -> bool:
        """Whether every descendant of `page` is among `explorable_instances(user)`: the user is an
        administrator, or may explore a section that holds `page` (their permission is on `page` or one
        of its ancestors). The explorer then needs no condition per row (`cities/admin_explorer.py`)."""
        if not user.is_active:
            return False
        if user.is_superuser:
            return True
        codenames = self._get_permission_codenames(EXPLORE_ACTIONS)
        return any(
            perm.permission.codename in codenames and page.path.startswith(perm.page.path)
            for perm in self.get_cached_permissions_for_user(user)
        )
