"""No lost updates: the article form remembers which saved version it was
opened on, and a save on top of a newer one is refused.

The version is the article's ``updated_at`` (microseconds, changed by every
save). The form carries it in a hidden field; ``clean`` reads the stored one
under a row lock (``select_for_update``: on PostgreSQL a second, concurrent
save waits for the first and then sees its new version; SQLite runs the
admin's transaction ``IMMEDIATE``, one writer at a time), so two people who
save at the same moment cannot both win. The refused form comes back with the
person's own text in it, and a message naming who saved the newer version
and when (from the admin's change log).
"""

from datetime import datetime, timedelta

from django import forms
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.utils import formats, timezone
from django.utils.translation import gettext

from articles.models import Article

# The admin's log entry is written just after the save; an entry older than
# the stored version by more than this belongs to an earlier save (the last
# one came from elsewhere: a service, a command).
_LOG_SLACK = timedelta(seconds=5)


def version_of(article: Article) -> str:
    return article.updated_at.isoformat() if article.updated_at else ""


def last_saved_by(article: Article) -> str:
    """The name of whoever saved the article last in the admin, or "" when
    the last change came from elsewhere (an import, a command)."""
    entry = (
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Article),
            object_id=str(article.pk),
        )
        .select_related("user")
        .order_by("-action_time")
        .first()
    )
    if entry is None or entry.action_time < article.updated_at - _LOG_SLACK:
        return ""
    return entry.user.get_full_name() or entry.user.get_username()


class VersionedArticleForm(forms.ModelForm):
    loaded_version = forms.CharField(required=False, widget=forms.HiddenInput)

    # Set by the admin when the person restores an autosave
    # (articles.newsroom.autosave_admin): the form starts from it.
    autosave_initial: dict | None = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields["loaded_version"].initial = version_of(self.instance)
        if self.autosave_initial and not self.is_bound:
            self.initial.update(self.autosave_initial)

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is not None:
            self._check_version(self.data.get(self.add_prefix("loaded_version"), ""))
        return cleaned

    def _check_version(self, loaded: str) -> None:
        stored = (
            Article.objects.select_for_update()
            .filter(pk=self.instance.pk)
            .values_list("updated_at", flat=True)
            .first()
        )
        if stored is None:
            return  # deleted meanwhile; the admin answers that itself
        try:
            loaded_at = datetime.fromisoformat(loaded)
        except ValueError:
            loaded_at = None
        if loaded_at is not None and loaded_at == stored:
            return
        stored_article = Article(pk=self.instance.pk, updated_at=stored)
        name = last_saved_by(stored_article)
        when = formats.date_format(timezone.localtime(stored), "DATETIME_FORMAT")
        if name:
            message = gettext(
                "%(name)s saved this article on %(when)s, after you opened it. "
                "Your changes are still here but not saved: open the article "
                "in a new tab, compare and carry your changes over there."
            ) % {"name": name, "when": when}
        else:
            message = gettext(
                "Someone saved this article on %(when)s, after you opened it. "
                "Your changes are still here but not saved: open the article "
                "in a new tab, compare and carry your changes over there."
            ) % {"when": when}
        raise ValidationError(message, code="stale")
