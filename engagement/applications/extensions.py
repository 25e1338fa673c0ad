"""What the apps above applications (shifts, hours) keep about an application, made known to it without
applications importing them (the import layers forbid it). They register in their AppConfig.ready():

- `register_export(key, function)`: `function(application)` returns JSON-ready data that the applicant's
  Art. 15 download ("Daten herunterladen") includes under `key`.
- `register_keeper(function)`: `function()` returns an expression over Application (e.g. an `Exists`)
  true for applications the volunteer still needs (confirmed hours, an issued certificate): retention
  minimises those instead of deleting them, until the volunteer deletes their record.
"""

from collections.abc import Callable

from django.db.models import Q

_exports: dict[str, Callable] = {}
_keepers: list[Callable] = []


def register_export(key: str, function: Callable) -> None:
    _exports[key] = function


def register_keeper(function: Callable) -> None:
    if function not in _keepers:
        _keepers.append(function)


def exported(application) -> dict:
    return {key: function(application) for key, function in _exports.items()}


def kept() -> Q:
    """Applications that retention must not delete (none when nothing is registered)."""
    condition = Q(pk__in=[])
    for function in _keepers:
        condition |= Q(function())
    return condition
