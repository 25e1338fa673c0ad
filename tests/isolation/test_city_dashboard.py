import datetime as dt

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from tests.factories import OrganisationFactory, UserFactory, make_opportunity

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(bretten, ettlingen):
    user = UserFactory(username="redaktion-bretten")
    user.groups.add(Group.objects.get(name="Redaktion Bretten"))
    return user


def test_dashboard_shows_the_work_waiting_in_the_own_city_only(client, editor, bretten, ettlingen, superuser):
    OrganisationFactory(name="Neuer Chor Bretten", home_city=bretten, verification_state="pending")
    OrganisationFactory(name="Neuer Chor Ettlingen", home_city=ettlingen, verification_state="pending")
    soon = timezone.localdate() + dt.timedelta(days=5)
    make_opportunity(city=bretten, title="Endet bald in Bretten", end_date=soon)
    make_opportunity(city=ettlingen, title="Endet bald in Ettlingen", end_date=soon)
    draft = make_opportunity(city=bretten, title="Entwurf Bretten", publish=False)
    draft.get_workflow().start(draft, superuser)

    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    assert "Ihre Stadt: Bretten" in html
    assert "Neuer Chor Bretten" in html
    assert "Endet bald in Bretten" in html
    assert "1 Angebot wartet auf Ihre Prüfung." in html
    assert "<dt>Angebote online</dt><dd>1</dd>" in html  # Bretten's, not Ettlingen's
    assert "<dd>2 / 1 / 0</dd>" in html  # two verified (the offers above), one pending
    for foreign in ("Ihre Stadt: Ettlingen", "Neuer Chor Ettlingen", "Endet bald in Ettlingen"):
        assert foreign not in html


def test_dashboard_panel_query_count_does_not_grow_with_pending_organisations(
    client, editor, bretten, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(editor)
    OrganisationFactory(home_city=bretten, verification_state="pending")
    client.get("/admin/")
    with CaptureQueriesContext(connection) as few:
        client.get("/admin/")
    for _ in range(5):
        OrganisationFactory(home_city=bretten, verification_state="pending")
    with CaptureQueriesContext(connection) as many:
        client.get("/admin/")
    assert len(many) == len(few)
