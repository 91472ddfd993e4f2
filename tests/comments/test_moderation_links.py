"""Signed one-click approve/reject links in the moderators' mail: GET only
shows a confirm page, the button POSTs; valid 7 days, usable once; expired,
used, forged → a clear 4xx page, nothing changed."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail, signing
from django.test import Client
from django.utils import timezone

from comments import services
from comments.models import ArticleComment
from comments.moderation_links import SALT, moderation_link_path
from tests.comments.conftest import link_path, make_comment

pytestmark = pytest.mark.django_db

MARKER = "/kommentare/moderieren/"


@pytest.fixture
def waiting(article, settings):
    settings.COMMENTS_MODERATOR_EMAIL = "moderation@example.org"
    return make_comment(
        article, public=False, moderators_notified=False, comment="Bitte prüfen."
    )


def mailed_links(comment) -> tuple[str, str]:
    assert services.moderators_notify(comment_pk=comment.pk)
    [message] = mail.outbox
    approve, reject = (
        line.split(": ", 1)[1]
        for line in message.body.splitlines()
        if line.startswith(("Freigeben: ", "Ablehnen: "))
    )
    assert MARKER in approve and MARKER in reject and approve != reject
    assert "7 Tage" in message.body
    return approve[approve.index(MARKER) :], reject[reject.index(MARKER) :]


def refused(response, status: int, text: str) -> bool:
    html = response.content.decode()
    return (
        response.status_code == status
        and "data-moderate-refused" in html
        and text in html
        and response["Cache-Control"] == "private, no-store"
    )


def test_get_only_asks_the_post_approves_once(client, waiting):
    approve, reject = mailed_links(waiting)
    for _ in range(2):  # a mail scanner's prefetch, then the moderator
        page = client.get(approve)
        assert page.status_code == 200
        html = page.content.decode()
        assert "Bitte prüfen." in html and "data-moderate-confirm" in html
        assert '<meta name="robots" content="noindex">' in html
        assert page["X-Robots-Tag"] == "noindex"
    waiting.refresh_from_db()
    assert waiting.status == "held"

    done = client.post(approve)
    assert done.status_code == 200 and "data-moderate-done" in done.content.decode()
    waiting.refresh_from_db()
    assert waiting.status == "approved"

    # Used: the same link, or its sibling, no longer acts.
    assert refused(client.post(approve), 409, "wurde schon benutzt")
    assert refused(client.get(approve), 409, "freigegeben")
    assert refused(client.post(reject), 409, "wurde schon benutzt")
    waiting.refresh_from_db()
    assert waiting.status == "approved"


def test_reject_link_rejects(client, waiting):
    _, reject = mailed_links(waiting)
    assert client.post(reject).status_code == 200
    waiting.refresh_from_db()
    assert waiting.status == "rejected"


def test_a_decision_in_the_admin_uses_the_links_up(client, waiting):
    approve, _ = mailed_links(waiting)
    services.comments_mark_spam(comments=[waiting])
    assert refused(client.post(approve), 409, "als Spam markiert")
    waiting.refresh_from_db()
    assert waiting.status == "spam"


def test_expired_link_is_410(client, waiting):
    with time_machine.travel(timezone.now() - timedelta(days=7, minutes=1)):
        path = moderation_link_path(comment=waiting, action="approve")
    assert refused(client.get(path), 410, "abgelaufen")
    assert refused(client.post(path), 410, "abgelaufen")
    with time_machine.travel(timezone.now() - timedelta(days=6, hours=23)):
        fresh = moderation_link_path(comment=waiting, action="approve")
    assert client.get(fresh).status_code == 200
    waiting.refresh_from_db()
    assert waiting.status == "held"


def test_forged_links_are_400(client, waiting):
    path = moderation_link_path(comment=waiting, action="approve")
    token = path.removeprefix(MARKER).rstrip("/")
    payload, _, signature = token.rpartition(":")
    other = "A" if signature[-1] != "A" else "B"
    forged = [
        f"{payload}:{signature[:-1]}{other}",  # changed signature
        signing.dumps({"c": waiting.pk, "a": "approve"}),  # no salt
        signing.dumps({"c": waiting.pk, "a": "spam"}, salt=SALT),  # no such action
        signing.dumps({"c": str(waiting.pk), "a": "approve"}, salt=SALT),
        signing.dumps(["approve"], salt=SALT),
        "kaputt",
        "x" * 500,
    ]
    for bad in forged:
        assert refused(client.get(f"{MARKER}{bad}/"), 400, "ungültig"), bad
        assert refused(client.post(f"{MARKER}{bad}/"), 400, "ungültig"), bad
    waiting.refresh_from_db()
    assert waiting.status == "held"


def test_link_of_a_deleted_comment_is_404(client, waiting):
    path = moderation_link_path(comment=waiting, action="reject")
    ArticleComment.objects.filter(pk=waiting.pk).delete()
    assert refused(client.post(path), 404, "gibt es nicht mehr")


def test_confirm_needs_the_csrf_token_and_other_methods_are_405(waiting):
    path = moderation_link_path(comment=waiting, action="approve")
    client = Client(enforce_csrf_checks=True)
    assert client.post(path).status_code == 403
    page = client.get(path)
    token = page.cookies["csrftoken"].value
    assert client.put(path, HTTP_X_CSRFTOKEN=token).status_code == 405
    assert client.post(path, {"csrfmiddlewaretoken": token}).status_code == 200
    waiting.refresh_from_db()
    assert waiting.status == "approved"


def test_confirm_page_queries_are_few(client, waiting, django_assert_max_num_queries):
    path = moderation_link_path(comment=waiting, action="approve")
    for n in range(10):
        make_comment(waiting.content_object, public=n % 2 == 0)
    with django_assert_max_num_queries(6):
        assert client.get(path).status_code == 200


def test_links_are_absolute_on_the_site_address(waiting):
    # link_path finds only https?://localhost:8000 links (the Sites domain).
    assert services.moderators_notify(comment_pk=waiting.pk)
    assert link_path(mail.outbox[0], MARKER).startswith(MARKER)


@pytest.mark.django_db(transaction=True)
def test_of_links_used_at_once_exactly_one_acts():
    """Real threads: two moderators click approve and reject (and the approve
    link twice more) at the same moment: one decision, the others 409."""
    from tests.factories import ArticleFactory
    from tests.ratings.test_concurrency import run_at_once

    comment = make_comment(ArticleFactory(), public=False)
    paths = [
        moderation_link_path(comment=comment, action=action)
        for action in ("approve", "reject", "approve", "reject")
    ]
    results = run_at_once(len(paths), lambda n: Client().post(paths[n]).status_code)
    assert sorted(results) == [200, 409, 409, 409], results
    approved = results.index(200) % 2 == 0  # approve links at even places
    comment.refresh_from_db()
    assert comment.status == ("approved" if approved else "rejected")
