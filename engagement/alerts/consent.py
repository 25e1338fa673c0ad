"""The consent text subscribers agree to, kept by version (as the applications' consent)."""

from django.utils.translation import gettext_lazy as _

CONSENT_TEXTS = {
    "2026-12-1": _(
        "Ich möchte per E-Mail über neue Angebote zu dieser Suche informiert werden. Meine E-Mail-Adresse "
        "wird nur dafür gespeichert; jede Mail enthält einen Link zum Abmelden."
    ),
}
CONSENT_VERSION = "2026-12-1"


def consent_text(version: str = CONSENT_VERSION) -> str:
    return str(CONSENT_TEXTS.get(version, ""))
