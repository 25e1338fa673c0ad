"""The needs' periodic work: a daily run that asks Vereine, two weeks ahead, whether a need is still
current (one small task per need)."""

from celery import shared_task

from . import services


@shared_task(name="needs.remind_stale_needs")
def remind_stale_needs() -> int:
    due = list(services.needs_to_remind().values_list("pk", flat=True))
    for page_id in due:
        send_need_reminder.delay(page_id)
    return len(due)


@shared_task(name="needs.send_need_reminder", acks_late=True)
def send_need_reminder(page_id: int) -> int:
    return services.remind_to_confirm(page_id)
