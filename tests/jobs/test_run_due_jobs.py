"""`manage.py run_due_jobs`: every periodic job of the schedule, now."""

import datetime as dt

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from engagement.opportunities.models import OpportunityPage
from tests.factories import make_opportunity

pytestmark = pytest.mark.django_db


@pytest.fixture
def ended_offer(bretten, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    return make_opportunity(city=bretten, end_date=timezone.localdate() - dt.timedelta(days=1))


def test_an_unknown_job_is_refused_in_german_and_nothing_runs(ended_offer):
    with pytest.raises(CommandError, match="Unbekannte Aufgabe: sweep-everything. Der Zeitplan kennt: "):
        call_command("run_due_jobs", "sweep-freshness", "sweep-everything")
    assert OpportunityPage.objects.get(pk=ended_offer.pk).live


def test_a_named_job_runs_now_and_reports_it(ended_offer, capsys):
    call_command("run_due_jobs", "sweep-freshness")
    assert capsys.readouterr().out.startswith("sweep-freshness: erledigt in ")
    assert not OpportunityPage.objects.get(pk=ended_offer.pk).live


def test_without_names_every_job_of_the_schedule_runs(settings, db, capsys):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    call_command("run_due_jobs")
    lines = capsys.readouterr().out.splitlines()
    reported = [line.split(":")[0] for line in lines if ": erledigt in " in line]
    assert reported == list(settings.CELERY_BEAT_SCHEDULE)
