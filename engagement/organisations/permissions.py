"""Who may do what with organisations in the admin: administrators everything, a city's editors
the organisations of their own city and nothing of the other cities."""

from wagtail.permission_policies.base import ModelPermissionPolicy

from engagement.cities.access import cities_edited_by

EDITOR_ACTIONS = {"view", "change", "add"}


class CityScopedOrganisationPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        if user.is_active and user.is_superuser:
            return True
        return action in EDITOR_ACTIONS and cities_edited_by(user).exists()

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def instances_user_has_any_permission_for(self, user, actions):
        if user.is_active and user.is_superuser:
            return self.model._default_manager.all()
        if not EDITOR_ACTIONS.intersection(actions):
            return self.model._default_manager.none()
        return self.model._default_manager.filter(home_city__in=cities_edited_by(user))

    def instances_user_has_permission_for(self, user, action):
        return self.instances_user_has_any_permission_for(user, [action])

    def user_has_permission_for_instance(self, user, action, instance):
        return self.instances_user_has_permission_for(user, action).filter(pk=instance.pk).exists()

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.instances_user_has_any_permission_for(user, actions).filter(pk=instance.pk).exists()
