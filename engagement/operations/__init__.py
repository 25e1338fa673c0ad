"""Running the platform: request ids and JSON logs, health checks, and staying up when a service fails.

Knows nothing of the domain; the settings wire it in (middleware, cache backend, database router, the
celery app's task class).
"""
