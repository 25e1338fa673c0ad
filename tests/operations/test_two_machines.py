"""Two app servers and two workers against one PostgreSQL and one Redis, as on several machines.

Real processes: two gunicorns with production settings and two celery workers (prefork, two children
each) share the test database and the test's own Redis (broker and cache). Citizens apply through
both servers, each sending the form to both at the same moment (a double click across a load
balancer), then confirm through the other one. Every application is stored once; every mail of the
outbox goes out exactly once (the file mail backend writes one message per mail sent).
"""

import concurrent.futures
import http.cookiejar
import re
import subprocess
import sys
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from engagement.applications.models import Application
from engagement.applications.services.applying import confirm_token
from engagement.mail.models import OutgoingMail
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory, make_city, make_opportunity
from tests.services import free_port, production_environment, start_gunicorn, stop, wait_for

REPOSITORY = Path(__file__).resolve().parent.parent.parent
CITIZENS = 5  # two submissions each: 10 from one address, the per-address limit of the form


class Browser:
    """One citizen: cookies (session, CSRF) kept across both servers, like one browser behind a balancer."""

    def __init__(self):
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def form_token(self, url):
        page = self.opener.open(url, timeout=30).read().decode()
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)

    def post(self, url, data, token):
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}).encode()
        request = urllib.request.Request(url, body, headers={"Referer": url})
        return self.opener.open(request, timeout=30).read().decode()


def mails_written(directory: Path) -> int:
    """Messages the file backend wrote (each file holds the messages of one connection)."""
    return sum(path.read_text().count("\nMessage-ID: ") for path in directory.glob("*.log"))


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_two_servers_and_two_workers_store_each_application_once_and_send_each_mail_once(
    collected_static, redis_server, tmp_path
):
    city = make_city("bretten")
    verein = OrganisationFactory(name="Tafel Bretten e. V.", home_city=city)
    MembershipFactory(organisation=verein, user=UserFactory(username="verein-bretten"))
    page = make_opportunity(organisation=verein, title="Lesepat:in", volunteers_needed=10)

    mail_directory = tmp_path / "mail"
    environment = production_environment(
        DJANGO_SECRET_KEY=settings.SECRET_KEY,  # so the test can make the confirmation links
        DATABASE_URL=f"postgres://postgres@127.0.0.1:5432/{connection.settings_dict['NAME']}",
        DATABASE_POOL_MAX_SIZE=4,
        CELERY_BROKER_URL=redis_server.url(0),
        CACHE_URL=f"rediscache://127.0.0.1:{redis_server.port}/1",
        EMAIL_URL=f"filemail:///{mail_directory}",
        STATIC_ROOT=collected_static,
        GEOCODER="offline",
    )
    ports = [free_port(), free_port()]
    log_path = tmp_path / "processes.log"
    processes = []
    with open(log_path, "ab") as log:
        try:
            for number in (1, 2):
                processes.append(
                    subprocess.Popen(
                        [
                            sys.executable,
                            "-m",
                            "celery",
                            "--app",
                            "engagement",
                            "worker",
                            "--queues",
                            "engagement",
                            "--concurrency",
                            "2",
                            "--hostname",
                            f"worker{number}@%h",
                            "--without-gossip",
                            "--without-mingle",
                            "--loglevel",
                            "warning",
                        ],
                        cwd=REPOSITORY,
                        env=environment,
                        stdout=log,
                        stderr=subprocess.STDOUT,
                    )
                )
            processes += [start_gunicorn(environment, port, log_path) for port in ports]
            servers = [f"http://127.0.0.1:{port}" for port in ports]

            def apply_twice(number):
                browser = Browser()
                data = {
                    "name": f"Person {number}",
                    "email": f"person{number}@example.org",
                    "message": "Ich lese gern vor.",
                    "consent": "on",
                }
                tokens = [browser.form_token(f"{server}/bewerben/{page.pk}/") for server in servers]
                with concurrent.futures.ThreadPoolExecutor(2) as pool:
                    answers = list(
                        pool.map(
                            lambda pair: browser.post(f"{pair[0]}/bewerben/{page.pk}/", data, pair[1]),
                            zip(servers, tokens, strict=True),
                        )
                    )
                return browser, answers

            with concurrent.futures.ThreadPoolExecutor(CITIZENS) as pool:
                applied = list(pool.map(apply_twice, range(CITIZENS)))
            assert all(
                "Bitte schauen Sie in Ihr Postfach." in answer for _, answers in applied for answer in answers
            )
            assert Application.objects.count() == CITIZENS  # the double submissions made no second row

            for number, (browser, _) in enumerate(applied):
                application = Application.objects.get(email=f"person{number}@example.org")
                server = servers[(number + 1) % 2]
                url = f"{server}/bewerbung/bestaetigen/{confirm_token(application)}/"
                assert "Ihre Bewerbung ist bei der Organisation." in browser.post(
                    url, {}, browser.form_token(url)
                )

            # Per citizen: two confirmation requests (one per submission), then received and notification.
            expected = CITIZENS * 4
            assert wait_for(
                lambda: OutgoingMail.objects.filter(sent_at__isnull=False).count() == expected, 90
            ), log_path.read_text()[-3000:]
            assert wait_for(lambda: mails_written(mail_directory) == expected, 30)
        finally:
            for process in processes:
                stop(process)
    assert OutgoingMail.objects.count() == expected and mails_written(mail_directory) == expected
    assert Application.objects.filter(confirmed_at__isnull=False).count() == CITIZENS
    assert "Traceback" not in log_path.read_text()
