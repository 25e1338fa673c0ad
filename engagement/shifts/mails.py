"""The shifts' mails, through the one outbox: to a signed-up person (in the language they signed up in,
erased with their application) and to every member of the Verein."""

from engagement.mail import outbox


def mail_person(application, key: str, template: str, context: dict, **options) -> bool:
    return outbox.queue(
        key,
        application.email,
        f"shifts/emails/{template}",
        context,
        language=application.language,
        about=application,
        **options,
    )


def mail_members(organisation, key: str, template: str, context: dict) -> int:
    queued = 0
    for membership in organisation.memberships.select_related("user"):
        member = membership.user
        if member.email:
            queued += outbox.queue(
                f"{key}:{member.pk}",
                member.email,
                f"shifts/emails/{template}",
                context,
                language=outbox.recipient_language(member),
            )
    return queued
