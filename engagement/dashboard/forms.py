import re
from html import unescape

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm, UsernameField
from django.contrib.auth.password_validation import validate_password
from django.utils.html import escape, strip_tags
from django.utils.translation import gettext_lazy as _

from engagement.cities.models import CityPage
from engagement.honeypot import HoneypotMixin
from engagement.opportunities.inclusion import FIELDS as INCLUSION_FIELDS
from engagement.opportunities.models import OpportunityPage
from engagement.organisations.models import Organisation
from engagement.security.forms import ThrottledLoginFormMixin
from engagement.taxonomy.models import Activity, Category, Suitability, TargetGroup

# The full field set of an opportunity, in the order a Verein thinks about it.
STEPS = [
    (_("Worum geht es?"), ["title", "teaser", "description", "categories", "activities", "target_groups"]),
    (_("Wo?"), ["is_remote", "street", "postcode", "place"]),
    (_("Barrierefreiheit und Inklusion"), [*INCLUSION_FIELDS, "accessibility_note"]),
    (
        _("Wann?"),
        [
            "schedule_kind",
            "event_start",
            "event_end",
            "rhythm",
            "hours_per_week",
            "start_date",
            "end_date",
            "application_deadline",
        ],
    ),
    (
        _("Wen suchen Sie?"),
        [
            "volunteers_needed",
            "recruitment_status",
            "waiting_list",
            "suitable_for",
            "requires_driving_licence",
            "language_requirements",
            "other_requirements",
        ],
    ),
    (
        _("Junge Freiwillige"),
        [
            "minors_welcome",
            "minimum_age",
            "minors_supervised",
            "minors_insured",
            "requires_extended_certificate",
        ],
    ),
    (
        _("Was bekommen Freiwillige?"),
        [
            "offers_training",
            "offers_insurance",
            "offers_certificate",
            "benefits_note",
        ],
    ),
    (_("Ansprechperson"), ["contact_name", "contact_phone", "contact_email"]),
]
FIELDS = [name for _, names in STEPS for name in names] + ["image_alt"]
# Submission needs these; a draft needs only its title. The label shows them as required, the model's
# completeness rules (OpportunityPage.completeness_errors) ask for them when the offer is submitted.
REQUIRED_FOR_SUBMISSION = ("teaser", "description", "categories")
MODEL_ASKS_AT_SUBMISSION = ("teaser", "description")
# Required only under a condition, which the label says in plain words.
LOCATION_CONDITION = _("Pflichtangabe, außer das Angebot ist ortsunabhängig")
REQUIRED_WHEN = {
    "postcode": LOCATION_CONDITION,
    "place": LOCATION_CONDITION,
    "event_start": _("Pflichtangabe bei einem einmaligen Termin"),
    "rhythm": _("Pflichtangabe bei regelmäßigem Engagement"),
}
# Taken from the organisation (address) and the account (contact) for a new offer.
PREFILLED_FROM_ORGANISATION = ("street", "postcode", "place")
IMAGE_STEP = (_("Bild"), ["image_file", "image_alt", "remove_image"])
IMAGE_FORMATS = {"JPEG", "PNG", "WEBP"}
MAX_IMAGE_BYTES = 5 * 1024 * 1024
MAX_IMAGE_PIXELS = 40_000_000
RELATIONS = {
    "categories": Category,
    "activities": Activity,
    "target_groups": TargetGroup,
    "suitable_for": Suitability,
}


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def format_value(self, value):
        return value.strftime("%Y-%m-%dT%H:%M") if hasattr(value, "strftime") else value


def text_to_html(text: str) -> str:
    """Plain text with blank lines between paragraphs → the rich-text HTML the page stores."""
    paragraphs = [part.strip() for part in text.replace("\r\n", "\n").split("\n\n") if part.strip()]
    return "".join(
        f"<p>{'<br/>'.join(escape(line) for line in part.splitlines())}</p>" for part in paragraphs
    )


def html_to_text(html: str) -> str:
    paragraphs = re.split(r"</p>\s*", html or "")
    return "\n\n".join(
        unescape(strip_tags(part.replace("<br/>", "\n").replace("<br>", "\n"))).strip()
        for part in paragraphs
        if strip_tags(part).strip()
    )


class OpportunityForm(forms.ModelForm):
    """The front-end form of an opportunity. Validation is the model's own (clean), so the admin and
    this form apply the same rules; relations are handled by the services, not by save_m2m."""

    class Meta:
        model = OpportunityPage
        fields = FIELDS
        widgets = {
            "other_requirements": forms.Textarea(attrs={"rows": 3}),
            "event_start": DateTimeInput(),
            "event_end": DateTimeInput(),
            "start_date": forms.DateInput(attrs={"type": "date"}),
            "end_date": forms.DateInput(attrs={"type": "date"}),
            "application_deadline": forms.DateInput(attrs={"type": "date"}),
            "contact_phone": forms.TextInput(attrs={"autocomplete": "tel"}),
            "contact_email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "postcode": forms.TextInput(
                attrs={"autocomplete": "postal-code", "inputmode": "numeric", "pattern": "[0-9]{5}"}
            ),
        }
        help_texts = {
            "title": _("Kurz und konkret, zum Beispiel „Lesepat:in für Grundschulkinder“."),
            "requires_extended_certificate": _(
                "Wer mit Kindern oder Jugendlichen arbeitet, muss oft ein erweitertes Führungszeugnis "
                "zeigen (Kinder- und Jugendhilfegesetz, § 72a SGB VIII). Freiwillige bestätigen es bei "
                "der Bewerbung; hochgeladen wird es nie."
            ),
        }

    image_file = forms.ImageField(
        label=_("Bild"),
        required=False,
        help_text=_("Ein Foto macht Ihr Angebot anschaulicher. JPG, PNG oder WebP, höchstens 5 MB."),
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        error_messages={"invalid_image": _("Diese Datei ist kein Bild, das wir lesen können.")},
    )
    remove_image = forms.BooleanField(label=_("Bild entfernen"), required=False)

    description = forms.CharField(
        label=_("Beschreibung"),
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Was machen Freiwillige? Was ist Ihnen wichtig? Leere Zeilen trennen Absätze."),
    )

    def __init__(self, *args, city=None, submitting=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.submitting = submitting
        if self.instance.pk:
            self.initial["description"] = html_to_text(self.instance.description)
        for name, model in RELATIONS.items():
            self.fields[name] = forms.ModelMultipleChoiceField(
                queryset=model.objects.all(),
                required=False,
                label=OpportunityPage._meta.get_field(name).verbose_name,
                widget=forms.CheckboxSelectMultiple,
            )
            if self.instance.pk:
                self.initial[name] = list(getattr(self.instance, name).all())
        for name in REQUIRED_FOR_SUBMISSION:
            self.fields[name].required = True  # as the label and aria-required say; see full_clean
        self.fields["categories"].error_messages["required"] = _("Bitte wählen Sie mindestens ein Thema.")
        for name, condition in REQUIRED_WHEN.items():
            self.fields[name].required_when = condition
        if city is not None:
            self.instance._parent_city_hint = city
        if not self.instance.image_id:
            del self.fields["remove_image"]
        steps = [*STEPS[:1], IMAGE_STEP, *STEPS[1:]]
        self.steps = [
            (title, [self[name] for name in names if name in self.fields]) for title, names in steps
        ]

    def full_clean(self):
        """The title is all a draft needs. What submission needs is checked only when the Verein
        submits: the model's completeness rules (one message per missing field) and the topics."""
        deferred = [name for name in MODEL_ASKS_AT_SUBMISSION if self.fields[name].required]
        if not self.submitting and self.fields["categories"].required:
            deferred.append("categories")
        for name in deferred:
            self.fields[name].required = False
        self.instance.validating_draft = not self.submitting
        try:
            super().full_clean()
        finally:
            for name in deferred:
                self.fields[name].required = True

    def _get_validation_exclusions(self):
        # The slug is set by the service from the title; page tree fields are not the Verein's business.
        return {*super()._get_validation_exclusions(), "slug", "path", "depth"}

    def clean_image_file(self):
        upload = self.cleaned_data.get("image_file")
        if not upload:
            return None
        if upload.size > MAX_IMAGE_BYTES:
            raise forms.ValidationError(_("Das Bild ist größer als 5 MB. Bitte wählen Sie ein kleineres."))
        # Django's ImageField has opened the file with Pillow and left the result here.
        if upload.image.format not in IMAGE_FORMATS:
            raise forms.ValidationError(_("Bitte laden Sie ein Bild als JPG, PNG oder WebP hoch."))
        width, height = upload.image.size
        if width * height > MAX_IMAGE_PIXELS:
            raise forms.ValidationError(_("Das Bild hat zu viele Bildpunkte. Bitte verkleinern Sie es."))
        return upload

    def image_change(self):
        """What to do with the picture: a new upload, removal (False), or nothing (None)."""
        if self.cleaned_data.get("image_file"):
            return self.cleaned_data["image_file"]
        if self.cleaned_data.get("remove_image"):
            return False
        return None

    def clean_description(self):
        return text_to_html(self.cleaned_data["description"] or "")

    def page_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in FIELDS}


class MemberLoginForm(ThrottledLoginFormMixin, AuthenticationForm):
    """The Verein login, behind the shared login throttle. Members log in with their e-mail address
    (registration makes it their account name), in any letter case; the demo accounts' names
    ("verein-bretten") keep working."""

    username = UsernameField(
        label=_("E-Mail-Adresse"),
        # Text, not type="email": an account name typed here is no error, and is echoed back as typed.
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username", "inputmode": "email"}),
    )
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("Bitte prüfen Sie E-Mail-Adresse und Passwort."),
    }

    def clean(self):
        identifier = self.cleaned_data.get("username") or ""
        if "@" in identifier:
            account = get_user_model().objects.filter(email__iexact=identifier).order_by("pk").first()
            if account is not None:
                self.cleaned_data["username"] = account.get_username()
        return super().clean()


class SwitchOffTwoFactorForm(forms.Form):
    """Switching the second factor off needs a proof: a current code or the account's password."""

    token = forms.CharField(
        label=_("Code"),
        required=False,
        max_length=16,
        help_text=_("Sechs Ziffern aus Ihrer Authenticator-App oder einer Ihrer Wiederherstellungscodes."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code"}),
    )
    password = forms.CharField(
        label=_("oder Ihr Passwort"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("token") and not cleaned.get("password"):
            raise forms.ValidationError(
                _("Bitte geben Sie einen aktuellen Code oder Ihr Passwort ein."), code="no_proof"
            )
        return cleaned

    def add_wrong_proof_error(self):
        self.add_error(None, _("Code oder Passwort stimmen nicht. Die Zwei-Faktor-Anmeldung bleibt an."))


class RegistrationForm(HoneypotMixin, forms.Form):
    first_name = forms.CharField(
        label=_("Vorname"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "given-name"})
    )
    last_name = forms.CharField(
        label=_("Nachname"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "family-name"})
    )
    email = forms.EmailField(
        label=_("E-Mail-Adresse"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "invalid": _("Bitte geben Sie eine E-Mail-Adresse ein, zum Beispiel name@beispiel.de.")
        },
    )
    password = forms.CharField(
        label=_("Passwort"),
        help_text=_("Mindestens 8 Zeichen, nicht nur Ziffern, nicht zu einfach."),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("password"):
            candidate = get_user_model()(
                username=cleaned.get("email", ""),
                email=cleaned.get("email", ""),
                first_name=cleaned.get("first_name", ""),
                last_name=cleaned.get("last_name", ""),
            )
            try:
                validate_password(cleaned["password"], candidate)
            except forms.ValidationError as error:
                self.add_error("password", error)
        return cleaned


class OrganisationForm(forms.ModelForm):
    class Meta:
        model = Organisation
        # What every organisation needs first; the rest is optional and can wait.
        fields = [
            "name",
            "home_city",
            "kind",
            "street",
            "postcode",
            "place",
            "email",
            "phone",
            "website",
            "description",
        ]
        labels = {"home_city": _("Stadt")}
        help_texts = {
            "home_city": _("In dieser Stadt erscheinen Ihre Angebote. Ihre Redaktion prüft sie."),
            "street": _("Wird für neue Angebote vorgeschlagen und lässt sich dort ändern."),
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel"}),
            "street": forms.TextInput(attrs={"autocomplete": "address-line1"}),
            "postcode": forms.TextInput(attrs={"autocomplete": "postal-code", "inputmode": "numeric"}),
            "place": forms.TextInput(attrs={"autocomplete": "address-level2"}),
        }

    logo_file = forms.ImageField(
        label=_("Logo"),
        required=False,
        help_text=_("PNG oder JPG, höchstens 5 MB."),
        error_messages={"invalid_image": _("Diese Datei ist kein Bild, das wir lesen können.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["home_city"].queryset = CityPage.objects.live().order_by("title")
        self.fields["home_city"].empty_label = _("Bitte wählen")

    def clean_logo_file(self):
        logo = self.cleaned_data.get("logo_file")
        if logo and logo.size > 5 * 1024 * 1024:
            raise forms.ValidationError(_("Das Logo ist größer als 5 MB."))
        return logo


class JoinRequestForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=None,
        empty_label=_("Bitte wählen"),
        error_messages={"required": _("Bitte wählen Sie eine Organisation.")},
    )
    message = forms.CharField(
        label=_("Nachricht an die Verantwortlichen"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.exclude(
            verification_state=Organisation.VerificationState.SUSPENDED
        ).select_related("home_city")


class InvitationForm(forms.Form):
    email = forms.EmailField(
        label=_("E-Mail-Adresse der Person"),
        error_messages={
            "invalid": _("Bitte geben Sie eine E-Mail-Adresse ein, zum Beispiel name@beispiel.de.")
        },
    )
