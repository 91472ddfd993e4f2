import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _german():
    """Requests leave their language active in the thread; reverse() (and so
    ``get_absolute_url``) would build /en/ URLs after an English request."""
    with translation.override("de"):
        yield
