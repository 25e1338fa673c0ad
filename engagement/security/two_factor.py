"""Two-factor authentication on django-otp: a TOTP app plus recovery codes.

Every account that may use the admin (city editors, administrators) needs a second factor before any
admin page opens (engagement/security/middleware.py). In demo mode (DEMO_MODE, never in production)
the demo accounts may skip it: the admin shows a notice saying so.

Verein members may switch it on in "Mein Verein" (and off again); once on, no Verein page opens before
the code. The code after a Verein login counts against the login throttle like a password.
"""

from base64 import b32encode

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.db import transaction
from django_otp import login as otp_login
from django_otp import verify_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from engagement.ratelimit import RateLimited

from . import throttle

RECOVERY_CODE_COUNT = 10
DEVICE_NAME = "Authenticator-App"


def requires_two_factor(user) -> bool:
    return user.is_authenticated and user.has_perm("wagtailadmin.access_admin")


def may_skip() -> bool:
    """Demo mode only: the demo's quick start stays one password away from the admin."""
    return settings.DEMO_MODE


def has_device(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def pending_device(user) -> TOTPDevice:
    """The unconfirmed TOTP device the setup page shows, made once and kept until it is confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def qr_code_svg(device: TOTPDevice) -> str:
    """The device's otpauth:// address as an SVG drawn here: the secret never leaves the server.

    Without an XML declaration: the SVG goes inline into HTML pages, where `<?xml` is an error.
    """
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
    return image.to_string(encoding="unicode")


@transaction.atomic
def confirm_device(request, token: str) -> list[str] | None:
    """Confirm the pending device with a first code; returns fresh recovery codes, None for a wrong code.

    Confirming replaces earlier devices and codes of the account, and marks this session as verified.
    """
    user = request.user
    device = pending_device(user)
    if not verify_token(user, device.persistent_id, token.strip()):
        return None
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = _new_recovery_codes(user)
    otp_login(request, device)
    return codes


def _new_recovery_codes(user) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    static = StaticDevice.objects.create(user=user, name="Wiederherstellungscodes", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=static, token=code) for code in codes)
    return codes


def verify(request, token: str) -> bool:
    """Check a code from the app (six digits) or a recovery code (used once); mark the session verified.

    django-otp throttles each device: every failure doubles the wait before the next try is checked.
    """
    user = request.user
    token = token.strip().replace(" ", "").lower()
    model = TOTPDevice if token.isdigit() else StaticDevice
    for device in model.objects.filter(user=user, confirmed=True):
        verified = verify_token(user, device.persistent_id, token)
        if verified is not None:
            otp_login(request, verified)
            return True
    return False


def verify_counted(request, token: str) -> bool:
    """verify() as a step of the login: a wrong code counts against the login throttle of the account
    (engagement/security/throttle.py), and past its budget no code is checked (raises RateLimited)."""
    username = request.user.get_username()
    if throttle.is_blocked(request, username):
        raise RateLimited
    if verify(request, token):
        return True
    throttle.record_failure(request, username)
    return False


def switch_off(request, token: str, password: str) -> bool:
    """Remove the account's app and recovery codes, proven by a current code or the password.

    A wrong proof counts against the login throttle (a stolen session guesses no password here); past
    its budget nothing is checked (raises RateLimited). Returns False for a wrong proof.
    """
    user = request.user
    username = user.get_username()
    if throttle.is_blocked(request, username):
        raise RateLimited
    proven = bool(token and verify(request, token)) or bool(password and user.check_password(password))
    if not proven:
        throttle.record_failure(request, username)
        return False
    remove_devices(user)
    return True


def readable_secret(device: TOTPDevice) -> str:
    """The secret in groups of four base32 letters, for typing into an app by hand."""
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[index : index + 4] for index in range(0, len(secret), 4))


def remove_devices(user) -> int:
    """Forget the account's app and recovery codes (a lost phone); it sets up new ones next time."""
    removed, _ = TOTPDevice.objects.filter(user=user).delete()
    static, _ = StaticDevice.objects.filter(user=user).delete()
    return removed + static
