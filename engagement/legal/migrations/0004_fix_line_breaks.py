"""Legal pages created with `<br>` in their default text could not be opened in the page editor
(Wagtail's rich-text converter expects `<br/>`): rewrite the stored text and the latest revisions."""

from django.db import migrations


def fix_line_breaks(apps, schema_editor):
    LegalPage = apps.get_model("legal", "LegalPage")
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")
    for page in LegalPage.objects.filter(body__contains="<br>"):
        page.body = page.body.replace("<br>", "<br/>")
        page.save(update_fields=["body"])
    content_type = ContentType.objects.filter(app_label="legal", model="legalpage").first()
    if content_type is None:
        return
    for revision in Revision.objects.filter(content_type=content_type):
        body = revision.content.get("body") or ""
        if "<br>" in body:
            revision.content["body"] = body.replace("<br>", "<br/>")
            revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [("legal", "0003_english_version"), ("wagtailcore", "0098_apitoken")]

    operations = [migrations.RunPython(fix_line_breaks, migrations.RunPython.noop)]
