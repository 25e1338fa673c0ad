"""System checks of ours that `manage.py check --deploy` shows."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import check_password
from django.core.checks import Tags, Warning, register
from django.db import DatabaseError
from django.db.models import Q

from engagement.demo.loader import DEMO_PASSWORD


def demo_accounts():
    """Accounts the demo loader creates (admin, redaktion-*, verein-*) that still have its password."""
    candidates = get_user_model().objects.filter(
        Q(username="admin") | Q(username__startswith="redaktion-") | Q(username__startswith="verein-")
    )
    return [user for user in candidates if check_password(DEMO_PASSWORD, user.password)]


@register(Tags.security, deploy=True)
def check_demo_accounts(app_configs=None, **kwargs):
    if settings.DEMO_MODE:
        return []
    try:
        accounts = demo_accounts()
    except DatabaseError:  # no database yet (before the first migrate): nothing to report
        return []
    if not accounts:
        return []
    names = ", ".join(sorted(user.username for user in accounts))
    return [
        Warning(
            f"Demo accounts with the password 'demo' exist: {names}.",
            hint="They cannot log in while DEMO_MODE is off; delete them or give them real passwords.",
            id="security.W001",
        )
    ]
