import pytest

from tests.factories import make_opportunity

pytestmark = pytest.mark.django_db


def test_api_lists_with_the_same_contract_and_without_personal_data(client, verein_bretten, ettlingen):
    make_opportunity(
        organisation=verein_bretten,
        title="Tafel Bretten",
        contact_email="geheim@example.org",
        contact_phone="07252 1",
    )
    make_opportunity(city=ettlingen, title="Streuobst Ettlingen", postcode="76275")
    response = client.get("/api/v2/opportunities/", {"city": "bretten"})
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    data = response.json()
    assert data["count"] == 1 and data["next"] is None and data["previous"] is None
    item = data["results"][0]
    assert item["title"] == "Tafel Bretten" and item["city"]["slug"] == "bretten"
    assert "geheim@example.org" not in response.content.decode() and "07252" not in response.content.decode()
    assert "street" not in item["location"]

    near = client.get("/api/v2/opportunities/", {"near": "76275", "radius": 10}).json()
    assert [result["title"] for result in near["results"]] == ["Streuobst Ettlingen"]
    assert near["results"][0]["distance_km"] < 3

    detail = client.get(f"/api/v2/opportunities/{item['id']}/").json()
    assert detail["title"] == "Tafel Bretten"


def test_api_pages(client, verein_bretten):
    for number in range(21):
        make_opportunity(organisation=verein_bretten, title=f"Angebot {number}", slug=f"angebot-{number}")
    first = client.get("/api/v2/opportunities/").json()
    assert first["count"] == 21 and len(first["results"]) == 20 and "page=2" in first["next"]
    second = client.get(first["next"]).json()
    assert len(second["results"]) == 1 and "page=1" in second["previous"]


@pytest.mark.parametrize(
    "params",
    [
        {"radius": 0, "near": "76275"},
        {"city": "atlantis"},
        {"date_to": "gestern"},
        {"page": "99"},
        {"sort": "distance"},
    ],
)
def test_api_answers_bad_input_with_400_and_german_messages(client, bretten, params):
    response = client.get("/api/v2/opportunities/", params)
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert errors and all(isinstance(message, str) for messages in errors.values() for message in messages)


def test_drafts_and_expired_are_not_in_the_api(client, verein_bretten):
    draft = make_opportunity(organisation=verein_bretten, title="Entwurf", publish=False)
    assert client.get(f"/api/v2/opportunities/{draft.pk}/").status_code == 404
    assert client.get("/api/v2/opportunities/").json()["count"] == 0


def test_openapi_schema_documents_every_parameter(client):
    schema = client.get("/api/v2/openapi.json").json()
    names = {
        parameter["name"] for parameter in schema["paths"]["/api/v2/opportunities/"]["get"]["parameters"]
    }
    assert {"q", "city", "category", "near", "radius", "sort", "page", "min_age_ok", "open"} <= names
    assert schema["openapi"].startswith("3.")
