"""Setting up the portal and a city: the portal's legal pages after every `migrate`; a city's section page,
editor group, permissions, collection, workflow and legal pages.

Above cities, home and legal (it builds all three), so none of them needs to know the others.
"""

from dataclasses import dataclass

from django.contrib.auth.models import Group, Permission
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from engagement.cities.models import CityPage
from engagement.cities.sites import ensure_city_site
from engagement.cities.validators import parse_postcodes, validate_postcode_list
from engagement.legal.services import ensure_legal_pages
from home.models import HomePage

# Granted once, on the section page: Wagtail applies page permissions to the whole subtree.
SECTION_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]


@dataclass(frozen=True)
class CitySetup:
    page: CityPage
    group: Group
    workflow: Workflow
    collection: Collection
    created: bool


def editor_group_name(name: str) -> str:
    return f"Redaktion {name}"


def public_collection_name(name: str) -> str:
    """The city's collection for documents anyone may read (legal PDFs, flyers)."""
    return f"{name} – öffentlich"


def workflow_name(name: str) -> str:
    return f"Moderation {name}"


@transaction.atomic
def setup_city(
    *, name: str, slug: str, postcodes: list[str] | str, stage_name: str = "", **page_fields
) -> CitySetup:
    """Create the city, or bring an existing one up to date. Running it twice changes nothing."""
    postcode_text = ", ".join(parse_postcodes(postcodes) if isinstance(postcodes, str) else postcodes)
    validate_postcode_list(postcode_text)
    stage_name = stage_name or f"Engagement vernetzt {name}"

    page, created = _section_page(name, slug, postcode_text, stage_name, page_fields)
    group = _editor_group(name, page)
    collection = _collection(name, group)
    _collection(public_collection_name(name), group)
    _restrict_documents(collection, group)
    workflow = _workflow(name, group, page)
    _legal_pages(page)
    ensure_city_site(page)
    if (page.editor_group_id, page.collection_id) != (group.pk, collection.pk):
        CityPage.objects.filter(pk=page.pk).update(editor_group=group, collection=collection)
        page.editor_group, page.collection = group, collection
    return CitySetup(page=page, group=group, workflow=workflow, collection=collection, created=created)


def _portal_root() -> Page:
    home = HomePage.objects.first()
    if home is None:
        raise RuntimeError("Die Startseite des Portals fehlt. Bitte zuerst `manage.py migrate` ausführen.")
    return home


def _section_page(name, slug, postcodes, stage_name, page_fields):
    page = CityPage.objects.filter(slug=slug).first()
    if page is None:
        page = CityPage(title=name, slug=slug, postcodes=postcodes, stage_name=stage_name, **page_fields)
        _portal_root().add_child(instance=page)
        page.save_revision().publish()
        return page, True
    if page.postcodes != postcodes:
        page.postcodes = postcodes
        page.save_revision().publish()
    return page, False


def _legal_pages(page):
    ensure_legal_pages(_portal_root())
    ensure_legal_pages(page)


def portal_legal_pages_after_migrate(sender, using=DEFAULT_DB_ALIAS, **kwargs):
    """The portal publishes its Impressum, privacy notice, accessibility statement and easy-language
    page from its first `migrate` on, before any city is set up: a site without them may not go online.
    Runs after every `migrate` (connected in `apps.py`); pages already there stay as edited. After a
    migration to an earlier state the models would not match the tables: then it waits for the next
    full `migrate`. A `flush` leaves no portal page, so nothing happens then either."""
    if using != DEFAULT_DB_ALIAS or not HomePage.objects.using(using).exists():
        return
    executor = MigrationExecutor(connections[using])
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        return
    with transaction.atomic(using=using):
        ensure_legal_pages(_portal_root())


def _editor_group(name, page):
    group, _ = Group.objects.get_or_create(name=editor_group_name(name))
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    for codename in SECTION_PAGE_PERMISSIONS:
        permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)
    return group


def _collection(name, group):
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=name).first() or root.add_child(name=name)
    for app_label, codename in COLLECTION_PERMISSIONS:
        permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=permission
        )
    return collection


def _restrict_documents(collection, group):
    """Documents in the city's own collection are for its editors (and administrators) only; what is
    meant for everyone goes into the city's public collection, a sibling (restrictions are inherited)."""
    restriction = CollectionViewRestriction.objects.filter(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    ).first() or CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(group)


def _workflow(name, group, page):
    workflow, _ = Workflow.objects.get_or_create(name=workflow_name(name), defaults={"active": True})
    task = GroupApprovalTask.objects.filter(name=f"Freigabe durch {editor_group_name(name)}").first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=f"Freigabe durch {editor_group_name(name)}")
    task.groups.set([group])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    # The section's own workflow shadows Wagtail's default one on the root page for the whole subtree.
    WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    return workflow
