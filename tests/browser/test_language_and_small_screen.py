"""Journeys 5 (language) and 6 (small screen) of the browser-tests issue."""

from tests.browser.support import MOBILE, horizontal_overflow

ARTICLE = "/artikel/vertrieb-3-0/"


def test_language_switcher_keeps_the_article_and_translates_the_interface(
    page, demo_site
):
    page.goto(ARTICLE)
    title = page.get_by_role("heading", level=1).inner_text()
    assert page.locator("html").get_attribute("lang") == "de"
    navigation = page.get_by_role("navigation", name="Rubriken")
    assert navigation.get_by_role("link", name="Startseite").is_visible()
    assert "Minuten Lesezeit" in page.locator(".article__meta").inner_text()

    page.get_by_role("link", name="EN – English").click()
    page.wait_for_url(f"**/en{ARTICLE}")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", level=1).inner_text() == title
    navigation = page.get_by_role("navigation", name="Sections")
    assert navigation.get_by_role("link", name="Home", exact=True).is_visible()
    assert navigation.get_by_role("link", name="Authors").is_visible()
    meta = page.locator(".article__meta").inner_text()
    assert meta.startswith("By ")
    assert "min read" in meta
    assert (
        page.get_by_role("link", name="EN – English").get_attribute("aria-current")
        == "true"
    )

    # The choice sticks while browsing, and switching back works the same way.
    navigation.get_by_role("link", name="Home", exact=True).click()
    assert page.url.endswith("/en/")
    page.get_by_role("link", name="DE – Deutsch").click()
    page.wait_for_url(lambda url: not url.rstrip("/").endswith("/en"))
    assert page.locator("html").get_attribute("lang") == "de"
    assert page.get_by_role("navigation", name="Rubriken").is_visible()


def test_small_screen_has_no_sideways_scrolling_and_reachable_navigation(
    new_page, demo_site
):
    page = new_page(viewport=MOBILE)
    for url in ["/", ARTICLE, "/autoren/katharina-brueckner/"]:
        page.goto(url)
        assert horizontal_overflow(page) <= 0, f"{url} scrolls sideways"
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 375

    page.goto(ARTICLE)
    navigation = page.get_by_role("navigation", name="Rubriken")
    links = navigation.get_by_role("link")
    assert links.count() == 7  # home, five categories, authors
    for index in range(links.count()):
        box = links.nth(index).bounding_box()
        assert box is not None and box["x"] >= 0, links.nth(index).inner_text()
        assert box["x"] + box["width"] <= MOBILE["width"], links.nth(index).inner_text()
    # The article's section is marked in the navigation, then the chosen one.
    assert (
        navigation.get_by_role("link", name="Vertrieb").get_attribute("aria-current")
        == "true"
    )
    navigation.get_by_role("link", name="Technik").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Technik"
    current = navigation.locator("[aria-current]")
    assert current.inner_text() == "Technik"
    assert current.get_attribute("aria-current") == "page"
    assert page.get_by_role("link", name="EN – English").is_visible()
