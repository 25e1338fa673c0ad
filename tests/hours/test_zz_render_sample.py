import os
import subprocess

import pytest

from tests.hours.test_certificates import ISSUE, issued, with_hours  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(not os.environ.get("HOURS_SHOTS"), reason="only when asked")
def test_render(client, issued):  # noqa: F811
    certificate, link = issued
    for language in ("de", "en"):
        data = client.get(f"{link}stunden/nachweis-{certificate.pk}-{language}.pdf").content
        target = f"/work/wt/notes/shots/hours/nachweis-{language}.pdf"
        open(target, "wb").write(data)
        subprocess.run(["pdftoppm", "-png", "-r", "80", target, target[:-4]], check=True)
