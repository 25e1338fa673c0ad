"""How a query is read into concepts (search/words.py): the rules on their own, without a database."""

import pytest

from search.compounds import fewest
from search.words import Vocabulary, concepts, key, synonym_groups, tokens

CITIES = [(1, "Ettlingen"), (2, "Baden-Baden"), (3, "Bretten")]


def only(query):
    [concept] = concepts(query, CITIES)
    return concept


@pytest.mark.parametrize("typed", ["Lehrerin", "Lehrerinnen", "Lehrer:innen", "LehrerInnen", "Lehrer*innen"])
def test_every_gender_form_is_read_as_the_same_word(typed):
    concept = only(typed)
    assert {"lehrer", "lehrerin", "lehrerinnen"} <= set(concept.forms)
    assert "lehrkräfte" in concept.related  # from the word list


def test_a_masculine_word_finds_the_inclusive_forms_through_one_substring():
    concept = only("Lehrer")
    assert {"lehrerin", "lehrerinnen"} <= set(concept.forms)
    assert fewest(concept.forms) == ["lehr"]  # "lehr" is inside "lehrer:innen" and "lehrerinnen"


def test_a_plural_of_persons_is_read_as_its_singular():
    assert "senior" in only("Senioren").forms
    assert "senior" in only("Seniorinnen").forms


def test_verbs_bring_their_nouns_and_nouns_their_verbs():
    assert {"helfer", "hilfe"} <= set(only("helfen").related)
    assert {"betreuen", "betreuer"} <= set(only("Betreuung").related)
    # A separable verb brings the verb without its prefix and the first part of compounds of it.
    assert {"lesen", "lese", "lesung"} <= set(only("vorlesen").related)


def test_related_words_are_not_forms_of_the_word():
    concept = only("vorlesen")
    assert "lesen" not in concept.forms
    assert not set(concept.forms) & set(concept.related)


def test_a_phrase_of_the_word_list_is_one_concept():
    [older, smartphone] = concepts("ältere Menschen Smartphone", CITIES)
    assert older.text == "ältere menschen"
    assert "senioren" in older.related
    assert smartphone.text == "smartphone"


def test_a_city_in_the_query_is_a_place_that_counts_less():
    dog, place = concepts("Hund Ettlingen", CITIES)
    assert (dog.city_id, place.city_id) == (None, 1)
    assert place.weight < dog.weight
    assert only("baden-baden").city_id == 2


def test_accents_and_punctuation_do_not_matter():
    assert tokens('"Hund," (Bretten)') == ["hund", "bretten"]
    [repair_cafe] = concepts("Repair Cafe", CITIES)
    assert "repair café" in repair_cafe.forms


def test_the_word_list_is_plain_text_groups():
    groups = synonym_groups()
    assert "lernhilfe" in groups[key("Nachhilfe")]
    assert "nachhilfe" in groups[key("Lernhilfe")]
    assert "ältere menschen" in groups[key("Senioren")]


def test_typos_are_corrected_to_known_words_or_parts_of_compounds():
    vocabulary = Vocabulary(["kinderbetreuung", "hundebetreuung", "tierschutz", "betreut"])
    assert vocabulary.corrections("tierschtz") == ["tierschutz"]
    assert vocabulary.corrections("kinderbetreung") == ["kinderbetreuung"]
    assert vocabulary.corrections("betruung") == ["betreuung"]  # the part of both compounds
    assert vocabulary.corrections("zirkus") == []
    assert vocabulary.corrections("hnd") == []  # too short to guess


def test_a_query_without_letters_has_no_concepts():
    assert concepts("- % *", CITIES) == []
