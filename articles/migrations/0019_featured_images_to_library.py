"""Every featured image becomes a library picture, with its alt text, caption,
photographer and source; the article points at it.

The picture takes over the stored file by its name: nothing is copied. Articles
that used the same file with the same alt text and credit share one picture;
where their captions differ, the article keeps its own as the caption for this
use. The reverse writes the fields back onto the articles.
"""

from django.core.files.storage import default_storage
from django.db import migrations
from PIL import Image


def image_size(name: str) -> tuple[int, int]:
    """Width and height from the file's header; (0, 0) when the file is not at
    hand (a database restored without its media) or not readable."""
    try:
        with default_storage.open(name) as file, Image.open(file) as image:
            return image.size
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        return 0, 0


def featured_images_to_library(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    Picture = apps.get_model("pictures", "Picture")
    pictures = {}
    for article in Article.objects.exclude(image="").order_by("pk").iterator():
        key = (
            article.image.name,
            article.image_alt,
            article.image_credit,
            article.image_source,
        )
        picture = pictures.get(key)
        if picture is None:
            width, height = image_size(article.image.name)
            picture = pictures[key] = Picture.objects.create(
                file=article.image.name,
                alt_text=article.image_alt,
                caption=article.image_caption,
                photographer=article.image_credit,
                source=article.image_source,
                width=width,
                height=height,
                uploaded_by_id=article.created_by_id,
                uploaded_at=article.created_at,
            )
        own_caption = "" if article.image_caption == picture.caption else article.image_caption
        # update(): the article's "updated" time stays what it was.
        Article.objects.filter(pk=article.pk).update(
            picture=picture, image_caption=own_caption
        )


def library_to_featured_images(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    for article in Article.objects.filter(picture__isnull=False).select_related("picture"):
        picture = article.picture
        Article.objects.filter(pk=article.pk).update(
            image=picture.file.name,
            image_alt=picture.alt_text[:250],
            image_caption=(article.image_caption or picture.caption)[:300],
            image_credit=picture.photographer[:150],
            image_source=picture.source[:150],
        )


class Migration(migrations.Migration):
    dependencies = [("articles", "0018_article_picture")]

    operations = [
        migrations.RunPython(featured_images_to_library, library_to_featured_images)
    ]
