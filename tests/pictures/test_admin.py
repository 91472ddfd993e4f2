"""The library in the admin: the grid with search and filters, a picture's
page with its uses, the focal point fields, permissions, refused deletes."""

import datetime
import re

import pytest
from django.utils import timezone

from pictures.models import Picture
from tests.factories import (
    ArticleFactory,
    AuthorFactory,
    PictureFactory,
    image_file,
)

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/pictures/picture/"


def change_url(picture) -> str:
    return f"{LIST_URL}{picture.pk}/change/"


def test_the_list_is_a_grid_of_thumbnails_with_credits(client, journalist):
    PictureFactory(caption="Messe in Hannover", photographer="Jana Beispiel")
    client.force_login(journalist)
    html = client.get(LIST_URL).content.decode()
    assert "data-picture-grid" in html
    assert html.count('class="picture-thumbnail"') == 1
    assert "Messe in Hannover" in html and "Bild: © Jana Beispiel, Agentur" in html


@pytest.mark.parametrize(
    ("query", "found"),
    [("Hannover", "a"), ("Roboterarm", "a"), ("Haverkamp", "b"), ("dpa", "b")],
)
def test_search_covers_caption_alt_text_photographer_and_source(
    client, journalist, query, found
):
    pictures = {
        "a": PictureFactory(caption="Messe in Hannover", alt_text="Ein Roboterarm"),
        "b": PictureFactory(
            caption="Brücke", photographer="Lene Haverkamp", source="dpa"
        ),
    }
    client.force_login(journalist)
    response = client.get(LIST_URL, {"q": query})
    assert list(response.context["cl"].result_list) == [pictures[found]]


def test_filters_for_photographer_uploader_and_rights(client, editor, journalist):
    today = timezone.localdate()
    soon = PictureFactory(
        photographer="A", rights_end=today + datetime.timedelta(days=10)
    )
    later = PictureFactory(
        photographer="B", rights_end=today + datetime.timedelta(days=40)
    )
    ended = PictureFactory(
        photographer="B", rights_end=today - datetime.timedelta(days=1)
    )
    mine = PictureFactory(photographer="C", uploaded_by=journalist)
    client.force_login(editor)

    def shown(**params):
        return set(client.get(LIST_URL, params).context["cl"].result_list)

    assert shown(rights="ending") == {soon}
    assert shown(rights="ended") == {ended}
    assert shown(rights="unlimited") == {mine}
    assert shown(photographer="B") == {later, ended}
    assert shown(uploaded_by__id__exact=journalist.pk) == {mine}
    html = client.get(LIST_URL).content.decode()
    assert "picture-badge--ending" in html and "picture-badge--ended" in html


def test_the_grid_of_a_thousand_pictures_costs_as_many_queries_as_of_ten(
    client, editor, django_assert_max_num_queries
):
    first = PictureFactory()
    client.force_login(editor)
    Picture.objects.bulk_create(
        [
            Picture(
                file=first.file.name,
                alt_text=f"Bild {n}",
                photographer=f"P{n % 7}",
                width=1600,
                height=900,
                uploaded_by=editor,
            )
            for n in range(9)
        ]
    )
    client.get(LIST_URL)  # renditions made once
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ten:
        assert client.get(LIST_URL).status_code == 200
    Picture.objects.bulk_create(
        [
            Picture(
                file=first.file.name,
                alt_text=f"Bild {n}",
                photographer=f"P{n % 7}",
                width=1600,
                height=900,
                uploaded_by=editor,
            )
            for n in range(990)
        ]
    )
    with django_assert_max_num_queries(len(ten)):
        response = client.get(LIST_URL)
    assert len(response.context["cl"].result_list) == 60  # one page of the grid


def test_a_pictures_page_lists_every_use(client, journalist):
    picture = PictureFactory()
    featured = ArticleFactory(title="Mit Aufmacherbild", picture=picture)
    inline = ArticleFactory(
        title="Mit Bild im Text",
        body=f'<figure data-picture="{picture.pk}"><figcaption>x</figcaption></figure>',
    )
    author = AuthorFactory(first_name="Anna", last_name="Berger", portrait=picture)
    client.force_login(journalist)
    html = client.get(change_url(picture)).content.decode()
    uses = html[html.index('class="picture-uses"') :]
    for text, link in [
        ("Mit Aufmacherbild", f"/admin/articles/article/{featured.pk}/change/"),
        ("Mit Bild im Text", f"/admin/articles/article/{inline.pk}/change/"),
        ("Anna Berger", f"/admin/authors/author/{author.pk}/change/"),
    ]:
        assert text in uses and link in uses


def test_the_focal_point_is_two_number_fields_and_a_picker(client, journalist):
    picture = PictureFactory()
    client.force_login(journalist)
    html = client.get(change_url(picture)).content.decode()
    assert 'name="focal_x"' in html and 'name="focal_y"' in html
    assert "data-focal-picker" in html and "pictures/focal_point.js" in html
    data = {
        "alt_text": picture.alt_text,
        "caption": picture.caption,
        "photographer": picture.photographer,
        "source": picture.source,
        "licence": "",
        "rights_end": "",
        "focal_x": "20",
        "focal_y": "75",
    }
    assert client.post(change_url(picture), data).status_code == 302
    picture.refresh_from_db()
    assert (picture.focal_x, picture.focal_y) == (20, 75)
    data["focal_x"] = "101"
    response = client.post(change_url(picture), data)
    assert response.status_code == 200
    assert "focal_x" in response.context["adminform"].form.errors


def test_a_journalist_uploads_a_picture_and_is_its_uploader(client, journalist):
    client.force_login(journalist)
    response = client.post(
        f"{LIST_URL}add/",
        {
            "file": image_file("neu.png", size=(800, 450), fmt="PNG"),
            "alt_text": "Ein neues Bild",
            "caption": "",
            "photographer": "",
            "source": "",
            "licence": "",
            "rights_end": "",
            "focal_x": "50",
            "focal_y": "50",
        },
    )
    assert response.status_code == 302
    picture = Picture.objects.get()
    assert (picture.uploaded_by, picture.width, picture.height) == (
        journalist,
        800,
        450,
    )


def test_an_upload_without_alt_text_is_refused(client, journalist):
    client.force_login(journalist)
    response = client.post(
        f"{LIST_URL}add/",
        {
            "file": image_file("neu.png", fmt="PNG"),
            "alt_text": "",
            "focal_x": "50",
            "focal_y": "50",
        },
    )
    assert response.status_code == 200
    assert "alt_text" in response.context["adminform"].form.errors
    assert not Picture.objects.exists()


def test_journalists_cannot_delete_pictures_even_by_a_forged_request(
    client, journalist
):
    picture = PictureFactory()
    client.force_login(journalist)
    assert client.get(f"{LIST_URL}{picture.pk}/delete/").status_code == 403
    assert (
        client.post(f"{LIST_URL}{picture.pk}/delete/", {"post": "yes"}).status_code
        == 403
    )
    response = client.post(
        LIST_URL,
        {"action": "delete_selected", "_selected_action": [picture.pk], "post": "yes"},
    )
    assert Picture.objects.filter(pk=picture.pk).exists(), response.status_code


def test_editors_delete_an_unused_picture(client, editor):
    picture = PictureFactory()
    client.force_login(editor)
    response = client.post(f"{LIST_URL}{picture.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Picture.objects.exists()


def test_deleting_a_picture_in_use_is_refused_with_its_uses(client, editor):
    picture = PictureFactory()
    ArticleFactory(title="Mit Aufmacherbild", picture=picture)
    ArticleFactory(
        title="Mit Bild im Text",
        body=f'<figure data-picture="{picture.pk}"><figcaption>x</figcaption></figure>',
    )
    client.force_login(editor)
    page = client.get(f"{LIST_URL}{picture.pk}/delete/").content.decode()
    assert "Mit Aufmacherbild" in page and "Mit Bild im Text" in page
    client.post(f"{LIST_URL}{picture.pk}/delete/", {"post": "yes"})
    assert Picture.objects.filter(pk=picture.pk).exists()


def test_the_article_form_chooses_a_library_picture_by_autocomplete(client, journalist):
    PictureFactory(caption="Messe in Hannover")
    client.force_login(journalist)
    html = client.get("/admin/articles/article/add/").content.decode()
    assert re.search(r'<select name="picture"[^>]*admin-autocomplete', html)
    found = client.get(
        "/admin/autocomplete/",
        {
            "term": "Hannover",
            "app_label": "articles",
            "model_name": "article",
            "field_name": "picture",
        },
    ).json()
    assert [result["text"] for result in found["results"]] == ["Messe in Hannover"]


def test_the_article_change_page_warns_of_missing_pictures(client, editor):
    article = ArticleFactory(
        body='<figure data-picture="424242"><figcaption>weg</figcaption></figure>'
    )
    client.force_login(editor)
    response = client.get(f"/admin/articles/article/{article.pk}/change/")
    messages = [str(message) for message in response.context["messages"]]
    assert any("424242" in message for message in messages), messages


def test_the_use_filter_finds_pictures_in_use_and_unused(client, journalist):
    featured, inline, portrait, unused = (PictureFactory() for _ in range(4))
    article = ArticleFactory(picture=featured)
    article.body = f'<figure data-picture="{inline.pk}"></figure>'
    article.save()
    AuthorFactory(portrait=portrait)
    client.force_login(journalist)

    def listed(value):
        response = client.get(LIST_URL, {"used": value})
        return {picture.pk for picture in response.context["cl"].result_list}

    assert listed("yes") == {featured.pk, inline.pk, portrait.pk}
    assert listed("no") == {unused.pk}
