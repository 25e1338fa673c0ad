from django import template

from engagement.operations.pagecache import shows
from engagement.opportunities import listings, page_cache, structured_data
from engagement.opportunities.cache_tags import OFFERS, offers_in_city

register = template.Library()


@register.filter
def is_new(opportunity):
    """True for two weeks after the first publication: the card shows the badge "Neu"."""
    return listings.is_new(opportunity)


@register.simple_tag(takes_context=True)
def city_listings(context, city):
    """The city page's lists (`listings.city_listings`), counted once per rendering however many blocks
    of the page ask: the render context is shared by a template and the templates it extends."""
    key = ("city_listings", city.pk)
    if key not in context.render_context:
        request = context.get("request")
        page_number = request.GET.get("page") if request is not None else None
        context.render_context[key] = listings.city_listings(city, page_number)
        shows(request, {offers_in_city(city.pk)}, page_cache.listings_change_at())
    return context.render_context[key]


@register.simple_tag(takes_context=True)
def similar_opportunities(context, page, limit=4):
    shows(context.get("request"), {OFFERS}, page_cache.listings_change_at())
    return listings.similar_to(page, limit=limit)


@register.filter
def openstreetmap_url(page):
    return structured_data.openstreetmap_url(page)


@register.simple_tag(takes_context=True)
def job_posting_json_ld(context, page):
    return structured_data.json_ld_script(structured_data.job_posting(page, context.get("request")))
