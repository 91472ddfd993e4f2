"""Posting and replying: our checks in front of django-contrib-comments' view.

``post`` answers bad input itself (400 page, form errors, 429, spam) and hands a
clean comment to the library's ``post_comment``, which runs xtd's moderator and
confirmation mail. Why not the library's view alone: it answers a tampered form
or a closed article with an empty 400, lets a reply to a foreign or too deep
comment raise a 500 in ``XtdComment.save``, and turns a filled honeypot into a
400 instead of keeping the comment as spam.
"""

import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.http import Http404
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import (
    require_GET,
    require_http_methods,
    require_POST,
)
from django_comments.views.comments import post_comment
from django_comments_xtd import signed
from django_comments_xtd import views as xtd_views

from articles.models import Article
from comments import policy, services
from comments.forms import LIVE_FIELDS, ArticleCommentForm
from comments.models import ArticleComment, address_hash, comments_open
from comments.moderation_links import ACTION_LABELS, LinkRefused, moderation_link_check
from core import csrf
from core.ratelimit import rate_limit_hit, rate_limit_network, too_many_requests

logger = logging.getLogger(__name__)

SECURITY_FIELDS = {"content_type", "object_pk", "timestamp", "security_hash", "nonce"}


def bad_request(request, message: str):
    return render(
        request, "comments/bad_request.html", {"message": message}, status=400
    )


def _target_article(data) -> Article | None:
    if data.get("content_type") != "articles.article":
        return None
    try:
        pk = int(data.get("object_pk", ""))
    except ValueError:
        return None
    return Article.objects.with_related().filter(pk=pk).first()


@require_POST
def post(request):
    data = request.POST.copy()
    if request.user.is_authenticated:
        # Logged-in users don't type name and e-mail: take them from the account.
        data["name"] = request.user.get_full_name() or request.user.get_username()
        data["email"] = request.user.email

    article = _target_article(data)
    if article is None or not article.is_published:
        return bad_request(request, _("This article does not exist."))
    form = ArticleCommentForm(article, data=data)
    form.is_valid()
    if not any(data.get(name) for name in LIVE_FIELDS):
        # The signed fields are empty: the page every reader gets carries
        # none and its script did not fill them in. The form again, filled
        # in, with fresh ones (tampered fields are refused below).
        return form_again(request, article, status=400)
    if SECURITY_FIELDS & set(form.errors):
        return bad_request(
            request,
            _(
                "The comment form was changed or is too old. Please reload the "
                "article and write your comment again."
            ),
        )
    if not comments_open(article):
        return bad_request(request, _("Comments on this article are closed."))
    if "reply_to" in form.errors:
        return bad_request(request, _("This comment cannot be answered."))

    honeypot = "honeypot" in form.errors
    errors = set(form.errors) - {"honeypot"}
    context = {"form": form, "article": article}
    if errors:
        return render(request, "comments/form_errors.html", context, status=400)

    reasons = policy.spam_reasons(
        honeypot_filled=honeypot, rendered_at=form.cleaned_data.get("timestamp")
    )
    mail_goes_out = not reasons and not request.user.is_authenticated
    refusal = _refusal(request, form, context, mail_goes_out=mail_goes_out)
    if refusal is not None:
        return refusal
    if reasons:
        services.comment_store_spam(form=form, request=request, reasons=reasons)
        return render(request, "comments/spam_received.html", {"article": article})

    request.POST = data
    try:
        return post_comment(request, next=reverse("comments-xtd-sent"))
    except (smtplib.SMTPException, OSError):
        # xtd mails the confirmation link from inside the view; nothing was
        # stored yet, so the visitor simply tries again later.
        logger.exception("Could not send a comment confirmation mail")
        return render(
            request, "comments/mail_unavailable.html", {"article": article}, status=503
        )


# What the visitor typed, carried into the form shown again.
TYPED_FIELDS = ("name", "email", "url", "comment", "followup", "consent", "reply_to")


def form_again(request, article: Article, *, status: int):
    """The comment form again with what the visitor typed and fresh security
    fields and CSRF token: one more click, nothing lost."""
    initial = {
        name: request.POST.get(name)
        for name in TYPED_FIELDS
        if request.POST.get(name) is not None
    }
    form = ArticleCommentForm(article, initial=initial)
    form.backdate(settings.COMMENTS_MIN_SUBMIT_SECONDS)
    return render(
        request,
        "comments/form_again.html",
        {
            "article": article,
            "form": form,
            "user": request.user,
            "csrf_token": get_token(request),
            "privacy_url": settings.PRIVACY_URL,
        },
        status=status,
    )


@csrf.fallback("comments:post")
def post_again(request):
    """The comment arrived without a valid CSRF token (``core.csrf``)."""
    article = _target_article(request.POST)
    if article is None or not article.is_published or not comments_open(article):
        return None
    return form_again(request, article, status=403)


def _refusal(request, form, context: dict, *, mail_goes_out: bool):
    """429 when the visitor's network wrote many comments lately, or many
    confirmation mails went to the address; 400 when the form was used before
    (its signed timestamp is no ticket for two hours). ``None``: go on."""
    limit = rate_limit_network(request, scope="comment")
    if not limit.allowed:
        message = _(
            "You have written many comments in a short time. Please wait "
            "%(minutes)d minutes before you write the next one."
        )
        return _rate_limited(request, limit, message, context)
    if mail_goes_out:
        address = address_hash(form.cleaned_data["email"])
        limit = rate_limit_hit(scope="confirmation_mail", key=address)
        if not limit.allowed:
            message = _(
                "We have sent several confirmation e-mails to this address in the "
                "last hour. Please confirm one of them, or try again in "
                "%(minutes)d minutes."
            )
            return _rate_limited(request, limit, message, context)
    if not services.comment_form_use(nonce=form.cleaned_data["nonce"]):
        return bad_request(
            request,
            _(
                "This form has been sent already. Please reload the article to "
                "write another comment."
            ),
        )
    return None


def _rate_limited(request, limit, message: str, context: dict):
    message = message % {"minutes": max(1, round(limit.retry_after / 60))}
    return too_many_requests(
        request,
        limit,
        message=message,
        template="comments/form_errors.html",
        context={**context, "rate_limited": message},
    )


@require_GET
def confirm(request, key: str):
    """The link in the confirmation mail, checked before xtd's view creates the
    comment: it expires after ``COMMENTS_CONFIRMATION_DAYS``, the article must
    still take comments, and an erasure of the address (GDPR) since the comment
    was written voids it. (xtd alone would confirm a year-old link on a closed
    or unpublished article and bring an erased comment back.)"""
    try:
        pending = signed.loads(key, extra_key=settings.COMMENTS_XTD_SALT)
    except (ValueError, signed.BadSignature):
        return bad_request(request, _("This link is not valid."))
    submitted = pending.get("submit_date")
    lifetime = timedelta(days=settings.COMMENTS_CONFIRMATION_DAYS)
    if submitted is None or timezone.now() - submitted > lifetime:
        days = settings.COMMENTS_CONFIRMATION_DAYS
        message = ngettext(
            "This link has expired: it is valid for %(days)d day. Please write "
            "your comment again.",
            "This link has expired: it is valid for %(days)d days. Please write "
            "your comment again.",
            days,
        )
        return bad_request(request, message % {"days": days})
    article = pending.get("content_object")
    if not isinstance(article, Article) or not comments_open(article):
        return bad_request(request, _("Comments on this article are closed."))
    if services.address_erased_since(email=pending["user_email"], moment=submitted):
        return bad_request(request, _("This link is no longer valid."))
    return xtd_views.confirm(request, key)


@require_GET
def reply(request, pk: int):
    """A page with one approved comment and the form to answer it."""
    parent = ArticleComment.objects.for_articles().approved().filter(pk=pk).first()
    article = (
        Article.objects.published().with_related().filter(pk=parent.object_pk).first()
        if parent
        else None
    )
    if article is None or not parent.allow_thread():
        raise Http404
    return render(
        request,
        "comments/reply.html",
        {
            "article": article,
            "parent": parent,
            "comments_open": comments_open(article),
            "form": ArticleCommentForm(article, comment=parent),
            "privacy_url": settings.PRIVACY_URL,
        },
    )


@require_http_methods(["GET", "POST"])
def moderate_link(request, token: str):
    """A one-click link from the moderators' mail (``comments.moderation_links``):
    GET shows the comment and a confirm button and changes nothing (mail
    scanners fetch links); the button POSTs and the action runs. Expired,
    used, forged → a page that says so, with a 4xx status."""
    try:
        if request.method == "POST":
            comment, action = services.comment_moderation_link_use(token=token)
            done = True
        else:
            comment, action = moderation_link_check(token)
            done = False
    except LinkRefused as refused:
        response = render(
            request,
            "comments/moderate_link.html",
            {"refused": refused.message},
            status=refused.status,
        )
    else:
        response = render(
            request,
            "comments/moderate_link.html",
            {
                "comment": comment,
                "article": comment.content_object,
                "action": action,
                "action_label": ACTION_LABELS[action],
                "done": done,
            },
        )
    response["X-Robots-Tag"] = "noindex"
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response
