"""Accounts for Verein members: registration with e-mail verification, login with a rate limit.

Built on Django's own auth (forms, password hashing and validators, password reset views) rather than
a further library: members need exactly these few steps, citizens need no account at all.
"""

from celery import shared_task
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

SIGNING_SALT = "engagement.accounts.verify-email"
VERIFY_LINK_MAX_AGE = 60 * 60 * 24 * 3  # three days
LOGIN_ATTEMPTS_PER_15_MINUTES = 10


def email_taken(email: str) -> bool:
    return get_user_model().objects.filter(email__iexact=email).exists()


@transaction.atomic
def register(*, email: str, password: str, first_name: str, last_name: str):
    """An inactive account until the address is confirmed; the mail leaves after the commit."""
    user = get_user_model().objects.create_user(
        username=email,
        email=email,
        password=password,
        first_name=first_name,
        last_name=last_name,
        is_active=False,
    )
    user_id = user.pk
    transaction.on_commit(lambda: send_verification_mail.delay(user_id))
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


@shared_task(
    name="dashboard.send_verification_mail",
    acks_late=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=5,
)
def send_verification_mail(user_id: int) -> str:
    """Only to accounts still waiting for confirmation: a repeated run after activation sends nothing."""
    user = get_user_model().objects.filter(pk=user_id, is_active=False).first()
    if user is None:
        return "skipped"
    url = settings.WAGTAILADMIN_BASE_URL + reverse("dashboard:verify_email", args=[verification_token(user)])
    with translation.override("de"):
        body = render_to_string("dashboard/emails/verify_email.txt", {"user": user, "url": url})
        send_mail("Bitte bestätigen Sie Ihre E-Mail-Adresse", body, None, [user.email])
    return "sent"
