"""The per-city accessibility statement names the self-assessment's known limitations."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from engagement.legal.defaults import KNOWN_LIMITATIONS, SELF_ASSESSMENT_DATE
from engagement.legal.models import LegalPage

DOC = Path(settings.BASE_DIR) / "docs" / "accessibility.md"


def known_limitations_in_the_document() -> list[str]:
    text = DOC.read_text()
    section = text.split("## Bekannte Einschränkungen", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\d+\. \*\*(.+?)\*\*", section, re.M)


def test_document_assesses_all_98_test_steps():
    steps = re.findall(r"^\| (\d+(?:\.\d+)+[a-h]?) \| ", DOC.read_text(), re.M)
    assert len(steps) == len(set(steps)) == 98


def test_statement_lists_as_many_limitations_as_the_document():
    assert len(known_limitations_in_the_document()) == len(KNOWN_LIMITATIONS) == 4


def test_document_and_statement_carry_the_same_date():
    assert "Stand: 25. November 2026" in DOC.read_text()
    assert SELF_ASSESSMENT_DATE == "25. November 2026"


@pytest.mark.django_db
def test_city_statement_shows_the_limitations_and_points_to_the_self_assessment(client, bretten):
    statement = LegalPage.objects.child_of(bretten).get(kind=LegalPage.Kind.ACCESSIBILITY)
    html = client.get(statement.url).content.decode()
    assert "noch nicht mit einem Screenreader" in html
    assert "Deutscher Gebärdensprache" in html
    assert "98 Prüfschritten des BITV-Tests" in html
    assert "docs/accessibility.md" in html
