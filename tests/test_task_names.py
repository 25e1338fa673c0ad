"""Every celery task is named after its app and its function (`mail.send_outgoing_mail`), so a
name in a log, the beat schedule or a queue leads straight to the code."""


def test_every_task_is_named_app_dot_function(worker_tasks):
    from engagement.celery import app

    ours = {name: app.tasks[name] for name in worker_tasks if not name.startswith("celery.")}
    assert len(ours) >= 10
    misnamed = {
        name: f"{task.run.__module__}.{task.run.__name__}"
        for name, task in ours.items()
        if name.rpartition(".")[2] != task.run.__name__
    }
    assert misnamed == {}
