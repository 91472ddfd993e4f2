from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Each test stores imported images in a fresh media folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
