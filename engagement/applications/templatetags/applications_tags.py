from django import template

from engagement.applications.forms import ApplicationForm

register = template.Library()


@register.inclusion_tag("applications/form.html", takes_context=True)
def application_form(context, page, form=None):
    """The application form for an opportunity page; the apply view passes its bound form back in."""
    return {
        "page": page,
        "form": form or ApplicationForm(opportunity=page),
        "request": context.get("request"),
        "csrf_token": context.get("csrf_token"),
    }
