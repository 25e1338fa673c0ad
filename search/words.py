"""How citizens type, turned into what the search looks for: the query as a list of `Concept`s.

Each word of the query (or a phrase the word list knows, such as "ältere Menschen") is one concept. A
concept is found when any of its alternatives is found, and an offer ranks by how many concepts it
matches, not only when it matches all (results.py). The alternatives are of two kinds:

- **forms** of the word as typed, which count as the word itself: the word, its gender-inclusive forms
  ("Lehrer" ↔ "Lehrerin", "Lehrerinnen", "Lehrer:innen", "LehrerInnen"; "Senior:innen" ↔ "Senioren")
  and a light stem ("Kindern" → "kind", "Hunde" → "hund"), which the substring match then finds inside
  compounds ("Hundebetreuung");
- **related** words, which rank after the forms: verbs and their nouns ("helfen" → "Helfer",
  "Betreuung" → "betreuen", "Betreuer"; "vorlesen" → "lesen", "Lesung", "Lese…"), the groups of
  ``synonyms.txt`` (a word list editable without code: "Senioren" ↔ "ältere Menschen", "Nachhilfe" ↔
  "Lernhilfe") and, for a word found nowhere, the nearest words of the offers themselves ("Betruung" →
  "Betreuung"; see `Vocabulary`).

A concept that names a city ("Hund Ettlingen") also matches every offer of that city; it weighs less
than the other words, so that "Hund" decides what is found and "Ettlingen" where it ranks.

Nothing here touches the database except `Vocabulary` (the words of the offers, cached): the rules are
plain functions, tested on their own (tests/search/test_words.py).
"""

import difflib
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from django.core.cache import cache as django_cache

SYNONYMS_FILE = Path(__file__).with_name("synonyms.txt")
MAX_CONCEPTS = 8  # a longer query is cut: every concept costs a condition in each query
MIN_STEM_LENGTH = 4
LONGEST_PHRASE = 3  # words; the longest entry of the word list that is matched as one concept

# "LehrerInnen", "Lehrer:innen", "Lehrer*in", "Lehrer_innen", "Lehrer/innen", "Lehrer/-innen"
CAMEL_GENDER = re.compile(r"(?<=[a-zäöüß])In(nen)?\b")
MARKED_GENDER = re.compile(r"^(?P<base>\w{2,}?)[:*_/·]-?in(?:nen)?$")
# Feminine forms without a mark: "Lehrerin(nen)", "Seniorin", "Studentin", "Pädagogin", "Ärztin".
PLAIN_FEMININE = re.compile(r"^(?P<base>\w{3,}(?:er|or|ent|ant|ist|eur|ier|og|at|är|ör))in(?:nen)?$")
# Masculine plurals that end in -en: "Senioren", "Studenten", "Pädagogen".
MASCULINE_PLURAL = re.compile(r"^(?P<base>\w{3,}(?:or|ent|ant|ist|og|at))en$")
# Agent nouns whose feminine form is the word plus "in": "Lehrer", "Senior", "Helfer", "Student".
AGENT_NOUN = re.compile(r"^\w{3,}(?:er|or|ent|ant|ist|eur|og)$")
# Endings a light stemmer takes away (the longest first), if at least MIN_STEM_LENGTH letters remain.
ENDINGS = ("ern", "en", "er", "es", "e", "n", "s")
# Separable prefixes of verbs: "vorlesen" → "lesen", "mithelfen" → "helfen", "einkaufen" stays (its
# remainder "kaufen" means something else, but costs little: related words rank after the word itself).
VERB_PREFIXES = (
    "zurück",
    "vorbei",
    "durch",
    "nach",
    "fest",
    "frei",
    "heim",
    "weg",
    "vor",
    "mit",
    "aus",
    "auf",
    "bei",
    "ab",
    "an",
    "zu",
)
PUNCTUATION = re.compile(r"[^\w:*_/·-]+")


def tokens(query):
    """The words of a query, lower case, without punctuation around them ("Hund," → "hund"); gender
    marks inside a word stay ("lehrer:innen")."""
    query = CAMEL_GENDER.sub(lambda match: ":in" + (match.group(1) or ""), query)
    words = []
    for raw in query.split():
        word = PUNCTUATION.sub("", raw).strip(":*_/·-").lower()
        if word:
            words.append(word)
    return words


def gender_base(word):
    """The masculine (or neutral) base of a gender-inclusive or feminine form, else the word."""
    for pattern in (MARKED_GENDER, PLAIN_FEMININE, MASCULINE_PLURAL):
        match = pattern.match(word)
        if match:
            return match.group("base")
    return word


def stem(word):
    """A light stem: the word without one common ending ("kindern" → "kind", "hunde" → "hund"), kept
    only if at least MIN_STEM_LENGTH letters remain."""
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM_LENGTH:
            return word[: -len(ending)]
    return word


ACCENTS = str.maketrans("éèêáàâóòôíìî", "eeeaaaoooiii")  # not the umlauts: "Bar" is not "Bär"


def key(phrase):
    """What two spellings of the same word have in common: the stem of its base, per word, without
    accents ("Repair Cafe" is "Repair-Café")."""
    return " ".join(stem(gender_base(word)) for word in tokens(phrase.replace("-", " ").translate(ACCENTS)))


def forms(word):
    """The word as typed in its other forms: gender forms and the light stem."""
    base = gender_base(word)
    found = [word, base]
    if AGENT_NOUN.match(base) or base != word:
        found += [f"{base}in", f"{base}innen"]
    found.append(stem(base))
    return unique(found)


def derived(word):
    """Verbs and their nouns: "helfen" → "helfer", "betreuen" → "betreuung", "betreuung" → "betreuen",
    "vorlesen" → "lesen", "lesung", "lese" (the first part of compounds such as "Lesepat:in")."""
    base = gender_base(word)
    found = []
    if base.endswith("ung") and len(base) >= 6:
        root = base[:-3]
        found += [f"{root}en", f"{root}er"]
    elif base.endswith("en") and len(base) >= 5 and not MASCULINE_PLURAL.match(word):
        verbs = [base] + [
            base[len(prefix) :]
            for prefix in VERB_PREFIXES
            if base.startswith(prefix) and len(base) - len(prefix) >= 5
        ]
        for verb in verbs:
            root = verb[:-2]
            found += [verb, f"{root}e", f"{root}er", f"{root}ung"]
    elif AGENT_NOUN.match(base) and base.endswith("er") and len(base) >= 5:
        found.append(f"{base[:-2]}en")
    return [form for form in unique(found) if len(form) >= MIN_STEM_LENGTH and form not in forms(word)]


@dataclass
class Concept:
    """One thing the citizen asked for: a word (or a phrase) with its forms and related words."""

    text: str
    forms: list
    related: list = field(default_factory=list)
    city_id: int | None = None  # the city this word names, if it names one

    @property
    def alternatives(self):
        return unique(self.forms + self.related)

    @property
    def weight(self):
        """How much matching it counts: a place counts half a word."""
        return 1 if self.city_id else 2


def unique(items):
    return list(dict.fromkeys(item for item in items if item))


@cache
def synonym_groups():
    """The word list: {key of a member: [every member of its groups]}."""
    groups = {}
    for line in SYNONYMS_FILE.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        members = [" ".join(tokens(member.replace("-", " "))) for member in line.split(",")]
        members = [member for member in members if member]
        for member in members:
            groups.setdefault(key(member), [])
            groups[key(member)] = unique(groups[key(member)] + members)
    return groups


def synonyms(phrase):
    """The other members of every group the phrase belongs to."""
    return [member for member in synonym_groups().get(key(phrase), []) if key(member) != key(phrase)]


def spellings(phrase):
    """The members of the word list written differently but read the same ("repair café" for
    "repair cafe")."""
    return [member for member in synonym_groups().get(key(phrase), []) if key(member) == key(phrase)]


def concepts(query, cities=()):
    """The concepts of `query`. `cities`: (id, name) of the cities a word may name."""
    words = tokens(query)
    city_ids = {key(name): pk for pk, name in cities}
    groups = synonym_groups()
    found = []
    position = 0
    while position < len(words) and len(found) < MAX_CONCEPTS:
        for length in range(min(LONGEST_PHRASE, len(words) - position), 0, -1):
            phrase = " ".join(words[position : position + length])
            if length == 1 or key(phrase) in groups or key(phrase) in city_ids:
                break
        position += length
        if length > 1:
            spelt = unique([phrase, *spellings(phrase)])
            city_id = city_ids.get(key(phrase))
            found.append(Concept(text=phrase, forms=spelt, related=synonyms(phrase), city_id=city_id))
            continue
        word = phrase
        city_id = city_ids.get(key(word))
        related = synonyms(word) + synonyms(gender_base(word))
        found.append(
            Concept(
                text=word,
                forms=unique(forms(word) + spellings(word)),
                related=unique(related if city_id else derived(word) + related),
                city_id=city_id,
            )
        )
    return found


# --- Typos ---------------------------------------------------------------------------------------

VOCABULARY_KEY = "search:vocabulary"
VOCABULARY_SECONDS = 3600
MIN_TYPO_LENGTH = 5
TYPO_SIMILARITY = 0.8


class Vocabulary:
    """The words of the offers (titles, teasers, topics: their `search_text`) and of the word list,
    for correcting a word found nowhere ("Betruung" → "betreuung", "Tierschtz" → "tierschutz").

    Built from the `search_text` of the newest offers (matching.VOCABULARY_OFFERS) when a query first
    needs it, then cached for an hour (a new word of a new offer is corrected to after at most that
    long; a word a query finds is never corrected, so most searches never need the vocabulary). A
    typo inside a compound is corrected to the part of the compound it resembles ("Betruung" →
    "betreuung" from "hundebetreuung"), which the substring match then finds in every compound. The
    first letter is taken as typed (few typos are there): it keeps the comparisons few."""

    def __init__(self, words):
        self.words = sorted({word for word in words if len(word) >= MIN_STEM_LENGTH})

    @classmethod
    def of_offers(cls, texts):
        """`texts`: a callable returning the search texts of the offers (called on a cache miss)."""
        words = django_cache.get(VOCABULARY_KEY)
        if words is None:
            words = set()
            for text in texts():
                words.update(re.findall(r"\w+", text.lower()))
            for members in synonym_groups().values():
                for member in members:
                    words.update(member.split())
            words = sorted(words)
            django_cache.set(VOCABULARY_KEY, words, VOCABULARY_SECONDS)
        return cls(words)

    def corrections(self, word, limit=3):
        """The known words (or parts of compounds) nearest to `word`, best first."""
        if len(word) < MIN_TYPO_LENGTH:
            return []
        same_start = [known for known in self.words if known[0] == word[0]]
        whole = difflib.get_close_matches(word, same_start, n=limit, cutoff=TYPO_SIMILARITY)
        if whole:
            return whole
        parts = set()
        for known in self.words:
            if len(known) > len(word) + 1:
                for size in (len(word) - 1, len(word), len(word) + 1):
                    parts.update(part for part in (known[-size:], known[:size]) if part[0] == word[0])
        # The one part most like the word: its neighbours ("etreuung", "treuung") find the same offers.
        return difflib.get_close_matches(word, sorted(parts), n=1, cutoff=TYPO_SIMILARITY)
