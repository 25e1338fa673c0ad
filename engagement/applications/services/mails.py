"""The mails of applying: to the applicant (in their language, erased with the application), to a
parent or guardian, and to the members of the organisation (a link, never the applicant's data)."""

from engagement.mail import outbox

from ..models import Application
from .links import detail_url


def context(application, **extra) -> dict:
    page = application.opportunity
    return {"application": application, "page": page, "city": page.city, **extra}


def notify_organisation(application, *, template: str, key: str):
    """Every member of the organisation gets a link to the application; its content stays on the site."""
    mail_members(
        application.opportunity.organisation,
        key,
        template,
        context(application, url=detail_url(application)),
        about=application,
    )


def mail_applicant(application: Application, key: str, template: str, context: dict, **options) -> bool:
    """An applicant's mail, in the language they applied in; erased with the application."""
    return mail_to(application, application.email, key, template, context, **options)


def mail_to(application: Application, to: str, key: str, template: str, context: dict, keep=False, **options):
    """A mail about `application` to `to` (the applicant or their parent), in the applicant's language.
    Erased with the application, unless `keep`: the news that it was deleted must outlive it."""
    return outbox.queue(
        key,
        to,
        f"applications/emails/{template}",
        context,
        language=application.language,
        about=None if keep else application,
        **options,
    )


def mail_members(organisation, key: str, template: str, context: dict, about=None):
    """The same mail to every member of the organisation, each in their own language."""
    for membership in organisation.memberships.select_related("user"):
        member = membership.user
        if member.email:
            outbox.queue(
                f"{key}:{member.pk}",
                member.email,
                f"applications/emails/{template}",
                context,
                language=outbox.recipient_language(member),
                about=about,
            )
