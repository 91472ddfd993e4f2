"""factory_boy builders for the test suite."""

import io
from datetime import UTC, datetime

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from articles.models import Article, Byline, Category
from authors.models import Author
from pictures.models import Picture

PAST = datetime(2012, 6, 15, 8, 30, tzinfo=UTC)


def image_file(
    name: str = "bild.jpg", size: tuple[int, int] = (64, 36), fmt: str = "JPEG"
) -> SimpleUploadedFile:
    """A real image file made with Pillow."""
    buffer = io.BytesIO()
    Image.new("RGB", size, (164, 22, 26)).save(buffer, fmt)
    content_type = Image.MIME.get(fmt, "application/octet-stream")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=content_type)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("correct-horse-battery")

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        for name in extracted or []:
            self.groups.add(Group.objects.get(name=name))


class StaffFactory(UserFactory):
    is_staff = True


class AuthorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Author

    first_name = factory.Faker("first_name", locale="de_DE")
    last_name = factory.Faker("last_name", locale="de_DE")
    slug = factory.Sequence(lambda n: f"autorin-{n}")
    short_bio = "Schreibt über Vertrieb und Technik."
    website = "https://example.org/profil"
    pronoun = Author.Pronoun.FEMININE


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Rubrik {n}")
    slug = factory.Sequence(lambda n: f"rubrik-{n}")


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Artikel Nummer {n}")
    slug = factory.Sequence(lambda n: f"artikel-nummer-{n}")
    lead = "Ein kurzer Vorspann, der neugierig macht."
    body = "<p>Erster Absatz.</p><p>Zweiter Absatz mit <strong>Nachdruck</strong>.</p>"
    category = factory.SubFactory(CategoryFactory)
    status = Article.Status.PUBLISHED
    publish_at = PAST

    @factory.post_generation
    def authors(self, create, extracted, **kwargs):
        """``ArticleFactory(authors=[a, b])``; one new author when not given."""
        if not create:
            return
        for position, author in enumerate(
            extracted if extracted is not None else [AuthorFactory()]
        ):
            Byline.objects.create(article=self, author=author, position=position)

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.set(extracted)


class PictureFactory(factory.django.DjangoModelFactory):
    """A library picture with a real image (Pillow)."""

    class Meta:
        model = Picture

    file = factory.LazyFunction(lambda: image_file("bild.jpg", size=(1600, 900)))
    alt_text = "Ein Bild, beschrieben"
    caption = "Die Bildunterschrift"
    photographer = "Jana Beispiel"
    source = "Agentur"
