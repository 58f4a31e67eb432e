"""Load the shipped catalogue and guides into an empty database, once."""

from django.db import migrations


def load(apps, schema_editor):
    from guides.content.seed import seed_catalogue, seed_guides

    seed_catalogue(apps)
    seed_guides(apps)


class Migration(migrations.Migration):
    dependencies = [("guides", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
