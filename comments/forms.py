"""The comment form: xtd's form plus GDPR consent and stricter fields.

Rendered field by field in ``comments/_form.html``; the honeypot and the signed
timestamp (both from django-contrib-comments) feed the spam rules. Each form
also carries a random ``nonce``, signed with the timestamp, so that one form
makes one comment (``services.comment_form_use``): django-contrib-comments
would accept the same signed timestamp for two hours.
"""

import secrets

from django import forms
from django.conf import settings
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext_lazy as _
from django_comments_xtd.forms import XtdCommentForm

from comments.models import ArticleComment

# The fields that differ per request (signed with the time): on the page every
# reader gets they are empty, filled in by the live request (core.http_cache).
LIVE_FIELDS = ("timestamp", "security_hash", "nonce")


class ArticleCommentForm(XtdCommentForm):
    nonce = forms.CharField(widget=forms.HiddenInput, min_length=16, max_length=32)
    url = forms.URLField(
        label=_("Website (optional)"),
        required=False,
        max_length=200,
        assume_scheme="https",
    )
    consent = forms.BooleanField(
        required=True,
        error_messages={
            "required": _(
                "Please agree to the storage of your data, or we cannot "
                "publish your comment."
            )
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].label = _("Name")
        self.fields["name"].widget = forms.TextInput(attrs={"autocomplete": "name"})
        self.fields["email"].label = _("E-mail (never shown)")
        self.fields["email"].help_text = _(
            "We send you a link to confirm your comment."
        )
        self.fields["email"].widget = forms.EmailInput(attrs={"autocomplete": "email"})
        self.fields["url"].label = _("Website (optional)")
        self.fields["url"].widget = forms.URLInput(attrs={"autocomplete": "url"})
        self.fields["comment"].label = _("Comment")
        self.fields["comment"].max_length = settings.COMMENT_MAX_LENGTH
        self.fields["comment"].widget = forms.Textarea(
            attrs={"rows": 6, "maxlength": settings.COMMENT_MAX_LENGTH}
        )
        self.fields["followup"].label = _("Notify me by e-mail of replies")
        self.fields["followup"].widget = forms.CheckboxInput()
        self.fields["honeypot"].label = _("Leave this field empty")

    # --- the security data, with the nonce signed in -------------------------

    def generate_security_data(self):
        self.nonce_value = secrets.token_urlsafe(16)
        return {**super().generate_security_data(), "nonce": self.nonce_value}

    def initial_security_hash(self, timestamp):
        return self._signed(
            str(self.target_object._meta),
            str(self.target_object._get_pk_val()),
            str(timestamp),
            self.nonce_value,
        )

    @classmethod
    def security_data_for(cls, target) -> dict:
        """A fresh form's signed fields for ``target`` without building the
        form (its fields and xtd's checks cost more than the signing): for the
        page's live request."""
        form = cls.__new__(cls)
        form.target_object = target
        return form.generate_security_data()

    def backdate(self, seconds: int) -> None:
        """Sign an earlier time: for the form shown again (``views.form_again``)
        the visitor has already spent the spam rule's minimum time on it."""
        timestamp = int(self.initial["timestamp"]) - seconds
        self.initial["timestamp"] = str(timestamp)
        self.initial["security_hash"] = self.initial_security_hash(timestamp)

    def clean_security_hash(self):
        expected = self._signed(
            self.data.get("content_type", ""),
            self.data.get("object_pk", ""),
            self.data.get("timestamp", ""),
            self.data.get("nonce", ""),
        )
        actual = self.cleaned_data["security_hash"]
        if not constant_time_compare(expected, actual):
            raise forms.ValidationError("Security hash check failed.")
        return actual

    @staticmethod
    def _signed(content_type: str, object_pk: str, timestamp: str, nonce: str) -> str:
        value = "-".join((content_type, object_pk, timestamp, nonce))
        # SHA-1 as the library's own hash: the field takes 40 characters.
        return salted_hmac("comments.ArticleCommentForm", value).hexdigest()

    def clean_comment(self):
        text = super().clean_comment().strip()
        if not text:
            raise forms.ValidationError(_("Please write a comment."))
        return text

    def clean_reply_to(self):
        """0 for a new thread, or an approved comment of this article that may
        still be answered (below the maximum thread level)."""
        parent_pk = self.cleaned_data["reply_to"]
        if parent_pk == 0:
            return 0
        parent = (
            ArticleComment.objects.of_article(self.target_object)
            .approved()
            .filter(pk=parent_pk)
            .first()
        )
        if parent is None or not parent.allow_thread():
            raise forms.ValidationError(_("This comment cannot be answered."))
        return parent_pk

    def get_comment_create_data(self, site_id=None):
        data = super().get_comment_create_data(site_id=site_id)
        data["comment"] = self.cleaned_data["comment"]
        return data
