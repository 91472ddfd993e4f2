"""The comments app's part of the demo magazine and of the benchmark data
(``demo.registry``): approved, held and spam comments on the demo articles;
a million threaded comments for the benchmark."""

import random
from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django_comments_xtd.models import max_thread_level_for_content_type

from articles.models import Article
from comments.bulk import NewComment, comments_insert
from comments.models import ArticleComment
from demo.bench import FEATURED_COMMENTS, FIRST_NAMES, LAST_NAMES, Scale, sentence
from demo.registry import bench_data, demo_data

# Kommentare: "reply_to" ist der Index des Elternkommentars in dieser Liste
# (Eltern stehen immer weiter oben), "days_after" die Zahl der Tage nach der
# Veröffentlichung des Artikels.
COMMENTS = [
    # --- vertrieb-3-0 ------------------------------------------------------
    {  # 0
        "article": "vertrieb-3-0",
        "name": "Thomas Gerlach",
        "email": "t.gerlach@example.org",
        "url": "",
        "text": "Sehr gute Zusammenfassung. Bei uns ist genau die Vergütung der Knackpunkt: Solange der Außendienst nur am eigenen Gebietsumsatz gemessen wird, gibt niemand freiwillig Kunden an den Innendienst ab.",
        "status": "approved",
        "reply_to": None,
        "days_after": 0,
    },
    {  # 1
        "article": "vertrieb-3-0",
        "name": "Katharina Brückner",
        "email": "katharina.brueckner@example.org",
        "url": "https://brueckner.example.org",
        "text": "Danke für die Rückmeldung! Das bestätigen fast alle Unternehmen, mit denen wir gesprochen haben. Haben Sie bei Ihnen schon mit einer Teamkomponente in der Provision experimentiert?",
        "status": "approved",
        "reply_to": 0,
        "days_after": 1,
    },
    {  # 2
        "article": "vertrieb-3-0",
        "name": "Thomas Gerlach",
        "email": "t.gerlach@example.org",
        "url": "",
        "text": "Ja, seit diesem Jahr mit 20 Prozent Regionalanteil. Die ersten Monate waren holprig, aber inzwischen rufen die Kollegen von sich aus im Innendienst an, wenn ein Kunde nur Standardteile braucht.",
        "status": "approved",
        "reply_to": 1,
        "days_after": 1,
    },
    {  # 3
        "article": "vertrieb-3-0",
        "name": "Ines Wohlfahrt",
        "email": "ines.wohlfahrt@example.org",
        "url": "https://example.org/wohlfahrt",
        "text": "Ich arbeite seit 15 Jahren im Innendienst und finde mich in dem Artikel sehr wieder. Wir waren lange die „Auftragserfasser“, heute beraten wir Kunden am Telefon genauso fachkundig wie der Außendienst.\n\nWas mir fehlt: Der Innendienst braucht dafür auch Weiterbildung und eine faire Eingruppierung. Das wird in vielen Firmen noch vergessen.",
        "status": "approved",
        "reply_to": None,
        "days_after": 1,
    },
    {  # 4
        "article": "vertrieb-3-0",
        "name": "Ralf Stegemann",
        "email": "ralf.stegemann@example.org",
        "url": "",
        "text": "Volle Zustimmung zur Eingruppierung. Bei uns hat der Betriebsrat das Thema aufgegriffen, seitdem gibt es eine eigene Entgeltstufe für technische Innendienstberater.",
        "status": "approved",
        "reply_to": 3,
        "days_after": 2,
    },
    {  # 5
        "article": "vertrieb-3-0",
        "name": "Bestpreis Apotheke 24",
        "email": "angebote@example.org",
        "url": "https://example.com/pillen-guenstig",
        "text": "SUPER ANGEBOT!!! Potenzmittel und Schlankheitspillen ohne Rezept, 80 % billiger, diskreter Versand! Jetzt bestellen: https://example.com/pillen-guenstig",
        "status": "spam",
        "reply_to": None,
        "days_after": 2,
    },
    {  # 6
        "article": "vertrieb-3-0",
        "name": "Miriam Albers",
        "email": "m.albers@example.org",
        "url": "",
        "text": "Spannend, dass der Innendienst bei Hallberg inzwischen ein Drittel des Neugeschäfts macht. Wir haben ganz ähnliche Erfahrungen gemacht und sie in einer Fallstudie aufgeschrieben: https://example.org/fallstudie-innendienst",
        "status": "held",
        "reply_to": None,
        "days_after": 3,
    },
    {  # 7
        "article": "vertrieb-3-0",
        "name": "Uwe Pankratz",
        "email": "uwe.pankratz@example.org",
        "url": "",
        "text": "Bei allem Respekt: „Vertrieb 3.0“ ist ein Beraterbegriff. Gute Verkäufer haben schon immer dort angerufen, wo gerade eine Entscheidung anstand. Heute heißt das eben Kaufsignal.",
        "status": "approved",
        "reply_to": None,
        "days_after": 4,
    },
    {  # 8
        "article": "vertrieb-3-0",
        "name": "Lena Hofstätter",
        "email": "lena.hofstaetter@example.org",
        "url": "https://example.org/hofstaetter",
        "text": "Der Unterschied ist doch, dass diese Information früher im Kopf einzelner Verkäufer steckte. Wenn der Kollege in Rente geht, ist sie weg. Im System bleibt sie.",
        "status": "approved",
        "reply_to": 7,
        "days_after": 5,
    },
    {  # 9
        "article": "vertrieb-3-0",
        "name": "Uwe Pankratz",
        "email": "uwe.pankratz@example.org",
        "url": "",
        "text": "Das ist ein gutes Argument, das lasse ich gelten. Vorausgesetzt, die Leute tragen auch wirklich etwas ein.",
        "status": "approved",
        "reply_to": 8,
        "days_after": 6,
    },
    # --- uebersicht-fuer-kaeufer-crm-systeme-fuer-den-mittelstand ----------
    {  # 10
        "article": "uebersicht-fuer-kaeufer-crm-systeme-fuer-den-mittelstand",
        "name": "Sebastian Kroll",
        "email": "sebastian.kroll@example.org",
        "url": "",
        "text": "Gibt es Erfahrungswerte, wie hoch die Betriebskosten bei der quelloffenen Lösung realistisch sind? Lizenzkostenfrei klingt verlockend, aber irgendwer muss das System ja betreuen.",
        "status": "approved",
        "reply_to": None,
        "days_after": 1,
    },
    {  # 11
        "article": "uebersicht-fuer-kaeufer-crm-systeme-fuer-den-mittelstand",
        "name": "Katharina Brückner",
        "email": "katharina.brueckner@example.org",
        "url": "https://brueckner.example.org",
        "text": "Die Unternehmen, mit denen wir gesprochen haben, kalkulieren mit 15 bis 25 Euro pro Nutzer und Monat für Hosting, Updates und Support durch einen Dienstleister. Dazu kommen die Anpassungen bei der Einführung – die Details stehen in der Vergleichstabelle.",
        "status": "approved",
        "reply_to": 10,
        "days_after": 2,
    },
    {  # 12
        "article": "uebersicht-fuer-kaeufer-crm-systeme-fuer-den-mittelstand",
        "name": "Lucky Spin Casino",
        "email": "bonus@example.org",
        "url": "https://example.com/casino-bonus",
        "text": "Online Casino mit 500 % Willkommensbonus!!! Sofort auszahlen, keine Wartezeit, jetzt gratis spielen auf https://example.com/casino-bonus und GEWINNEN!!!",
        "status": "spam",
        "reply_to": None,
        "days_after": 3,
    },
    # --- preiserhoehungen-durchsetzen-ohne-stammkunden-zu-verlieren --------
    {  # 13
        "article": "preiserhoehungen-durchsetzen-ohne-stammkunden-zu-verlieren",
        "name": "Gabriele Thiel",
        "email": "g.thiel@example.org",
        "url": "",
        "text": "Der Satz mit dem Rabatt als Spende hängt jetzt bei uns im Vertriebsbüro. Wir haben letztes Jahr genau diesen Fehler gemacht und die Erhöhung fast komplett wieder weggegeben.",
        "status": "approved",
        "reply_to": None,
        "days_after": 2,
    },
    {  # 14
        "article": "preiserhoehungen-durchsetzen-ohne-stammkunden-zu-verlieren",
        "name": "Jörg Mattes",
        "email": "joerg.mattes@example.org",
        "url": "",
        "text": "Aus Einkäufersicht kann ich nur bestätigen: Eine nachvollziehbare Begründung macht es mir viel leichter, eine Erhöhung intern zu vertreten. Pauschale Schreiben landen bei uns sofort in der Verhandlung.",
        "status": "approved",
        "reply_to": 13,
        "days_after": 3,
    },
    {  # 15
        "article": "preiserhoehungen-durchsetzen-ohne-stammkunden-zu-verlieren",
        "name": "Dennis Kowalczyk",
        "email": "d.kowalczyk@example.org",
        "url": "",
        "text": "Ich finde den Artikel etwas einseitig. Kleine Zulieferer haben gegenüber großen Konzernen oft schlicht keine Verhandlungsmacht, da helfen auch die besten Argumente nicht.",
        "status": "held",
        "reply_to": None,
        "days_after": 5,
    },
    # --- homeoffice-im-aussendienst-wie-viel-praesenz-braucht-der-kunde ----
    {  # 16
        "article": "homeoffice-im-aussendienst-wie-viel-praesenz-braucht-der-kunde",
        "name": "Petra Schönfeld",
        "email": "petra.schoenfeld@example.org",
        "url": "",
        "text": "Als Außendienstlerin mit zwei Kindern kann ich sagen: Die zwei Tage Homeoffice pro Woche sind der Grund, warum ich den Job noch mache. Meine Kunden haben sich nie beschwert.",
        "status": "approved",
        "reply_to": None,
        "days_after": 0,
    },
    {  # 17
        "article": "homeoffice-im-aussendienst-wie-viel-praesenz-braucht-der-kunde",
        "name": "Markus Lindner",
        "email": "markus.lindner@example.org",
        "url": "",
        "text": "Das freut mich für Sie, aber als Vertriebsleiter sehe ich auch die andere Seite. Junge Kollegen lernen viel weniger, wenn sie nicht mehr mit erfahrenen Leuten zum Kunden fahren.",
        "status": "approved",
        "reply_to": 16,
        "days_after": 1,
    },
    {  # 18
        "article": "homeoffice-im-aussendienst-wie-viel-praesenz-braucht-der-kunde",
        "name": "Petra Schönfeld",
        "email": "petra.schoenfeld@example.org",
        "url": "",
        "text": "Da haben Sie recht. Bei uns nehmen wir deshalb Neue in den ersten Monaten bewusst zu jedem Termin mit, Homeoffice hin oder her.",
        "status": "approved",
        "reply_to": 17,
        "days_after": 1,
    },
    {  # 19
        "article": "homeoffice-im-aussendienst-wie-viel-praesenz-braucht-der-kunde",
        "name": "Yusuf Demir",
        "email": "yusuf.demir@example.org",
        "url": "https://example.org/demir",
        "text": "Die Regel „jeder Besuch braucht ein Ziel“ finde ich hervorragend. Haben wir vor einem halben Jahr eingeführt – die Besuchsberichte sind seitdem deutlich aussagekräftiger.",
        "status": "approved",
        "reply_to": None,
        "days_after": 4,
    },
    # --- fachkraeftemangel-warum-quereinsteiger-im-technischen-vertrieb-ueberzeugen
    {  # 20
        "article": "fachkraeftemangel-warum-quereinsteiger-im-technischen-vertrieb-ueberzeugen",
        "name": "Claudia Brenner",
        "email": "claudia.brenner@example.org",
        "url": "",
        "text": "Ich bin selbst vor sechs Jahren aus dem Service in den Vertrieb gewechselt. Das Wichtigste war für mich die Rückkehroption, die im Artikel erwähnt wird – ohne die hätte ich mich nicht getraut.",
        "status": "approved",
        "reply_to": None,
        "days_after": 1,
    },
    {  # 21
        "article": "fachkraeftemangel-warum-quereinsteiger-im-technischen-vertrieb-ueberzeugen",
        "name": "Henrike Oßwald",
        "email": "henrike.osswald@example.org",
        "url": "https://example.org/hs-rheinau/osswald",
        "text": "Vielen Dank, dass Sie Ihre Erfahrung teilen. Genau das hören wir in unseren Interviews immer wieder: Die Sicherheit, zurückkehren zu können, senkt die Hemmschwelle enorm.",
        "status": "approved",
        "reply_to": 20,
        "days_after": 2,
    },
    {  # 22
        "article": "fachkraeftemangel-warum-quereinsteiger-im-technischen-vertrieb-ueberzeugen",
        "name": "Florian Weiß",
        "email": "florian.weiss@example.org",
        "url": "",
        "text": "Und wer ersetzt dann den Servicetechniker? Den Mangel einfach von einer Abteilung in die nächste zu schieben, löst doch nichts.",
        "status": "held",
        "reply_to": None,
        "days_after": 6,
    },
    # --- fuehrung-auf-distanz-fuenf-regeln-fuer-hybride-teams --------------
    {  # 23
        "article": "fuehrung-auf-distanz-fuenf-regeln-fuer-hybride-teams",
        "name": "Sabine Kurz",
        "email": "sabine.kurz@example.org",
        "url": "",
        "text": "Punkt 3 ist bei uns ein echtes Problem. Die Kollegen, die täglich im Büro sind, bekommen die spannenden Projekte, und niemand merkt es, weil es nicht böse gemeint ist.",
        "status": "approved",
        "reply_to": None,
        "days_after": 3,
    },
    {  # 24
        "article": "fuehrung-auf-distanz-fuenf-regeln-fuer-hybride-teams",
        "name": "Tobias Engel",
        "email": "tobias.engel@example.org",
        "url": "",
        "text": "Uns hat geholfen, Projektvergaben im Teammeeting offen zu besprechen, statt sie auf dem Flur zu klären. Das kostet fünf Minuten und schafft viel Transparenz.",
        "status": "approved",
        "reply_to": 23,
        "days_after": 4,
    },
]


@demo_data
def add_demo_comments(*, articles, stdout=None, **kwargs) -> None:
    """Idempotent: a comment is identified by article, e-mail and text."""
    by_slug = {article.slug: article for article in articles}
    content_type = ContentType.objects.get_for_model(next(iter(by_slug.values())))
    created_pks: dict[int, int] = {}
    created = 0
    for index, entry in enumerate(COMMENTS):
        article = by_slug.get(entry["article"])
        if article is None or article.publish_at is None:
            continue
        existing = ArticleComment.objects.filter(
            content_type=content_type,
            object_pk=str(article.pk),
            user_email=entry["email"],
            comment=entry["text"],
        ).first()
        if existing is None:
            status = entry["status"]
            parent = entry["reply_to"]
            existing = ArticleComment(
                content_type=content_type,
                object_pk=str(article.pk),
                site_id=settings.SITE_ID,
                user_name=entry["name"],
                user_email=entry["email"],
                user_url=entry["url"],
                comment=entry["text"],
                submit_date=article.publish_at
                + timedelta(days=entry["days_after"], minutes=index * 7 + 30),
                is_public=status == "approved",
                is_removed=status == "spam",
                is_spam=status == "spam",
                reasons="links" if status == "spam" else "",
                parent_id=created_pks.get(parent, 0) if parent is not None else 0,
                moderators_notified=True,  # no mails from seeding
            )
            existing.save()
            created += 1
        created_pks[index] = existing.pk
    if stdout is not None:
        stdout.write(f"Demo comments: {created} created.")


# How the comments of an article thread: this share of them answers an earlier
# comment (up to xtd's maximum thread level), the rest start a thread.
REPLY_SHARE = 0.4
COMMENT_FLUSH = 20_000  # comments per transaction (comments.bulk)
_ASCII = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def comment_pools(rng: random.Random) -> tuple[list[str], list[tuple[str, str, str]]]:
    """A few hundred comment texts and a few thousand commenters (name, e-mail,
    website), drawn from for every comment: a million sentences would cost more
    time than the inserts."""
    texts = [
        " ".join(sentence(rng, rng.randint(6, 18)) for _ in range(rng.randint(1, 4)))
        for _ in range(400)
    ]
    people = []
    for number in range(3_000):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        local = f"{first}.{last}{number}".lower().translate(_ASCII)
        url = f"https://example.org/{local}" if rng.random() < 0.2 else ""
        people.append((f"{first} {last}", f"{local}@example.org", url))
    return texts, people


def thread_plan(rng: random.Random, count: int, max_level: int, chain: bool = False):
    """The parent (an index, or ``None`` for a new thread) and level of each of
    ``count`` comments in the order they were written. ``chain``: the first
    comments answer each other down to ``max_level`` (so the deepest level is
    always there)."""
    parents: list[int | None] = []
    levels: list[int] = []
    repliable: list[int] = []  # comments below the maximum level
    for index in range(count):
        if chain and 0 < index <= max_level:
            parent = index - 1
        elif repliable and rng.random() < REPLY_SHARE:
            # An answer to one of the latest comments, as in a discussion.
            parent = rng.choice(repliable[-6:])
        else:
            parent = None
        level = 0 if parent is None else levels[parent] + 1
        parents.append(parent)
        levels.append(level)
        if level < max_level:
            repliable.append(index)
    return parents, levels


class CommentInserter:
    """Comments of many articles, written in batches by the comments app's
    ``bulk.comments_insert`` (multi-row INSERTs into the three tables of
    ``ArticleComment``, thread fields as xtd's ``save()`` sets them): a million
    model instances through ``save()`` would take hours, and ``bulk_create``
    refuses multi-table models."""

    def __init__(self, content_type):
        self.new_comment, self.insert = NewComment, comments_insert
        self.content_type = content_type
        self.rows: list = []
        self.written = 0

    def add_article(self, article_id: int, dates, parents, people, texts, rng):
        """Comments on one article in the order they were written (``dates``
        ascending, ``parents`` from :func:`thread_plan`)."""
        offset = len(self.rows)
        object_pk = str(article_id)
        for date, parent in zip(dates, parents, strict=True):
            name, email, url = rng.choice(people)
            self.rows.append(
                self.new_comment(
                    object_pk=object_pk,
                    user_name=name,
                    user_email=email,
                    user_url=url,
                    comment=rng.choice(texts),
                    submit_date=date,
                    # No address: the app keeps truncated ones 30 days only.
                    parent=None if parent is None else offset + parent,
                )
            )
        if len(self.rows) >= COMMENT_FLUSH:
            self.flush()

    def flush(self) -> None:
        if not self.rows:
            return
        with transaction.atomic():
            self.insert(self.rows, content_type=self.content_type)
        self.written += len(self.rows)
        self.rows = []

    def finish(self) -> int:
        self.flush()
        return self.written


@bench_data("comments", order=10)
def add_comments(*, rng, size: Scale, now, article_ids, featured) -> str:
    """``size.comments`` approved comments spread over the published articles
    (a few popular articles get many, most a handful, some none), plus exactly
    ``FEATURED_COMMENTS`` approved ones on the featured article, written within
    its first hour. Part of them are replies, down to xtd's maximum thread level
    (``COMMENTS_XTD_MAX_THREAD_LEVEL``), with the thread fields and reply counts
    xtd's own ``save()`` would have stored; the comment counts of the lists are
    counted from these rows (``comments.models.approved_count_subquery``), so
    there is nothing else to keep in step. No IP addresses: the comments app
    blanks its truncated ones after ``COMMENTS_IP_RETENTION_DAYS``."""
    content_type = ContentType.objects.get_for_model(Article)
    max_level = max_thread_level_for_content_type(content_type)
    inserter = CommentInserter(content_type)
    texts, people = comment_pools(rng)
    published = list(
        Article.objects.published()
        .filter(pk__in=article_ids)
        .exclude(pk=featured.pk)
        .order_by("pk")
        .values_list("pk", "publish_at")
    )
    counts = [0] * len(published)
    if published:
        # A long tail, capped: the most discussed article gets about a thousand.
        weights = [min(rng.paretovariate(1.2), 500) for _ in published]
        for index in rng.choices(range(len(published)), weights, k=size.comments):
            counts[index] += 1
    replies = 0
    for (pk, publish_at), count in zip(published, counts, strict=True):
        if not count:
            continue
        # Most comments in the first days, a few much later; never after "now".
        span = (now - publish_at).total_seconds()
        offsets = []
        for _ in range(count):
            offset = rng.expovariate(1 / 172_800)  # mean: two days
            offsets.append(offset if offset < span else rng.uniform(0, span))
        offsets.sort()
        parents, levels = thread_plan(rng, count, max_level)
        replies += sum(level > 0 for level in levels)
        dates = [publish_at + timedelta(seconds=offset) for offset in offsets]
        inserter.add_article(pk, dates, parents, people, texts, rng)
    # The featured article: its first hour (published an hour before "now").
    offsets = sorted(rng.uniform(60, 3_540) for _ in range(FEATURED_COMMENTS))
    parents, levels = thread_plan(rng, FEATURED_COMMENTS, max_level, chain=True)
    dates = [featured.publish_at + timedelta(seconds=offset) for offset in offsets]
    inserter.add_article(featured.pk, dates, parents, people, texts, rng)
    replies += sum(level > 0 for level in levels)
    written = inserter.finish()
    commented = sum(1 for count in counts if count) + 1
    return (
        f"{written:,} comments ({replies:,} replies) on {commented:,} articles, "
        f"{FEATURED_COMMENTS} threaded on the featured article"
    )
