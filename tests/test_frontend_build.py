"""The stylesheet `make install` builds from KERN UX (frontend/build.mjs): small, yet with every KERN class
that a template, our Python code or our scripts can put on a page, and fonts that never hide text."""

import gzip
import json
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.messages import constants as message_levels
from django.contrib.messages.utils import get_level_tags
from django.template.loader import render_to_string

ROOT = Path(__file__).resolve().parent.parent
CONFIG = json.loads((ROOT / "frontend" / "purge.json").read_text())
BUILT = ROOT / "frontend" / "dist" / "kern.css"
KERN = ROOT / "node_modules" / "@kern-ux" / "native" / "dist" / "kern.css"
OWN_CSS = ROOT / "static" / "css"
CSS_BUDGET_BYTES = 50_000

KERN_CLASS = re.compile(r"\bkern-[A-Za-z0-9_-]*[A-Za-z0-9]")
# A class our files only assemble at render time: a prefix such as `kern-alert--` directly followed by
# template syntax, a JavaScript placeholder or the end of a string.
ASSEMBLED_PREFIX = re.compile(r"\b(kern-[A-Za-z0-9_-]*?(?:--|__|-))(?=\{[{%]|\$\{|[\"'`])")


def content_files():
    for pattern in CONFIG["content"]:
        yield from ROOT.glob(pattern)


def css_classes(path):
    return set(re.findall(r"\.(kern-[A-Za-z0-9_-]*[A-Za-z0-9])", path.read_text()))


@pytest.fixture(scope="module")
def built_classes():
    assert BUILT.exists(), "frontend/dist/kern.css fehlt: `make install` (oder `make css`) baut es."
    return css_classes(BUILT)


def test_css_a_visitor_loads_fits_the_budget(built_classes):
    # The heaviest page loads KERN, our own site.css and one page stylesheet (discover.css or dashboard.css).
    page_css = max((OWN_CSS / name).read_bytes() for name in ("discover.css", "dashboard.css"))
    sent = sum(
        len(gzip.compress(css, compresslevel=9))
        for css in (BUILT.read_bytes(), (OWN_CSS / "site.css").read_bytes(), page_css)
    )
    assert sent <= CSS_BUDGET_BYTES, f"{sent} Bytes CSS (gzip) statt höchstens {CSS_BUDGET_BYTES}"


def test_the_build_leaves_out_what_no_page_uses(built_classes):
    unused = {"kern-accordion", "kern-loader", "kern-task-list", "kern-icon--home"}
    assert unused <= css_classes(KERN), "Klassen, die es in KERN gibt"
    assert not unused & built_classes


def test_every_kern_class_in_our_templates_code_and_scripts_is_built(built_classes):
    kern = css_classes(KERN)
    missing = {}
    for path in content_files():
        for name in set(KERN_CLASS.findall(path.read_text())) & kern - built_classes:
            missing.setdefault(name, str(path.relative_to(ROOT)))
    assert missing == {}


def test_a_class_assembled_at_render_time_has_its_safelist_pattern():
    assembled = {}
    for path in content_files():
        for prefix in ASSEMBLED_PREFIX.findall(path.read_text()):
            assembled.setdefault(prefix, str(path.relative_to(ROOT)))
    assert set(assembled) >= {"kern-alert--", "kern-icon--", "kern-badge--"}, "the scan finds them"
    unlisted = {prefix: where for prefix, where in assembled.items() if prefix not in CONFIG["safelist"]}
    assert unlisted == {}, "frontend/purge.json, safelist"


def test_every_class_the_safelist_names_is_built(built_classes):
    kern = css_classes(KERN)
    for pattern in CONFIG["safelist"].values():
        wanted = {name for name in kern if re.match(pattern, name)}
        assert wanted, f"{pattern} names no KERN class"
        assert wanted <= built_classes, pattern


def shown_message_tags():
    return [
        tag
        for level, tag in get_level_tags().items()
        if level >= getattr(settings, "MESSAGE_LEVEL", message_levels.INFO)
    ]


@pytest.mark.parametrize(
    "level", dict.fromkeys(["info", "success", "warning", "danger", *shown_message_tags()])
)
def test_every_alert_level_and_message_tag_gets_a_styled_alert(built_classes, level):
    html = render_to_string("components/alert.html", {"level": level, "title": "Titel", "message": "Text"})
    classes = set(KERN_CLASS.findall(html))
    assert {"kern-alert", "kern-icon"} <= classes
    assert any(name.startswith("kern-alert--") for name in classes)
    assert classes <= built_classes, classes - built_classes


def test_an_error_message_shows_as_kerns_danger_alert():
    tag = get_level_tags()[message_levels.ERROR]
    html = render_to_string("components/alert.html", {"level": tag, "title": "Fehler"})
    assert "kern-alert--danger" in html
    assert "kern-icon--danger" in html


def test_fonts_never_hide_text_and_exist(built_classes):
    css = BUILT.read_text()
    faces = re.findall(r"@font-face\{[^}]*\}", css)
    assert faces
    for face in faces:
        assert "font-display:swap" in face
        source = re.search(r'url\("([^"]+)"\)', face).group(1)
        assert (BUILT.parent / source).is_file(), source
    weights = {int(weight) for weight in re.findall(r"font-weight:(\d{3})", "".join(faces))}
    used = {int(weight) for weight in re.findall(r"font-weight:\s*(?:var\([\w-]+,\s*)?(\d{3})", css)}
    assert used <= weights
    # Only the cut ranges: KERN's full fonts (130-150 KB each) are never referenced.
    assert "fira-sans/" not in css


def defined_properties(css):
    return set(re.findall(r"(--kern-[\w-]+)\s*:", css))


def test_every_kern_property_read_is_defined(built_classes):
    # A property read but cut (e.g. --kern-color-layout-border reads --kern-color-neutral-500) makes the
    # whole chain fall back: a border in another colour, without any error.
    built = BUILT.read_text()
    kern = defined_properties(KERN.read_text())
    read = set(re.findall(r"var\((--kern-[\w-]+)", built))
    for path in OWN_CSS.glob("*.css"):
        read |= set(re.findall(r"var\((--kern-[\w-]+)", path.read_text()))
    assert (read & kern) - defined_properties(built) == set()
