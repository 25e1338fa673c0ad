"""The admin's "Widget" page: a city's editors get the code that shows their city's offers (all, or one
topic's) on the city's own website, with a preview. Administrators may choose any city."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from engagement.cities.access import cities_edited_by
from engagement.cities.models import CityPage
from engagement.opportunities import embed
from engagement.taxonomy.models import Category


class CityWidgetForm(embed.SnippetOptionsForm):
    city = forms.ModelChoiceField(queryset=CityPage.objects.none(), required=False, label=_("Stadt"))
    category = forms.ModelChoiceField(
        queryset=Category.objects.all(),
        to_field_name="slug",
        required=False,
        label=_("Thema"),
        empty_label=_("Alle Themen"),
    )
    field_order = ["city", "category", "language", "size"]

    def __init__(self, data=None, *, cities, **kwargs):
        self.base_fields["city"].queryset = cities  # before the form validates (in super().__init__)
        super().__init__(data, **kwargs)
        self.fields["city"].queryset = cities
        self.fields["city"].empty_label = None


class CityWidgetView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "moderation/widget.html"
    page_title = _("Widget für Ihre Website")
    header_icon = "code"

    def dispatch(self, request, *args, **kwargs):
        if not self.allowed_cities.exists():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def allowed_cities(self):
        return cities_edited_by(self.request.user).filter(live=True).order_by("title")

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = CityWidgetForm(
            self.request.GET or None, cities=self.allowed_cities, language=self.request.LANGUAGE_CODE
        )
        # Only a city of the user's own is ever taken; another city's id is an error and shows the first.
        city = form.option("city", None) or self.allowed_cities.first()
        category = form.option("category", None)
        language = form.option("language", self.request.LANGUAGE_CODE)
        size = form.option("size", embed.DEFAULT_SIZE)
        params = {"city": city.slug, **({"category": category.slug} if category else {})}
        title = gettext("Engagement-Angebote in %(city)s") % {"city": city.title}
        context.update(
            form=form,
            city=city,
            snippet=embed.snippet(self.request, params, title, language=language, size=size),
            preview_url=embed.widget_url(self.request, params, language, size),
            preview_title=gettext("Vorschau: %(title)s") % {"title": title},
        )
        return context
