"""Production settings for the load benchmark's own server (`benchmarks/load.py`): one change only.

The URL configuration adds the floor route, a bare view behind the same middleware, so the benchmark can
say what share of Django's own ceiling each page reaches. No production server loads this module.
"""

from engagement.settings.production import *  # noqa: F403

ROOT_URLCONF = "benchmarks.urls"
