"""Spam rules that hold against what spammers send (issue #21, 15): bare
domains count as the links they become on the page, the blocklist sees through
invisible and lookalike characters, and one form makes one comment."""

import pytest
from django.core import mail
from django.test import Client

from comments.models import ArticleComment, BlockedWord
from comments.policy import count_links, hold_reasons
from tests.comments.conftest import form_data, make_comment
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
URL = "/kommentare/senden/"


def held_for(text: str) -> list[str]:
    return hold_reasons(name="Leser", email="leser@example.org", url="", text=text)


def test_bare_domains_count_as_the_links_the_page_makes_of_them(client, open_article):
    text = "Schaut auf example.com evil.org und www.shop.de/x"
    assert count_links(text) == 3
    assert held_for(text) == ["links"]
    # What the page shows: three links.
    make_comment(open_article, comment=text)
    html = client.get(open_article.get_absolute_url()).content.decode()
    section = html[html.index("Schaut auf") :]
    assert section[: section.index("</p>")].count("<a ") == 3


def test_plain_text_with_dots_is_no_link():
    assert count_links("Version 3.0, z.B. um 10.30 Uhr, s. Abb. 2") == 0


@pytest.mark.parametrize(
    "disguised",
    [
        "vi\u200bagra",  # zero-width space
        "vi\u00adagra",  # soft hyphen
        "vi\u2060agra",  # word joiner
        "\uff56\uff49\uff41\uff47\uff52\uff41",  # fullwidth letters
        "v\u0131agra",  # dotless i
        "V\u0130AGRA",  # dotted capital I
        "VIAGRA",
    ],
)
def test_the_blocklist_sees_through_invisible_and_lookalike_characters(disguised):
    BlockedWord.objects.create(word="Viagra")
    assert held_for(f"Billig {disguised} kaufen") == ["blocklist"]


def test_a_blocked_word_entered_in_fullwidth_matches_too():
    BlockedWord.objects.create(word="\uff43\uff41\uff53\uff49\uff4e\uff4f")
    assert held_for("Bestes Casino") == ["blocklist"]


def test_one_form_makes_one_comment(client, open_article):
    data = form_data(open_article)
    assert client.post(URL, data).status_code == 302
    assert len(mail.outbox) == 1
    again = Client().post(URL, {**data, "comment": "Noch einmal."})
    assert again.status_code == 400
    assert "bereits gesendet" in again.content.decode()
    assert len(mail.outbox) == 1


def test_one_form_makes_one_comment_for_logged_in_readers_too(client, open_article):
    client.force_login(UserFactory(username="leserin"))
    data = form_data(open_article)
    assert client.post(URL, data).status_code == 302
    assert client.post(URL, {**data, "comment": "Zweimal."}).status_code == 400
    assert ArticleComment.objects.count() == 1


def test_a_form_with_errors_can_be_corrected_and_sent(client, open_article):
    data = form_data(open_article, consent="")
    assert client.post(URL, data).status_code == 400
    assert client.post(URL, {**data, "consent": "on"}).status_code == 302


def test_a_changed_nonce_breaks_the_signature(client, open_article):
    data = form_data(open_article)
    data["nonce"] = "A" * 22
    assert client.post(URL, data).status_code == 400
    assert mail.outbox == []
