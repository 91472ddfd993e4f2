"""Load the German demo magazine: categories, authors, articles, images and logins.

Idempotent: running it again updates the demo objects in place and creates nothing
twice. Refuses to run with DEBUG off (it creates logins with known passwords)
unless --allow-production is given.
"""

import random
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape

from articles.models import Article, Byline, Category
from authors.models import Author
from demo import content as demo_content
from demo import registry
from demo.images import featured_image, portrait
from demo.revisions import add_demo_revisions
from pictures.models import Picture
from pictures.renditions import renditions_warm
from pictures.services import picture_create

# The first articles show pictures from the library inside their text.
INLINE_PICTURE_ARTICLES = 3

# Local logins, one per role. Printed at the end; for the demo only.
DEMO_USERS = [
    # username, password, group, is_superuser
    ("admin", "redaktion-admin", None, True),
    ("editor", "redaktion-editor", "Editor", False),
    ("journalist", "redaktion-journalist", "Journalist", False),
    # A second journalist, so the demo shows that journalists see only their own.
    ("journalist2", "redaktion-journalist2", "Journalist", False),
    ("moderator", "redaktion-moderator", "Moderator", False),
]


def demo_picture(image: dict, *, name: str, uploaded_by) -> Picture:
    """A generated library picture with a focal point off the centre (the
    motif's accent: teasers and social cards crop around it)."""
    rng = random.Random(name)
    return picture_create(
        file=ContentFile(
            featured_image(image["motif"], image["colors"], name), name=f"{name}.jpg"
        ),
        alt_text=image["alt"],
        caption=image["caption"],
        photographer=image["credit"],
        source=image["source"],
        uploaded_by=uploaded_by,
        focal=(rng.choice((18, 25, 72, 80)), rng.choice((28, 35, 65, 72))),
    )


def insert_after_paragraph(body: str, count: int, html: str) -> str:
    index = -1
    for _number in range(count):
        index = body.find("</p>", index + 1)
        if index == -1:
            return body + html
    return body[: index + 4] + html + body[index + 4 :]


class Command(BaseCommand):
    help = "Create or update the German demo content and one login per role."

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Run even with DEBUG off (creates logins with known passwords).",
        )

    def handle(self, *args, allow_production=False, **options):
        if not settings.DEBUG and not allow_production:
            raise CommandError(
                "seed_demo creates logins with known passwords and runs only with "
                "DJANGO_DEBUG=1 (or pass --allow-production)."
            )
        with transaction.atomic():
            users = self.create_users()
            categories = self.create_categories()
            authors = self.create_authors(users)
            articles = self.create_articles(categories, authors, users)
            # The feature apps add their demo data (votes, views, comments).
            for step in registry.demo_steps():
                step(articles=articles, users=users, stdout=self.stdout)
            # Revisions with notes, and a live article with pending changes.
            add_demo_revisions(articles=articles, users=users)
        # The teaser and article renditions, so the first visit is quick.
        for picture in Picture.objects.all():
            renditions_warm(picture)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready: {len(categories)} categories, {len(authors)} "
                f"authors, {len(articles)} articles."
            )
        )
        self.stdout.write("Logins (local demo only):")
        for username, password, group, _superuser in DEMO_USERS:
            role = group or "Administrator"
            self.stdout.write(f"  {role:<14} {username:<12} {password}")

    def create_users(self) -> dict:
        User = get_user_model()
        users = {}
        for username, password, group_name, is_superuser in DEMO_USERS:
            user, created = User.objects.get_or_create(
                username=username,
                defaults={
                    "email": f"{username}@example.org",
                    "is_staff": True,
                    "is_superuser": is_superuser,
                },
            )
            if created:
                user.set_password(password)
                user.save()
            if group_name:
                user.groups.add(Group.objects.get(name=group_name))
            users[username] = user
        return users

    def create_categories(self) -> dict[str, Category]:
        categories = {}
        for data in demo_content.CATEGORIES:
            category, _created = Category.objects.update_or_create(
                slug=data["slug"],
                defaults={
                    "name": data["name"],
                    "description": data["description"],
                    "position": data["position"],
                },
            )
            categories[category.slug] = category
        return categories

    def create_authors(self, users) -> dict[str, Author]:
        authors = {}
        for data in demo_content.AUTHORS:
            author, _created = Author.objects.update_or_create(
                slug=data["slug"],
                defaults={
                    "honorific": data["honorific"],
                    "first_name": data["first_name"],
                    "last_name": data["last_name"],
                    "pronoun": data["pronoun"],
                    "short_bio": data["short_bio"],
                    "bio": data["bio"],
                    "website": data["website"],
                    "topics": data["topics"],
                    "email": data["email"],
                    "user": users.get(data["username"]) if data["username"] else None,
                },
            )
            if author.user is not None and not author.user.first_name:
                # Names, not logins, in "saved by …" and "being edited by …".
                author.user.first_name = author.first_name
                author.user.last_name = author.last_name
                author.user.save(update_fields=["first_name", "last_name"])
            if author.portrait is None:
                initials = data["first_name"][0] + data["last_name"][0]
                author.portrait = picture_create(
                    file=ContentFile(
                        portrait(initials, data["color"]), name=f"{author.slug}.png"
                    ),
                    alt_text=f"Porträt von {author.display_name}",
                    caption=author.display_name,
                    photographer="Redaktion",
                )
                author.save(update_fields=["portrait"])
            authors[author.slug] = author
        return authors

    @staticmethod
    def article_creator(data, authors, users):
        """Each article is created by its first author's login, as if they had
        written it; a contributor without a login (a columnist) is placed by
        the editor."""
        first_author = authors[data["authors"][0]]
        return first_author.user or users["editor"]

    def create_articles(self, categories, authors, users) -> list[Article]:
        now = timezone.now().replace(second=0, microsecond=0)
        articles = []
        for index, data in enumerate(demo_content.ARTICLES):
            publish_at = now - timedelta(days=data["days_ago"], hours=index % 7)
            image = data["image"]
            article, _created = Article.objects.update_or_create(
                slug=data["slug"],
                defaults={
                    "title": data["title"],
                    "lead": data["lead"],
                    "body": data["body"],
                    "category": categories[data["category"]],
                    "status": data["status"],
                    "publish_at": publish_at,
                    "meta_description": data["meta_description"],
                    "created_by": self.article_creator(data, authors, users),
                },
            )
            if article.picture is None:
                article.picture = demo_picture(
                    image, name=article.slug, uploaded_by=users["journalist"]
                )
                article.save(update_fields=["picture"])
            if index < INLINE_PICTURE_ARTICLES:
                self.add_inline_pictures(article, data, users["journalist"])
            article.tags.set(data["tags"])
            for position, slug in enumerate(data["authors"]):
                Byline.objects.update_or_create(
                    article=article,
                    author=authors[slug],
                    defaults={"position": position},
                )
            article.bylines.exclude(author__slug__in=data["authors"]).delete()
            articles.append(article)
        return articles

    def add_inline_pictures(self, article, data, uploader) -> None:
        """One or two library pictures inside the text, after the second and
        the fourth paragraph, with a caption for this use."""
        body = data["body"]
        for number, (after, motif) in enumerate(((2, "circles"), (4, "grid"))):
            if number and body.count("</p>") < 6:
                break  # a short article gets one picture
            alt = f"Illustration {number + 1} zu „{article.title}“"
            picture = Picture.objects.filter(alt_text=alt).first()
            if picture is None:
                image = {
                    **data["image"],
                    "motif": motif,
                    "alt": alt,
                    "caption": f"Illustration zu „{article.title}“",
                }
                picture = demo_picture(
                    image, name=f"{article.slug}-{number + 1}", uploaded_by=uploader
                )
            figure = (
                f'<figure data-picture="{picture.pk}"><figcaption>'
                f"{escape(picture.caption)} – im Text</figcaption></figure>"
            )
            body = insert_after_paragraph(body, after, figure)
        article.body = body
        article.save(update_fields=["body"])
