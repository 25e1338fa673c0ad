from django import template

from search.widening import widening_links as build_widening_links

register = template.Library()


@register.simple_tag(takes_context=True)
def widening_links(context):
    """Links that widen a search without results; see search/widening.py."""
    request = context["request"]
    return build_widening_links(request.path, request.GET, context["form"], context["filterset"])
