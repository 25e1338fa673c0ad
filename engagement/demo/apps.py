from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "engagement.demo"
    label = "demo"
    verbose_name = "Demo-Daten"
