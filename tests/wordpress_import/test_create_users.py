"""``--create-users`` never links an imported author to an account that exists
here, nor imported comments to staff (issue #21, 9)."""

import pytest
from django.contrib.auth import get_user_model

from authors.models import Author
from comments.models import ArticleComment
from tests.factories import StaffFactory, UserFactory
from tests.wordpress_import.helpers import run
from tests.wordpress_import.wxr import author, post, write_wxr
from wordpress_import.models import WordPressObject

pytestmark = pytest.mark.django_db

IMPOSTOR = author(
    wp_id=1, login="admin", email="attacker@example.org", display_name="Admin Impostor"
)
COMMENT = (
    "<wp:comment><wp:comment_id>9</wp:comment_id>"
    "<wp:comment_author><![CDATA[Admin]]></wp:comment_author>"
    "<wp:comment_author_email><![CDATA[attacker@example.org]]></wp:comment_author_email>"
    "<wp:comment_date_gmt>2023-05-17 10:00:00</wp:comment_date_gmt>"
    "<wp:comment_content><![CDATA[Offizielle Mitteilung der Redaktion.]]>"
    "</wp:comment_content><wp:comment_approved>1</wp:comment_approved>"
    "<wp:comment_parent>0</wp:comment_parent>"
    "<wp:comment_user_id>1</wp:comment_user_id></wp:comment>"
)


@pytest.fixture
def export(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    return write_wxr(
        tmp_path / "export.xml",
        IMPOSTOR,
        author(
            wp_id=2,
            login="jweber",
            email="jonas@example.org",
            display_name="Jonas Weber",
        ),
        post(wp_id=10, creator="admin", extra=COMMENT),
        post(wp_id=11, creator="jweber", slug="zweiter"),
    )


def test_an_author_named_like_the_superuser_is_not_linked_to_it(export):
    superuser = UserFactory(username="admin", is_staff=True, is_superuser=True)
    report = run(export, create_users=True)

    impostor = Author.objects.get(email="attacker@example.org")
    assert impostor.user is None
    assert not Author.objects.filter(user=superuser).exists()
    assert get_user_model().objects.filter(username__iexact="admin").count() == 1
    assert "a login of that name exists here already: not linked" in report
    assert "(e.g. admin)" in report
    # The other author gets a new inactive login, and the report says so.
    jonas = get_user_model().objects.get(username="jweber")
    assert (
        not jonas.is_active and not jonas.is_staff and not jonas.has_usable_password()
    )
    assert jonas.author_profile.last_name == "Weber"
    assert "author profile linked to a new inactive login (e.g. jweber)" in report
    # The comment came in, but as a guest's, never as the superuser's.
    comment = ArticleComment.objects.get()
    assert comment.user is None


@pytest.mark.parametrize("login", ["Admin", "ADMIN"])
def test_logins_differing_only_in_case_are_the_same_login(export, login):
    UserFactory(username=login)
    run(export, create_users=True)
    assert Author.objects.get(email="attacker@example.org").user is None


def test_comments_are_never_imported_as_a_staff_account(export):
    """Even a profile someone linked to staff by hand does not lend its login."""
    editor = StaffFactory(username="chefin")
    run(export)  # without --create-users: profiles without logins
    impostor = Author.objects.get(email="attacker@example.org")
    impostor.user = editor
    impostor.save()
    ArticleComment.objects.all().delete()
    WordPressObject.objects.filter(kind="comment").delete()
    WordPressObject.objects.filter(kind="post").update(fingerprint="")
    run(export)
    assert ArticleComment.objects.get().user is None
