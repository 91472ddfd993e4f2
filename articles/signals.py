from django.dispatch import Signal

# Sent by ``manage.py seed_demo`` inside its transaction after the demo articles
# exist, with ``articles`` (list of Article, in demo_content order), ``users``
# (dict username -> User) and ``stdout``. Feature apps connect a receiver in their
# ``AppConfig.ready()`` to add their own demo data idempotently.
demo_content_created = Signal()
