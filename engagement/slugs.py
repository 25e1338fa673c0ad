from django.utils.text import slugify

GERMAN_TRANSLITERATION = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
)


def german_slugify(value: str) -> str:
    """ "Hilfe für Grundschüler" → "hilfe-fuer-grundschueler" (not "hilfe-fur-grundschuler")."""
    return slugify(value.translate(GERMAN_TRANSLITERATION))
