"""Rules of attendance, hours and the Engagementnachweis. Views, the shifts roster and commands call these.

- `attendance`: `record_attendance` (the one way hours are confirmed), `correct_entry`, `delete_entry`
- `record`: what a volunteer sees of their own hours, thresholds reached, erasing the record
- `certificates`: request, issue (a person responsible for the Verein), revoke, verify
"""

from .attendance import Attendance, correct_entry, delete_entry, record_attendance
from .certificates import issue_certificate, request_certificate, revoke_certificate, verify
from .record import erase_record, thresholds_reached, volunteer_record

__all__ = [
    "Attendance",
    "correct_entry",
    "delete_entry",
    "erase_record",
    "issue_certificate",
    "record_attendance",
    "request_certificate",
    "revoke_certificate",
    "thresholds_reached",
    "verify",
    "volunteer_record",
]
