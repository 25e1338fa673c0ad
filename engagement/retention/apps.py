from django.apps import AppConfig


class RetentionConfig(AppConfig):
    name = "engagement.retention"
    label = "retention"
    verbose_name = "Löschfristen"
