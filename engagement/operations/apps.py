from django.apps import AppConfig

from . import request_id


class OperationsConfig(AppConfig):
    name = "engagement.operations"
    verbose_name = "Betrieb"

    def ready(self):
        request_id.install_log_record_factory()
        # Imported once the models are loaded (it connects to Wagtail's page and site models).
        from . import pagecache

        pagecache.connect_signals()
