"""Pieces of the production run that need no server: gunicorn's settings, its access log, compression."""

import gzip
import runpy
from pathlib import Path

from django.http import HttpResponse
from django.test import RequestFactory
from django.views.decorators.cache import never_cache

from engagement.operations.compression import CompressPublicPagesMiddleware
from engagement.operations.gunicorn_logging import mask_tokens

REPOSITORY = Path(__file__).resolve().parent.parent.parent
PAGE = "<!DOCTYPE html><p>" + "Ehrenamt in Bretten. " * 200 + "</p>"


def gunicorn_settings(monkeypatch, **environment):
    for name in (
        "WEB_CONCURRENCY",
        "GUNICORN_THREADS",
        "GUNICORN_BIND",
        "GUNICORN_ACCESS_LOG",
        "GUNICORN_REUSE_PORT",
    ):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(REPOSITORY / "gunicorn.conf.py"))


def test_gunicorn_runs_cores_plus_one_threaded_workers_unless_the_environment_says(monkeypatch):
    import multiprocessing

    config = gunicorn_settings(monkeypatch)
    assert config["worker_class"] == "gthread"
    assert (config["workers"], config["threads"]) == (multiprocessing.cpu_count() + 1, 4)
    assert config["bind"] == ["127.0.0.1:8000"] and config["accesslog"] == "-"
    assert config["reuse_port"] is True  # a socket per worker: the kernel spreads the connections
    config = gunicorn_settings(
        monkeypatch,
        WEB_CONCURRENCY="6",
        GUNICORN_THREADS="8",
        GUNICORN_BIND="0.0.0.0:80",
        GUNICORN_ACCESS_LOG="false",
        GUNICORN_REUSE_PORT="false",
    )
    assert (config["workers"], config["threads"], config["bind"]) == (6, 8, ["0.0.0.0:80"])
    assert config["accesslog"] is None and config["reuse_port"] is False


def test_the_access_log_masks_tokens_and_keeps_slugs_and_static_names():
    assert mask_tokens("/bewerbung/bestaetigen/MQ:1xZYdO:iog6hAmHIjY5q1nOsQWfcH-LDb3_V2elPGoxJTNHkCQ/") == (
        "/bewerbung/bestaetigen/…/"
    )
    assert mask_tokens("/bewerbung/Xk3_p9QmZr2LwV8sYt1N0cBaDfGhJkLmNoPqRsTuVwA/") == "/bewerbung/…/"
    assert mask_tokens("/mein-verein/passwort/neu/Mw/cd2x1k-0123456789abcdef0123456789abcdef/") == (
        "/mein-verein/passwort/neu/Mw/…/"
    )
    for path in (
        "/bretten/lesepatin-an-der-grundschule-am-marktplatz-2/",
        "/bretten/stra%C3%9Fenfest-helfer%C3%BCberall/",
        "/static/css/site.6b12f8ab1234.css",
    ):
        assert mask_tokens(path) == path


def compressed(view):
    request = RequestFactory().get("/", HTTP_ACCEPT_ENCODING="gzip, br")
    return CompressPublicPagesMiddleware(view)(request)


def test_public_pages_are_compressed_personal_ones_are_not():
    public = compressed(lambda request: HttpResponse(PAGE))
    assert public["Content-Encoding"] == "gzip" and "Accept-Encoding" in public["Vary"]
    assert gzip.decompress(public.content).decode() == PAGE

    personal = compressed(never_cache(lambda request: HttpResponse(PAGE)))  # status link, Mein Verein
    assert not personal.has_header("Content-Encoding") and personal.content.decode() == PAGE
    private = HttpResponse(PAGE, headers={"Cache-Control": "private, no-store"})  # a session's answer
    assert not compressed(lambda request: private).has_header("Content-Encoding")
    # A public page with a form from the page cache: private only for the visitor's masked CSRF token.
    form_page = HttpResponse(PAGE, headers={"Cache-Control": "private, no-cache"})
    assert compressed(lambda request: form_page)["Content-Encoding"] == "gzip"
