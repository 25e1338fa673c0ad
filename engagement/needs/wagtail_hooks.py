from django.http import Http404
from wagtail import hooks

from .models import NeedPage


@hooks.register("before_serve_page")
def hide_needs_of_unverified_organisations(page, request, serve_args, serve_kwargs):
    """A pending or suspended organisation's needs are not public, even by direct link."""
    if isinstance(page, NeedPage) and not page.organisation.is_verified:
        raise Http404
