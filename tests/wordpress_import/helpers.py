"""Shared by the WordPress import tests."""

import io

from django.core.management import call_command


def run(path, **options) -> str:
    """``manage.py import_wordpress PATH`` with ``options``; its report."""
    out = io.StringIO()
    call_command(
        "import_wordpress", str(path), stdout=out, stderr=io.StringIO(), **options
    )
    return out.getvalue()
