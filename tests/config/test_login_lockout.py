import pytest
from axes.models import AccessAttempt

from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/?next=/admin/"


@pytest.fixture
def axes_enabled(settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3


def test_repeated_failed_logins_lock_the_account_out(client, axes_enabled):
    StaffFactory(username="editor")
    for _ in range(2):
        response = client.post(LOGIN, {"username": "editor", "password": "falsch"})
        assert response.status_code == 200  # the form again, with an error
    response = client.post(LOGIN, {"username": "editor", "password": "falsch"})
    assert response.status_code == 429
    assert "Zu viele fehlgeschlagene Anmeldungen" in response.content.decode()

    # Even the right password is refused while locked out.
    response = client.post(
        LOGIN, {"username": "editor", "password": "correct-horse-battery"}
    )
    assert response.status_code == 429


def test_lockout_stores_no_raw_ip_address(client, axes_enabled):
    client.post(
        LOGIN, {"username": "editor", "password": "falsch"}, REMOTE_ADDR="203.0.113.77"
    )
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == [
        "203.0.113.0"
    ]


def test_successful_login_works(client, axes_enabled):
    StaffFactory(username="editor")
    response = client.post(
        LOGIN, {"username": "editor", "password": "correct-horse-battery"}
    )
    assert response.status_code == 302
