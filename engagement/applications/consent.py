"""The consent text applicants agree to, kept by version so a stored consent can be shown later.

Change the wording only by adding a new version: applications record the version they agreed to.
"""

from django.utils.translation import gettext_lazy as _

CONSENT_TEXTS = {
    "2026-11-1": _(
        "Ich bin einverstanden, dass meine Angaben an die Organisation gehen, und habe die "
        "Datenschutzhinweise gelesen."
    ),
}
CONSENT_VERSION = "2026-11-1"


def consent_text(version: str = CONSENT_VERSION) -> str:
    return str(CONSENT_TEXTS.get(version, ""))


# What a parent or guardian agrees to when confirming a minor's application (services/guardians.py).
GUARDIAN_CONSENT_TEXTS = {
    "2026-12-1": _(
        "Ich bin Elternteil oder erziehungsberechtigt. Ich bin einverstanden, dass mein Kind sich bei "
        "diesem Angebot engagiert und dass seine Angaben an die Organisation gehen."
    ),
}
GUARDIAN_CONSENT_VERSION = "2026-12-1"


def guardian_consent_text(version: str = GUARDIAN_CONSENT_VERSION) -> str:
    return str(GUARDIAN_CONSENT_TEXTS.get(version, ""))
