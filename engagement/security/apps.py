from django.apps import AppConfig


class SecurityConfig(AppConfig):
    name = "engagement.security"
    label = "security"
    verbose_name = "Sicherheit"

    def ready(self):
        from . import checks, signals  # noqa: F401 (registers the system checks and receivers)
