import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from PIL import Image

from articles.models import Article, Category
from articles.revisions import ArticleRevision
from authors.models import Author
from demo import content as demo_content
from pictures.models import Picture

pytestmark = pytest.mark.django_db


def test_seed_demo_creates_the_magazine_and_is_idempotent(client, capsys):
    call_command("seed_demo", allow_production=True)
    call_command("seed_demo", allow_production=True)  # a second run changes nothing

    output = capsys.readouterr().out
    assert "redaktion-journalist" in output
    assert Category.objects.count() == len(demo_content.CATEGORIES) >= 4
    assert Author.objects.count() == len(demo_content.AUTHORS) >= 3
    assert Article.objects.count() == len(demo_content.ARTICLES) >= 15
    assert Article.objects.published().count() >= 12
    assert Article.objects.scheduled().exists()
    assert Article.objects.filter(status=Article.Status.DRAFT).exists()

    article = Article.objects.get(slug="vertrieb-3-0")
    picture = article.picture
    with Image.open(picture.file.path) as image:
        assert image.size == (1600, 900)
    assert picture.alt_text and picture.photographer
    assert (picture.focal_x, picture.focal_y) != (50, 50)  # visibly off the centre
    assert all(author.portrait for author in Author.objects.all())
    # Pictures from the library inside the text of at least three articles,
    # recorded as uses; the second run made no new pictures.
    with_figures = Article.objects.filter(body__contains="data-picture=")
    assert with_figures.count() >= 3
    assert all(article.inline_pictures.exists() for article in with_figures)
    assert Picture.objects.count() == len(Picture.objects.values("file").distinct())

    users = get_user_model().objects
    for username, group in [
        ("editor", "Editor"),
        ("journalist", "Journalist"),
        ("moderator", "Moderator"),
    ]:
        user = users.get(username=username)
        assert user.check_password(f"redaktion-{username}")
        assert list(user.groups.values_list("name", flat=True)) == [group]
    assert users.get(username="admin").is_superuser
    assert users.get(username="journalist").author_profile is not None

    assert client.get("/").status_code == 200
    assert client.get(article.get_absolute_url()).status_code == 200


def test_each_journalist_sees_only_the_articles_they_wrote():
    call_command("seed_demo", allow_production=True)
    users = get_user_model().objects
    first, second = users.get(username="journalist"), users.get(username="journalist2")
    assert second.check_password("redaktion-journalist2")
    assert list(second.groups.values_list("name", flat=True)) == ["Journalist"]

    for article in Article.objects.prefetch_related("bylines__author"):
        first_author = article.bylines.order_by("position").first().author
        assert article.created_by == (first_author.user or users.get(username="editor"))
    mine = set(Article.objects.editable_by(first))
    theirs = set(Article.objects.editable_by(second))
    assert mine and theirs
    assert len(mine) < Article.objects.count()
    assert not any(
        second.author_profile in article.authors.all() for article in mine - theirs
    )
    assert first.get_full_name() == "Katharina Brückner"


def test_seed_demo_refuses_to_run_with_debug_off():
    with pytest.raises(CommandError, match="DJANGO_DEBUG=1"):
        call_command("seed_demo")
    assert not Article.objects.exists()


def test_seed_demo_shows_revisions_and_pending_changes(
    django_capture_on_commit_callbacks,
):
    for _run in range(2):  # idempotent
        with django_capture_on_commit_callbacks(execute=True):
            call_command("seed_demo", allow_production=True, verbosity=0)

    saved = ArticleRevision.objects.filter(state=ArticleRevision.State.SAVED)
    with_notes = saved.exclude(note="").values_list("article", flat=True)
    busiest = max(set(with_notes), key=list(with_notes).count)
    assert saved.filter(article=busiest).exclude(note="").count() >= 3
    pending = ArticleRevision.objects.filter(state=ArticleRevision.State.PENDING)
    assert pending.count() == 1
    live = pending.get().article
    assert live.is_published
    assert pending.get().data["lead"] != live.lead
