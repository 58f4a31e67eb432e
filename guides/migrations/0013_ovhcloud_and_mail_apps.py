"""The glossary's names: OVHcloud's support among the reply table's actors, and "Mail apps" for
the English name of the client guides' category where it still has the first one."""

from django.db import migrations, models


def rename_category(apps, schema_editor):
    Category = apps.get_model("guides", "Category")
    Category.objects.filter(kind="clients", name_en="Mail clients").update(name_en="Mail apps")


class Migration(migrations.Migration):
    dependencies = [
        ("guides", "0012_retire_review_images"),
    ]

    operations = [
        migrations.AlterField(
            model_name="knownreply",
            name="actor",
            field=models.CharField(
                choices=[
                    ("you", "Vous"),
                    ("correspondent", "Votre correspondant"),
                    ("their_provider", "Le fournisseur de messagerie du destinataire"),
                    ("ovh_support", "Le support OVHcloud"),
                    ("nobody", "Personne : il suffit d'attendre"),
                ],
                max_length=20,
                verbose_name="qui doit agir",
            ),
        ),
        migrations.RunPython(rename_category, migrations.RunPython.noop),
    ]
