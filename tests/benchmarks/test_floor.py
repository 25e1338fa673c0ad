"""The load benchmark's floor route lives only in the benchmark's own URL configuration."""

import pytest
from django.test import override_settings

from benchmarks.urls import FLOOR_PATH

pytestmark = pytest.mark.django_db


def test_production_urls_know_no_floor_route(client, bretten):
    assert client.get(f"/{FLOOR_PATH}").status_code == 404


@override_settings(ROOT_URLCONF="benchmarks.urls")
def test_benchmark_urls_add_the_floor_before_the_production_pages(client, bretten):
    floor = client.get(f"/{FLOOR_PATH}")
    assert floor.status_code == 200
    assert floor.content == b"ok"
    assert client.get("/bretten/").status_code == 200  # the production pages stay as they are
