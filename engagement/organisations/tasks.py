"""Found by celery's autodiscovery: the invitation mail task lives beside its rules in membership.py."""

from .membership import send_invitation  # noqa: F401
