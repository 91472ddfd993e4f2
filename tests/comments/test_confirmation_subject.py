"""The confirmation mail to commenters has a German subject (xtd's own is
"comment confirmation request")."""

from django.core import mail

from tests.comments.test_flow import post


def test_the_confirmation_mail_has_a_german_subject(client, open_article):
    response = post(client, open_article)
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    subject = mail.outbox[0].subject
    assert subject == "Bitte bestätigen Sie Ihren Kommentar"
