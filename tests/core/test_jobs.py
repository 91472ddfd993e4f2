import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core import mail
from django.db import transaction
from django.test import override_settings
from django_q.conf import Conf
from django_q.models import Failure, OrmQ, Schedule, Success
from django_q.tasks import async_task

from core.jobs import job_enqueue, job_once, jobs_schedule_periodic, mail_deliver
from core.models import JobDone
from tests.servers import ROOT, site_environment

QUEUED = {
    "EMAIL_BACKEND": "core.jobs.QueuedEmailBackend",
    "EMAIL_DELIVERY_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
}


@pytest.mark.django_db
@override_settings(**QUEUED, JOBS_WORKER=True)
def test_a_mail_leaves_after_the_commit_and_only_once(
    django_capture_on_commit_callbacks, monkeypatch
):
    from django_q.models import OrmQ

    monkeypatch.setattr(Conf, "SYNC", False)
    with django_capture_on_commit_callbacks(execute=True):
        mail.send_mail("Betreff", "Text", "redaktion@example.org", ["a@example.org"])
        assert not OrmQ.objects.exists()  # not before the commit
    assert mail.outbox == []  # queued, not sent in the request
    (queued,) = OrmQ.objects.all()
    assert queued.func() == "core.jobs.mail_deliver"
    mail_deliver(*queued.args())  # what the worker runs
    assert [message.subject for message in mail.outbox] == ["Betreff"]
    # A second delivery of the same job (a worker died before acknowledging).
    mail_deliver(mail.outbox[0])
    assert len(mail.outbox) == 1
    assert JobDone.objects.filter(key__startswith="mail:").count() == 1


@pytest.mark.django_db
@override_settings(**QUEUED)
def test_without_a_worker_a_mail_is_sent_at_once():
    mail.send_mail("Sofort", "Text", "redaktion@example.org", ["a@example.org"])
    assert [message.subject for message in mail.outbox] == ["Sofort"]


@pytest.mark.django_db
@override_settings(**QUEUED, JOBS_WORKER=True)
def test_a_rolled_back_save_sends_no_mail(django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        mail.send_mail("Nie", "Text", "redaktion@example.org", ["a@example.org"])
        raise RuntimeError
    assert mail.outbox == []


@pytest.mark.django_db
def test_job_once_does_the_work_once():
    done = []
    assert job_once("test:key", lambda: done.append(1))
    assert not job_once("test:key", lambda: done.append(2))
    assert done == [1]


@pytest.mark.django_db
def test_a_failing_inline_job_is_recorded_and_breaks_nothing(
    django_capture_on_commit_callbacks, tmp_path
):
    with django_capture_on_commit_callbacks(execute=True):
        job_enqueue("tests.core.job_functions.fail_first", str(tmp_path))
    failure = Failure.objects.get()
    assert "Mailserver nicht erreichbar" in failure.result


@pytest.mark.django_db
def test_migrate_keeps_the_periodic_schedules():
    """What the post_migrate receiver does (called directly: a full
    ``migrate`` would also clear the content-type cache that other tests'
    query budgets rely on)."""
    from django.db.models.signals import post_migrate

    assert any(key[0] == "core-jobs-periodic" for key, *_rest in post_migrate.receivers)
    Schedule.objects.create(name="periodic:retired", func="x", minutes=1)
    jobs_schedule_periodic()
    assert not Schedule.objects.filter(name="periodic:retired").exists()
    schedules = dict(Schedule.objects.values_list("name", "minutes"))
    assert schedules["periodic:privacy_cleanup"] == 24 * 60
    assert schedules["periodic:database_analyze"] == 24 * 60
    assert schedules["periodic:comments_notify_moderators"] == 10


def test_failed_jobs_are_listed_in_the_admin(admin_client, tmp_path):
    Failure.objects.create(
        name="fehlgeschlagen",
        func="tests.core.job_functions.fail_first",
        started=time_now(),
        stopped=time_now(),
        success=False,
        result="RuntimeError: Mailserver nicht erreichbar",
        id="a" * 32,
    )
    response = admin_client.get("/admin/django_q/failure/")
    assert response.status_code == 200
    assert "fehlgeschlagen" in response.text


def time_now():
    from django.utils import timezone

    return timezone.now()


# A real worker process ----------------------------------------------------------


def _wait_for(condition, seconds: float = 90) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def _worker(log: Path) -> subprocess.Popen:
    env = site_environment(
        DJANGO_JOBS_WORKER="1",
        DJANGO_JOBS_WORKERS="1",
        DJANGO_JOBS_TIMEOUT="8",
        DJANGO_JOBS_RETRY="10",
    )
    return subprocess.Popen(
        [sys.executable, "manage.py", "qcluster"],
        cwd=ROOT,
        env=env,
        stdout=log.open("a"),
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group, ended by its id below
    )


def _kill(worker: subprocess.Popen) -> None:
    """The worker and its processes die at once (as in an out-of-memory kill)."""
    if worker.poll() is None:
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait(timeout=60)


def _stop(worker: subprocess.Popen) -> None:
    """A clean stop (SIGTERM to the cluster), killed if it takes too long."""
    if worker.poll() is None:
        worker.send_signal(signal.SIGTERM)
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            _kill(worker)


@pytest.fixture
def queued(monkeypatch):
    """Enqueue for a worker, as with DJANGO_JOBS_WORKER=1."""
    monkeypatch.setattr(Conf, "SYNC", False)
    monkeypatch.setattr(Conf, "RETRY", 10)


@pytest.mark.django_db(transaction=True)
def test_a_job_survives_the_death_of_its_worker(queued, tmp_path):
    async_task("tests.core.job_functions.hold_then_finish", str(tmp_path))
    log = tmp_path / "worker.log"
    first = _worker(log)
    try:
        assert _wait_for(lambda: (tmp_path / "start-0").exists()), log.read_text()
    finally:
        _kill(first)  # mid-job: the task was taken, not finished
    assert OrmQ.objects.count() == 1  # still queued, under the dead worker's lock
    second = _worker(log)
    try:
        assert _wait_for(lambda: (tmp_path / "done").exists()), log.read_text()
        assert _wait_for(lambda: Success.objects.exists()), log.read_text()
    finally:
        _stop(second)
    assert (tmp_path / "start-1").exists()
    assert not OrmQ.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_failed_job_is_retried_by_the_worker(queued, tmp_path, monkeypatch):
    async_task("tests.core.job_functions.fail_first", str(tmp_path))
    log = tmp_path / "worker.log"
    worker = _worker(log)
    try:
        assert _wait_for(lambda: (tmp_path / "done").exists()), log.read_text()
    finally:
        _stop(worker)
    assert (tmp_path / "start-1").exists()
