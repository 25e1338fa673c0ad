"""What search engines read about an opportunity: schema.org `JobPosting` with `employmentType`
VOLUNTEER, and the link to the place on openstreetmap.org.

The street appears only where the organisation entered one. Leaving it empty is how an organisation
keeps the address private; the coordinates are then those of the postcode, and the map link opens the
area without a pin.
"""

import json
import re
from html import unescape

from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

# The escapes of Django's json_script: no "<", ">" or "&" reaches the HTML parser, so no value can
# close the <script> element or open a comment, whatever an organisation types into a title.
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}

DESCRIPTION_MAX_CHARS = 5000
# Every city of the platform lies in Baden-Württemberg (JobPosting's recommended `addressRegion`).
ADDRESS_REGION = "Baden-Württemberg"
# The organisation's logo as its profile shows it (templates/organisations/organisation_detail.html).
LOGO_SPEC = "max-240x120"
OSM_ZOOM_ADDRESS = 17
OSM_ZOOM_AREA = 14


def job_posting(page, request=None) -> dict:
    """schema.org JobPosting for a live OpportunityPage."""
    organisation = page.organisation
    description = Truncator(_plain_text(page.description or "")).chars(DESCRIPTION_MAX_CHARS)
    data = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": page.title,
        "description": "\n\n".join(part for part in (page.teaser, description) if part),
        "employmentType": "VOLUNTEER",
        # The address the visitor used (host and port as served); another site's pages keep their host.
        "url": _absolute(request, page.get_url(request)) if request is not None else page.full_url,
        "identifier": {"@type": "PropertyValue", "name": "Engagement vernetzt", "value": str(page.pk)},
        "hiringOrganization": {
            "@type": "Organization",
            "name": organisation.name,
            "url": _absolute(request, organisation.get_absolute_url()),
        },
    }
    if organisation.website:
        data["hiringOrganization"]["sameAs"] = organisation.website
    if organisation.logo_id:
        logo = organisation.logo.get_rendition(LOGO_SPEC).url
        data["hiringOrganization"]["logo"] = _absolute(request, logo)
    # Applied for here, on the offer's own page: "directApply" tells search engines so.
    data["directApply"] = page.takes_applications
    if page.first_published_at:
        data["datePosted"] = page.first_published_at.date().isoformat()
    valid_through = page.application_deadline or page.end_date
    if valid_through:
        data["validThrough"] = valid_through.isoformat()
    elif page.schedule_kind == page.ScheduleKind.ONE_OFF and page.event_start:
        data["validThrough"] = (page.event_end or page.event_start).isoformat()
    if page.schedule_kind == page.ScheduleKind.ONE_OFF and page.event_start:
        data["jobStartDate"] = page.event_start.isoformat()
    elif page.start_date:
        data["jobStartDate"] = page.start_date.isoformat()
    if page.is_remote:
        data["jobLocationType"] = "TELECOMMUTE"
        data["applicantLocationRequirements"] = {"@type": "Country", "name": "Deutschland"}
    else:
        address = {"@type": "PostalAddress", "addressCountry": "DE"}
        if page.street:
            address["streetAddress"] = page.street
        if page.postcode:
            address["postalCode"] = page.postcode
        if page.place:
            address["addressLocality"] = page.place
        address["addressRegion"] = ADDRESS_REGION
        data["jobLocation"] = {"@type": "Place", "address": address}
        if page.has_coordinates:
            data["jobLocation"]["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": page.latitude,
                "longitude": page.longitude,
            }
    if page.hours_per_week:
        data["workHours"] = f"{float(page.hours_per_week):g} h/Woche"
    if page.volunteers_needed:
        data["totalJobOpenings"] = page.volunteers_needed
    if page.requirements:
        data["qualifications"] = "; ".join(str(item) for item in page.requirements)
    if page.benefits:
        data["jobBenefits"] = "; ".join(str(item) for item in page.benefits)
    categories = [category.name for category in page.categories.all()]
    if categories:
        data["occupationalCategory"] = ", ".join(categories)
    return data


def json_ld_script(data: dict) -> str:
    """A <script type="application/ld+json"> element, escaped like Django's json_script."""
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')


def openstreetmap_url(page) -> str:
    """openstreetmap.org at the place of the opportunity; only a link, nothing is loaded from there."""
    if page.is_remote or not page.has_coordinates:
        return ""
    if page.street:
        lat, lon = f"{page.latitude:.5f}", f"{page.longitude:.5f}"
        return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map={OSM_ZOOM_ADDRESS}/{lat}/{lon}"
    # No street: show the area of the postcode, without a pin that would suggest an address.
    lat, lon = f"{page.latitude:.3f}", f"{page.longitude:.3f}"
    return f"https://www.openstreetmap.org/#map={OSM_ZOOM_AREA}/{lat}/{lon}"


def _plain_text(html):
    """Rich text as plain text with its paragraphs kept apart ("…fühlen.\n\nSie brauchen…")."""
    text = unescape(strip_tags(re.sub(r"</(p|h2|h3|li)>|<br\s*/?>", "\n\n", html)))
    return re.sub(r"\n\s*\n+", "\n\n", text).strip()


def _absolute(request, path):
    return request.build_absolute_uri(path) if request is not None else path
