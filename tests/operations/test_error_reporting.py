"""Error reports go to a Sentry-compatible service only when SENTRY_DSN is set, with the request id."""

import gzip
import http.server
import json
import logging
import threading

import brotli
import pytest
import sentry_sdk

from engagement.operations.error_reporting import configure_error_reporting
from engagement.operations.request_id import current_request_id

# These tests provoke 5xx answers and logged errors on purpose and assert what the visitor gets.
pytestmark = pytest.mark.logs_errors


class Collector(http.server.BaseHTTPRequestHandler):
    envelopes = []

    def do_POST(self):  # noqa: N802 (http.server's naming)
        body = self.rfile.read(int(self.headers["Content-Length"]))
        encoding = self.headers.get("Content-Encoding")
        if encoding == "gzip":
            body = gzip.decompress(body)
        elif encoding == "br":  # the SDK compresses with Brotli where the package is installed
            body = brotli.decompress(body)
        Collector.envelopes.append(body.decode())
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def sentry_server():
    Collector.envelopes = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Collector)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    # Reporting off again for the other tests. Not `sentry_sdk.init()`: without a DSN that still installs
    # a real client, whose is_active() is True, and a later test_without_a_dsn_nothing_is_set_up fails.
    sentry_sdk.get_client().close(timeout=2)
    sentry_sdk.get_global_scope().set_client(None)
    server.shutdown()


def test_without_a_dsn_nothing_is_set_up():
    assert configure_error_reporting("") is False
    assert not sentry_sdk.get_client().is_active()


def test_an_error_is_reported_with_the_request_id_and_without_personal_data(sentry_server):
    port = sentry_server.server_address[1]
    assert configure_error_reporting(f"http://public@127.0.0.1:{port}/1", environment="test")
    token = current_request_id.set("req-sentry-1")
    try:
        logging.getLogger("engagement.test").error("Mail an %s fehlgeschlagen", "eine Person")
    finally:
        current_request_id.reset(token)
    sentry_sdk.flush(timeout=5)
    [envelope] = Collector.envelopes
    event = json.loads(envelope.splitlines()[2])
    assert event["tags"]["request_id"] == "req-sentry-1" and event["environment"] == "test"
    assert event["logentry"]["message"] == "Mail an %s fehlgeschlagen"
    collection = sentry_sdk.get_client().options["data_collection"]
    assert collection["user_info"] is False and collection["stack_frame_variables"] is False
    assert "user" not in event
