"""Found by celery's autodiscovery: the account mail task lives beside its rules in accounts.py."""

from .accounts import send_verification_mail  # noqa: F401
