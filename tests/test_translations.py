"""The compiled catalogues (.mo) match their sources (.po), and German is complete.

compilemessages skips a .mo newer than its .po, so a merge can leave a stale .mo
behind: German pages would then show English strings.
"""

from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[1]
CATALOGUES = sorted(
    path
    for path in ROOT.glob("**/locale/de/LC_MESSAGES/django.po")
    if ".venv" not in path.parts
)


def translations(catalogue) -> dict:
    return {
        (entry.msgctxt, entry.msgid): entry.msgstr or dict(entry.msgstr_plural)
        for entry in catalogue
        if not entry.obsolete and "fuzzy" not in entry.flags
    }


def test_the_project_and_the_feature_apps_have_catalogues():
    assert ROOT / "locale/de/LC_MESSAGES/django.po" in CATALOGUES
    assert len(CATALOGUES) >= 3


@pytest.mark.parametrize("po_path", CATALOGUES, ids=lambda p: str(p.relative_to(ROOT)))
def test_compiled_catalogue_matches_its_source(po_path):
    source = polib.pofile(str(po_path))
    compiled = polib.mofile(str(po_path.with_suffix(".mo")))
    assert not source.untranslated_entries(), "untranslated German strings"
    assert not source.fuzzy_entries(), "fuzzy German strings"
    assert translations(compiled) == {
        key: value for key, value in translations(source).items() if value
    }
