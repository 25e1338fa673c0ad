"""The Engagement-Finder "Was passt zu mir?": which offer comes first and why, every question skippable,
the answers in the address only, the same search query underneath, and a bounded number of queries."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from engagement.taxonomy.models import Activity, Suitability
from search.finder import QUESTIONS, Answers, Finder, score
from tests.factories import make_opportunity

pytestmark = pytest.mark.django_db

RESULTS = "/finder/ergebnis/"


def offer(organisation=None, city=None, activities=(), suitable_for=(), **fields):
    page = make_opportunity(organisation=organisation, city=city, **fields)
    if activities or suitable_for:
        page.activities.set(Activity.objects.filter(slug__in=activities))
        page.suitable_for.set(Suitability.objects.filter(slug__in=suitable_for))
        page.save()  # commits the page's many-to-many relations (modelcluster)
    return page


def next_saturday(hour):
    today = timezone.localdate()
    days = (5 - today.weekday()) % 7 or 7
    day = today + dt.timedelta(days=days)
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, 0)))


def ranked(client, params, url=RESULTS):
    """(title, reasons) of the results, best first, as the page shows them."""
    response = client.get(url, params)
    assert response.status_code == 200, response.content.decode()[:2000]
    return [(card.title, card.fit_reasons) for card in response.context["page_obj"].object_list]


@pytest.fixture
def animals_and_gardens(verein_bretten, ettlingen):
    """Four offers around Bretten (75015) and Ettlingen (76275, about 25 km away)."""
    return {
        "weekend_animals": offer(
            organisation=verein_bretten,
            title="Tierheim am Wochenende",
            categories=("tierschutz",),
            rhythm="samstags 10–13 Uhr",
        ),
        "garden": offer(
            organisation=verein_bretten,
            title="Gemeinschaftsgarten",
            categories=("umwelt-natur",),
            activities=("gaertnern",),
            rhythm="dienstags 9–11 Uhr",
        ),
        "far_animals": offer(
            city=ettlingen, title="Tierheim Ettlingen", categories=("tierschutz",), rhythm="donnerstags"
        ),
        "homework": offer(organisation=verein_bretten, title="Hausaufgabenhilfe", categories=("bildung",)),
    }


# --- Ranking on fixed rows ----------------------------------------------------------------------


def test_topics_time_and_place_rank_the_offers_and_say_why(client, animals_and_gardens):
    answers = {
        "category": "tierschutz",
        "activity": "gaertnern",
        "days": "weekends",
        "near": "75015",
        "radius": "50",
    }
    assert ranked(client, answers) == [
        # topic 3 + weekend 1 + under 2 km 3 = 7
        ("Tierheim am Wochenende", ["Tierschutz", "am Wochenende", "unter 1 km"]),
        # activity 3 + under 2 km 3 = 6
        ("Gemeinschaftsgarten", ["Gärtnern & Pflegen", "unter 1 km"]),
        # topic 3 + within the radius 1 = 4
        ("Tierheim Ettlingen", ["Tierschutz", "25 km"]),
    ]  # "Hausaufgabenhilfe" has neither topic nor activity: not a candidate


def test_the_reasons_read_as_one_line_on_the_card(client, animals_and_gardens):
    response = client.get(RESULTS, {"category": "tierschutz", "days": "weekends", "near": "75015"})
    text = re.sub(r"\s+", " ", response.content.decode())
    assert "passt zu:</strong> Tierschutz, am Wochenende, unter 1 km" in text


def test_an_offer_outside_the_radius_is_not_shown_however_well_it_fits(client, animals_and_gardens):
    titles = [title for title, _reasons in ranked(client, {"category": "tierschutz", "near": "75015"})]
    assert titles == ["Tierheim am Wochenende"]  # Ettlingen is 25 km away, the radius 10 km


def test_an_offer_for_older_volunteers_is_not_shown_to_a_fourteen_year_old(client, verein_bretten):
    offer(organisation=verein_bretten, title="Ab 18", minimum_age=18)
    offer(
        organisation=verein_bretten,
        title="Für Jugendliche",
        minimum_age=14,
        minors_welcome=True,
        suitable_for=("jugendliche",),
    )
    offer(organisation=verein_bretten, title="Ohne Altersgrenze")
    # Under 18 only offers that say young people are welcome (as the search's age filter does).
    assert ranked(client, {"min_age_ok": "14"}) == [("Für Jugendliche", ["für Jugendliche"])]


def test_a_need_for_barrier_free_access_leaves_out_offers_with_steps(client, verein_bretten):
    offer(organisation=verein_bretten, title="Mit Stufen")
    offer(organisation=verein_bretten, title="Ebenerdig", step_free_access=True)
    assert ranked(client, {"barrier_free": "1"}) == [("Ebenerdig", ["barrierefrei"])]


def test_families_and_company_teams_find_offers_that_suit_them_first(client, verein_bretten):
    offer(organisation=verein_bretten, title="Allein")
    offer(organisation=verein_bretten, title="Familienfest", suitable_for=("familien",))
    offer(organisation=verein_bretten, title="Teamtag", suitable_for=("gruppen",))
    assert ranked(client, {"with": "family"})[0] == ("Familienfest", ["mit Familie"])
    assert ranked(client, {"with": "team"})[0] == ("Teamtag", ["für Firmenteams"])
    assert ranked(client, {"with": "friends"})[0] == ("Teamtag", ["für Gruppen"])
    # Alone: every offer suits, none gets a point for it; the newest comes first.
    assert [reasons for _title, reasons in ranked(client, {"with": "alone"})] == [[], [], []]


def test_time_fits_by_kind_day_and_hours(client, verein_bretten):
    offer(
        organisation=verein_bretten,
        title="Sommerfest am Samstagabend",
        schedule_kind="one_off",
        rhythm="",
        event_start=next_saturday(18),
        event_end=next_saturday(21),
    )
    offer(organisation=verein_bretten, title="Jede Woche drei Stunden", hours_per_week=3)
    offer(organisation=verein_bretten, title="Wann es passt", schedule_kind="flexible", rhythm="")
    assert ranked(client, {"schedule": "one_off", "days": ["weekends", "evenings"], "hours": "4"}) == [
        # one-off 2 + weekend 1 + evening 1 + 3 hours 1 = 5
        ("Sommerfest am Samstagabend", ["einmalig", "am Wochenende, abends", "3 Std. einmalig"]),
        # flexible: fits any kind (2) and any day (2), its hours unknown
        ("Wann es passt", ["zeitlich flexibel"]),
        # regular, Wednesdays: 13 hours a month are more than 4
        ("Jede Woche drei Stunden", []),
    ]


def test_a_language_named_in_the_offer_counts(client, verein_bretten):
    offer(organisation=verein_bretten, title="Deutsch nötig", language_requirements="Deutsch (gut)")
    offer(organisation=verein_bretten, title="Arabisch hilfreich", language_requirements="Arabisch hilfreich")
    assert ranked(client, {"language": ["ar", "en"]})[0] == ("Arabisch hilfreich", ["Arabisch"])


def test_nearer_offers_score_more_and_equal_ones_go_newest_first(client, verein_bretten, ettlingen):
    offer(city=ettlingen, title="Weit", categories=("sport",))
    offer(organisation=verein_bretten, title="Nah, älter", categories=("sport",))
    offer(organisation=verein_bretten, title="Nah, neuer", categories=("sport",))
    titles = [title for title, _r in ranked(client, {"category": "sport", "near": "75015", "radius": "100"})]
    assert titles == ["Nah, neuer", "Nah, älter", "Weit"]


def test_the_score_is_a_plain_function_of_answers_and_row():
    row = {
        "category_ids": "3 7",
        "schedule_kind": "regular",
        "event_start": None,
        "event_end": None,
        "rhythm": "sonntags ab 18 Uhr",
        "hours_per_week": None,
    }

    class Topic:
        pk, display_name = 7, "Tierschutz"

    answers = Answers(categories=[Topic()], schedules=["regular"], days=["weekends", "evenings", "weekdays"])
    assert score(answers, row) == (3 + 2 + 2, ["Tierschutz", "regelmäßig", "am Wochenende, abends"])
    assert score(Answers(), row) == (0, [])


def test_offers_that_ended_are_never_suggested(client, verein_bretten):
    offer(
        organisation=verein_bretten,
        title="Vorbei",
        application_deadline=timezone.localdate() - dt.timedelta(1),
    )
    offer(organisation=verein_bretten, title="Aktuell")
    assert [title for title, _r in ranked(client, {})] == ["Aktuell"]


# --- Negative cases: other city, unknown answers --------------------------------------------------


def test_inside_a_city_section_only_that_citys_offers_are_suggested(client, animals_and_gardens):
    titles = [
        title for title, _r in ranked(client, {"category": "tierschutz"}, url="/ettlingen/finder/ergebnis/")
    ]
    assert titles == ["Tierheim Ettlingen"]
    everywhere = ranked(client, {"category": "tierschutz", "region": "1"}, url="/ettlingen/finder/ergebnis/")
    assert {title for title, _r in everywhere} == {"Tierheim Ettlingen", "Tierheim am Wochenende"}


def test_an_unknown_city_section_is_not_found(client, bretten):
    assert client.get("/atlantis/finder/").status_code == 404
    assert client.get("/atlantis/finder/ergebnis/").status_code == 404


@pytest.mark.parametrize(
    ("params", "message", "question"),
    [
        ({"category": "raumfahrt"}, "Das Thema „raumfahrt“ kennen wir nicht.", 1),
        ({"days": "nachts"}, "„nachts“ ist keine Tageszeit, die wir kennen.", 3),
        ({"radius": "500", "near": "75015"}, "Der Umkreis darf höchstens 100 km sein.", 4),
        ({"with": "hund"}, "„hund“ können wir nicht zuordnen.", 6),
    ],
)
def test_wrong_answers_get_a_german_message_linking_to_their_question(
    client, bretten, params, message, question
):
    response = client.get(RESULTS, params)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert f'href="/finder/frage/{question}/?' in html


def test_a_question_with_a_wrong_answer_stays_and_says_what_is_wrong(client, bretten):
    response = client.get("/finder/frage/4/", {"near": "Atlantis", "weiter": "1"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Den Ort „Atlantis“ kennen wir nicht." in html
    assert 'aria-invalid="true"' in html


def test_question_numbers_outside_the_flow_are_not_found(client, bretten):
    assert client.get("/finder/frage/0/").status_code == 404
    assert client.get("/finder/frage/7/").status_code == 404


# --- The flow: one question a page, each skippable, answers in the address -------------------------


def test_every_question_can_be_skipped_and_the_results_still_come(client, animals_and_gardens):
    url = "/finder/frage/1/"
    for number in range(1, len(QUESTIONS) + 1):
        response = client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        assert f"Frage {number} von 6" in html
        skip = re.search(r'<a class="kern-link" href="([^"]+)">Frage überspringen', html)
        assert skip, f"question {number} has a skip link"
        url = skip.group(1).replace("&amp;", "&")
    assert url == RESULTS
    assert len(ranked(client, {})) == 4


def test_skipping_a_question_drops_only_its_own_answers(client, bretten):
    response = client.get("/finder/frage/3/", {"category": "sport", "schedule": "regular", "leicht": "1"})
    html = response.content.decode().replace("&amp;", "&")
    assert 'href="/finder/frage/4/?category=sport&leicht=1">Frage überspringen' in html
    assert 'href="/finder/frage/2/?category=sport&schedule=regular&leicht=1"' in html  # back


def test_answering_goes_on_to_the_next_question_with_every_answer_in_the_address(client, bretten):
    response = client.get("/finder/frage/2/", {"category": "sport", "activity": "beraten", "weiter": "1"})
    assert response.status_code == 302
    assert response["Location"] == "/finder/frage/3/?category=sport&activity=beraten"
    last = client.get("/finder/frage/6/", {"category": "sport", "with": "family", "weiter": "1"})
    assert last["Location"] == "/finder/ergebnis/?category=sport&with=family"
    assert not client.cookies  # nothing kept but the address


def test_a_question_page_carries_the_other_answers_as_hidden_fields(client, bretten):
    html = client.get("/finder/frage/5/", {"category": "sport", "near": "75015", "min_age_ok": "16"}).content
    html = html.decode()
    assert '<input type="hidden" name="category" value="sport">' in html
    assert '<input type="hidden" name="near" value="75015">' in html
    assert 'name="min_age_ok"' in html and 'value="16" checked' in html
    assert '<input type="hidden" name="min_age_ok"' not in html  # its own answer is the radio button


def test_questions_are_fieldsets_with_legends_and_a_progress(client, bretten):
    html = client.get("/finder/frage/3/").content.decode()
    assert html.count("<fieldset") == html.count("<legend") == 3
    assert '<progress id="finder-progress" max="6" value="3">' in html
    assert 'method="get"' in html


def test_easy_language_is_a_switch_in_the_address(client, bretten):
    standard = client.get("/finder/frage/4/").content.decode()
    easy = client.get("/finder/frage/4/", {"leicht": "1"}).content.decode()
    assert "Wo möchten Sie sich engagieren?" in standard
    assert "Wo wollen Sie helfen?" in easy
    assert "Post-Leit-Zahl" in easy
    assert 'href="?leicht=1">Fragen in Leichter Sprache' in standard
    assert 'href="?">Fragen in Standardsprache' in easy


def test_the_questions_are_in_english_under_en(client, bretten):
    html = client.get("/en/finder/frage/1/").content.decode()
    assert "What matters to you?" in html
    assert "Question 1 of 6" in html


# --- The results page: alert, search, share ---------------------------------------------------------


def test_the_results_offer_to_save_the_answers_as_an_alert(client, animals_and_gardens):
    response = client.get(RESULTS, {"category": "tierschutz", "days": "weekends", "near": "75015"})
    html = response.content.decode().replace("&amp;", "&")
    alert = re.search(r'href="([^"]+)" id="finder-alert"', html).group(1)
    assert alert == "/benachrichtigungen/neu/?category=tierschutz&near=75015"
    assert client.get(alert).status_code == 200  # the alert form takes it as a search


def test_the_finder_reads_the_same_search_query_as_the_search_page(bretten):
    finder = Finder("category=sport&near=75015&radius=5&days=weekends&q=ignored&sort=newest")
    assert finder.is_valid
    assert finder.search.params.urlencode() == "category=sport&near=75015&radius=5"
    assert finder.search.circle.radius_km == 5


def test_the_query_count_does_not_grow_with_the_offers(client, verein_bretten, django_assert_max_num_queries):
    answers = {
        "category": ["tierschutz", "sport"],
        "activity": "gaertnern",
        "days": "weekends",
        "near": "75015",
        "min_age_ok": "16",
        "with": "family",
        "language": "en",
    }

    def count():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(RESULTS, answers).status_code == 200
        return len(captured)

    offer(organisation=verein_bretten, title="Eins", categories=("tierschutz",), suitable_for=("familien",))
    count()  # the first request fills the caches (the place looked up, when listings change)
    few = count()
    for number in range(12):
        offer(
            organisation=verein_bretten,
            title=f"Angebot {number}",
            categories=("sport",),
            activities=("gaertnern",),
            suitable_for=("familien",),
        )
    assert count() == few
    # The search's checks, the candidates, their activities and suitabilities, and one page of cards.
    with django_assert_max_num_queries(13):
        client.get(RESULTS, answers)


def test_no_answers_shows_the_newest_current_offers(client, verein_bretten):
    offer(organisation=verein_bretten, title="Älter")
    offer(organisation=verein_bretten, title="Neuer")
    response = client.get(RESULTS)
    assert [card.title for card in response.context["page_obj"].object_list] == ["Neuer", "Älter"]
    assert "passt zu" not in response.content.decode()


def test_the_results_repeat_the_answers_in_words(client, animals_and_gardens):
    response = client.get(
        RESULTS,
        {"category": "tierschutz", "days": "weekends", "hours": "8", "near": "75015", "min_age_ok": "16"},
    )
    assert response.context["answers_line"] == (
        "Tierschutz; am Wochenende, bis 8 Stunden im Monat; 75015, 10 km; 16 oder 17 Jahre"
    )
    html = response.content.decode()
    assert "Was machen Sie gern? – übersprungen" in html


def test_the_search_page_points_to_the_finder_in_its_own_city(client, bretten):
    assert 'href="/finder/">Was passt zu mir?' in client.get("/suche/").content.decode()
    assert 'href="/bretten/finder/">Was passt zu mir?' in client.get("/bretten/suche/").content.decode()


def test_with_more_candidates_than_it_ranks_the_finder_ranks_the_newest(client, verein_bretten, monkeypatch):
    monkeypatch.setattr("search.finder.CANDIDATES", 2)
    for title in ("Erstes", "Zweites", "Drittes"):
        offer(organisation=verein_bretten, title=title, categories=("sport",))
    response = client.get(RESULTS, {"category": "sport"})
    assert [card.title for card in response.context["page_obj"].object_list] == ["Drittes", "Zweites"]
    assert "Die 2 neuesten passenden Angebote" in response.content.decode()


def test_around_a_place_with_more_candidates_than_it_ranks_the_finder_ranks_the_nearest(
    client, verein_bretten, ettlingen, monkeypatch
):
    monkeypatch.setattr("search.finder.CANDIDATES", 2)
    offer(organisation=verein_bretten, title="Nah, älter", categories=("sport",))
    offer(organisation=verein_bretten, title="Nah", categories=("sport",))
    offer(city=ettlingen, title="Weit, neuestes", categories=("sport",))
    titles = [title for title, _r in ranked(client, {"category": "sport", "near": "75015", "radius": "50"})]
    assert titles == ["Nah", "Nah, älter"]
