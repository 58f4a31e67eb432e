"""The client guides listed through their own partial index (see Guide.Meta.indexes)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("guides", "0014_reply_wording"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="guide",
            index=models.Index(
                condition=models.Q(("client__isnull", False)),
                fields=["client", "language", "status"],
                name="client_guide_idx",
            ),
        ),
    ]
