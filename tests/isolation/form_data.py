"""What the admin's page editor posts for an opportunity, built from the page as it is stored."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text


def opportunity_form(page, **changes):
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "teaser": page.teaser,
            "description": rich_text(page.description),
            "image": page.image_id or "",
            "organisation": page.organisation_id,
            "schedule_kind": page.schedule_kind,
            "rhythm": page.rhythm,
            "postcode": page.postcode,
            "place": page.place,
            "street": page.street,
            "volunteers_needed": page.volunteers_needed,
            "recruitment_status": page.recruitment_status,
            "comments": inline_formset([]),
        }
    )
    data["categories"] = [category.pk for category in page.categories.all()]
    return {**data, **changes}
