from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.utils import timezone

from comments.models import ArticleComment
from core.models import VisitorSecret, WindowCount
from ratings.models import Vote
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_privacy_cleanup_removes_what_outlived_its_purpose(client, capsys):
    today = timezone.localdate()
    for days_ago in range(5):
        VisitorSecret.objects.for_day(today - timedelta(days=days_ago))
    AccessAttempt.objects.create(
        username="editor",
        ip_address="203.0.113.0",
        user_agent="x",
        failures_since_start=1,
        attempt_time=timezone.now(),
        get_data="",
        post_data="",
    )
    AccessAttempt.objects.filter().update(
        attempt_time=timezone.now() - timedelta(days=2)
    )

    article = ArticleFactory()
    # A vote from today and one from two days ago (anonymous: with a machine key).
    for _ in range(2):
        client.cookies.clear()
        response = client.post(
            f"/artikel/{article.slug}/bewerten/",
            {"score": 4},
            REMOTE_ADDR=f"203.0.113.{_ + 1}",
        )
        assert response.status_code == 302
    old_vote = Vote.objects.order_by("pk").first()
    Vote.objects.filter(pk=old_vote.pk).update(
        updated_at=timezone.now() - timedelta(days=2)
    )
    assert Vote.objects.exclude(machine_key="").count() == 2
    assert Vote.objects.exclude(network_key="").count() == 2
    # The votes' rate-limit windows, and one that is over.
    assert WindowCount.objects.count() == 2
    WindowCount.objects.create(key="old", expires_at=timezone.now() - timedelta(1))

    comment_ids = []
    for days_ago, address in [(40, "203.0.113.0"), (2, "198.51.100.0")]:
        comment = ArticleComment.objects.create(
            content_object=article,
            site_id=1,
            user_name="Leserin",
            user_email="leserin@example.org",
            comment="Text",
            ip_address=address,
            submit_date=timezone.now() - timedelta(days=days_ago),
        )
        comment_ids.append(comment.pk)

    call_command("privacy_cleanup")
    call_command("privacy_cleanup")  # safe to run twice

    kept = set(VisitorSecret.objects.values_list("day", flat=True))
    assert kept == {today, today - timedelta(days=1)}
    assert not AccessAttempt.objects.exists()
    assert set(Vote.objects.exclude(machine_key="").values_list("pk", flat=True)) == (
        set(Vote.objects.exclude(pk=old_vote.pk).values_list("pk", flat=True))
    )
    assert list(Vote.objects.filter(network_key="").values_list("pk", flat=True)) == [
        old_vote.pk
    ]
    assert set(WindowCount.objects.values_list("key", flat=True)) and not (
        WindowCount.objects.filter(key="old").exists()
    )
    addresses = dict(
        ArticleComment.objects.filter(pk__in=comment_ids).values_list(
            "pk", "ip_address"
        )
    )
    assert addresses == {comment_ids[0]: None, comment_ids[1]: "198.51.100.0"}
    output = capsys.readouterr().out
    assert "visitor secrets of past days deleted" in output
    assert "expired rate-limit and view windows deleted" in output
    assert "addresses of old comments blanked" in output
