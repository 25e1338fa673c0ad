"""Rules of applying and handling applications. Views, commands and tasks call these, nothing else.

- `applying`: apply (double opt-in, merge, rate limits) and confirm
- `status`: the one way an application's status changes (explicit transition map)
- `capacity`: the opportunity switches to "filled" and back
- `privacy`: Art. 15 export and Art. 17 erasure
- `inactivity`: open applications without activity are announced to the organisation, then closed
- `replies`: the reply promise (what "answered" means, reminders, the deadline notice, reply times)
"""

from .applying import apply, confirm
from .capacity import reopen
from .inactivity import close_inactive_applications, closes_at, keep_open
from .privacy import erase, export_data
from .status import ALLOWED_TRANSITIONS, change_status, write_message

__all__ = [
    "ALLOWED_TRANSITIONS",
    "apply",
    "change_status",
    "close_inactive_applications",
    "closes_at",
    "confirm",
    "erase",
    "export_data",
    "keep_open",
    "reopen",
    "write_message",
]
