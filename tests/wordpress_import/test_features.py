"""What the views, ratings and comments steps will get from an export."""

from datetime import UTC, datetime

import pytest

from tests.wordpress_import.helpers import run
from wordpress_import import parser
from wordpress_import.plugin_data import (
    CommentStatus,
    DataError,
    RatingTotals,
    comment_text,
    prepare_comments,
    rating_totals,
    views_total,
)


@pytest.fixture
def messe(fixtures) -> parser.Item:
    items = parser.iter_items(fixtures / "magazin.xml")
    return next(item for item in items if item.wp_id == 101)


def item_with(**meta) -> parser.Item:
    return parser.Item(wp_id=1, post_type="post", meta=list(meta.items()))


def test_views_and_ratings_from_the_fixture(messe):
    assert views_total(messe) == 2574
    totals = rating_totals(messe)
    assert totals == RatingTotals(count=12, total=50)
    assert round(totals.average, 2) == 4.17  # ratings_average in the export


@pytest.mark.parametrize(
    ("meta", "message"),
    [
        ({"views": "viele"}, "views „viele“ is not a number"),
        ({"views": "-3"}, "views „-3“ is negative"),
        ({"ratings_users": "2", "ratings_score": "11"}, "does not fit 2 votes"),
        ({"ratings_users": "2", "ratings_score": "1"}, "does not fit 2 votes"),
        ({"ratings_users": "2"}, "ratings_score None does not fit"),
    ],
)
def test_impossible_values_are_refused(meta, message):
    with pytest.raises(DataError, match=message):
        views_total(item_with(**meta))
        rating_totals(item_with(**meta))


def test_posts_without_data():
    assert views_total(item_with()) is None
    assert rating_totals(item_with(ratings_users="0", ratings_score="0")) is None


def test_comment_statuses_anonymised_ip_and_plain_text(messe):
    prepared, skipped = prepare_comments(messe.comments, max_level=2)
    assert [(c.wp_id, c.parent_wp_id, c.level, c.status) for c in prepared] == [
        (1001, None, 0, CommentStatus.PUBLIC),
        (1002, 1001, 1, CommentStatus.PUBLIC),
        (1003, None, 0, CommentStatus.SPAM),
    ]
    first, reply = prepared[0], prepared[1]
    assert first.ip == "192.0.2.0" and reply.ip == "2001:db8::"
    assert first.text == "Toller Bericht, danke!"
    assert first.submitted_at == datetime(2023, 5, 15, 10, 0, tzinfo=UTC)
    assert (first.name, first.email, first.url) == (
        "Petra Leserin",
        "petra@example.org",
        "https://petra.example.org",
    )
    assert reply.wp_user_id == 3
    assert skipped == []


def comment(wp_id, parent=0, approved="1", kind="comment", minute=0):
    return parser.Comment(
        wp_id=wp_id,
        parent=parent,
        approved=approved,
        type=kind,
        content=f"Kommentar {wp_id}",
        date_gmt=f"2023-01-01 10:{minute:02d}:00",
    )


def test_deep_replies_go_to_the_deepest_allowed_parent():
    comments = [
        comment(1),
        comment(2, parent=1, minute=1),
        comment(3, parent=2, minute=2),
        comment(4, parent=3, minute=3),  # level 3: too deep for max_level=2
        comment(5, parent=4, minute=4),  # level 4
    ]
    prepared, _ = prepare_comments(comments, max_level=2)
    assert [(c.wp_id, c.parent_wp_id, c.level) for c in prepared] == [
        (1, None, 0),
        (2, 1, 1),
        (3, 2, 2),
        (4, 2, 2),
        (5, 2, 2),
    ]


def test_held_trash_pingbacks_and_orphans():
    comments = [
        comment(5, parent=4, minute=5),  # reply listed before its parents
        comment(4, parent=3, approved="0", minute=4),
        comment(3, approved="trash", minute=3),
        comment(6, kind="pingback", minute=6),
        comment(7, parent=99, minute=7),  # parent not in the export
        comment(8, parent=9, minute=8),  # parents pointing at each other
        comment(9, parent=8, minute=9),
        comment(10, approved="weird", minute=10),
    ]
    prepared, skipped = prepare_comments(comments, max_level=2)
    assert [(c.wp_id, c.parent_wp_id, c.status) for c in prepared] == [
        (4, None, CommentStatus.HELD),  # its trashed parent is skipped
        (5, 4, CommentStatus.PUBLIC),
        (7, None, CommentStatus.PUBLIC),
        (8, None, CommentStatus.PUBLIC),
        (9, 8, CommentStatus.PUBLIC),
    ]
    assert [(c.wp_id, reason) for c, reason in skipped] == [
        (3, "in the trash"),
        (6, "a pingback, not a comment"),
        (10, "unknown status „weird“"),
    ]


def test_comment_html_becomes_text():
    assert comment_text(
        "<p>Eins &amp; zwei</p><p>Drei<br />vier <a href='x'>Link</a>"
    ) == ("Eins & zwei\n\nDrei\nvier Link")


@pytest.mark.django_db
def test_registered_commenter_is_linked_to_the_account(fixtures, messe):
    from django.contrib.auth import get_user_model

    from wordpress_import.plugin_data import accounts_for

    run(fixtures / "magazin.xml", create_users=True)
    prepared, _ = prepare_comments(messe.comments, max_level=2)
    reply = next(c for c in prepared if c.wp_id == 1002)
    accounts = accounts_for({reply.wp_user_id, 0, 999})
    assert list(accounts) == [reply.wp_user_id]
    user = get_user_model().objects.get(pk=accounts[reply.wp_user_id])
    assert user.username == "jweber"
