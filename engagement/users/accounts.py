"""Accounts for Verein members: registration with e-mail verification, login with a rate limit.

Built on Django's own auth (forms, password hashing and validators, password reset views) rather than
a further library: members need exactly these few steps, citizens need no account at all.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core import signing
from django.db import transaction
from django.urls import reverse

from engagement.mail import outbox

SIGNING_SALT = "engagement.accounts.verify-email"
VERIFY_LINK_MAX_AGE = 60 * 60 * 24 * 3  # three days


def email_taken(email: str) -> bool:
    return get_user_model().objects.filter(email__iexact=email).exists()


def register_unless_taken(*, email: str, password: str, first_name: str, last_name: str):
    """Register a new address; for a known one do the same costly work (hash the password) and nothing
    else, so neither the answer nor its timing tells whether the address has an account."""
    if email_taken(email):
        make_password(password)
        return None
    return register(email=email, password=password, first_name=first_name, last_name=last_name)


@transaction.atomic
def register(*, email: str, password: str, first_name: str, last_name: str):
    """An inactive account until the address is confirmed; the mail leaves after the commit, in the
    language the person registered in."""
    user = get_user_model().objects.create_user(
        username=email,
        email=email,
        password=password,
        first_name=first_name,
        last_name=last_name,
        is_active=False,
    )
    url = settings.WAGTAILADMIN_BASE_URL + reverse("dashboard:verify_email", args=[verification_token(user)])
    outbox.queue(
        f"verify-email:{user.pk}",
        user.email,
        "dashboard/emails/verify_email",
        {"user": user, "url": url},
        about=user,
    )
    return user


def verification_token(user) -> str:
    return signing.dumps({"user": user.pk, "email": user.email}, salt=SIGNING_SALT)


def activate(token: str):
    """The user whose address the token confirms, now active; None for a forged or expired token."""
    try:
        data = signing.loads(token, salt=SIGNING_SALT, max_age=VERIFY_LINK_MAX_AGE)
    except signing.BadSignature:
        return None
    user = get_user_model().objects.filter(pk=data["user"], email=data["email"]).first()
    if user is not None and not user.is_active:
        user.is_active = True
        user.save(update_fields=["is_active"])
    return user
