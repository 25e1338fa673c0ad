"""The layer rules of docs/architecture.md that the import contracts (`lint-imports`) cannot see."""

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("engagement", "home", "search")

# Function-local imports that stay, each with its reason in a comment on the line or just above it.
# Files of the search query work still hold some; they are listed so that no new one slips in elsewhere.
NOT_YET_UNTANGLED = {
    "search/facets.py",
    "search/suggest.py",
}


def _function_local_imports(path: Path):
    source = path.read_text()
    lines = source.splitlines()
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for child in ast.walk(node):
            if isinstance(child, ast.Import | ast.ImportFrom):
                here, above = lines[child.lineno - 1], lines[child.lineno - 2]
                if "#" not in here and not above.strip().startswith("#"):
                    yield f"{path.relative_to(ROOT)}:{child.lineno}: {here.strip()}"


def test_no_function_local_import_without_a_reason():
    """A function-local import usually hides a cycle: break the cycle instead (STYLE.md, rule 9)."""
    found = [
        finding
        for package in PACKAGES
        for path in sorted((ROOT / package).rglob("*.py"))
        if "migrations" not in path.parts and str(path.relative_to(ROOT)) not in NOT_YET_UNTANGLED
        for finding in _function_local_imports(path)
    ]
    assert found == []


def test_every_task_is_registered_by_autodiscovery_alone():
    """A worker knows every task through the apps' tasks.py (and AppConfig.ready), not because some view
    module happened to be imported: a fresh process that imports nothing else registers them all."""
    script = (
        "import json, django; django.setup()\n"
        "from engagement.celery import app\n"
        "app.loader.import_default_modules()\n"
        "print(json.dumps(sorted(name for name in app.tasks if not name.startswith('celery.'))))\n"
    )
    # Without CELERY_SKIP_CHECKS celery's system checks load the URLs, and with them every view module.
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "DJANGO_SETTINGS_MODULE": "engagement.settings.test",
        "CELERY_SKIP_CHECKS": "1",
    }
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    registered = set(json.loads(result.stdout.strip().splitlines()[-1]))
    declared = {
        keyword.value.value
        for package in PACKAGES
        for path in (ROOT / package).rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "shared_task"
        for keyword in node.keywords
        if keyword.arg == "name"
    }
    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "dashboard.sweep_freshness" in declared  # the scan finds the tasks it checks
    assert declared - registered == set()
    assert scheduled - registered == set()
