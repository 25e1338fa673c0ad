"""Every mail goes through the outbox: no module outside engagement/mail sends mail itself."""

import ast
from pathlib import Path

from django.conf import settings

SENDING = {
    "send_mail",
    "send_mass_mail",
    "mail_admins",
    "mail_managers",
    "send_notification",
    "EmailMessage",
    "EmailMultiAlternatives",
    "get_connection",
    "SMTP",
    "SMTP_SSL",
}
MAIL_MODULES = {"django.core.mail", "django.core.mail.message", "wagtail.admin.mail", "smtplib"}
SOURCES = ["engagement", "home", "search"]
OUTBOX = Path(settings.BASE_DIR) / "engagement" / "mail"


def direct_sending(source: str) -> list[str]:
    """What in this module sends mail without the outbox: imports of the senders, calls of them."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module in MAIL_MODULES | {"django.core"}:
            found += [
                f"import {alias.name}"
                for alias in node.names
                if alias.name in SENDING or alias.name == "mail" or alias.name == "*"
            ]
        elif isinstance(node, ast.Import):
            found += [f"import {alias.name}" for alias in node.names if alias.name in MAIL_MODULES]
        elif isinstance(node, ast.Call):
            function = node.func
            name = function.attr if isinstance(function, ast.Attribute) else getattr(function, "id", "")
            if name in SENDING:
                found.append(f"call {name}")
    return found


def test_the_check_recognises_each_way_of_sending_directly():
    assert direct_sending("from django.core.mail import send_mail\nsend_mail('s', 'b', None, ['a'])")
    assert direct_sending("from django.core import mail\nmail.send_mail('s', 'b', None, ['a'])")
    assert direct_sending("import django.core.mail")
    assert direct_sending("from django.core.mail import EmailMessage\nEmailMessage('s').send()")
    assert direct_sending("from django.core.mail import mail_admins")
    assert direct_sending("from wagtail.admin.mail import send_notification")
    assert direct_sending("import smtplib")
    assert direct_sending("connection = mail.get_connection()")
    assert not direct_sending("from engagement.mail import outbox\noutbox.queue('k', 'a', 't', {})")


def test_no_module_outside_the_outbox_sends_mail_directly():
    offenders = {}
    for package in SOURCES:
        for path in (Path(settings.BASE_DIR) / package).rglob("*.py"):
            if OUTBOX in path.parents or "migrations" in path.parts:
                continue
            found = direct_sending(path.read_text())
            if found:
                offenders[str(path.relative_to(settings.BASE_DIR))] = found
    assert offenders == {}


def test_only_the_delivery_module_of_the_outbox_talks_to_the_mail_server():
    talking = {
        path.name
        for path in OUTBOX.rglob("*.py")
        if any(f.startswith("call") for f in direct_sending(path.read_text()))
    }
    assert talking == {"delivery.py"}


def test_the_outbox_is_a_leaf_that_imports_no_domain_app():
    imported = set()
    for path in OUTBOX.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.level == 0:
                imported.add(node.module)
            elif isinstance(node, ast.Import):
                imported.update(alias.name for alias in node.names)
    ours = {name for name in imported if name.split(".")[0] in ("engagement", "home", "search")}
    assert ours == set()
