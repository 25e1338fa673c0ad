from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("applications", "0005_move_outgoing_mail_to_mail"),
    ]

    operations = [migrations.DeleteModel(name="OutgoingMail")]
