"""Helpers shared by the browser tests: logging in, axe-core, page checks."""

import json
from pathlib import Path

try:
    from playwright.sync_api import expect
except ImportError:  # pragma: no cover - the tests are skipped then (conftest)
    expect = None

ASSETS = Path(__file__).parent / "assets"
AXE_JS = ASSETS / "axe.min.js"
DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 375, "height": 812}
BLOCKING_IMPACTS = ("serious", "critical")


def admin_login(page, username: str, password: str) -> None:
    """Log in through the admin's login form, as a person would."""
    page.goto("/admin/login/")
    page.get_by_label("Benutzername").fill(username)
    page.get_by_label("Passwort").fill(password)
    page.get_by_role("button", name="Anmelden").click()
    page.get_by_role("link", name="Abmelden").or_(
        page.get_by_role("button", name="Abmelden")
    ).wait_for()


def axe_violations(page, impacts=BLOCKING_IMPACTS) -> list[dict]:
    """Run axe-core (vendored, see assets/README.md) on the current page and
    return the violations of the given impacts, reduced to what a report needs.

    All of axe's default rules run (WCAG 2.0–2.2 A/AA and best practices).
    """
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    results = page.evaluate(
        "async () => await axe.run(document, {resultTypes: ['violations']})"
    )
    return [
        {
            "rule": violation["id"],
            "impact": violation["impact"],
            "help": violation["help"],
            "nodes": [node["target"] for node in violation["nodes"]][:5],
        }
        for violation in results["violations"]
        if violation["impact"] in impacts
    ]


def format_violations(found: dict[str, list[dict]]) -> str:
    """``{url: violations}`` as readable text for an assertion message."""
    return json.dumps(found, indent=2, ensure_ascii=False)


def horizontal_overflow(page) -> int:
    """How many CSS pixels the page is wider than the viewport (0 is right)."""
    return page.evaluate(
        "() => document.documentElement.scrollWidth - window.innerWidth"
    )


def broken_images(page) -> list[str]:
    """Sources of <img> elements that did not load (after loading them all)."""
    return page.evaluate(
        """async () => {
            const images = [...document.images];
            images.forEach((img) => { img.loading = 'eager'; });
            await Promise.all(images.map((img) => img.decode().catch(() => null)));
            return images
                .filter((img) => !img.complete || img.naturalWidth === 0)
                .map((img) => img.currentSrc || img.src);
        }"""
    )


def expect_image_loaded(image) -> None:
    """Wait until the located <img> has a source and has decoded it.

    ``complete`` alone is not enough: an <img> whose ``src`` a script sets
    later is "complete" (with nothing to load) and 0 pixels wide until then.
    Fails with Playwright's time-out if the image never loads.
    """
    image.page.wait_for_function(
        "image => image.currentSrc !== '' && image.complete && image.naturalWidth > 0",
        arg=image.element_handle(),
    )


def save_screenshot(page, folder: Path, name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def focus_problems(page, steps: int = 25) -> list[str]:
    """Tab through the page like a keyboard user and report what goes wrong:
    the first stop must be a visible skip link to ``#main``; every focused
    element must show a focus indicator (outline or box shadow)."""
    problems = []
    page.locator("body").focus()
    for step in range(steps):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            """() => {
                const el = document.activeElement;
                if (!el || el === document.body) return null;
                const style = getComputedStyle(el);
                const box = el.getBoundingClientRect();
                return {
                    tag: el.tagName.toLowerCase(),
                    text: (el.innerText || el.value || '').trim().slice(0, 40),
                    href: el.getAttribute('href'),
                    cls: el.className,
                    outline: style.outlineStyle !== 'none'
                        && parseFloat(style.outlineWidth) >= 1,
                    shadow: style.boxShadow !== 'none',
                    visible: box.width > 0 && box.height > 0 && box.bottom > 0
                        && box.right > 0 && box.left < window.innerWidth,
                };
            }"""
        )
        if focused is None:
            break  # wrapped around to the browser's own UI
        label = f"{focused['tag']} {focused['text']!r}"
        if step == 0 and not (
            "skip-link" in str(focused["cls"]) and focused["href"] == "#main"
        ):
            problems.append(f"first Tab stop is {label}, not the skip link")
        if not (focused["outline"] or focused["shadow"]):
            problems.append(f"no visible focus indicator on {label}")
        if not focused["visible"]:
            problems.append(f"focused element is off screen: {label}")
    return problems


def select_word_in_editor(page, editor, word: str) -> None:
    """Select the first ``word`` in a ProseMirror editor by double-clicking it,
    and return once the editor itself holds that selection.

    Why not Shift+Arrow keys: ProseMirror learns of a keyboard selection from
    the browser's asynchronous ``selectionchange`` event and, right after the
    editor gained focus, may put its own remembered selection back; on a
    loaded machine the menu's link button then stayed disabled (the flaky
    journey of 2026-12-01). A double click goes through ProseMirror's own
    mouse handling, and waiting for the editor's state (not the DOM's
    selection) is the condition the menu buttons themselves depend on.
    """
    box = editor.evaluate(
        """(root, word) => {
            const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const at = node.data.indexOf(word);
                if (at < 0) continue;
                const range = document.createRange();
                range.setStart(node, at);
                range.setEnd(node, at + word.length);
                const rect = range.getBoundingClientRect();
                return {x: rect.left + rect.width / 2, y: rect.top + rect.height / 2};
            }
            return null;
        }""",
        word,
    )
    assert box is not None, f"{word!r} is not in the editor"
    page.mouse.dblclick(box["x"], box["y"])
    # django-prose-editor is built on Tiptap, which hangs its editor object
    # on the ProseMirror element.
    page.wait_for_function(
        """([root, word]) => {
            const {doc, selection} = root.editor.state;
            return doc.textBetween(selection.from, selection.to) === word;
        }""",
        arg=[editor.element_handle(), word],
    )
