from django.apps import AppConfig


class RetentionConfig(AppConfig):
    name = "engagement.retention"
    label = "retention"
    verbose_name = "Löschfristen"

    def ready(self):
        from . import tasks  # noqa: F401 (registers the daily task with celery)
