""" "Datenaustausch" in the admin, for administrators only: upload a Freiwilligendatenbank CSV, see the
check of every row (dry run), then import it as drafts into the cities' moderation."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from engagement.cities.models import CityPage

from .importer import MAX_BYTES, import_offers


class ImportForm(forms.Form):
    csv_file = forms.FileField(
        label=gettext_lazy("CSV-Datei"),
        help_text=gettext_lazy(
            "Im Format des Exports für die Freiwilligendatenbank (Semikolon, UTF-8). Pflichtspalten: "
            "Angebots-ID, Titel, Organisation."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )
    city = forms.ModelChoiceField(
        queryset=CityPage.objects.none(),
        required=False,
        label=gettext_lazy("Stadt"),
        empty_label=gettext_lazy("Je Zeile aus der Spalte „Stadt“ oder der Postleitzahl"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["city"].queryset = CityPage.objects.live().order_by("title")
        self.fields["city"].error_messages["invalid_choice"] = _("Bitte wählen Sie eine der Städte.")

    def clean_csv_file(self):
        upload = self.cleaned_data["csv_file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(
                _("Die Datei ist größer als %(size)s MB. Bitte teilen Sie sie auf.")
                % {"size": MAX_BYTES // 2**20}
            )
        return upload


class ImportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "exchange/import.html"
    page_title = gettext_lazy("Datenaustausch")
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", ImportForm())
        context["cities"] = CityPage.objects.live().order_by("title")
        return context

    def post(self, request):
        form = ImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        dry_run = request.POST.get("action") != "import"
        report = import_offers(
            form.cleaned_data["csv_file"].read(),
            user=request.user,
            city=form.cleaned_data["city"],
            dry_run=dry_run,
        )
        status = 400 if report.has_errors else 200
        return self.render_to_response(self.get_context_data(form=form, report=report), status=status)
