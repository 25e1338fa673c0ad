from django.apps import AppConfig


class OperationsConfig(AppConfig):
    name = "engagement.operations"
    verbose_name = "Betrieb"

    def ready(self):
        from . import request_id

        request_id.install_log_record_factory()
