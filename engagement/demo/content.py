"""The demo content of ``manage.py load_demo``: data files in ``content/`` with the defaults given here.

Three cities, their organisations and engagement opportunities, all invented. An entry names only what
differs from the defaults below; a key the loader does not know is an error (a typo would otherwise be
dropped silently). Dates are days relative to the day of loading, so a freshly loaded demo looks current.
"""

from pathlib import Path

import yaml

FOLDER = Path(__file__).with_name("content")

CITY_FIELDS = (
    "slug",
    "name",
    "postcodes",
    "intro",
    "contact_name",
    "contact_role",
    "contact_phone",
    "contact_email",
    "accent_colour",
)

ORGANISATION_DEFAULTS = {
    "website": "",
    "email": "",
    "phone": "",
    "street": "",
    "verification_state": "verified",
}
ORGANISATION_FIELDS = (
    "key",
    "name",
    "city",
    "kind",
    "description",
    "postcode",
    "place",
    *ORGANISATION_DEFAULTS,
)

OPPORTUNITY_DEFAULTS = {
    "categories": [],
    "activities": [],
    "target_groups": [],
    "suitable_for": [],
    "rhythm": "",
    "hours_per_week": None,
    "event_in_days": None,
    "event_start": None,
    "event_hours": None,
    "starts_in_days": None,
    "ends_in_days": None,
    "deadline_in_days": None,
    "remote": False,
    "street": "",
    "volunteers_needed": None,
    "recruitment_status": "open",
    "waiting_list": False,
    "minimum_age": None,
    "requires_extended_certificate": False,
    "requires_driving_licence": False,
    "language_requirements": "",
    "other_requirements": "",
    "step_free_access": False,
    "accessible_toilet": False,
    "public_transport": False,
    "quiet_place": False,
    "easy_language": False,
    "no_experience_needed": False,
    "minors_supervised": False,
    "minors_insured": False,
    "accessibility_note": "",
    "offers_training": False,
    "offers_insurance": True,
    "offers_expense_allowance": False,
    "offers_certificate": True,
    "benefits_note": "",
    "contact_name": "",
    "contact_phone": "",
    "contact_email": "",
}
OPPORTUNITY_FIELDS = (
    "organisation",
    "title",
    "teaser",
    "description",
    "schedule",
    "postcode",
    "place",
    *OPPORTUNITY_DEFAULTS,
)


class DemoContentError(ValueError):
    pass


def cities() -> list[dict]:
    return _entries("cities", CITY_FIELDS, {})


def organisations() -> list[dict]:
    return _entries("organisations", ORGANISATION_FIELDS, ORGANISATION_DEFAULTS)


def opportunities() -> list[dict]:
    return _entries("opportunities", OPPORTUNITY_FIELDS, OPPORTUNITY_DEFAULTS)


NEED_FIELDS = (
    "organisation",
    "title",
    "kind",
    "resource",
    "description",
    "handover",
    "until_in_days",
    "fee",
    "deposit",
    "fee_note",
    "loans",
)
NEED_DEFAULTS = {"until_in_days": None, "fee": None, "deposit": None, "fee_note": "", "loans": []}


def needs() -> list[dict]:
    return _entries("needs", NEED_FIELDS, NEED_DEFAULTS)


def _entries(name, fields, defaults) -> list[dict]:
    entries = []
    for number, entry in enumerate(_read(name), start=1):
        unknown = set(entry) - set(fields)
        missing = set(fields) - set(defaults) - set(entry)
        if unknown or missing:
            raise DemoContentError(
                f"content/{name}.yaml, entry {number}: "
                f"unknown keys {sorted(unknown)}, missing {sorted(missing)}"
            )
        # Fresh copies of the default lists: a caller may change its entry.
        entries.append({**{key: _copy(value) for key, value in defaults.items()}, **entry})
    return entries


def _copy(value):
    return list(value) if isinstance(value, list) else value


def _read(name) -> list[dict]:
    with open(FOLDER / f"{name}.yaml", encoding="utf-8") as file:
        return yaml.safe_load(file)
