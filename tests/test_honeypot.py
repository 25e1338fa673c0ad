"""The one honeypot of the public forms (engagement/honeypot.py, templates/components/honeypot.html)."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache

from tests.factories import make_opportunity

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


def public_form_paths(bretten, verein_bretten):
    page = make_opportunity(organisation=verein_bretten, title="Lesepat:in")
    return {
        "application": page.url,
        "content report": f"/melden/{page.pk}/",
        "registration": "/mein-verein/registrieren/",
        "accessibility feedback": "/bretten/barrierefreiheit/",
    }


@pytest.mark.parametrize("form", ["application", "content report", "registration", "accessibility feedback"])
def test_every_public_form_has_one_honeypot_hidden_from_people_and_keyboards(
    client, bretten, verein_bretten, form
):
    html = client.get(public_form_paths(bretten, verein_bretten)[form]).content.decode()

    honeypots = re.findall(r'<div class="ev-honeypot" aria-hidden="true">(.*?)</div>', html, re.S)
    assert len(honeypots) == 1
    assert len(re.findall(r'name="website"', html)) == 1, "the field is not rendered a second time"
    honeypot = honeypots[0]
    assert 'tabindex="-1"' in honeypot and 'autocomplete="off"' in honeypot
    assert '<label for="id_website">Bitte dieses Feld leer lassen</label>' in honeypot


def test_a_filled_honeypot_registers_nobody_but_looks_like_success(client, mailoutbox):
    response = client.post(
        "/mein-verein/registrieren/",
        {
            "first_name": "Jana",
            "last_name": "Vogel",
            "email": "jana@verein.example.org",
            "password": "Ehrenamt-2026",
            "website": "http://spam.example",
        },
    )

    assert "Bitte schauen Sie in Ihr Postfach." in response.content.decode()
    assert not get_user_model().objects.filter(email="jana@verein.example.org").exists()
    assert mailoutbox == []
