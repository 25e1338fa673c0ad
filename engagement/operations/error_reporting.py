"""Error reports to Sentry or a compatible service (GlitchTip, …), only when SENTRY_DSN is set.

No personal data leaves: no user, no request bodies, no local variables; cookies and headers with
the SDK's deny-list scrubbing. Each event carries the request id, so a report leads to the log lines
of the same request.
"""

import sentry_sdk

from .request_id import current_request_id


def _tag_request_id(event, hint):
    request_id = current_request_id.get()
    if request_id:
        event.setdefault("tags", {})["request_id"] = request_id
    return event


def configure_error_reporting(dsn: str, *, environment: str = "production", traces_sample_rate=0.0) -> bool:
    """Start the SDK (with its Django and celery integrations) if `dsn` is set; True if it did."""
    if not dsn:
        return False
    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        # No user, no request bodies, no local variables (they may hold an applicant's data).
        data_collection={"user_info": False, "http_bodies": [], "stack_frame_variables": False},
        traces_sample_rate=traces_sample_rate,
        before_send=_tag_request_id,
    )
    return True
