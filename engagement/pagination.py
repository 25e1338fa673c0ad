"""The page numbers a pagination shows: Django's elided page range (first and last page, two either side
of the current one, a gap between), so that a list of 5 000 pages does not loop 5 000 times in the
template. Registered as the template library `pagination` (settings.TEMPLATES → OPTIONS → libraries)."""

from django import template

register = template.Library()


@register.filter
def page_links(page_obj):
    """The numbers to link to, with None where pages are left out."""
    paginator = page_obj.paginator
    return [
        None if number == paginator.ELLIPSIS else number
        for number in paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)
    ]
