"""A city brings its Vereine in: its editors invite the Vereine they know, one by one or as a CSV list.

Each Verein gets a profile the city has filled in and verified, and an invitation (bound to the invited
address, like every invitation) to take it over as its owner; so its first step after accepting is its
first offer. Only editors of the city invite into it and see its invitations.
"""

import csv
import datetime as dt
import io
from dataclasses import dataclass

from django import forms
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log

from engagement.cities.access import cities_edited_by

from .membership import INVITATION_MAX_AGE, send_invitation
from .models import Invitation, Membership, Organisation

# The columns of the CSV list, by the headings a city's spreadsheet uses (lower case, also English).
COLUMNS = {
    "name": "name",
    "verein": "name",
    "organisation": "name",
    "e-mail": "email",
    "email": "email",
    "e-mail-adresse": "email",
    "art": "kind",
    "kind": "kind",
    "straße": "street",
    "strasse": "street",
    "street": "street",
    "plz": "postcode",
    "postleitzahl": "postcode",
    "postcode": "postcode",
    "ort": "place",
    "place": "place",
    "telefon": "phone",
    "phone": "phone",
    "webseite": "website",
    "website": "website",
}
PROFILE_FIELDS = ("name", "kind", "street", "postcode", "place", "phone", "website")
MAX_ROWS = 500
MAX_BYTES = 1024 * 1024


class VereinForm(forms.Form):
    """One Verein to invite: the profile the city fills in and the address the invitation goes to."""

    name = forms.CharField(label=gettext_lazy("Name des Vereins"), max_length=150)
    email = forms.EmailField(
        label=gettext_lazy("E-Mail-Adresse der verantwortlichen Person"),
        error_messages={
            "invalid": gettext_lazy("Bitte geben Sie eine E-Mail-Adresse ein, zum Beispiel name@beispiel.de.")
        },
    )
    kind = forms.ChoiceField(
        label=gettext_lazy("Art"), choices=Organisation.Kind.choices, initial=Organisation.Kind.VEREIN
    )
    street = forms.CharField(label=gettext_lazy("Straße und Hausnummer"), max_length=150, required=False)
    postcode = forms.RegexField(
        label=gettext_lazy("Postleitzahl"),
        regex=r"^\d{5}$",
        required=False,
        error_messages={"invalid": gettext_lazy("Eine Postleitzahl hat fünf Ziffern.")},
    )
    place = forms.CharField(label=gettext_lazy("Ort"), max_length=100, required=False)
    phone = forms.CharField(label=gettext_lazy("Telefon"), max_length=40, required=False)
    website = forms.URLField(label=gettext_lazy("Webseite"), required=False, assume_scheme="https")

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()


@dataclass
class ParsedList:
    rows: list[dict]
    errors: list[str]


def _kind_of(value: str) -> str:
    """ "Verein", "verein" or "Initiative" as the Kind's value; an unknown word is left for the form."""
    value = (value or "").strip()
    for kind in Organisation.Kind:
        if value.lower() in (kind.value, str(kind.label).lower()):
            return kind.value
    return value or Organisation.Kind.VEREIN


def parse_list(upload) -> ParsedList:
    """The Vereine of an uploaded CSV list (comma or semicolon, UTF-8 or Windows-1252), each row checked
    as the single-entry form checks it. Errors name the line; with any error nothing is invited."""
    raw = upload.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        return ParsedList([], [_("Die Liste ist größer als 1 MB. Bitte teilen Sie sie auf.")])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    delimiter = ";" if text.split("\n", 1)[0].count(";") > text.split("\n", 1)[0].count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    headings = [heading.strip().lower() for heading in next(reader, [])]
    columns = [COLUMNS.get(heading) for heading in headings]
    if "name" not in columns or "email" not in columns:
        return ParsedList(
            [],
            [
                _(
                    "Die erste Zeile braucht die Spalten „Name“ und „E-Mail“ (dazu möglich: Art, "
                    "Straße, PLZ, Ort, Telefon, Webseite)."
                )
            ],
        )
    rows, errors = [], []
    for line_number, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(rows) + len(errors) >= MAX_ROWS:
            errors.append(
                _("Höchstens %(count)s Vereine auf einmal, bitte teilen Sie die Liste auf.")
                % {"count": MAX_ROWS}
            )
            break
        data = {column: cell.strip() for column, cell in zip(columns, cells, strict=False) if column}
        data["kind"] = _kind_of(data.get("kind", ""))
        form = VereinForm(data)
        if form.is_valid():
            rows.append(form.cleaned_data)
        else:
            for name, messages in form.errors.items():
                label = form.fields[name].label if name in form.fields else ""
                errors.extend(
                    _("Zeile %(line)s, %(label)s: %(message)s")
                    % {"line": line_number, "label": label, "message": message}
                    for message in messages
                )
    if not rows and not errors:
        errors.append(_("Die Liste enthält keine Vereine."))
    return ParsedList(rows, errors)


@dataclass
class InvitationResult:
    invited: list[Invitation]
    skipped: list[str]  # addresses that already have an open invitation of this city


@transaction.atomic
def invite_vereine(*, city, rows: list[dict], by) -> InvitationResult:
    """For each Verein: a profile in the city, verified by the inviting editor, and an invitation to its
    address to take the profile over as its owner. Only the city's editors (and administrators) invite."""
    if not cities_edited_by(by).filter(pk=city.pk).exists():
        raise PermissionDenied
    since = timezone.now() - dt.timedelta(seconds=INVITATION_MAX_AGE)
    pending = set(
        Invitation.objects.from_cities([city])
        .filter(accepted_at__isnull=True, revoked_at__isnull=True, created_at__gt=since)
        .values_list("email", flat=True)
    )
    invited, skipped = [], []
    for row in rows:
        email = row["email"].strip().lower()
        if email in pending:
            skipped.append(email)
            continue
        pending.add(email)
        profile = {name: row.get(name) or "" for name in PROFILE_FIELDS}
        organisation = Organisation.objects.create(
            **profile,
            email=email,
            home_city=city,
            verification_state=Organisation.VerificationState.VERIFIED,
            verified_by=by,
            verified_at=timezone.now(),
        )
        log(instance=organisation, action="organisations.verify", user=by)
        invited.append(
            send_invitation(
                organisation=organisation,
                email=email,
                by=by,
                role=Membership.Role.OWNER,
                sent_by_city=True,
            )
        )
    return InvitationResult(invited, skipped)


def invitations_seen_by(user):
    """The city invitations of the user's cities, newest first; nobody sees another city's."""
    return (
        Invitation.objects.from_cities(cities_edited_by(user))
        .select_related("organisation", "organisation__home_city", "accepted_by")
        .order_by("-created_at")
    )
