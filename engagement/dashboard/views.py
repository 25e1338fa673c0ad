from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import BooleanField, ExpressionWrapper, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.generic import FormView, TemplateView
from wagtail.models import WorkflowState

from engagement.applications import counts as application_counts
from engagement.opportunities import embed, freshness, lifecycle
from engagement.opportunities.models import OpportunityPage
from engagement.organisations import membership
from engagement.organisations.models import Organisation
from engagement.organisations.views import MemberRequiredMixin
from engagement.ratelimit import RateLimited, client_key, hit
from engagement.security import two_factor
from engagement.security.forms import TokenForm
from engagement.users import accounts

from .forms import (
    InvitationForm,
    JoinRequestForm,
    MemberLoginForm,
    OpportunityForm,
    OrganisationForm,
    RegistrationForm,
    SwitchOffTwoFactorForm,
)


class OpportunityOfMemberMixin(MemberRequiredMixin):
    """Views of one of the member's opportunities (`page_id` in the URL); anyone else's answers 403."""

    def member_page(self):
        return lifecycle.member_opportunity(self.request.user, self.kwargs["page_id"])


class OverviewView(MemberRequiredMixin, TemplateView):
    template_name = "dashboard/overview.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        owned = Organisation.objects.owned_by(self.request.user).values("pk")
        organisations = list(
            self.member_organisations()
            .select_related("home_city")
            .annotate(is_owner=ExpressionWrapper(Q(pk__in=owned), output_field=BooleanField()))
        )
        pages = list(
            OpportunityPage.objects.of_member(self.request.user)
            .select_related("organisation", "city", "freshness")
            .order_by("-latest_revision_created_at", "-pk")
        )
        for page in pages:
            # Only an offer the freshness sweep took offline has a Freshness row saying so.
            page.taken_offline_at = page.freshness.taken_offline_at if hasattr(page, "freshness") else None
        # The current workflow state of every page in one query, not one per row.
        page_ids = [page.pk for page in pages]
        workflow_states = {
            int(state.object_id): state
            for state in WorkflowState.objects.filter(
                base_content_type__model="page", object_id__in=[str(pk) for pk in page_ids]
            )
            .prefetch_related("task_states")
            .order_by("created_at")
        }
        waiting = application_counts.waiting_by_organisation(organisations)
        for organisation in organisations:
            organisation.waiting_applications = waiting.get(organisation.pk, 0)
        listed = set(OpportunityPage.objects.listed().filter(pk__in=page_ids).values_list("pk", flat=True))
        for organisation in organisations:
            organisation.dashboard_rows = [
                (page, lifecycle.state_of(page, workflow_states.get(page.pk), is_listed=page.pk in listed))
                for page in pages
                if page.organisation_id == organisation.pk
            ]
        context["organisations"] = organisations
        return context


class WidgetView(MemberRequiredMixin, TemplateView):
    """The code that shows the organisation's current offers on its own website, with a preview."""

    template_name = "dashboard/widget.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        organisation = self.get_member_organisation(self.kwargs["organisation_id"])
        options = embed.SnippetOptionsForm(self.request.GET or None, language=self.request.LANGUAGE_CODE)
        language = options.option("language", self.request.LANGUAGE_CODE)
        size = options.option("size", embed.DEFAULT_SIZE)
        params = {"organisation": organisation.slug}
        title = _("Engagement-Angebote von %(name)s") % {"name": organisation.name}
        context.update(
            organisation=organisation,
            options=options,
            snippet=embed.snippet(self.request, params, title, language=language, size=size),
            preview_url=embed.widget_url(self.request, params, language, size),
            is_verified=organisation.is_verified,
        )
        return context


class OpportunityFormView(OpportunityOfMemberMixin, FormView):
    form_class = OpportunityForm
    template_name = "dashboard/opportunity_form.html"

    def get_organisation(self):
        if "page_id" in self.kwargs:
            return self.member_page().organisation
        return self.get_member_organisation(self.kwargs["organisation_id"])

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        organisation = self.get_organisation()
        if "page_id" in self.kwargs:
            kwargs["instance"] = self.member_page().get_latest_revision_as_object()
        kwargs["city"] = organisation.home_city
        kwargs["submitting"] = "submit" in self.request.POST
        return kwargs

    def get_initial(self):
        """A new offer starts with what the organisation and the account already hold."""
        if "page_id" in self.kwargs:
            return super().get_initial()
        return {**super().get_initial(), **lifecycle.prefill(self.get_organisation(), self.request.user)}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["organisation"] = self.get_organisation()
        context["city"] = context["organisation"].home_city
        context["page"] = self.member_page() if "page_id" in self.kwargs else None
        return context

    def form_valid(self, form):
        try:
            if "page_id" in self.kwargs:
                page = lifecycle.update_draft(
                    page=self.member_page(),
                    user=self.request.user,
                    data=form.page_data(),
                    image=form.image_change(),
                )
            else:
                page = lifecycle.create_draft(
                    organisation=self.get_organisation(),
                    user=self.request.user,
                    data=form.page_data(),
                    image=form.image_change(),
                )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        if "submit" in self.request.POST:
            return SubmitView.submit(self.request, page)
        messages.success(
            self.request,
            _(
                "Als Entwurf gespeichert. Sie können weiter bearbeiten oder zur Prüfung einreichen, "
                "sobald alle Pflichtangaben da sind."
            ),
        )
        return redirect("dashboard:overview")

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response


class SubmitView(OpportunityOfMemberMixin, View):
    def post(self, request, page_id):
        return self.submit(request, self.member_page())

    @staticmethod
    def submit(request, page):
        """Submit; what is missing sends the Verein to the form, each gap named with its field."""
        try:
            lifecycle.submit_for_moderation(page=page, user=request.user)
        except ValidationError as error:
            if not hasattr(error, "error_dict"):
                messages.error(request, " ".join(error.messages))
                return redirect("dashboard:overview")
            messages.error(request, _("Zum Einreichen fehlt noch etwas:"))
            for name, field_messages in error.message_dict.items():
                label = OpportunityPage._meta.get_field(name).verbose_name if name != "__all__" else ""
                for message in field_messages:
                    messages.error(request, f"{label}: {message}" if label else message)
            return redirect("dashboard:edit", page_id=page.pk)
        messages.success(
            request,
            _(
                "Eingereicht. Die Redaktion Ihrer Stadt prüft das Angebot, meist innerhalb von "
                "%(days)s Werktagen, und schreibt Ihnen, sobald es online ist."
            )
            % {"days": page.organisation.home_city.review_days},
        )
        return redirect("dashboard:overview")


class ActionView(OpportunityOfMemberMixin, View):
    """Duplicate, pause, resume and end: one POST each, answered with a message on the overview."""

    ACTIONS = {
        "duplicate": (
            lifecycle.duplicate,
            _("Kopie angelegt. Passen Sie sie an: Die Adresse des Angebots folgt seinem Titel."),
        ),
        "pause": (lifecycle.pause, _("Pausiert: Es sind keine neuen Bewerbungen möglich.")),
        "resume": (lifecycle.resume, _("Die Suche läuft wieder.")),
        "end": (lifecycle.end, _("Beendet: Das Angebot ist nicht mehr online.")),
    }

    def post(self, request, page_id, action):
        if action not in self.ACTIONS:
            raise PermissionDenied
        service, message = self.ACTIONS[action]
        result = service(page=self.member_page(), user=request.user)
        messages.success(request, message)
        if action == "duplicate":
            return redirect("dashboard:edit", page_id=result.pk)  # the copy is for changing
        return redirect("dashboard:overview")


def confirm_current_view(request, token):
    """One click from the reminder mail: the opportunity is still current. The signed link is the proof."""
    page = freshness.page_for_token(token)
    if page is None:
        return render(request, "dashboard/confirm_current.html", {"invalid": True}, status=400)
    if request.method == "POST":
        freshness.confirm_current(page)
        return render(request, "dashboard/confirm_current.html", {"page": page, "confirmed": True})
    # A GET only asks: mail scanners follow links, and they must not confirm anything.
    return render(request, "dashboard/confirm_current.html", {"page": page})


class RestoreView(OpportunityOfMemberMixin, View):
    def post(self, request, page_id):
        if freshness.restore(self.member_page(), request.user):
            messages.success(request, _("Das Angebot ist wieder online."))
        else:
            messages.error(request, _("Dieses Angebot kann nicht mit einem Klick zurückgeholt werden."))
        return redirect("dashboard:overview")


class RateLimitedLoginView(auth_views.LoginView):
    """Django's login behind the shared login throttle (engagement/security/throttle.py): 429 when it
    refuses."""

    template_name = "dashboard/login.html"
    redirect_authenticated_user = True
    form_class = MemberLoginForm

    def form_valid(self, form):
        response = super().form_valid(form)
        if two_factor.has_device(form.get_user()):
            # The password alone opens nothing: the code comes next (VereinTwoFactorMiddleware).
            url = reverse("dashboard:two_factor_verify")
            return redirect(f"{url}?{urlencode({'next': self.get_success_url()})}")
        return response

    def form_invalid(self, form):
        if getattr(self.request, "login_throttled", False):
            context = self.get_context_data(form=form, rate_limited=True)
            return self.render_to_response(context, status=429)
        return super().form_invalid(form)


def _next_url(request) -> str:
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return reverse("dashboard:overview")


@method_decorator([never_cache, sensitive_post_parameters("token")], name="dispatch")
class TwoFactorVerifyView(MemberRequiredMixin, View):
    """The second step of the Verein login for members who switched the second factor on: a code
    from the app or a recovery code (each works once). Wrong codes count against the login throttle."""

    template_name = "dashboard/two_factor_verify.html"

    def get(self, request):
        if request.user.is_verified() or not two_factor.has_device(request.user):
            return redirect(_next_url(request))
        return self.show(TokenForm())

    def post(self, request):
        if request.user.is_verified() or not two_factor.has_device(request.user):
            return redirect(_next_url(request))
        form = TokenForm(request.POST)
        if form.is_valid():
            try:
                if two_factor.verify_counted(request, form.cleaned_data["token"]):
                    return redirect(_next_url(request))
            except RateLimited:
                return self.show(form, rate_limited=True, status=429)
            form.add_invalid_code_error()
        return self.show(form, status=400)

    def show(self, form, rate_limited=False, status=200):
        context = {"form": form, "next": _next_url(self.request), "rate_limited": rate_limited}
        return render(self.request, self.template_name, context, status=status)


@method_decorator([never_cache, sensitive_post_parameters("token", "password")], name="dispatch")
class TwoFactorView(MemberRequiredMixin, View):
    """The page "Zwei-Faktor-Anmeldung": members switch an authenticator app on (QR code, a first code, ten
    recovery codes shown once) or off again (a current code or their password). Optional for members."""

    template_name = "dashboard/two_factor.html"

    def get(self, request):
        return self.show()

    def post(self, request):
        if two_factor.has_device(request.user):
            return self.switch_off(request)
        form = TokenForm(request.POST)
        if form.is_valid():
            codes = two_factor.confirm_device(request, form.cleaned_data["token"])
            if codes is not None:
                return render(request, "dashboard/two_factor_recovery_codes.html", {"codes": codes})
            form.add_invalid_code_error()
        return self.show(setup_form=form, status=400)

    def switch_off(self, request):
        form = SwitchOffTwoFactorForm(request.POST)
        if form.is_valid():
            try:
                switched_off = two_factor.switch_off(
                    request, form.cleaned_data["token"], form.cleaned_data["password"]
                )
            except RateLimited:
                return self.show(switch_off_form=form, rate_limited=True, status=429)
            if switched_off:
                messages.success(request, _("Die Zwei-Faktor-Anmeldung ist ausgeschaltet."))
                return redirect("dashboard:two_factor")
            form.add_wrong_proof_error()
        return self.show(switch_off_form=form, status=400)

    def show(self, setup_form=None, switch_off_form=None, rate_limited=False, status=200):
        user = self.request.user
        context = {"rate_limited": rate_limited}
        if two_factor.has_device(user):
            context.update(switched_on=True, form=switch_off_form or SwitchOffTwoFactorForm())
        else:
            device = two_factor.pending_device(user)
            context.update(
                switched_on=False,
                form=setup_form or TokenForm(),
                qr_code=two_factor.qr_code_svg(device),
                secret=two_factor.readable_secret(device),
            )
        return render(self.request, self.template_name, context, status=status)


class RateLimitedPasswordResetView(auth_views.PasswordResetView):
    """Django's password reset, limited per client address (429) and per e-mail address. Past an
    e-mail address's budget the page answers as always and sends nothing: nobody floods one inbox, and
    the answer tells nothing about which addresses have accounts."""

    def form_valid(self, form):
        try:
            hit("password-reset-address", client_key(self.request))
        except RateLimited:
            return self.render_to_response(self.get_context_data(form=form, rate_limited=True), status=429)
        try:
            hit("password-reset-email", form.cleaned_data["email"].strip().lower())
        except RateLimited:
            return redirect(self.get_success_url())
        return super().form_valid(form)


# Session keys: the account this browser registered, and where its confirmation leads (an invitation).
REGISTERED_IN_THIS_BROWSER = "registered_account"
AFTER_CONFIRMATION = "after_confirmation"


def register_view(request):
    """Registration; from an invitation link (`?einladung=`), with the invited address filled in, and
    back to the invitation once the address is confirmed."""
    invitation = membership.open_invitation(request.GET.get("einladung", ""))
    initial = {"email": invitation.email} if invitation else {}
    form = RegistrationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            hit("register", client_key(request))
        except RateLimited:
            return render(
                request, "dashboard/register.html", {"form": form, "rate_limited": True}, status=429
            )
        # The same answer whether or not the address already has an account: nobody learns who is registered.
        if not form.cleaned_data["website"]:
            user = accounts.register_unless_taken(
                email=form.cleaned_data["email"],
                password=form.cleaned_data["password"],
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
            )
            if user is not None:
                # This browser typed the password: confirming the address from it logs in at once.
                request.session[REGISTERED_IN_THIS_BROWSER] = user.pk
                if invitation is not None:
                    request.session[AFTER_CONFIRMATION] = reverse(
                        "dashboard:accept_invitation", args=[request.GET["einladung"]]
                    )
        return render(request, "dashboard/register_done.html", {"email": form.cleaned_data["email"]})
    return render(request, "dashboard/register.html", {"form": form}, status=400 if form.errors else 200)


def verify_email_view(request, token):
    """Confirm the address. In the browser that registered, that is also the login, and the next step
    is the organisation (or the overview, for a member already). The link alone logs nobody in: from
    another device, or for a mail scanner that follows links, the page asks for the password."""
    user = accounts.activate(token)
    if user is None:
        return render(request, "dashboard/verify_email.html", {"invalid": True}, status=400)
    if request.session.get(REGISTERED_IN_THIS_BROWSER) == user.pk:
        del request.session[REGISTERED_IN_THIS_BROWSER]
        after_confirmation = request.session.pop(AFTER_CONFIRMATION, None)
        login(request, user, backend=settings.AUTHENTICATION_BACKENDS[0])
        if after_confirmation:
            messages.success(
                request, _("Ihre E-Mail-Adresse ist bestätigt. Nehmen Sie jetzt die Einladung an.")
            )
            return redirect(after_confirmation)
        if Organisation.objects.of_member(user).exists():
            return redirect("dashboard:overview")
        messages.success(request, _("Ihre E-Mail-Adresse ist bestätigt. Willkommen!"))
        return redirect("dashboard:found_organisation")
    return render(request, "dashboard/verify_email.html", {"verified_user": user})


class FoundOrganisationView(MemberRequiredMixin, FormView):
    form_class = OrganisationForm
    template_name = "dashboard/organisation_form.html"

    def form_valid(self, form):
        data = {name: form.cleaned_data[name] for name in form.Meta.fields}
        organisation = membership.found_organisation(
            user=self.request.user, data=data, logo=form.cleaned_data["logo_file"]
        )
        messages.success(
            self.request,
            _(
                "%(name)s ist angelegt. Beschreiben Sie jetzt Ihr erstes Angebot: Die Stadt prüft "
                "Organisation und Angebot zusammen."
            )
            % {"name": organisation.name},
        )
        return redirect("dashboard:create", organisation_id=organisation.pk)

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response


class JoinOrganisationView(MemberRequiredMixin, FormView):
    form_class = JoinRequestForm
    template_name = "dashboard/join_form.html"

    def form_valid(self, form):
        try:
            membership.request_membership(
                user=self.request.user,
                organisation=form.cleaned_data["organisation"],
                message=form.cleaned_data["message"],
            )
        except ValidationError as error:
            form.add_error("organisation", error)
            return self.form_invalid(form)
        messages.success(self.request, _("Ihre Anfrage ist verschickt. Die Verantwortlichen entscheiden."))
        return redirect("dashboard:overview")

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response


class MembersView(MemberRequiredMixin, TemplateView):
    """Owners only: members, open requests to join, invitations."""

    template_name = "dashboard/members.html"

    def get_organisation(self):
        return self.get_owned_organisation(self.kwargs["organisation_id"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        organisation = self.get_organisation()
        context.update(
            organisation=organisation,
            members=organisation.memberships.select_related("user").order_by("user__last_name"),
            requests=organisation.membership_requests.filter(status="pending").select_related("user"),
            invitation_form=kwargs.get("invitation_form") or InvitationForm(),
            open_invitations=membership.open_invitations(organisation),
        )
        return context

    def post(self, request, organisation_id):
        organisation = self.get_organisation()
        action = request.POST.get("action")
        if action == "invite":
            form = InvitationForm(request.POST)
            if not form.is_valid():
                return self.render_to_response(self.get_context_data(invitation_form=form), status=400)
            membership.invite(organisation=organisation, email=form.cleaned_data["email"], by=request.user)
            messages.success(request, _("Die Einladung ist verschickt."))
        elif action == "revoke":
            invitation = get_object_or_404(organisation.invitations, pk=request.POST.get("invitation_id"))
            membership.revoke_invitation(invitation=invitation, by=request.user)
            messages.success(request, _("Die Einladung ist zurückgezogen."))
        elif action in ("approve", "decline"):
            membership_request = get_object_or_404(
                organisation.membership_requests, pk=request.POST.get("request_id")
            )
            membership.decide_request(
                membership_request=membership_request, by=request.user, approve=action == "approve"
            )
        elif action == "remove":
            member = get_object_or_404(organisation.memberships, pk=request.POST.get("membership_id"))
            try:
                membership.remove_member(membership=member, by=request.user)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
        else:
            raise PermissionDenied
        return redirect("dashboard:members", organisation_id=organisation.pk)


class AcceptInvitationView(View):
    """The page of an invitation link. Someone without an account registers from here (with the invited
    address filled in) and comes back after confirming it; accepting needs the invited address's account."""

    def get(self, request, token):
        invitation = membership.open_invitation(token)
        if invitation is None:
            return render(request, "dashboard/accept_invitation.html", {"invalid": True}, status=400)
        context = {"invitation": invitation, "anonymous": not request.user.is_authenticated}
        if not request.user.is_authenticated:
            context["register_url"] = reverse("dashboard:register") + "?" + urlencode({"einladung": token})
            context["login_url"] = reverse("dashboard:login") + "?" + urlencode({"next": request.path})
        return render(request, "dashboard/accept_invitation.html", context)

    def post(self, request, token):
        if not request.user.is_authenticated:
            return redirect_to_login(request.path)
        try:
            organisation = membership.accept_invitation(token=token, user=request.user)
        except ValidationError as error:
            context = {"invalid": True, "wrong_address": " ".join(error.messages)}
            return render(request, "dashboard/accept_invitation.html", context, status=403)
        if organisation is None:
            return render(request, "dashboard/accept_invitation.html", {"invalid": True}, status=400)
        if organisation.has_owner(request.user) and not organisation.opportunities.exists():
            messages.success(
                request,
                _("Willkommen bei %(name)s! Beschreiben Sie jetzt Ihr erstes Angebot.")
                % {"name": organisation.name},
            )
            return redirect("dashboard:create", organisation_id=organisation.pk)
        messages.success(request, _("Willkommen bei %(name)s!") % {"name": organisation.name})
        return redirect("dashboard:overview")


class PreviewView(OpportunityOfMemberMixin, View):
    """The latest saved version as citizens would see it, before the editors have approved it."""

    def get(self, request, page_id):
        latest = self.member_page().get_latest_revision_as_object()
        response = latest.serve_preview(request, latest.default_preview_mode)
        response["X-Robots-Tag"] = "noindex"
        return response
