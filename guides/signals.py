"""Forget the cached placeholder values whenever the catalogue they come from changes."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from guides.content.placeholders import forget_catalogue_values
from guides.models import Limit, MxHost, ServerEndpoint


@receiver([post_save, post_delete], sender=ServerEndpoint)
@receiver([post_save, post_delete], sender=Limit)
@receiver([post_save, post_delete], sender=MxHost)
def catalogue_changed(**kwargs) -> None:
    forget_catalogue_values()
