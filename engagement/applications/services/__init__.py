"""Rules of applying and handling applications. Views, commands and tasks call these, nothing else.

- `applying`: apply (double opt-in, merge, rate limits) and confirm
- `status`: the one way an application's status changes (explicit transition map)
- `capacity`: the opportunity switches to "filled" and back
- `privacy`: Art. 15 export and Art. 17 erasure
"""

from .applying import apply, confirm
from .capacity import reopen
from .privacy import erase, export_data
from .status import ALLOWED_TRANSITIONS, change_status

__all__ = ["ALLOWED_TRANSITIONS", "apply", "change_status", "confirm", "erase", "export_data", "reopen"]
