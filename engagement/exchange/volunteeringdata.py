"""The offers as JSON-LD after the open Volunteering Data standard (standard.volunteeringdata.io).

Its model: an Organisation runs Activities; an Activity has Roles (what a volunteer does, the commitment,
how to apply, minimum age, requirements, rewards) and Sessions (where and when). One of our offers is one
Activity with one Role and one Session; the organisations come with their activities nested, as the
standard's examples show. Terms of the standard's vocabularies are used where they exist (causes for our
topics and target groups, the requirement DBSCheck for the extended certificate, the rewards of its
examples, PhysicalAccessibility); docs/data-exchange.md lists the mapping and what has no equivalent.

Every id is the public address of the thing (the offer's page, the organisation's profile), so the data
can be looked up at its source, as the standard prefers.
"""

import itertools
import json

from django.utils import timezone

from engagement.opportunities.models import OpportunityPage

from .offers import source_id_of
from .text import rich_text_to_plain

CONTEXT = "https://api.volunteeringdata.io/context/v1"
NS = "https://ns.volunteeringdata.io/"

# Our topics (category slugs) → the standard's cause taxonomy.
CATEGORY_CAUSES = {
    "kinder-jugend": "YouthAndChildren",
    "senioren": "OlderPeople",
    "sport": "SportOutdoorActivities",
    "kultur": "ArtsAndCulture",
    "umwelt-natur": "Environment",
    "soziales": "Community",
    "flucht-integration": "RefugeesAsylumSeekers",
    "bildung": "EducationLanguages",
    "gesundheit-pflege": "Health",
    "tierschutz": "AnimalWelfare",
    "rettung": "DevelopmentEmergencyRelief",
    "nachbarschaftshilfe": "LocalCommunity",
}
# Our target groups → causes (the standard's cause taxonomy also names groups of people).
TARGET_GROUP_CAUSES = {
    "kinder": "YouthAndChildren",
    "jugendliche": "YouthAndChildren",
    "familien": "Families",
    "senioren": "OlderPeople",
    "menschen-mit-behinderung": "Disability",
    "gefluechtete": "RefugeesAsylumSeekers",
    "kranke": "Illness",
    "tiere": "AnimalWelfare",
}
REWARDS = {
    "offers_training": "TrainingProvided",
    "offers_expense_allowance": "ExpensesReimbursed",
}


def _term(name: str) -> str:
    return NS + name


def _causes(page) -> list[str]:
    names = [CATEGORY_CAUSES.get(category.slug) for category in page.categories.all()]
    names += [TARGET_GROUP_CAUSES.get(group.slug) for group in page.target_groups.all()]
    return [_term(name) for name in dict.fromkeys(names) if name]


def _commitment(page) -> str:
    parts = [page.rhythm] if page.rhythm else []
    if page.hours_per_week is not None:
        parts.append(f"{str(page.hours_per_week).replace('.', ',')} Stunden pro Woche")
    if not parts:
        parts.append(str(OpportunityPage.ScheduleKind(page.schedule_kind).label))
    return ", ".join(parts)


def _time(page):
    """A one-off date as an OWL-Time interval; regular and flexible offers have no fixed session time."""
    if page.schedule_kind != OpportunityPage.ScheduleKind.ONE_OFF or not page.event_start:
        return None
    time = {
        "type": "Time",
        "time:hasBeginning": {"time:inXSDDateTimeStamp": timezone.localtime(page.event_start).isoformat()},
    }
    if page.event_end:
        time["time:hasEnd"] = {"time:inXSDDateTimeStamp": timezone.localtime(page.event_end).isoformat()}
    return time


def _session(page):
    session = {"type": "Session"}
    if not page.is_remote:
        address = ", ".join(part for part in (page.street, f"{page.postcode} {page.place}".strip()) if part)
        location = {"type": "Location", "address": f"{address}, Deutschland" if address else "Deutschland"}
        if page.latitude is not None and page.longitude is not None:
            location["latitude"] = f"{page.latitude:.5f}"
            location["longitude"] = f"{page.longitude:.5f}"
        session["location"] = location
    time = _time(page)
    if time:
        session["time"] = time
    return session if len(session) > 1 else None


def _role(page, url):
    role = {
        "type": "Role",
        "id": url + "#rolle",
        "title": page.title,
        "description": page.teaser,
        "commitment": _commitment(page),
        "applyLink": url,
        "allowsRemoteParticipation": page.is_remote,
    }
    if page.minimum_age:
        role["minimumAge"] = str(page.minimum_age)
    requirements = [_term("DBSCheck")] if page.requires_extended_certificate else []
    if requirements:
        role["requirement"] = requirements
    rewards = [_term(term) for field, term in REWARDS.items() if getattr(page, field)]
    if rewards:
        role["reward"] = rewards
    if page.step_free_access:
        role["accessibility"] = [_term("PhysicalAccessibility")]
    return role


def activity_of(page, url):
    activity = {
        "type": "Activity",
        "id": url,
        # Dublin Core's identifier (the standard has none of its own): the id the CSV export carries too.
        "http://purl.org/dc/terms/identifier": source_id_of(page),
        "title": page.title,
        "description": rich_text_to_plain(page.description) or page.teaser,
        "role": _role(page, url),
    }
    if page.application_deadline:
        activity["publishEnd"] = page.application_deadline.isoformat()
    elif page.end_date:
        activity["publishEnd"] = page.end_date.isoformat()
    session = _session(page)
    if session:
        activity["session"] = session
    return activity


def organisation_of(organisation, url, activities):
    node = {"type": "Organisation", "id": url, "name": organisation.name}
    if organisation.description:
        node["description"] = organisation.description
    if organisation.website:
        node["website"] = organisation.website
    causes = list(dict.fromkeys(cause for activity in activities for cause in activity.pop("_causes")))
    if causes:
        node["cause"] = causes
    node["activity"] = activities
    return node


def stream(offers, *, url_of, organisation_url_of):
    """The document piece by piece: one organisation with its activities at a time (the offers come
    ordered by organisation), so a large export never sits in memory whole."""
    yield '{"@context": ' + json.dumps(CONTEXT) + ', "@graph": ['
    first = True
    for _organisation_id, pages in itertools.groupby(offers, key=lambda page: page.organisation_id):
        pages = list(pages)
        activities = []
        for page in pages:
            activity = activity_of(page, url_of(page))
            activity["_causes"] = _causes(page)
            activities.append(activity)
        organisation = pages[0].organisation
        node = organisation_of(organisation, organisation_url_of(organisation), activities)
        yield ("" if first else ",") + "\n" + json.dumps(node, ensure_ascii=False)
        first = False
    yield "\n]}\n"
