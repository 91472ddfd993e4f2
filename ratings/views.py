"""The vote endpoint: one small POST view for the form and for fetch().

Without JavaScript the star form posts here and is redirected back to the
article with a message; ``fetch()`` asks for JSON (``Accept: application/json``)
and gets the new average and count. Errors are 400 (bad score or body), 403
(ratings switched off; a missing CSRF token is refused by the middleware), 404
(unknown or unpublished article), 405 (not POST), 429 (rate limit, or the
network's new votes on the article today used up: ``VOTES_PER_NETWORK``).
"""

import json

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from articles.models import Article
from core import csrf
from core.ratelimit import rate_limit_network, too_many_requests, wants_json
from core.visitors import network_key
from ratings import services, voters
from ratings.forms import VoteForm
from ratings.models import MAX_SCORE, MIN_SCORE, RatingSummary

# A vote is a few dozen bytes (score and CSRF token); anything larger is refused
# before it is parsed any further.
MAX_BODY_BYTES = 2048


def _answer_error(
    request: HttpRequest, article: Article | None, message: str, status: int
) -> HttpResponse:
    if wants_json(request):
        return JsonResponse({"ok": False, "error": message}, status=status)
    response = render(
        request,
        "ratings/vote_error.html",
        {"article": article, "message": message},
        status=status,
    )
    return response


def _submitted_data(request: HttpRequest) -> dict | None:
    """``{"score": …}`` from a form or JSON body; ``None`` if unreadable."""
    if request.content_type == "application/json":
        try:
            data = json.loads(request.body or b"null")
        except (ValueError, UnicodeDecodeError):
            return None
        return data if isinstance(data, dict) else None
    values = request.POST.getlist("score")
    if len(values) > 1:
        return {"score": values}  # a list is not a score: rejected by the form
    return {"score": values[0]} if values else {}


@require_POST
def vote(request: HttpRequest, slug: str) -> HttpResponse:
    article = Article.objects.published().select_related("rating_summary")
    article = article.filter(slug=slug).first()
    if article is None:
        message = _("No published article with this address.")
        if wants_json(request):
            return JsonResponse({"ok": False, "error": message}, status=404)
        raise Http404(message)

    length = request.META.get("CONTENT_LENGTH") or "0"
    if not length.isdigit() or int(length) > MAX_BODY_BYTES:
        return _answer_error(
            request, article, _("The request is too large for a rating."), 400
        )

    voter, machine_key, new_cookie_id = voters.identify(request)
    limit = rate_limit_network(request, scope="vote")
    if not limit.allowed:
        return _rate_limited(request, article, limit)

    data = _submitted_data(request)
    if data is None:
        return _answer_error(
            request, article, _("The request body could not be read."), 400
        )
    form = VoteForm(data)
    if not form.is_valid():
        return _answer_error(request, article, form.errors["score"][0], 400)

    try:
        result = services.rating_set(
            article=article,
            voter=voter,
            machine_key=machine_key,
            network_key=network_key(request, purpose="ratings"),
            score=form.cleaned_data["score"],
        )
    except services.RatingClosed:
        return _answer_error(
            request, article, _("Ratings are switched off for this article."), 403
        )
    except services.NetworkVotesExhausted:
        return _answer_error(
            request,
            article,
            _(
                "Many ratings of this article came from your network today "
                "already. Please try again tomorrow."
            ),
            429,
        )
    response = _answer_vote(request, article, result)
    if new_cookie_id:
        voters.remember(request, response, new_cookie_id)
    return response


def _rate_limited(request, article: Article, limit) -> HttpResponse:
    message = ngettext(
        "Too many ratings in a short time. Please try again in %(seconds)d second.",
        "Too many ratings in a short time. Please try again in %(seconds)d seconds.",
        limit.retry_after,
    ) % {"seconds": limit.retry_after}
    return too_many_requests(
        request,
        limit,
        message=message,
        template="ratings/vote_error.html",
        context={"article": article},
    )


def _answer_vote(request, article: Article, result) -> HttpResponse:
    """The new average and count for ``fetch()``; a redirect back to the
    article with a message for the form."""
    score, summary = result.vote.score, result.summary
    if result.created:
        message = ngettext(
            "Thank you! You rated this article with %(score)d star.",
            "Thank you! You rated this article with %(score)d stars.",
            score,
        ) % {"score": score}
    else:
        message = ngettext(
            "Your rating was changed to %(score)d star.",
            "Your rating was changed to %(score)d stars.",
            score,
        ) % {"score": score}
    if not wants_json(request):
        messages.success(request, message)
        return redirect(f"{article.get_absolute_url()}#rating")
    return JsonResponse(
        {
            "ok": True,
            "created": result.created,
            "score": score,
            "average": round(summary.average, 2),
            "count": summary.count,
            "glyphs": summary.glyphs,
            "compact_label": summary.compact_label,
            "label": summary.label(),
            "spoken_label": summary.spoken_label(),
            "message": message,
        },
        status=201 if result.created else 200,
    )


@csrf.fallback("ratings:vote")
def vote_again(request: HttpRequest, slug: str) -> HttpResponse | None:
    """The vote arrived without a valid CSRF token (no JavaScript on the
    cached page, or an old page): the star form again with the chosen score and
    a fresh token, one more click (``core.csrf``)."""
    article = Article.objects.published().select_related("rating_summary")
    article = article.filter(slug=slug).first()
    if article is None:
        return None
    message = _("Please confirm your rating: send it once more.")
    if wants_json(request):
        return JsonResponse(
            {"ok": False, "error": message, "csrf_token": get_token(request)},
            status=403,
        )
    summary = getattr(article, "rating_summary", None) or RatingSummary(article=article)
    chosen = request.POST.get("score", "")
    return render(
        request,
        "ratings/vote_again.html",
        {
            "article": article,
            "summary": summary,
            "message": message,
            "scores": range(MIN_SCORE, MAX_SCORE + 1),
            "chosen": chosen,
            "csrf_token": get_token(request),
        },
        status=403,
    )
