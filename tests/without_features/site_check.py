"""Run the site without some feature apps and report what readers and staff get.

``python -m tests.without_features.site_check`` with ``REDAKTION_WITHOUT`` and
``REDAKTION_DB`` set (see ``settings``): migrates a fresh database, makes a
published article with an author, a tag and a featured image, then requests
the public pages and the admin and prints a JSON object
``{path: {"status": …, "html": …}}`` for the test to judge.
"""

import io
import json
import os

os.environ["DJANGO_SETTINGS_MODULE"] = "tests.without_features.settings"

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

PAGES = [
    "/",
    "/artikel/ohne-funktionen/",
    "/artikel/ohne-funktionen/drucken/",
    "/artikel/ohne-funktionen/pdf/",
    "/feed/",
    "/rubrik/technik/",
    "/autoren/",
    "/autoren/ada-lovelace/",
    "/suche/?q=Funktionen",
    "/en/artikel/ohne-funktionen/",
]
ADMIN_PAGES = [
    "/admin/",
    "/admin/articles/article/",
    "/admin/articles/article/{pk}/change/",
]


def main() -> None:
    setup_test_environment()  # the test client's templates and context
    call_command("migrate", verbosity=0, stdout=io.StringIO())
    from tests.factories import (
        ArticleFactory,
        AuthorFactory,
        CategoryFactory,
        PictureFactory,
        image_file,
    )

    author = AuthorFactory(first_name="Ada", last_name="Lovelace", slug="ada-lovelace")
    article = ArticleFactory(
        title="Ohne Funktionen",
        slug="ohne-funktionen",
        category=CategoryFactory(name="Technik", slug="technik"),
        authors=[author],
        tags=["Vertrieb"],
        picture=PictureFactory(
            file=image_file(size=(1200, 675)), alt_text="Ein Testbild"
        ),
    )
    result = {}
    reader = Client()
    for path in PAGES:
        response = reader.get(path)
        result[path] = page(response)
    admin = get_user_model().objects.create_superuser("admin", "a@example.org", "x")
    staff = Client()
    staff.force_login(admin)
    for path in ADMIN_PAGES:
        path = path.format(pk=article.pk)
        result[path] = page(staff.get(path))
    print(json.dumps(result))


def page(response) -> dict:
    is_html = response.get("Content-Type", "").startswith("text/html")
    return {
        "status": response.status_code,
        "html": response.content.decode() if is_html else "",
    }


if __name__ == "__main__":
    main()
