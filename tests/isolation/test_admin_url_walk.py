"""Every registered admin URL, asked by Bretten's editor with the ids of Ettlingen's objects.

The walk reads the URL resolver when the test runs, so an admin view added later is visited too:
if it forgets to filter by city, one of Ettlingen's secrets (draft title, organisation names,
report, image, document, accessibility report, any applicant's name) shows up in a 200 response and
this test fails. A parameter or viewset the walk does not know fails the test as well, until someone
says here which object its id stands for. No view may answer with a server error.
"""

import json
import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RegexPattern
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.models import Site

from engagement.taxonomy.models import Category

from .world import secrets_of

pytestmark = pytest.mark.django_db

# Views that are global by design or must not be requested with GET by a walker. Each with its reason.
SKIPPED = {
    "wagtailadmin_logout": "GET would end the walker's session; every later answer would be the login page",
    "wagtailadmin_error_test": "Wagtail's deliberate server error, for checking error reporting",
    # Our other unnamed overrides (chooser "chosen multiple", page search) take the paths of Wagtail's
    # named views, so the walk visits them under those names.
    None: "unnamed catch-all (admin/^.*/$) and our page-types-usage override (visited by name below)",
}
# Views that may show another city's *live* pages, with their live title only (never a draft's): the page
# chooser, because editors link to public pages of any city. The explorer, the admin search and the
# admin API behind them list the own city only; showing another city's page there is a regression.
LIVE_PAGES_OF_OTHER_CITIES_ALLOWED = {
    "wagtailadmin_choose_page": "page chooser: links to public pages of any city",
    "wagtailadmin_choose_page_child": "page chooser: browses the public pages of any city",
    "wagtailadmin_choose_page_search": "page chooser: finds public pages of any city",
}
# Paths visited in addition to the named patterns (the unnamed overrides in engagement/urls.py).
EXTRA_PATHS = ["/admin/reports/page-types-usage/", "/admin/reports/page-types-usage/results/"]


def admin_patterns(patterns=None, prefix="", namespaces=()):
    """(name, path template) for every admin URL, the template in `{parameter}` form."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        part = _template(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = namespaces + ((pattern.namespace,) if pattern.namespace else ())
            yield from admin_patterns(pattern.url_patterns, prefix + part, inner)
        elif isinstance(pattern, URLPattern) and (prefix + part).startswith("admin/"):
            name = ":".join(namespaces + (pattern.name,)) if pattern.name else None
            yield name, "/" + prefix + part


def _template(pattern):
    text = str(pattern)
    if isinstance(pattern, RegexPattern):
        text = text.removeprefix("^").removesuffix("$")
        text = re.sub(r"\(\?P<(\w+)>[^)]*\)", r"{\1}", text)
        return re.sub(r"\\(.)", r"\1", text)
    return re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", text)


def ids_of(world, foreign):
    """Which of Ettlingen's objects each path parameter stands for."""
    category_pk = Category.objects.first().pk
    own_site = Site.objects.first().pk
    pk_by_namespace = {
        "wagtailadmin_api:pages": foreign.draft.pk,
        "wagtailadmin_api:images": foreign.image.pk,
        "wagtailadmin_api:documents": foreign.document.pk,
        "wagtailadmin_pages": foreign.draft.pk,  # revisions_compare
        "wagtailadmin_collections": foreign.city.collection_id,
        "wagtailadmin_workflows": foreign.workflow_state.workflow_id,
        "organisations": foreign.pending_organisation.pk,
        "content_reports": foreign.report.pk,
        "accessibility_feedback": foreign.feedback.pk,
        "wagtailsites": own_site,
        "wagtailusers_users": foreign.editor.pk,
        "wagtailusers_groups": foreign.city.editor_group_id,
        "wagtaildocs_chooser": foreign.document.pk,
        "wagtailimages_chooser": foreign.image.pk,
    }
    for model in ("category", "activity", "targetgroup", "suitability"):  # global vocabularies
        pk_by_namespace[f"wagtailsnippets_taxonomy_{model}"] = category_pk
        pk_by_namespace[f"wagtailsnippetchoosers_taxonomy_{model}"] = category_pk
    task_id = foreign.task_state.task_id
    by_parameter = {
        "page_id": foreign.draft.pk,
        "page_pk": foreign.city.pk,
        "page_to_move_id": foreign.draft.pk,
        "parent_page_id": foreign.city.pk,
        "destination_id": foreign.city.pk,
        "object_id": foreign.draft.pk,
        "revision_id": foreign.revisions[0],
        "revision_id_a": foreign.revisions[0],
        "revision_id_b": foreign.revisions[1],
        "workflow_state_id": foreign.workflow_state.pk,
        "task_state_id": foreign.task_state.pk,
        "task_id": task_id,
        "workflow_pk": foreign.workflow_state.workflow_id,
        "image_id": foreign.image.pk,
        "document_id": foreign.document.pk,
        "doc_id": foreign.document.pk,
        "collection_id": foreign.city.collection_id,
        "uploaded_file_id": 999999,
        "session_id": 999999,
        "redirect_id": 999999,
        "filter_spec": "original",
        "action_name": "approve",
        "action": "delete",
        "app_label": "wagtailcore",
        "model_name": "page",
        "app_name": "wagtailcore",
        "content_type_app_name": "opportunities",
        "content_type_model_name": "opportunitypage",
        "uidb64": "MQ",
        "token": "set-password",
    }
    return pk_by_namespace, by_parameter


def urls_to_visit(world, foreign):
    pk_by_namespace, by_parameter = ids_of(world, foreign)
    unknown, visits = [], []
    for name, template in admin_patterns():
        if name in SKIPPED:
            continue
        values = {}
        for parameter in re.findall(r"{(\w+)}", template):
            namespace = name.rsplit(":", 1)[0]
            if parameter == "pk" and namespace in pk_by_namespace:
                values[parameter] = pk_by_namespace[namespace]
            elif parameter in by_parameter and parameter != "pk":
                values[parameter] = by_parameter[parameter]
            else:
                unknown.append(f"{name}: {{{parameter}}} in {template}")
        if name == "wagtailadmin_pages:workflow_preview":
            values["task_id"] = foreign.task_state.task_id
        path = template.format(**values) if len(values) == template.count("{") else None
        if name == "wagtail_bulk_action":
            visits += bulk_action_visits(template, foreign)
        elif path:
            # Views that take objects from ?id= get the draft; listings get a search for the city too.
            visits.append((name, f"{path}?id={foreign.draft.pk}"))
            if not values:
                visits.append((name, f"{path}?q={foreign.city.title}"))
    visits += [(None, path) for path in EXTRA_PATHS]
    return visits, unknown


def bulk_action_visits(template, foreign):
    """Every registered bulk action, with the other city's object of its model in ?id=."""
    objects = {
        ("wagtailcore", "page"): foreign.draft.pk,
        ("wagtailimages", "image"): foreign.image.pk,
        ("wagtaildocs", "document"): foreign.document.pk,
        ("organisations", "organisation"): foreign.pending_organisation.pk,
        ("moderation", "contentreport"): foreign.report.pk,
    }
    visits = []
    for (app_label, model_name), pk in objects.items():
        for action in bulk_action_registry.get_bulk_actions_for_model(app_label, model_name):
            path = template.format(app_label=app_label, model_name=model_name, action=action.action_type)
            visits.append(("wagtail_bulk_action", f"{path}?id={pk}"))
    return visits


def body_of(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode(errors="replace")
    text = response.content.decode(errors="replace")
    if response.get("Content-Type", "").startswith("application/json"):
        # Modal steps and the admin API answer in JSON, which writes "Ö" as "\\u00d6": read it as text.
        try:
            return json.dumps(json.loads(text), ensure_ascii=False)
        except ValueError:
            pass
    return text


def test_no_admin_url_shows_another_citys_secrets_to_an_editor(client, world):
    own, foreign = world.cities["bretten"], world.cities["ettlingen"]
    client.force_login(own.editor)
    visits, unknown = urls_to_visit(world, foreign)
    assert not unknown, "Teach the walk which object these parameters name:\n" + "\n".join(unknown)
    assert len(visits) > 250  # the walk really covers the admin

    secrets = secrets_of(foreign) + [own.application.name]
    problems = []
    for name, url in visits:
        response = client.get(url)
        if response.status_code >= 500:
            problems.append(f"{response.status_code} {url}")
            continue
        if response.status_code != 200:
            continue
        body = body_of(response)
        problems += [f"{url} ({name}) shows {secret!r}" for secret in secrets if secret in body]
        if name not in LIVE_PAGES_OF_OTHER_CITIES_ALLOWED:
            for live_title in (foreign.live.title, foreign.pending_change.title):
                if live_title in body:
                    problems.append(f"{url} ({name}) shows the live page {live_title!r}")
    assert not problems, "\n".join(problems)
    # The walker was still logged in as the editor at the end (no view logged it out).
    assert client.get("/admin/").status_code == 200
