"""The body editor's „Bild einfügen“ (pictures/editor.py, the picker JSON in
PictureAdmin, picture_reference.js): what the widget is told, what the picker
answers and to whom, and that the figure's stored form survives the
sanitiser. The button itself is clicked in tests/browser/test_pictures_browser.py."""

import datetime
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from pictures.models import Picture
from tests.factories import PictureFactory, StaffFactory

pytestmark = pytest.mark.django_db

PICKER_URL = "/admin/pictures/picture/picker/"


def editor_config(html: str) -> dict:
    match = re.search(r'data-django-prose-editor-configurable="([^"]*)"', html)
    assert match, "the body has no configurable prose editor"
    return json.loads(match.group(1).replace("&quot;", '"').replace("&amp;", "&"))


def test_the_body_editor_gets_the_button_with_german_labels(client, journalist):
    client.force_login(journalist)
    html = client.get("/admin/articles/article/add/").content.decode()
    config = editor_config(html)
    options = config["extensions"]["PictureReference"]
    assert options["pickerUrl"] == PICKER_URL
    assert options["addUrl"] == "/admin/pictures/picture/add/"
    assert options["labels"]["button"] == "Bild einfügen"
    assert options["labels"]["caption"] == "Bildunterschrift für diese Verwendung"
    assert [module for module in config["js_modules"] if "pictures/" in module] == [
        "/static/pictures/picture_reference.js"
    ]
    assert "/static/pictures/editor.css" in html


def test_the_picker_searches_the_library_like_its_list(client, journalist):
    hannover = PictureFactory(
        caption="Messe in Hannover", photographer="Lene Haverkamp"
    )
    PictureFactory(caption="Brücke in Kassel", photographer="Jörg Weiß")
    PictureFactory(
        caption="Messe in Hannover, abgelaufen",
        rights_end=timezone.localdate() - datetime.timedelta(days=1),
    )
    client.force_login(journalist)
    found = client.get(PICKER_URL, {"q": "Haverkamp"}).json()
    assert found["more"] is False
    assert [row["id"] for row in found["results"]] == [hannover.pk]
    row = found["results"][0]
    assert row["caption"] == "Messe in Hannover"
    assert row["credit"] == "© Lene Haverkamp, Agentur"
    assert row["alt"] == hannover.alt_text and row["usable"] is True
    assert row["thumbnail"].endswith(".jpg")
    # Ended rights: nothing to insert, so the search leaves them out.
    assert len(client.get(PICKER_URL, {"q": "Hannover"}).json()["results"]) == 1
    assert len(client.get(PICKER_URL).json()["results"]) == 2


def test_the_picker_describes_one_picture_by_id_even_with_ended_rights(
    client, journalist
):
    ended = PictureFactory(rights_end=timezone.localdate() - datetime.timedelta(days=1))
    client.force_login(journalist)
    rows = client.get(PICKER_URL, {"id": ended.pk}).json()["results"]
    assert [(row["id"], row["usable"]) for row in rows] == [(ended.pk, False)]
    assert client.get(PICKER_URL, {"id": 424242}).json()["results"] == []


@pytest.mark.parametrize("bad", ["abc", "-1", "1.5", "9" * 30, ""])
def test_a_forged_id_is_a_400(client, journalist, bad):
    client.force_login(journalist)
    assert client.get(PICKER_URL, {"id": bad}).status_code == 400


def test_only_people_who_may_see_the_library_use_the_picker(client):
    PictureFactory()
    assert client.get(PICKER_URL).status_code == 302  # to the login
    client.force_login(StaffFactory(username="praktikant"))  # staff, no rights
    assert client.get(PICKER_URL).status_code == 403


def test_the_picker_costs_the_same_with_three_or_sixty_pictures(
    client, journalist, django_assert_max_num_queries
):
    first = PictureFactory()

    def add(count):
        Picture.objects.bulk_create(
            [
                Picture(
                    file=first.file.name, alt_text=f"Bild {n}", width=1600, height=900
                )
                for n in range(count)
            ]
        )

    add(2)
    client.force_login(journalist)
    client.get(PICKER_URL)  # sessions, renditions: made once
    with CaptureQueriesContext(connection) as three:
        assert len(client.get(PICKER_URL).json()["results"]) == 3
    add(57)
    with django_assert_max_num_queries(len(three)):
        found = client.get(PICKER_URL).json()
    assert len(found["results"]) == 24 and found["more"] is True


@pytest.mark.parametrize(
    "stored",
    [
        '<p>Vorher.</p><figure data-picture="12"><figcaption>Halle 3 am '
        "Eröffnungstag</figcaption></figure><p>Nachher.</p>",
        '<figure data-picture="7"><figcaption>Mit <em>Betonung</em></figcaption>'
        "</figure>",
        '<figure data-picture="7"><figcaption></figcaption></figure>',
        '<figure data-picture="7"></figure>',
    ],
)
def test_what_the_editor_saves_passes_the_sanitiser_unchanged(stored):
    assert Article._meta.get_field("body").clean(stored, None) == stored


def test_the_featured_image_autocomplete_shows_thumbnails(client, journalist):
    PictureFactory(caption="Messe in Hannover", photographer="Lene Haverkamp")
    client.force_login(journalist)
    params = {"term": "Hannover", "app_label": "articles", "model_name": "article"}
    found = client.get("/admin/autocomplete/", params | {"field_name": "picture"})
    (result,) = found.json()["results"]
    assert result["text"] == "Messe in Hannover"
    assert result["credit"] == "© Lene Haverkamp, Agentur"
    assert result["thumbnail"].endswith(".jpg")
    # Other models' results stay as Django makes them.
    client.force_login(StaffFactory(username="chefin", is_superuser=True))
    users = client.get(
        "/admin/autocomplete/",
        {"term": "chef", "app_label": "authors", "model_name": "author"}
        | {"field_name": "user"},
    ).json()["results"]
    assert [set(row) for row in users] == [{"id", "text"}]


@pytest.mark.parametrize(
    "url", ["/admin/articles/article/add/", "/admin/authors/author/add/"]
)
def test_the_forms_with_a_picture_autocomplete_load_the_thumbnail_script(client, url):
    client.force_login(StaffFactory(username="chefin", is_superuser=True))
    html = client.get(url).content.decode()
    scripts = re.findall(r'<script src="/static/([^"]+)"', html)
    select2 = [name for name in scripts if "select2.full" in name]
    assert len(select2) == 1  # the widget's own file, not a second copy
    # select2's default is set before the widgets start (on DOM ready).
    assert scripts.index(select2[0]) < scripts.index("pictures/autocomplete.js")
    assert "/static/pictures/autocomplete.css" in html
