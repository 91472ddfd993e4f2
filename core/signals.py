from django.dispatch import Signal

# Sent by ``manage.py privacy_cleanup`` (run daily) with ``now`` (aware datetime).
# Each receiver deletes or blanks the personal data of its app that has outlived
# its purpose and returns ``(description, number_of_rows)`` for the report.
privacy_cleanup_requested = Signal()
