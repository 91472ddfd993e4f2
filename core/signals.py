from django.dispatch import Signal

# Sent by ``manage.py seed_demo`` inside its transaction after the demo articles
# exist, with ``articles`` (list of Article, in demo_content order), ``users``
# (dict username -> User) and ``stdout``. Feature apps connect a receiver in their
# ``AppConfig.ready()`` to add their own demo data idempotently.
demo_content_created = Signal()

# Sent by ``manage.py privacy_cleanup`` (run daily) with ``now`` (aware datetime).
# Each receiver deletes or blanks the personal data of its app that has outlived
# its purpose and returns ``(description, number_of_rows)`` for the report.
privacy_cleanup_requested = Signal()
