"""The English catalogue is complete and compiled; German stays the source language."""

from pathlib import Path

import polib
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext

LOCALE = Path(settings.BASE_DIR) / "locale"


def test_every_ui_string_has_an_english_translation():
    catalogue = polib.pofile(str(LOCALE / "en" / "LC_MESSAGES" / "django.po"))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    assert untranslated == []
    assert [entry.msgid for entry in catalogue.fuzzy_entries()] == []


def test_placeholders_survive_translation():
    catalogue = polib.pofile(str(LOCALE / "en" / "LC_MESSAGES" / "django.po"))
    broken = []
    for entry in catalogue.translated_entries():
        translations = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        for text in translations:
            for placeholder in ("%(counter)s", "%(city)s", "%(value)s", "%(organisation)s", "%(query)s"):
                if (placeholder in entry.msgid) != (placeholder in text):
                    broken.append(entry.msgid)
    assert broken == []


def test_compiled_catalogue_is_used_at_run_time():
    with translation.override("en"):
        assert gettext("Direkt zum Inhalt") == "Skip to content"
        assert gettext("Erklärung zur Barrierefreiheit") == "Accessibility statement"
    with translation.override("de"):
        assert gettext("Direkt zum Inhalt") == "Direkt zum Inhalt"
