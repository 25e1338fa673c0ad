"""The applicant's rights through the private link: Art. 15 (export) and Art. 17 (erasure) DSGVO."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation

from engagement.mail.models import OutgoingMail

from .. import extensions
from ..consent import consent_text, guardian_consent_text
from ..models import Application, StatusChange
from .capacity import update_capacity


def export_data(application: Application) -> dict:
    """Everything stored about this application, including the consent and every status change."""
    with translation.override("de"):
        return {
            "angebot": application.opportunity.title,
            "organisation": application.opportunity.organisation.name,
            "name": application.name,
            "email": application.email,
            "telefon": application.phone,
            "nachricht": application.message,
            "zeit": application.availability,
            "alter_bestaetigt": application.age_confirmed,
            "voraussetzungen_bestaetigt": application.requirements_confirmed,
            "status": str(application.get_status_display()),
            "eingegangen": timezone.localtime(application.created_at).isoformat(),
            "einwilligung": {
                "version": application.consent_version,
                "text": consent_text(application.consent_version),
                "erteilt": timezone.localtime(application.consent_given_at).isoformat(),
                "bestaetigt": timezone.localtime(application.confirmed_at).isoformat()
                if application.confirmed_at
                else None,
            },
            "unter_18": application.is_minor,
            "zustimmung_eltern": {
                "email": application.guardian_email,
                "version": application.guardian_consent_version,
                "text": guardian_consent_text(application.guardian_consent_version),
                "erteilt": timezone.localtime(application.guardian_consent_given_at).isoformat(),
            }
            if application.guardian_consent_given_at
            else ({"email": application.guardian_email, "erteilt": None} if application.is_minor else None),
            "verlauf": [
                {
                    "von": str(change.get_from_status_display()),
                    "nach": str(change.get_to_status_display()),
                    "am": timezone.localtime(change.changed_at).isoformat(),
                    "nachricht": change.message,
                }
                for change in application.changes.all()
            ],
            "emails": [
                {"betreff": mail.subject, "erstellt": timezone.localtime(mail.created_at).isoformat()}
                for mail in application.mails.filter(to=application.email).order_by("created_at")
            ],
            # What shifts and hours keep about the application (bookings, hours, Nachweise).
            **extensions.exported(application),
        }


@transaction.atomic
def erase(application: Application):
    """Delete the application, its history and its mails (sent or not); a freed place opens again."""
    application = Application.objects.select_for_update(of=("self",)).get(pk=application.pk)
    page, status = application.opportunity, application.status
    application.delete()
    update_capacity(page, from_status=status, to_status="")


@transaction.atomic
def minimise(applications) -> int:
    """Keep an application only as far as the volunteer's record needs it (retention, instead of deleting
    an application with confirmed hours or an issued Nachweis): erase the message, phone, availability,
    the notes of its status changes and its sent mails; keep name, e-mail address, the status link, the
    consent record, shift bookings, hours and Nachweise. Idempotent; returns how many changed."""
    ids = list(
        applications.filter(~Q(phone="") | ~Q(message="") | ~Q(availability="")).values_list("pk", flat=True)
    )
    Application.objects.filter(pk__in=ids).update(phone="", message="", availability="")
    StatusChange.objects.filter(application__in=applications).exclude(message="").update(message="")
    OutgoingMail.objects.filter(
        content_type=ContentType.objects.get_for_model(Application),
        object_id__in=applications.values("pk"),
        state__in=[OutgoingMail.State.SENT, OutgoingMail.State.FAILED],
    ).delete()
    return len(ids)
