"""Signal receivers of the comments app, connected in ``CommentsConfig.ready``."""

from django.conf import settings
from django.contrib.sites.models import Site
from django.db import transaction

from comments import services
from core.visitors import anonymize_ip


def truncate_ip_of_new_comment(sender, comment, request, **kwargs):
    """django-contrib-comments stores ``REMOTE_ADDR``; keep only the /24 (/48)
    network, before the temporary comment is signed into the confirmation link."""
    comment.ip_address = anonymize_ip(comment.ip_address or "")


def truncate_ip_before_save(sender, instance, **kwargs):
    # Whatever path saves a comment (admin, shell, import): never a raw address.
    if instance.ip_address:
        instance.ip_address = anonymize_ip(instance.ip_address)


def notify_moderators_of_held_comment(sender, instance, created, raw=False, **kwargs):
    if created and not raw and not instance.is_public and not instance.is_spam:
        # This comment, and any whose mail failed before (the mail server may
        # be back): each is mailed once.
        transaction.on_commit(services.moderators_notify_pending)


def set_site_domain(sender, **kwargs):
    """Mail links are built from the Sites framework: use the real domain."""
    Site.objects.update_or_create(
        pk=settings.SITE_ID,
        defaults={"domain": settings.SITE_DOMAIN, "name": settings.SITE_NAME},
    )
