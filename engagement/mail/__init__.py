"""The outbox: every mail of the platform is stored here and sent by a task.

`outbox.queue()` renders a mail from templates and stores it under a key, in the caller's transaction;
after the commit a task sends it. The sweep sends whatever that task missed. This app is a leaf: it
knows nothing of the domain apps, which call it.
"""
