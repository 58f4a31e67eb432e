"""Create the "editors" and "contributors" groups with their permissions (data only)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def create_groups(apps, schema_editor):
    from guides.editorial.permissions import setup_groups

    # Permissions are normally created after all migrations; the groups need them now.
    app_config = apps.get_app_config("guides")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0, using=schema_editor.connection.alias)
    app_config.models_module = None
    setup_groups(apps=apps)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["editors", "contributors"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("guides", "0005_staff_area"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
