from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def widening_links(context):
    """Links that widen a search without results; see search/widening.py."""
    return context["search"].widening_links(context["request"].path)
