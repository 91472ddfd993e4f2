"""Background jobs: one small interface over django-q2.

Why django-q2: its Django ORM broker keeps the queue in the site's own
database (SQLite or PostgreSQL: no extra server), a task a worker took but did
not finish is delivered again after ``retry`` seconds (a killed worker loses
nothing), failed tasks are listed in the admin with their error, and its
scheduler runs periodic work inside the worker (no cron). Django 6's tasks
(the ``django-tasks`` backport) have neither retries nor schedules yet.

* ``job_enqueue("app.module.function", *args)``: run the function later, after
  the current transaction commits (a rolled-back save enqueues nothing).
* With ``DJANGO_JOBS_WORKER=1`` the jobs go to the queue and ``manage.py
  qcluster`` runs them (retried up to ``DJANGO_JOBS_ATTEMPTS`` times). Without
  it (the embedded default) each quick job runs at once, in the process that
  enqueued it, right after the commit; its failure is logged and recorded
  like a worker's, and never breaks the request. Slow jobs with a fallback
  of their own (``inline=False``: a PDF rendered ahead) wait for a worker.
* Jobs are safe to run twice: they recompute state (a PDF, a roll-up), or
  guard their effect with ``job_once(key)`` (a mail).
* E-mail: ``QueuedEmailBackend`` (``EMAIL_BACKEND``) turns every mail of
  the site into a job that sends it through ``DJANGO_EMAIL_BACKEND`` (at
  once, as before, without a worker).
"""

import logging
import traceback
import uuid
from collections.abc import Callable
from contextlib import suppress
from datetime import datetime

from django.conf import settings
from django.core.mail import get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.message import make_msgid
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from core.models import JobDone

logger = logging.getLogger(__name__)


def job_enqueue(
    function: str, *args, at: datetime | None = None, inline: bool = True
) -> None:
    """Run ``function`` (a dotted path) with ``args`` after the commit, or at
    the time ``at`` (a one-off schedule, run by the worker's scheduler).

    Without a worker the job runs at once in this process, unless it has a
    time or ``inline=False`` (work too slow for a request, which has a
    fallback of its own, such as rendering a PDF ahead): then it is skipped.
    """
    if not settings.JOBS_WORKER and (at is not None or not inline):
        return

    def enqueue() -> None:
        from django_q.models import Schedule
        from django_q.tasks import async_task, schedule

        if not settings.JOBS_WORKER:
            _run_inline(function, args)
            return
        try:
            if at is not None:
                schedule(
                    function,
                    *args,
                    schedule_type=Schedule.ONCE,
                    next_run=at,
                    repeats=1,
                )
            else:
                async_task(function, *args)
        except Exception:  # a broken queue must not break the save
            logger.exception("Could not enqueue the job %s%r", function, args)

    transaction.on_commit(enqueue, robust=True)


def _run_inline(function: str, args: tuple) -> None:
    """Without a worker: run the job now; a failure is logged and listed with
    the worker's failures (admin „Jobs“ → failed tasks), never raised."""
    from django_q.models import Task

    started = timezone.now()
    try:
        import_string(function)(*args)
    except Exception:
        logger.exception("Job %s%r failed", function, args)
        Task.objects.create(
            id=uuid.uuid4().hex,
            name=f"inline-{uuid.uuid4().hex[:8]}",
            func=function,
            args=args,
            kwargs={},
            result=traceback.format_exc(),
            started=started,
            stopped=timezone.now(),
            success=False,
            attempt_count=1,
        )


def job_once(key: str, work: Callable[[], object]) -> bool:
    """Do ``work`` unless a job with ``key`` did it already; True if done now.

    The mark is written after the work: a worker that dies in between repeats
    the work once more (at least once, as the queue itself), but a retry of a
    job that finished never does."""
    if JobDone.objects.filter(key=key).exists():
        return False
    work()
    # A second delivery that finished at the same time wrote it already.
    with suppress(IntegrityError), transaction.atomic():
        JobDone.objects.create(key=key)
    return True


# E-mail ---------------------------------------------------------------------


def mail_deliver(message) -> None:
    """The job of one queued mail: send it through the real backend, once."""
    message_id = message.extra_headers["Message-ID"]

    def send() -> None:
        with get_connection(settings.EMAIL_DELIVERY_BACKEND) as connection:
            connection.send_messages([message])

    job_once(f"mail:{message_id}", send)


class QueuedEmailBackend(BaseEmailBackend):
    """Mails leave the request: each becomes a ``mail_deliver`` job (after
    the commit; a failing mail server is retried by the worker).

    Without a worker they are delivered at once, as Django's own backend
    would: the caller sees a failing mail server (and, for example, gives
    back the claim of a moderator notification to send it later)."""

    def send_messages(self, email_messages) -> int:
        if not settings.JOBS_WORKER:
            with get_connection(settings.EMAIL_DELIVERY_BACKEND) as connection:
                return connection.send_messages(email_messages)
        for message in email_messages:
            message.extra_headers.setdefault("Message-ID", make_msgid())
            message.connection = None  # not picklable, and chosen by the job
            job_enqueue("core.jobs.mail_deliver", message)
        return len(email_messages)


# Periodic work -----------------------------------------------------------------


def jobs_schedule_periodic(**kwargs) -> None:
    """Create or update the worker's schedules from ``JOBS_PERIODIC``
    (name → management command and minutes between runs), after every
    ``migrate``; schedules of commands no longer listed are removed. The
    worker's scheduler runs them: no cron."""
    from django_q.models import Schedule

    wanted = settings.JOBS_PERIODIC
    for command, minutes in wanted.items():
        Schedule.objects.update_or_create(
            name=f"periodic:{command}",
            defaults={
                "func": "django.core.management.call_command",
                "args": repr(command),
                "schedule_type": Schedule.MINUTES,
                "minutes": minutes,
                "repeats": -1,
            },
        )
    Schedule.objects.filter(name__startswith="periodic:").exclude(
        name__in=[f"periodic:{command}" for command in wanted]
    ).delete()
