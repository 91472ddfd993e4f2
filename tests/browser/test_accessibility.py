"""Accessibility of the public pages, in German and English.

axe-core (vendored, see assets/README.md) must find nothing of impact
"serious" or "critical"; beyond what axe checks, each page has exactly one
``h1``, the right ``lang``, a working skip link as the first Tab stop and a
visible focus indicator on everything reachable with the keyboard.
"""

import pytest

from tests.browser.support import axe_violations, focus_problems, format_violations

PAGES = [
    "/",
    "/artikel/vertrieb-3-0/",
    "/rubrik/vertrieb/",
    "/schlagwort/crm/",
    "/autoren/",
    "/autoren/katharina-brueckner/",
    "/suche/?q=Vertrieb",
    "/artikel/vertrieb-3-0/drucken/",
    "/diese-seite-gibt-es-nicht/",
]
# Pages without the site's header and navigation, so without a skip link: the
# print view starts with its two toolbar links, then the article.
WITHOUT_SITE_CHROME = ("/drucken/",)


@pytest.mark.parametrize("language", ["de", "en"])
def test_public_pages_are_accessible(new_page, demo_site, language):
    page = new_page(bypass_csp=True)  # axe-core is injected as a script
    prefix = "" if language == "de" else "/en"
    violations, structure = {}, {}
    for path in PAGES:
        url = prefix + path
        response = page.goto(url)  # a fresh page: the focus starts at the top
        assert response.status == (404 if "gibt-es-nicht" in path else 200), url
        if found := axe_violations(page):
            violations[url] = found
        problems = []
        if (lang := page.locator("html").get_attribute("lang")) != language:
            problems.append(f"html lang is {lang!r}")
        if (h1_count := page.locator("h1").count()) != 1:
            problems.append(f"{h1_count} h1 elements")
        if path.endswith(WITHOUT_SITE_CHROME):
            problems += [
                problem
                for problem in focus_problems(page)
                if not problem.startswith("first Tab stop")
            ]
        else:
            problems += focus_problems(page)  # starts with the skip link
            page.locator("a.skip-link").focus()
            page.keyboard.press("Enter")
            if page.evaluate("() => document.activeElement.id") != "main":
                problems.append("the skip link does not move the focus to #main")
        if problems:
            structure[url] = problems
    assert not violations, format_violations(violations)
    assert not structure, format_violations(structure)


def test_the_checks_find_real_problems(new_page):
    """The checks above can fail: a page with typical mistakes is caught."""
    page = new_page(bypass_csp=True)
    page.goto("/diese-seite-gibt-es-nicht/")  # any page of the site, then replace it
    page.set_content(
        """<html><body><h1>Eins</h1><h1>Zwei</h1>
        <img src="/static/x.png"><input type="text" name="q">
        <p style="color:#bbb;background:#fff">kaum lesbar</p>
        <a href="/" style="outline:none">Link ohne Fokusrahmen</a></body></html>"""
    )
    rules = {violation["rule"] for violation in axe_violations(page)}
    assert {"image-alt", "label", "color-contrast", "html-has-lang"} <= rules
    problems = focus_problems(page)
    assert "first Tab stop is input '', not the skip link" in problems
    assert "no visible focus indicator on a 'Link ohne Fokusrahmen'" in problems
