"""The Engagementnachweis as a tagged, accessible PDF (PDF/UA-1), rendered by WeasyPrint from an HTML
template in the language asked for, with the city's stage name and logo, the verification code and a QR
code (segno, as SVG) that opens the verification page."""

import base64
from pathlib import Path

import segno
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from weasyprint import HTML

from engagement.cities.sites import base_url

from .models import Certificate

LANGUAGES = ("de", "en")


def verification_url(certificate: Certificate, language: str = "de") -> str:
    with translation.override(language):
        path = reverse("hours:verify", args=[certificate.display_code])
    return base_url(certificate.city) + path


def _font_file(name: str) -> str | None:
    """A font of KERN (built into the static files by `make install`) as a file URL; None without it
    (WeasyPrint then takes a system font)."""
    found = finders.find(f"kern/fonts/{name}")
    return Path(found).as_uri() if found else None


def _logo_url(certificate: Certificate) -> str | None:
    """The city's logo as a data URL: read through the storage, whichever it is (local files, S3)."""
    city = certificate.city
    if city is None or city.logo_id is None:
        return None
    rendition = city.logo.get_rendition("max-480x160|format-png")
    with rendition.file.open("rb") as logo:
        return "data:image/png;base64," + base64.b64encode(logo.read()).decode()


def certificate_html(certificate: Certificate, language: str) -> str:
    url = verification_url(certificate, language)
    qr = segno.make(url, error="m")
    with translation.override(language):
        return render_to_string(
            "hours/certificate_pdf.html",
            {
                "certificate": certificate,
                "city": certificate.city,
                "logo_url": _logo_url(certificate),
                "verification_url": url,
                "qr_data_uri": qr.svg_data_uri(scale=4, border=0),
                "fonts": {weight: _font_file(f"fira-sans-{weight}-latin.woff2") for weight in ("400", "600")},
                "language": language,
            },
        )


def certificate_pdf(certificate: Certificate, language: str = "de") -> bytes:
    language = language if language in LANGUAGES else "de"
    html = HTML(string=certificate_html(certificate, language), base_url=str(Path.cwd()))
    return html.write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True, full_fonts=False)
