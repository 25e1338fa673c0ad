from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "engagement.jobs"
    label = "jobs"
    verbose_name = "Periodische Aufgaben"
