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
