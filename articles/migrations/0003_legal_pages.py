"""Privacy statement and legal notice as flat pages, editable by editors.

django.contrib.flatpages is Django's own small page model: editors change the text
in the admin (Admin → Flat pages); the URLs are fixed in config/urls.py.
"""

from django.apps import apps as global_apps
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations

PRIVACY = """<p>Der Schutz Ihrer Daten ist uns wichtig. Diese Erklärung beschreibt, welche
Daten beim Besuch dieses Magazins verarbeitet werden. <strong>Bitte ergänzen Sie die
Angaben in eckigen Klammern.</strong></p>
<h2>Verantwortlicher</h2>
<p>[Name des Verlags, Anschrift, E-Mail-Adresse, ggf. Datenschutzbeauftragte/r]</p>
<h2>Lesen ohne Tracking</h2>
<p>Wer nur liest, erhält von uns keine Cookies zur Wiedererkennung, und wir binden keine
Dienste Dritter ein (keine Schriften, Skripte oder Bilder von fremden Servern, keine
Analyse- oder Werbedienste). Teilen-Links zu sozialen Netzwerken sind einfache Links:
Daten gehen erst an ein Netzwerk, wenn Sie den Link anklicken.</p>
<h2>Server-Protokolle</h2>
<p>Beim Aufruf einer Seite verarbeitet der Server technisch notwendige Daten (IP-Adresse,
Zeitpunkt, aufgerufene Adresse, Browserkennung), um die Seite auszuliefern und Angriffe
abzuwehren (Art. 6 Abs. 1 lit. f DSGVO). [Speicherdauer der Protokolle eintragen.]</p>
<h2>Zählung der Artikelaufrufe und Bewertungen</h2>
<p>Um Aufrufe und Bewertungen ehrlich zu zählen, bilden wir aus IP-Adresse und
Browserkennung einen Schlüssel mit einem geheimen Wert, der täglich wechselt. Die
IP-Adresse selbst wird dabei nicht gespeichert, und Schlüssel verschiedener Tage lassen
sich nicht miteinander verbinden. Wer einen Artikel bewertet, erhält ein technisch
notwendiges Cookie, damit die eigene Stimme geändert statt doppelt gezählt wird.</p>
<h2>Kommentare</h2>
<p>Wenn Sie kommentieren, speichern wir Name, E-Mail-Adresse (nie öffentlich), optional
Ihre Website, den Text, den Zeitpunkt und eine gekürzte IP-Adresse, um Missbrauch
abwehren zu können (Art. 6 Abs. 1 lit. a und f DSGVO). Ihre E-Mail-Adresse bestätigen Sie
über einen Link; Benachrichtigungen über Antworten erhalten Sie nur, wenn Sie das wünschen,
und können sie mit einem Klick abbestellen.</p>
<h2>Ihre Rechte</h2>
<p>Sie haben das Recht auf Auskunft, Berichtigung, Löschung, Einschränkung der
Verarbeitung, Datenübertragbarkeit und Widerspruch sowie das Recht, sich bei einer
Aufsichtsbehörde zu beschweren. Schreiben Sie uns an [E-Mail-Adresse].</p>"""

IMPRINT = """<p><strong>Bitte ergänzen Sie die Angaben in eckigen Klammern</strong>
(Angaben gemäß § 5 DDG und § 18 Abs. 2 MStV).</p>
<h2>Anbieter</h2>
<p>[Name des Verlags, Rechtsform]<br>[Straße Hausnummer]<br>[PLZ Ort]</p>
<h2>Kontakt</h2>
<p>Telefon: [Telefonnummer]<br>E-Mail: [E-Mail-Adresse]</p>
<h2>Vertreten durch</h2>
<p>[Geschäftsführung]</p>
<h2>Registereintrag und Umsatzsteuer</h2>
<p>[Registergericht, Registernummer]<br>USt-IdNr.: [Nummer]</p>
<h2>Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV</h2>
<p>[Name, Anschrift]</p>"""

PAGES = [
    ("/datenschutz/", "Datenschutzerklärung", PRIVACY),
    ("/impressum/", "Impressum", IMPRINT),
]


def create_pages(apps, schema_editor):
    FlatPage = apps.get_model("flatpages", "FlatPage")
    Site = apps.get_model("sites", "Site")
    site, _created = Site.objects.get_or_create(
        pk=settings.SITE_ID, defaults={"domain": "localhost", "name": "Redaktion"}
    )
    for url, title, content in PAGES:
        page, created = FlatPage.objects.get_or_create(
            url=url, defaults={"title": title, "content": content}
        )
        page.sites.add(site)

    create_permissions(global_apps.get_app_config("flatpages"), apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors = Group.objects.get(name="Editor")
    editors.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="flatpages",
            codename__in=["view_flatpage", "change_flatpage"],
        )
    )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0002_create_groups"),
        ("flatpages", "0001_initial"),
        ("sites", "0002_alter_domain_unique"),
    ]

    operations = [migrations.RunPython(create_pages, migrations.RunPython.noop)]
