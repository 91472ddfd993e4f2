import pytest
from django.contrib.flatpages.models import FlatPage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "title"),
    [("/datenschutz/", "Datenschutzerklärung"), ("/impressum/", "Impressum")],
)
def test_legal_pages_exist_and_are_linked_in_the_footer(client, url, title):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<h1 class="article__title">{title}</h1>' in html
    assert 'href="/impressum/"' in html and 'href="/datenschutz/"' in html


def test_editors_can_change_the_legal_pages(client, editor, journalist):
    page = FlatPage.objects.get(url="/impressum/")
    client.force_login(editor)
    response = client.post(
        f"/admin/flatpages/flatpage/{page.pk}/change/",
        {
            "url": "/impressum/",
            "title": "Impressum",
            "content": "<p>Beispielverlag GmbH, Musterstraße 1, 12345 Berlin</p>",
            "sites": [1],
            "template_name": "",
        },
    )
    assert response.status_code == 302
    assert "Beispielverlag GmbH" in client.get("/impressum/").content.decode()

    client.force_login(journalist)
    assert client.get(f"/admin/flatpages/flatpage/{page.pk}/change/").status_code == 403
