"""Full-page screenshots of the home and article pages, desktop and phone.

They are kept under ``test-artifacts/screenshots/`` (a CI artefact) for people
to look at; the test checks what a screenshot cannot prove by itself: every
image loaded (media and renditions are served), nothing overflows sideways.
"""

import pytest

from tests.browser.support import (
    DESKTOP,
    MOBILE,
    broken_images,
    horizontal_overflow,
    save_screenshot,
)

ARTICLE = "/artikel/vertrieb-3-0/"


@pytest.mark.parametrize(
    ("device", "viewport"), [("desktop", DESKTOP), ("mobile", MOBILE)]
)
def test_screenshots_of_home_and_article(
    request, new_page, demo_site, device, viewport
):
    page = new_page(viewport=viewport)
    folder = request.config.rootpath / "test-artifacts" / "screenshots"
    for name, url in [("home", "/"), ("article", ARTICLE)]:
        response = page.goto(url)
        assert response.status == 200
        assert broken_images(page) == [], f"{name}: images did not load"
        assert horizontal_overflow(page) <= 0, f"{name} scrolls sideways"
        path = save_screenshot(page, folder, f"{name}-{device}")
        assert path.stat().st_size > 10_000
