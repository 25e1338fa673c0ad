from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Activity, Category, Suitability, TargetGroup


class TermViewSet(SnippetViewSet):
    list_display = ["name", "name_en", "slug", "sort_order"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]


class CategoryViewSet(TermViewSet):
    model = Category
    icon = "tag"


class ActivityViewSet(TermViewSet):
    model = Activity
    icon = "tasks"


class TargetGroupViewSet(TermViewSet):
    model = TargetGroup
    icon = "group"


class SuitabilityViewSet(TermViewSet):
    model = Suitability
    icon = "user"


@register_snippet
class TaxonomyViewSetGroup(SnippetViewSetGroup):
    """The maintained vocabularies, in one menu. Only users with the model permissions see them."""

    items = (CategoryViewSet, ActivityViewSet, TargetGroupViewSet, SuitabilityViewSet)
    menu_label = _("Themen & Merkmale")
    menu_icon = "tag"
    menu_order = 300
