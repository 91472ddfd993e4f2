from pathlib import Path

from django.conf import settings


def pdf_folder() -> Path:
    """Where the cached PDFs are on the tests' local media storage."""
    return Path(settings.MEDIA_ROOT) / "pdf"
