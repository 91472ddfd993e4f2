import django.db.models.deletion
from django.db import migrations, models

# SQLite only: the FTS5 index over SearchDocument (external content), kept in
# step by triggers, the pattern of the FTS5 documentation (section 4.4.3).
# PostgreSQL searches Article.search_vector (migration 0004) instead.
FTS = "articles_search_fts"
DOCS = "articles_searchdocument"
COLUMNS = "title, lead, tags, authors, body"
NEW = "new.title, new.lead, new.tags, new.authors, new.body"
OLD = "old.title, old.lead, old.tags, old.authors, old.body"
CREATE = [
    f"CREATE VIRTUAL TABLE {FTS} USING fts5({COLUMNS}, content='{DOCS}', "
    "content_rowid='article_id', tokenize='unicode61 remove_diacritics 2')",
    f"CREATE TRIGGER {DOCS}_ai AFTER INSERT ON {DOCS} BEGIN "
    f"INSERT INTO {FTS}(rowid, {COLUMNS}) VALUES (new.article_id, {NEW}); END",
    f"CREATE TRIGGER {DOCS}_ad AFTER DELETE ON {DOCS} BEGIN "
    f"INSERT INTO {FTS}({FTS}, rowid, {COLUMNS}) "
    f"VALUES ('delete', old.article_id, {OLD}); END",
    f"CREATE TRIGGER {DOCS}_au AFTER UPDATE ON {DOCS} BEGIN "
    f"INSERT INTO {FTS}({FTS}, rowid, {COLUMNS}) "
    f"VALUES ('delete', old.article_id, {OLD}); "
    f"INSERT INTO {FTS}(rowid, {COLUMNS}) VALUES (new.article_id, {NEW}); END",
]
DROP = [
    f"DROP TRIGGER IF EXISTS {DOCS}_au",
    f"DROP TRIGGER IF EXISTS {DOCS}_ad",
    f"DROP TRIGGER IF EXISTS {DOCS}_ai",
    f"DROP TABLE IF EXISTS {FTS}",
]


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for statement in CREATE:
        schema_editor.execute(statement)
    fill_documents(apps)


def fill_documents(apps):
    """Documents of the articles that exist already (as search_documents()
    makes them, with this migration's models)."""
    import html
    import re

    from articles import german

    Article = apps.get_model("articles", "Article")
    TaggedArticle = apps.get_model("articles", "TaggedArticle")
    Byline = apps.get_model("articles", "Byline")
    SearchDocument = apps.get_model("articles", "SearchDocument")
    tags, authors = {}, {}
    for pk, name in TaggedArticle.objects.values_list("content_object_id", "tag__name"):
        tags.setdefault(pk, []).append(name)
    for pk, *names in Byline.objects.values_list(
        "article_id", "author__honorific", "author__first_name", "author__last_name"
    ):
        authors.setdefault(pk, []).extend(names)
    for pk, title, lead, body in Article.objects.values_list(
        "pk", "title", "lead", "body"
    ).iterator():
        SearchDocument.objects.create(
            article_id=pk,
            title=german.stems(title),
            lead=german.stems(lead),
            tags=german.stems(" ".join(tags.get(pk, []))),
            authors=german.stems(" ".join(authors.get(pk, []))),
            body=german.stems(html.unescape(re.sub(r"<[^>]+>", " ", body))),
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in DROP:
            schema_editor.execute(statement)


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0016_scheduled_updates"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchDocument",
            fields=[
                (
                    "article",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="+",
                        serialize=False,
                        to="articles.article",
                    ),
                ),
                ("title", models.TextField(blank=True)),
                ("lead", models.TextField(blank=True)),
                ("tags", models.TextField(blank=True)),
                ("authors", models.TextField(blank=True)),
                ("body", models.TextField(blank=True)),
            ],
            options={"verbose_name": "search document"},
        ),
        migrations.RunPython(create_index, drop_index),
    ]
