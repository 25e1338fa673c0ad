"""What a server worker does before its first request, for the benchmarks that time pages in-process."""

import gc
from importlib import import_module


def settle_like_a_server_worker():
    """As gunicorn.conf.py's post_worker_init: load the URL configuration (and with it every view), then
    freeze what lives now out of the garbage collector's full passes. Without it a full collection walks
    the half million objects of Django, Wagtail and their imports and stops one timed request for 0.2 s,
    which no visitor of the server meets."""
    from django.conf import settings

    import_module(settings.ROOT_URLCONF)
    gc.collect()
    gc.freeze()
