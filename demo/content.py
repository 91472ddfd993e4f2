"""Demo-Inhalte für das Fachmagazin „Redaktion“.

Reine Python-Daten ohne Django-Abhängigkeiten; werden vom Management-Command
``seed_demo`` eingelesen. Alle Personen, Unternehmen, Institute, Zahlen und
Zitate sind frei erfunden. Links verweisen ausschließlich auf example.org bzw.
example.com.
"""

from __future__ import annotations

CATEGORIES = [
    {
        "name": "Vertrieb",
        "slug": "vertrieb",
        "description": "Strategien, Werkzeuge und Praxisbeispiele für den B2B-Vertrieb – vom Außendienst bis zum Kundenportal.",
        "position": 1,
    },
    {
        "name": "Technik",
        "slug": "technik",
        "description": "Software, künstliche Intelligenz und IT-Sicherheit: was neue Technologien im Unternehmensalltag wirklich leisten.",
        "position": 2,
    },
    {
        "name": "Arbeitswelt",
        "slug": "arbeitswelt",
        "description": "Fachkräfte, Führung und neue Arbeitsmodelle. Wir zeigen, wie sich Arbeit in mittelständischen Unternehmen verändert.",
        "position": 3,
    },
    {
        "name": "Märkte",
        "slug": "maerkte",
        "description": "Konjunktur, Branchen und Lieferketten im Blick. Analysen und Zahlen für Entscheider im Mittelstand.",
        "position": 4,
    },
    {
        "name": "Ratgeber",
        "slug": "ratgeber",
        "description": "Checklisten, Marktübersichten und Schritt-für-Schritt-Anleitungen für die tägliche Praxis.",
        "position": 5,
    },
]

AUTHORS = [
    {
        "honorific": "Dr.",
        "first_name": "Katharina",
        "last_name": "Brückner",
        "slug": "katharina-brueckner",
        "pronoun": "f",
        "short_bio": "Katharina Brückner leitet das Ressort Vertrieb. Die promovierte Betriebswirtin schreibt seit über zehn Jahren über Vertriebsstrategien, Preisgestaltung und CRM im Mittelstand.",
        "bio": (
            "Katharina Brückner leitet bei „Redaktion“ das Ressort Vertrieb. Nach dem Studium der "
            "Betriebswirtschaftslehre promovierte sie über Preisbildung in industriellen Zuliefermärkten "
            "und arbeitete anschließend vier Jahre im Vertriebscontrolling eines Herstellers von "
            "Fördertechnik. Diese Erfahrung aus der Praxis prägt ihre Texte bis heute: Sie fragt immer "
            "zuerst, was eine neue Methode am Ende des Quartals tatsächlich bringt.\n\n"
            "Seit 2014 arbeitet sie als Journalistin, zunächst als freie Autorin, seit sieben Jahren "
            "fest in der Redaktion. Ihre Schwerpunkte sind Vertriebsorganisation, CRM-Systeme und "
            "Preisstrategien. Für ihre Serie über Preisverhandlungen im Maschinenbau wurde sie mit "
            "dem Preis des Forums Industriejournalismus ausgezeichnet. Sie lebt mit ihrer Familie in "
            "einer mittelgroßen Stadt am Rand des Ruhrgebiets."
        ),
        "website": "https://brueckner.example.org",
        "topics": "Vertrieb, CRM, Preisgestaltung",
        "email": "katharina.brueckner@example.org",
        "username": "journalist",
        "color": "#3a6ea5",
    },
    {
        "honorific": "",
        "first_name": "Jonas",
        "last_name": "Weißenfels",
        "slug": "jonas-weissenfels",
        "pronoun": "m",
        "short_bio": "Jonas Weißenfels ist Chef vom Dienst und verantwortet das Technikressort. Er schreibt über künstliche Intelligenz, IT-Sicherheit und die Digitalisierung von Geschäftsprozessen.",
        "bio": (
            "Jonas Weißenfels ist Chef vom Dienst bei „Redaktion“ und verantwortet das Technikressort. "
            "Der gelernte Fachinformatiker studierte später Technikjournalismus und arbeitete mehrere "
            "Jahre für ein Fachportal zu Unternehmenssoftware. Er testet Programme am liebsten selbst, "
            "bevor er darüber schreibt, und hat eine ausgeprägte Abneigung gegen Marketingversprechen "
            "ohne Belege.\n\n"
            "Seine Themen sind künstliche Intelligenz im Unternehmenseinsatz, IT-Sicherheit und "
            "die Frage, wie mittelständische Firmen Software auswählen und einführen. In seiner "
            "monatlichen Kolumne „Nachgefragt“ nimmt er Produktankündigungen auseinander. In der "
            "Freizeit repariert er alte Radios und fährt Langstrecke mit dem Rennrad."
        ),
        "website": "https://example.org/autoren/weissenfels",
        "topics": "Künstliche Intelligenz, IT-Sicherheit, Digitalisierung",
        "email": "jonas.weissenfels@example.org",
        "username": "editor",
        "color": "#a5563a",
    },
    {
        "honorific": "Prof. Dr.",
        "first_name": "Henrike",
        "last_name": "Oßwald",
        "slug": "henrike-osswald",
        "pronoun": "f",
        "short_bio": "Henrike Oßwald lehrt Personalmanagement an der Hochschule Rheinau und schreibt als Kolumnistin über Führung, Fachkräftesicherung und neue Arbeitsmodelle.",
        "bio": (
            "Henrike Oßwald ist Professorin für Personalmanagement und Organisation an der "
            "Hochschule Rheinau. Bevor sie in die Wissenschaft wechselte, leitete sie zwölf Jahre "
            "lang die Personalabteilung eines Familienunternehmens der Elektroindustrie mit rund "
            "1.800 Beschäftigten. Sie forscht zu Führung in verteilten Teams, zur Bindung von "
            "Fachkräften und zu Arbeitszeitmodellen im Mittelstand.\n\n"
            "Für „Redaktion“ schreibt sie seit fünf Jahren die Kolumne „Arbeitswelten“ und "
            "berichtet über Studien, Tarifentwicklungen und Praxisbeispiele. Ihr Anspruch: "
            "Wissenschaftliche Erkenntnisse so aufzubereiten, dass Personalverantwortliche am "
            "nächsten Morgen damit arbeiten können. Sie ist Mutter zweier erwachsener Kinder und "
            "singt in einem Kammerchor."
        ),
        "website": "https://osswald.example.com",
        "topics": "Führung, Fachkräfte, Arbeitsmodelle",
        "email": "henrike.osswald@example.org",
        "username": None,
        "color": "#4f8a5b",
    },
    {
        "honorific": "",
        "first_name": "Mika",
        "last_name": "Sönmez",
        "slug": "mika-soenmez",
        "pronoun": "n",
        "short_bio": "Mika Sönmez berichtet über Märkte, Lieferketten und Nachhaltigkeit. Ein Schwerpunkt sind Analysen zur Lage des industriellen Mittelstands.",
        "bio": (
            "Mika Sönmez berichtet für „Redaktion“ über Konjunktur, Branchenentwicklungen und "
            "Lieferketten. Nach einem Studium der Volkswirtschaftslehre und einem Volontariat bei "
            "einer Regionalzeitung folgten mehrere Jahre im Wirtschaftsressort einer "
            "Nachrichtenagentur, mit Stationen in Hamburg und Brüssel.\n\n"
            "Mika Sönmez interessiert sich besonders dafür, wie große Trends – von neuen "
            "Berichtspflichten bis zu verschobenen Handelsströmen – in den Werkshallen kleiner und "
            "mittlerer Unternehmen ankommen. Für Recherchen ist Mika Sönmez oft bei Zulieferern, "
            "Logistikdienstleistern und auf Fachmessen unterwegs und wertet gern Statistiken aus, "
            "die andere für zu trocken halten."
        ),
        "website": "https://example.com/autoren/soenmez",
        "topics": "Märkte, Lieferketten, Nachhaltigkeit, Mittelstand",
        "email": "mika.soenmez@example.org",
        "username": "journalist2",
        "color": "#8a4f7d",
    },
]

ARTICLES = [
    # ------------------------------------------------------------------
    # Langer Leitartikel (ca. 1.500 Wörter)
    # ------------------------------------------------------------------
    {
        "title": "Vertrieb 3.0",
        "slug": "vertrieb-3-0",
        "lead": "Der Außendienst alter Schule hat ausgedient, der reine Onlinevertrieb ebenso. Erfolgreiche Mittelständler verbinden Daten, persönliche Beratung und digitale Kanäle zu einem neuen Modell. Eine Bestandsaufnahme.",
        "body": """<p>Als Bernd Albrechtsen vor 23 Jahren bei der Hallberg Antriebstechnik GmbH anfing, bestand sein Werkzeugkasten aus einem Dienstwagen, einem Katalog mit 600 Seiten und einem Notizbuch voller Telefonnummern. Heute leitet er den Vertrieb des Getriebeherstellers mit 480 Beschäftigten, und sein wichtigstes Werkzeug ist ein Bildschirm, auf dem sich jeden Morgen eine priorisierte Liste aufbaut: Welcher Kunde hat in den vergangenen zwei Wochen auffällig oft die Ersatzteilseite besucht? Bei wem läuft in drei Monaten ein Rahmenvertrag aus? Wer hat eine Wartungsanfrage gestellt, aber noch kein Angebot erhalten?</p>
<p>„Früher sind wir dorthin gefahren, wo wir die Leute kannten“, sagt Albrechtsen. „Heute fahren wir dorthin, wo die Daten sagen, dass jemand gerade eine Entscheidung trifft.“</p>
<p>Was Albrechtsen beschreibt, nennen Berater gern <strong>„Vertrieb 3.0“</strong>. Der Begriff ist unscharf, und nicht jeder in der Branche mag ihn. Doch er beschreibt eine Entwicklung, die sich in vielen mittelständischen Unternehmen beobachten lässt: Nach der Ära des klassischen Außendienstes – Vertrieb 1.0 – und der Welle der Onlineshops und E-Mail-Kampagnen – Vertrieb 2.0 – verschmelzen digitale und persönliche Kanäle zu einem System, das von Daten gesteuert, aber von Menschen getragen wird.</p>
<h2>Der Kunde ist schon weit, bevor er anruft</h2>
<p>Der wichtigste Treiber dieser Entwicklung sitzt auf der anderen Seite des Tisches. Einkäufer in Industrieunternehmen informieren sich heute weitgehend selbstständig. Eine Befragung des Instituts für Vertriebsökonomie Mittelweser (IVM) unter 1.140 Einkaufsverantwortlichen ergab, dass diese im Schnitt 62 Prozent ihres Entscheidungsprozesses abgeschlossen haben, bevor sie zum ersten Mal mit einem Vertriebsmitarbeiter sprechen. Vor fünf Jahren lag der Wert in einer vergleichbaren Erhebung noch bei 44 Prozent.</p>
<p>„Der Verkäufer ist nicht mehr die erste Informationsquelle, sondern oft die letzte“, sagt Dr. Annika Lorenzen, die die Studie am IVM geleitet hat. „Wer erst ins Spiel kommt, wenn die Liste schon auf drei Anbieter geschrumpft ist, hat ein Problem – es sei denn, er war vorher schon digital präsent.“ Entscheidend sei deshalb, dass Unternehmen die Signale erkennen, die potenzielle Kunden auf ihrer Suche hinterlassen: Downloads von Datenblättern, Anfragen im Produktkonfigurator, Besuche auf Preisseiten, Rückfragen im Chat.</p>
<h2>Drei Bausteine des neuen Modells</h2>
<p>Aus Gesprächen mit Vertriebsleitern, Beratern und Wissenschaftlern lassen sich drei Bausteine herausarbeiten, die den Vertrieb 3.0 von früheren Ansätzen unterscheiden:</p>
<ol>
<li><strong>Ein gemeinsames Datenfundament.</strong> Marketing, Innendienst, Außendienst und Service arbeiten mit denselben Kundendaten – idealerweise in einem CRM-System, das mit Warenwirtschaft, Webshop und Serviceportal verbunden ist.</li>
<li><strong>Signalbasierte Priorisierung.</strong> Statt Gebiete in festem Turnus abzufahren, entscheiden Kaufsignale und Kundenwert darüber, wer wann kontaktiert wird.</li>
<li><strong>Kanalwahl nach Kundenwunsch.</strong> Ob Videocall, Besuch vor Ort, Chat oder Self-Service-Portal: Der Kunde bestimmt den Kanal, der Vertrieb sorgt dafür, dass die Übergänge reibungslos funktionieren.</li>
</ol>
<p>Keiner dieser Bausteine ist für sich genommen neu. Neu ist, dass sie zusammenwirken müssen. „Viele Unternehmen haben ein CRM eingeführt, aber niemand pflegt es“, sagt Lorenzen. „Andere haben wunderbare Webanalysen, aber die Erkenntnisse landen nie beim Außendienst. Vertrieb 3.0 scheitert selten an der Technik, sondern fast immer an den Schnittstellen zwischen Abteilungen.“</p>
<h2>Beispiel Hallberg: weniger Kilometer, mehr Abschlüsse</h2>
<p>Bei Hallberg begann der Umbau vor drei Jahren mit einer ernüchternden Analyse. Die zwölf Außendienstmitarbeiter fuhren zusammen rund 540.000 Kilometer im Jahr, verbrachten aber nach eigener Schätzung nur ein Viertel ihrer Arbeitszeit tatsächlich im Gespräch mit Kunden. Gleichzeitig wanderten kleinere Bestandskunden still zu Wettbewerbern ab, weil sich niemand um sie kümmerte.</p>
<p>Das Unternehmen teilte seine Kunden daraufhin in drei Gruppen ein. Die rund 150 umsatzstärksten Kunden betreut weiterhin ein fester Ansprechpartner, der regelmäßig vor Ort ist. Für etwa 900 mittlere Kunden ist ein Team im Innendienst zuständig, das überwiegend per Telefon und Video berät und nur bei konkreten Projekten den Außendienst hinzuzieht. Die übrigen gut 3.000 Kleinkunden bestellen über ein Kundenportal, in dem sie Ersatzteile finden, Lieferzeiten einsehen und Angebote für Standardprodukte selbst erzeugen können.</p>
<p>Die Zahlen nach drei Jahren geben Albrechtsen recht: Die gefahrenen Kilometer sanken um 38 Prozent, der Umsatz stieg im selben Zeitraum um 14 Prozent. Besonders deutlich fiel der Zuwachs bei den mittleren Kunden aus, die vorher zwischen allen Stühlen saßen. „Die haben uns gesagt: Endlich ruft mal jemand zurück“, erzählt Albrechtsen.</p>
<blockquote><p>„Der beste Außendienstler ist nicht der, der am meisten fährt, sondern der, der im richtigen Moment beim richtigen Kunden sitzt.“</p><p>– Bernd Albrechtsen, Vertriebsleiter der Hallberg Antriebstechnik GmbH</p></blockquote>
<h2>Der Innendienst rückt ins Zentrum</h2>
<p>Die vielleicht größte Veränderung betrifft eine Abteilung, die lange im Schatten stand. Der Innendienst galt in vielen Unternehmen als reine Abwicklungsstelle: Aufträge erfassen, Lieferzeiten nennen, Reklamationen weiterleiten. Im Modell des Vertriebs 3.0 wird er zum Kraftzentrum. Hier laufen die digitalen Signale zusammen, hier wird entschieden, ob eine Anfrage per Video beantwortet, an den Außendienst übergeben oder ins Portal gelenkt wird.</p>
<p>Bei Hallberg wurde der Innendienst deshalb nicht nur personell aufgestockt, sondern auch anders besetzt. Drei der sieben neuen Stellen gingen an Anwendungstechniker aus der Produktion, die Kunden bei der Auslegung von Getrieben fachlich beraten können. „Die Kunden merken sofort, ob am Telefon jemand sitzt, der den Katalog vorliest, oder jemand, der ihre Maschine versteht“, sagt Albrechtsen. Inzwischen erzielt der Innendienst knapp ein Drittel des Neugeschäfts – vor dem Umbau waren es weniger als zehn Prozent.</p>
<h2>Die Rolle der künstlichen Intelligenz</h2>
<p>Kaum ein Gespräch über die Zukunft des Vertriebs kommt derzeit ohne das Stichwort künstliche Intelligenz aus. Tatsächlich bieten fast alle großen CRM-Anbieter inzwischen Funktionen, die Gesprächsnotizen zusammenfassen, Angebotsentwürfe erstellen oder die Abschlusswahrscheinlichkeit einer Verkaufschance schätzen. Im Mittelstand ist die Nutzung allerdings noch überschaubar. Laut IVM-Studie setzen 27 Prozent der befragten Unternehmen KI-Werkzeuge im Vertrieb regelmäßig ein, weitere 41 Prozent testen sie in Pilotprojekten.</p>
<p>Die Erfahrungen sind gemischt. Bei der Korvath Dichtsysteme GmbH, einem Hersteller technischer Dichtungen mit 210 Beschäftigten, erstellt ein Sprachmodell seit einem Jahr die ersten Entwürfe für Angebotsschreiben. „Das spart unserem Innendienst pro Angebot etwa 20 Minuten“, sagt Geschäftsführerin Selma Korvath. „Aber jedes Angebot wird von einem Menschen geprüft. Wir hatten am Anfang Entwürfe, in denen Lieferzeiten standen, die wir nie zusagen würden.“</p>
<p>Deutlich zurückhaltender ist man bei der automatischen Bewertung von Verkaufschancen. Die Prognosen seien nur so gut wie die Daten, auf denen sie beruhen, warnt Lorenzen. „Wenn Ihre Vertriebsmitarbeiter Verkaufschancen erst dann ins System eintragen, wenn der Auftrag praktisch sicher ist, lernt das Modell vor allem eines: dass alles klappt.“</p>
<p>Hinzu kommen Fragen des Datenschutzes. Wer Gesprächsnotizen, E-Mails oder Telefonmitschnitte von einem Sprachmodell auswerten lässt, muss klären, wo diese Daten verarbeitet werden und ob Kunden darüber informiert sind. Korvath hat sich deshalb für eine Lösung entschieden, die auf Servern in der EU läuft und keine Kundendaten zum Training verwendet. „Das war teurer“, sagt sie, „aber unsere Kunden fragen inzwischen genau danach.“</p>
<h2>Was sich für die Mitarbeiter ändert</h2>
<p>Der Umbau verändert auch die Anforderungen an die Menschen im Vertrieb. Gefragt sind weniger Einzelkämpfer mit großem Adressbuch als Teamspieler, die mit Daten umgehen können und technische Beratung auf Augenhöhe leisten. Das spiegelt sich in Stellenanzeigen wider: Nach einer Auswertung der Personalberatung Lindqvist &amp; Partner enthielten im vergangenen Jahr 58 Prozent aller Ausschreibungen für Vertriebspositionen im Maschinenbau Anforderungen an CRM- oder Analysekenntnisse – dreimal so viele wie sechs Jahre zuvor.</p>
<p>Nicht alle langjährigen Mitarbeiter machen diesen Wandel gern mit. Bei Hallberg verließen zwei erfahrene Außendienstler das Unternehmen, weil sie sich nicht vorschreiben lassen wollten, welche Kunden sie wann besuchen. „Das war schmerzhaft“, räumt Albrechtsen ein. „Beide waren hervorragende Verkäufer. Aber wir konnten kein System aufbauen, in dem Einzelne nach eigenen Regeln spielen.“</p>
<p>Auch die Vergütung muss zum neuen Modell passen. Wer Provisionen ausschließlich nach dem eigenen Gebietsumsatz bezahlt, darf sich nicht wundern, wenn Außendienstler Kunden nicht an den Innendienst oder das Portal abgeben wollen. Viele Unternehmen ergänzen deshalb individuelle Ziele um Teamkomponenten oder honorieren Kennzahlen wie Kundenzufriedenheit und Datenqualität. Hallberg zahlt inzwischen 30 Prozent der variablen Vergütung auf Basis des gemeinsamen Regionalergebnisses aus.</p>
<h2>Fünf Fragen für den Einstieg</h2>
<p>Wer seinen Vertrieb in diese Richtung weiterentwickeln möchte, sollte nach Einschätzung von Fachleuten nicht mit der Auswahl einer Software beginnen, sondern mit einer ehrlichen Bestandsaufnahme. Folgende Fragen helfen dabei:</p>
<ul>
<li>Wo entstehen heute Kontakte mit Kunden – und wo werden sie dokumentiert?</li>
<li>Welche Kunden sind, gemessen an ihrem Potenzial, über- oder unterbetreut?</li>
<li>Welche Informationen über Kaufabsichten liegen bereits vor, werden aber nicht genutzt?</li>
<li>Welche Anfragen könnten Kunden selbst erledigen, wenn sie die passenden Werkzeuge hätten?</li>
<li>Wie müssten Ziele und Vergütung aussehen, damit die Zusammenarbeit zwischen den Kanälen belohnt wird?</li>
</ul>
<p>Eine ausführliche Checkliste mit Bewertungsbogen hat das IVM <a href="https://example.org/ivm/checkliste-vertrieb">online veröffentlicht</a>. Lorenzen empfiehlt, mit einem überschaubaren Pilotprojekt zu beginnen, etwa mit einer Kundengruppe oder einer Region. „Sie müssen nicht den ganzen Vertrieb auf einmal umbauen. Aber Sie sollten früh beweisen, dass der neue Weg funktioniert – sonst verlieren Sie die Mannschaft.“</p>
<h2>Kein Abschied vom persönlichen Gespräch</h2>
<p>Bei aller Begeisterung für Daten und Portale warnen Praktiker davor, den persönlichen Kontakt abzuschreiben. Gerade bei komplexen, erklärungsbedürftigen Produkten und hohen Investitionssummen wollen Kunden weiterhin einem Menschen gegenübersitzen. In der IVM-Befragung gaben 71 Prozent der Einkäufer an, dass sie bei Investitionen über 100.000 Euro ein persönliches Gespräch vor Ort erwarten.</p>
<p>Für Albrechtsen ist das kein Widerspruch, sondern der Kern des Konzepts. „Die Digitalisierung nimmt uns die Routine ab“, sagt er. „Dadurch haben wir mehr Zeit für die Gespräche, in denen wir wirklich gebraucht werden.“ Vertrieb 3.0 bedeute eben nicht, Menschen durch Maschinen zu ersetzen. „Es bedeutet, dass wir unsere Leute endlich dort einsetzen, wo sie den größten Unterschied machen.“</p>""",
        "category": "vertrieb",
        "tags": ["Digitalisierung", "CRM", "Künstliche Intelligenz", "Mittelstand"],
        "authors": ["katharina-brueckner", "jonas-weissenfels"],
        "days_ago": 9,
        "status": "published",
        "meta_description": "Daten, Innendienst und persönliche Beratung: Wie Mittelständler ihren Vertrieb neu aufstellen – mit Zahlen und Praxisbeispielen.",
        "image": {
            "motif": "bars",
            "colors": ["#1f4e79", "#3a6ea5", "#f2b134"],
            "alt": "Abstrakte Grafik mit blauen und gelben Balken unterschiedlicher Höhe",
            "caption": "Vom Gebietsverkauf zum datengestützten Vertrieb: Viele Mittelständler bauen ihre Vertriebsorganisation um.",
            "credit": "Lene Haverkamp",
            "source": "Redaktion",
        },
    },
    # ------------------------------------------------------------------
    {
        "title": "Übersicht für Käufer: CRM-Systeme für den Mittelstand",
        "slug": "uebersicht-fuer-kaeufer-crm-systeme-fuer-den-mittelstand",
        "lead": "Rund 200 CRM-Anbieter buhlen um mittelständische Kunden. Wir haben fünf typische Lösungen verglichen und zeigen, worauf es bei der Auswahl wirklich ankommt – von den Lizenzkosten bis zur Schnittstelle zur Warenwirtschaft.",
        "body": """<p>Wer heute ein CRM-System sucht, hat die Qual der Wahl. Nach Zählung des Marktbeobachters Softwarekompass Nord bieten allein im deutschsprachigen Raum mehr als 200 Hersteller Software für das Kundenbeziehungsmanagement an. Für mittelständische Unternehmen mit 50 bis 500 Beschäftigten sind davon realistisch zwei bis drei Dutzend interessant. Wir haben fünf Lösungen ausgewählt, die typische Ansätze im Markt repräsentieren.</p>
<h2>Die Kandidaten im Überblick</h2>
<ul>
<li><strong>Velmora CRM</strong> – Cloud-Lösung mit starkem Fokus auf Vertriebsprozesse, ab 39 Euro pro Nutzer und Monat. Stark bei Pipeline-Auswertungen, schwächer bei Serviceprozessen.</li>
<li><strong>Kundenwerk Pro</strong> – klassische Branchenlösung für Industrie und Großhandel, wahlweise im eigenen Rechenzentrum oder in der Cloud. Einmalige Lizenz ab 950 Euro pro Nutzer plus Wartung.</li>
<li><strong>Salesbrücke</strong> – schlankes System eines jungen Anbieters, ab 19 Euro pro Nutzer. Schnell eingerichtet, aber mit begrenzten Anpassungsmöglichkeiten.</li>
<li><strong>Orbita One</strong> – umfassende Plattform mit Marketing-, Vertriebs- und Servicemodulen, ab 85 Euro pro Nutzer. Sehr flexibel, aber aufwendig in der Einführung.</li>
<li><strong>OpenKontakt</strong> – quelloffenes CRM, lizenzkostenfrei; Kosten entstehen für Betrieb, Anpassung und Support, typischerweise über einen Dienstleister.</li>
</ul>
<h2>Lizenzkosten sind nur ein Teil der Rechnung</h2>
<p>Der Blick auf die Preisliste führt häufig in die Irre. „Die Lizenzkosten machen über fünf Jahre gerechnet oft nur 30 bis 40 Prozent der Gesamtkosten aus“, sagt Marlene Oppermann, die als unabhängige Beraterin seit 15 Jahren CRM-Auswahlprojekte begleitet. Der größere Posten seien Einführung, Datenübernahme, Schnittstellen und Schulungen. Ein Beispiel: Ein Großhändler mit 60 Nutzern zahlt für Salesbrücke rund 13.700 Euro im Jahr an Lizenzen. Weil aber die Anbindung an das vorhandene Warenwirtschaftssystem individuell programmiert werden musste, kostete das erste Jahr insgesamt knapp 58.000 Euro.</p>
<h2>Fünf Kriterien, die den Unterschied machen</h2>
<ol>
<li><strong>Schnittstellen:</strong> Lässt sich das System an Warenwirtschaft, E-Mail, Telefonanlage und Webshop anbinden – und zwar mit fertigen Konnektoren statt Eigenentwicklung?</li>
<li><strong>Datenhaltung:</strong> Wo stehen die Server, und welche Zusagen macht der Anbieter zum Datenschutz?</li>
<li><strong>Mobile Nutzung:</strong> Funktioniert die App auch im Funkloch, etwa mit einem Offlinemodus für Besuchsberichte?</li>
<li><strong>Anpassbarkeit:</strong> Können eigene Felder, Workflows und Auswertungen ohne Programmierkenntnisse eingerichtet werden?</li>
<li><strong>Anbieterstabilität:</strong> Wie lange ist der Hersteller am Markt, und wie groß ist das Partnernetz für Support vor Ort?</li>
</ol>
<h2>Das Ergebnis: Es gibt keinen Testsieger</h2>
<p>Eine eindeutige Empfehlung lässt sich aus unserem Vergleich nicht ableiten, und das ist keine Ausrede. Für einen Vertrieb mit wenigen Produkten und vielen Neukunden spielt Velmora seine Stärken aus. Ein Industriezulieferer mit komplexen Rahmenverträgen ist mit Kundenwerk Pro besser bedient. Orbita One lohnt sich vor allem dann, wenn Marketing, Vertrieb und Service tatsächlich gemeinsam auf einer Plattform arbeiten sollen – und das Unternehmen bereit ist, dafür ein Einführungsprojekt von sechs bis zwölf Monaten zu stemmen.</p>
<p>Oppermann rät, vor jeder Entscheidung drei bis vier typische Abläufe aus dem eigenen Alltag durchzuspielen: „Lassen Sie sich nicht die schönste Präsentation zeigen, sondern bitten Sie den Anbieter, Ihren Angebotsprozess live im System abzubilden.“ Wer das konsequent tue, scheide in der Regel schon nach den ersten Terminen zwei Kandidaten aus.</p>
<p>Unsere vollständige Vergleichstabelle mit 34 Einzelkriterien finden Sie <a href="https://example.org/redaktion/crm-vergleich-tabelle">als Download auf unserer Serviceseite</a>.</p>""",
        "category": "ratgeber",
        "tags": ["CRM", "Mittelstand", "Digitalisierung"],
        "authors": ["katharina-brueckner"],
        "days_ago": 21,
        "status": "published",
        "meta_description": "Fünf CRM-Systeme für den Mittelstand im Vergleich: Kosten, Schnittstellen, Datenschutz und Tipps für die Auswahl.",
        "image": {
            "motif": "grid",
            "colors": ["#2e5e4e", "#9cc5a1"],
            "alt": "Abstrakte Grafik mit einem Raster aus grünen Quadraten",
            "caption": "Die Auswahl eines CRM-Systems beginnt mit den eigenen Prozessen, nicht mit der Preisliste.",
            "credit": "Tarek Wendisch",
            "source": "Bildagentur Nordlicht",
        },
    },
    # ------------------------------------------------------------------
    {
        "title": "Preiserhöhungen durchsetzen, ohne Stammkunden zu verlieren",
        "slug": "preiserhoehungen-durchsetzen-ohne-stammkunden-zu-verlieren",
        "lead": "Steigende Material- und Lohnkosten zwingen viele Zulieferer zu höheren Preisen. Wie man das Gespräch mit langjährigen Kunden vorbereitet und warum eine gute Begründung wichtiger ist als ein guter Rabatt.",
        "body": """<p>Für Corinna Brinkhaus war es das unangenehmste Telefonat des Jahres. Die Geschäftsführerin der Brinkhaus Präzisionsteile GmbH musste ihrem größten Kunden, einem Hersteller von Landmaschinen, eine Preiserhöhung von 6,5 Prozent ankündigen. „Wir beliefern die Firma seit 31 Jahren“, sagt sie. „Da ruft man nicht einfach an und sagt: Ab nächstem Monat wird es teurer.“</p>
<p>Am Ende akzeptierte der Kunde die Erhöhung – nach zwei Gesprächsrunden und mit einer gestaffelten Einführung über sechs Monate. Dass es so glatt lief, war kein Zufall, sondern das Ergebnis einer Vorbereitung, die bei Brinkhaus fast drei Monate dauerte.</p>
<h2>Transparenz statt Pauschalbegründung</h2>
<p>„Der häufigste Fehler ist die pauschale Begründung“, sagt Tobias Rehm, Partner bei der Beratungsgesellschaft Preiswerk Consulting. „Wer nur auf ‚allgemein gestiegene Kosten‘ verweist, lädt den Einkäufer geradezu zum Verhandeln ein.“ Überzeugender sei es, die Kostenentwicklung konkret aufzuschlüsseln, etwa nach Material, Energie und Personal, ohne dabei die gesamte Kalkulation offenzulegen.</p>
<p>Brinkhaus zeigte ihrem Kunden, dass der Preis für den verwendeten Edelstahl binnen 18 Monaten um 22 Prozent gestiegen war und der neue Tarifvertrag die Personalkosten um 5,8 Prozent erhöht hatte. „Damit war klar, dass wir nicht einfach unsere Marge aufbessern wollen“, sagt sie.</p>
<h2>Die richtige Reihenfolge</h2>
<p>Rehm empfiehlt ein strukturiertes Vorgehen in vier Schritten:</p>
<ol>
<li><strong>Kunden segmentieren:</strong> Nicht jeder Kunde muss die gleiche Erhöhung tragen. Entscheidend sind Deckungsbeitrag, Wechselbereitschaft und strategische Bedeutung.</li>
<li><strong>Argumente vorbereiten:</strong> Für jedes Segment eine klare, überprüfbare Begründung formulieren – und den Mehrwert der eigenen Leistung gleich mitliefern.</li>
<li><strong>Vertrieb schulen:</strong> Außendienst und Innendienst müssen wissen, welche Spielräume sie haben und wo die Untergrenze liegt.</li>
<li><strong>Zeitpunkt wählen:</strong> Erhöhungen möglichst früh vor den Jahresgesprächen ankündigen, damit der Kunde sie in seine Budgetplanung aufnehmen kann.</li>
</ol>
<h2>Zugeständnisse mit Gegenleistung</h2>
<p>Dass Kunden verhandeln, ist normal. Wichtig ist, dass Zugeständnisse nicht verschenkt werden. Brinkhaus bot ihrem Kunden an, die Erhöhung auf 5,5 Prozent zu begrenzen, wenn er im Gegenzug die Abnahmemenge für zwei Jahre verbindlich zusagt. „So haben wir Planungssicherheit gewonnen, und der Einkäufer konnte intern einen Verhandlungserfolg vorweisen“, sagt sie.</p>
<p>Nach einer Umfrage von Preiswerk Consulting unter 320 mittelständischen Industrieunternehmen setzten diejenigen Firmen, die ihre Vertriebsmitarbeiter gezielt auf Preisgespräche vorbereitet hatten, im Schnitt 78 Prozent der geplanten Erhöhung durch. Ohne Vorbereitung waren es nur 49 Prozent.</p>
<blockquote><p>„Ein Rabatt ohne Gegenleistung ist keine Verhandlung, sondern eine Spende.“</p></blockquote>
<p>Rehm rät außerdem, die Reaktionen der Kunden systematisch zu dokumentieren. Wer nachhält, welche Argumente verfangen haben und wo Kunden tatsächlich zu Wettbewerbern abgewandert sind, ist bei der nächsten Preisrunde deutlich besser vorbereitet. Eine Vorlage für ein solches Protokoll bietet die Beratung <a href="https://example.com/preiswerk/vorlage-preisgespraech">kostenlos zum Herunterladen</a> an.</p>""",
        "category": "vertrieb",
        "tags": ["Preisgestaltung", "Mittelstand", "Führung"],
        "authors": ["katharina-brueckner"],
        "days_ago": 40,
        "status": "published",
        "meta_description": "Preiserhöhungen bei Stammkunden durchsetzen: Wie Zulieferer Kosten begründen, Kunden segmentieren und Zugeständnisse klug einsetzen.",
        "image": {
            "motif": "diagonal",
            "colors": ["#b23a48", "#f6e7cb"],
            "alt": "Abstrakte Grafik mit roten diagonalen Streifen auf hellem Grund",
            "caption": "Wer Preiserhöhungen gut begründet, muss seltener Rabatte gewähren.",
            "credit": "Ole Marquardt",
            "source": "Bildagentur Nordlicht",
        },
    },
    # ------------------------------------------------------------------
    {
        "title": "Messe oder Webinar? Was Fachbesucher heute wirklich erwarten",
        "slug": "messe-oder-webinar-was-fachbesucher-heute-wirklich-erwarten",
        "lead": "Nach Jahren der Unsicherheit sind die Messehallen wieder voll – aber das Publikum hat sich verändert. Eine neue Besucherstudie zeigt, wofür Fachbesucher noch anreisen und wann ihnen ein Onlineformat lieber ist.",
        "body": """<p>Die Gänge sind wieder voll, die Kaffeebars ausgebucht, die Hotelpreise hoch: Wer in den vergangenen Monaten eine der großen Industriemessen besucht hat, könnte meinen, es sei alles wie früher. Doch der Eindruck täuscht. Das Publikum ist ein anderes geworden, und es kommt mit anderen Erwartungen.</p>
<h2>Weniger Besucher, mehr Entscheider</h2>
<p>Eine Befragung des Forschungsinstituts Messe &amp; Markt unter 2.300 Fachbesuchern zeigt: Die Zahl der Besucher pro ausstellendem Unternehmen liegt im Schnitt noch 15 Prozent unter dem Niveau von vor fünf Jahren. Gleichzeitig ist der Anteil der Besucher mit Entscheidungsbefugnis von 41 auf 53 Prozent gestiegen. „Die Unternehmen schicken weniger Leute, aber die richtigen“, sagt Studienleiterin Dr. Vera Kampmann. „Für Aussteller ist das eine gute Nachricht, wenn sie darauf vorbereitet sind.“</p>
<p>Vorbereitet sein heißt vor allem: Termine vorab vereinbaren. 64 Prozent der Befragten gaben an, ihren Messebesuch mit festen Gesprächsterminen zu planen. Spontane Standbesuche werden seltener, Laufkundschaft ist kein verlässlicher Faktor mehr.</p>
<p>Für die Aussteller hat das handfeste Folgen. Wer seine Standbesetzung weiterhin nach dem Prinzip „viel hilft viel“ plant, steht an ruhigen Nachmittagen mit zehn Leuten vor leeren Gängen. Erfolgreicher sind Unternehmen, die ihre Fachleute gezielt zu den vereinbarten Terminen an den Stand holen und den Rest der Zeit mit einem kleinen, gut geschulten Kernteam bestreiten. Ein mittelständischer Hersteller von Messtechnik hat so nach eigenen Angaben die Personalkosten seines Messeauftritts um ein Drittel gesenkt – bei gleicher Zahl qualifizierter Gespräche.</p>
<h2>Wofür sich die Anreise lohnt</h2>
<p>Gefragt, warum sie überhaupt noch zu Messen fahren, nannten die Fachbesucher vor allem drei Gründe:</p>
<ul>
<li>Produkte anfassen und live in Betrieb sehen (78 Prozent),</li>
<li>persönliche Gespräche mit bestehenden Lieferanten (69 Prozent),</li>
<li>einen kompakten Marktüberblick an wenigen Tagen (57 Prozent).</li>
</ul>
<p>Reine Informationsvorträge dagegen haben an Zugkraft verloren. Nur 18 Prozent würden für ein Vortragsprogramm anreisen. „Einen Vortrag über Normänderungen schaue ich mir lieber am Schreibtisch an, als dafür zwei Tage unterwegs zu sein“, sagt Hendrik Vossberg, technischer Einkäufer bei einem Hersteller von Verpackungsmaschinen.</p>
<h2>Webinare: beliebt, aber austauschbar</h2>
<p>Onlineformate haben sich als Ergänzung etabliert, kämpfen aber mit einem Sättigungsproblem. Die Befragten erhalten im Schnitt sieben Einladungen zu Webinaren pro Woche. Teilgenommen wird vor allem dann, wenn das Thema sehr konkret ist und die Veranstaltung nicht länger als 45 Minuten dauert. Produktpräsentationen im Webinarformat bewerten die meisten als „verzichtbar“.</p>
<p>Für die Aussteller ergibt sich daraus ein klares Muster: Die Messe wird zum Ort für Beziehungspflege und Produkterlebnis, das Webinar zum Werkzeug für Wissensvermittlung. Wer beides verbindet, etwa indem er Messetermine mit einem vorbereitenden Onlineformat anbahnt, erzielt nach Kampmanns Daten die höchste Zufriedenheit bei Besuchern.</p>
<p>Kampmann rät Ausstellern außerdem, die Zeit nach der Messe nicht zu unterschätzen. Ein kurzes Onlineformat einige Wochen später, etwa zur Vertiefung eines auf dem Stand gezeigten Produkts, halte das Gespräch am Laufen und liefere Anknüpfungspunkte für den Vertrieb.</p>
<p>Die vollständige Studie ist auf der <a href="https://example.org/messe-und-markt/besucherstudie">Website des Instituts</a> abrufbar.</p>""",
        "category": "maerkte",
        "tags": ["Messe", "Digitalisierung", "Mittelstand"],
        "authors": ["mika-soenmez"],
        "days_ago": 75,
        "status": "published",
        "meta_description": "Neue Besucherstudie: Fachmessen ziehen weniger, aber entscheidungsstärkere Besucher an. Welche Rolle Webinare spielen.",
        "image": {
            "motif": "circles",
            "colors": ["#e07a5f", "#3d405b", "#f2cc8f"],
            "alt": "Abstrakte Grafik mit sich überlagernden Kreisen in Orange und Dunkelblau",
            "caption": "Messen sind wieder gut besucht, doch das Publikum ist gezielter unterwegs als früher.",
            "credit": "Fenja Ruprecht",
            "source": "Redaktion",
        },
    },
    # ------------------------------------------------------------------
    {
        "title": "Künstliche Intelligenz im Angebotswesen: Drei Pilotprojekte im Praxistest",
        "slug": "kuenstliche-intelligenz-im-angebotswesen-drei-pilotprojekte-im-praxistest",
        "lead": "Sprachmodelle sollen Angebote schneller, fehlerfreier und überzeugender machen. Drei mittelständische Unternehmen haben es ausprobiert – mit überraschend unterschiedlichen Ergebnissen.",
        "body": """<p>Angebote schreiben gehört in vielen Industrieunternehmen zu den ungeliebtesten Aufgaben im Vertrieb. Technische Daten zusammensuchen, Preise kalkulieren, Texte anpassen, Freigaben einholen: Bei komplexen Produkten kann ein einziges Angebot einen ganzen Arbeitstag kosten. Kein Wunder, dass Softwareanbieter hier ein lohnendes Einsatzfeld für künstliche Intelligenz sehen. Wir haben drei Unternehmen besucht, die KI-Werkzeuge im Angebotswesen erprobt haben.</p>
<h2>Fall 1: Der Armaturenhersteller – schneller, aber nicht billiger</h2>
<p>Die Stellwerk Armaturen GmbH erstellt rund 4.000 Angebote im Jahr, die meisten für Sonderausführungen von Ventilen. Seit acht Monaten schlägt ein Sprachmodell auf Basis früherer Angebote und der technischen Anfrage einen ersten Entwurf vor. Die Bearbeitungszeit pro Angebot sank von durchschnittlich 95 auf 60 Minuten. „Das ist ein echter Gewinn“, sagt Vertriebsleiter Matthias Egger. Allerdings: Die eingesparte Zeit floss nicht in zusätzliche Angebote, sondern vor allem in gründlichere Nachfassgespräche. „Die Abschlussquote ist um vier Prozentpunkte gestiegen. Das war am Ende wertvoller als reine Schnelligkeit.“</p>
<h2>Fall 2: Der Anlagenbauer – Stopp nach drei Monaten</h2>
<p>Weniger erfolgreich verlief der Versuch bei einem Anlagenbauer aus Süddeutschland, der namentlich nicht genannt werden möchte. Dort sollte die KI aus Lastenheften von oft mehreren hundert Seiten die relevanten Anforderungen herausfiltern. „In 80 Prozent der Fälle war das Ergebnis brauchbar“, berichtet der zuständige Projektleiter. „Aber bei den restlichen 20 Prozent fehlten ausgerechnet die kritischen Punkte, etwa Sonderwünsche bei der Abnahme.“ Weil jede Zusammenfassung komplett gegengeprüft werden musste, blieb kaum eine Zeitersparnis übrig. Das Projekt wurde nach drei Monaten gestoppt.</p>
<h2>Fall 3: Der Großhändler – Standardisierung als Voraussetzung</h2>
<p>Die Tessmer &amp; Quandt Industriebedarf KG ging einen anderen Weg. Bevor überhaupt eine KI zum Einsatz kam, überarbeitete das Unternehmen ein Jahr lang seine Textbausteine, Produktdaten und Preislogik. „Wir haben gemerkt, dass unser eigentliches Problem nicht das Schreiben war, sondern das Chaos in unseren Stammdaten“, sagt Prokuristin Dana Quandt. Heute erstellt das System Angebote für Standardsortimente weitgehend selbstständig, ein Mitarbeiter prüft nur noch Stichproben und Sonderfälle.</p>
<h2>Was die Fälle gemeinsam haben</h2>
<p>So unterschiedlich die Ergebnisse sind, einige Muster wiederholen sich:</p>
<ul>
<li>KI beschleunigt vor allem Routineaufgaben mit klar strukturierten Eingangsdaten.</li>
<li>Bei langen, uneinheitlichen Dokumenten steigt der Prüfaufwand schnell über den Nutzen.</li>
<li>Saubere Produkt- und Preisdaten sind wichtiger als das gewählte Modell.</li>
<li>Die Verantwortung für ein Angebot muss eindeutig bei einem Menschen bleiben.</li>
</ul>
<p>Prof. Dr. Elias Brandt vom Lehrstuhl für Wirtschaftsinformatik der Hochschule Mittelweser sieht darin eine typische Entwicklung: „Die ersten Projekte scheitern selten an der KI selbst, sondern an der Datenlage. Wer das erkennt, hat schon viel gelernt.“ Brandts Team hat einen <a href="https://example.org/hs-mittelweser/ki-leitfaden">Leitfaden für KI-Pilotprojekte im Vertrieb</a> veröffentlicht, der die häufigsten Stolpersteine beschreibt.</p>""",
        "category": "technik",
        "tags": ["Künstliche Intelligenz", "Digitalisierung", "Mittelstand"],
        "authors": ["jonas-weissenfels"],
        "days_ago": 0,
        "status": "published",
        "meta_description": "Drei Mittelständler testen künstliche Intelligenz beim Erstellen von Angeboten. Was funktioniert hat, was nicht – und warum.",
        "image": {
            "motif": "waves",
            "colors": ["#264653", "#2a9d8f", "#e9c46a"],
            "alt": "Abstrakte Grafik mit geschwungenen Wellenlinien in Petrol und Gelb",
            "caption": "Künstliche Intelligenz kann das Angebotswesen beschleunigen – wenn die Datenbasis stimmt.",
            "credit": "Jannik Obermeier",
            "source": "Redaktion",
        },
    },
    # ------------------------------------------------------------------
    {
        "title": "Homeoffice im Außendienst: Wie viel Präsenz braucht der Kunde?",
        "slug": "homeoffice-im-aussendienst-wie-viel-praesenz-braucht-der-kunde",
        "lead": "Seit Videogespräche selbstverständlich sind, arbeiten auch viele Außendienstler regelmäßig von zu Hause. Kunden und Führungskräfte sehen das mit gemischten Gefühlen. Eine Studie liefert erstmals belastbare Zahlen.",
        "body": """<p>Der Begriff „Außendienst“ klingt nach Autobahn, Musterkoffer und Kundentermin. Für viele Vertriebsmitarbeiter sieht der Alltag heute anders aus: An zwei bis drei Tagen pro Woche sitzen sie im Arbeitszimmer, führen Videogespräche, bearbeiten Anfragen und pflegen das CRM-System. Was in der Pandemie als Notlösung begann, ist in vielen Unternehmen zur Regel geworden.</p>
<h2>Die Zahlen</h2>
<p>Eine Untersuchung der Technischen Hochschule Lindenau unter 610 Außendienstmitarbeitern und 280 Vertriebsleitern zeigt, wie weit sich das Arbeitsmodell verändert hat. Im Durchschnitt verbringen Außendienstler nur noch 2,4 Tage pro Woche tatsächlich unterwegs, vor der Pandemie waren es 3,9 Tage. 73 Prozent arbeiten mindestens einen Tag pro Woche im Homeoffice.</p>
<p>Die Zufriedenheit der Beschäftigten ist gestiegen, vor allem wegen weniger Fahrzeit und besserer Vereinbarkeit mit der Familie. Die Vertriebsleiter sind dagegen gespalten: 46 Prozent sehen keine Nachteile für das Geschäft, 38 Prozent befürchten, dass die Bindung zu wichtigen Kunden leidet.</p>
<h2>Was Kunden sagen</h2>
<p>Aufschlussreich ist die Perspektive der Kunden, die in der Studie ebenfalls befragt wurden. Für Routinethemen wie Nachbestellungen, Lieferstatus oder kleinere technische Fragen bevorzugen 67 Prozent der Einkäufer inzwischen Telefon, Video oder E-Mail. Anders sieht es bei Neuprojekten, Reklamationen und Vertragsverhandlungen aus: Hier erwarten drei Viertel einen Besuch vor Ort.</p>
<blockquote><p>„Kunden wollen nicht mehr Besuche, sondern bessere Besuche. Wer nur vorbeikommt, um Kaffee zu trinken, stiehlt ihnen Zeit.“</p></blockquote>
<p>So fasst es Carsten Hollweg zusammen, Vertriebsleiter der Wendeborn Elektrotechnik GmbH, der seinen Außendienst vor zwei Jahren auf ein hybrides Modell umgestellt hat. Dort gilt eine einfache Regel: Jeder Besuch braucht ein Ziel, das vorab im CRM eingetragen wird. Besuche ohne Anlass gibt es nur noch bei den 50 wichtigsten Kunden, und auch dort höchstens einmal im Quartal.</p>
<p>Die Umstellung hat sich für Wendeborn gerechnet. Die Reisekosten des Außendienstes sanken um 31 Prozent, die Zahl der Kundenkontakte pro Mitarbeiter stieg dagegen, weil kurze Videotermine an einem Homeoffice-Tag leichter unterzubringen sind als ein Besuch mit zwei Stunden Anfahrt.</p>
<h2>Regeln für ein hybrides Modell</h2>
<p>Aus den Ergebnissen der Studie und den Erfahrungen der Praxis lassen sich einige Empfehlungen ableiten:</p>
<ul>
<li>Kundengruppen festlegen, für die persönliche Präsenz Pflicht bleibt.</li>
<li>Anlässe definieren, bei denen grundsätzlich ein Besuch stattfindet, etwa bei Reklamationen ab einem bestimmten Wert.</li>
<li>Feste Bürotage für das Team vereinbaren, damit der Austausch nicht verloren geht.</li>
<li>Die Ausstattung fürs Homeoffice ernst nehmen: Kamera, Headset und eine stabile Verbindung sind Arbeitsmittel, kein Luxus.</li>
</ul>
<p>Aus arbeitsrechtlicher Sicht sollten Unternehmen das hybride Modell zudem schriftlich regeln, etwa in einer Betriebsvereinbarung. Das schafft Klarheit bei Fragen zu Arbeitszeit, Erreichbarkeit und Kostenübernahme und beugt Konflikten vor, bevor sie entstehen.</p>""",
        "category": "arbeitswelt",
        "tags": ["Homeoffice", "Führung", "CRM"],
        "authors": ["henrike-osswald"],
        "days_ago": 55,
        "status": "published",
        "meta_description": "Wie viel Homeoffice verträgt der Außendienst? Eine Studie mit 610 Vertriebsmitarbeitern zeigt, was Kunden wirklich erwarten.",
        "image": {
            "motif": "grid",
            "colors": ["#5b6c8f", "#d9dde8", "#f28f3b"],
            "alt": "Abstrakte Grafik mit einem blaugrauen Raster und einzelnen orangefarbenen Feldern",
            "caption": "Außendienst heißt nicht mehr nur unterwegs sein: Viele Vertriebsmitarbeiter arbeiten regelmäßig von zu Hause.",
            "credit": "Merle Sandhagen",
            "source": "Bildagentur Nordlicht",
        },
    },
    # ------------------------------------------------------------------
    {
        "title": "Fachkräftemangel: Warum Quereinsteiger im technischen Vertrieb überzeugen",
        "slug": "fachkraeftemangel-warum-quereinsteiger-im-technischen-vertrieb-ueberzeugen",
        "lead": "Techniker mit Verkaufstalent sind kaum noch zu finden. Immer mehr Unternehmen holen deshalb Quereinsteiger aus Werkstatt, Service und Handwerk in den Vertrieb – und machen damit gute Erfahrungen.",
        "body": """<p>Die Stellenanzeige war seit elf Monaten online, als Rüdiger Ahlers die Geduld verlor. Der Geschäftsführer der Ahlers Pumpentechnik GmbH suchte einen Vertriebsingenieur für Norddeutschland, fand aber niemanden. „Wir hatten in dieser Zeit genau vier Bewerbungen, und keine passte“, sagt er. Schließlich fragte er einen seiner Servicetechniker, ob er sich den Job vorstellen könne. Zwei Jahre später ist der ehemalige Monteur einer der erfolgreichsten Verkäufer des Unternehmens.</p>
<h2>Eine Lücke, die sich nicht schließt</h2>
<p>Ahlers ist mit seinem Problem nicht allein. Nach Berechnungen des Arbeitsmarktforschungsinstituts Ostfalen kommen auf 100 offene Stellen im technischen Vertrieb derzeit rechnerisch nur 37 arbeitslos gemeldete Fachkräfte mit passender Qualifikation. Besonders knapp sind Bewerber, die ein technisches Studium mit Vertriebserfahrung verbinden. Die durchschnittliche Vakanzzeit für solche Stellen liegt bei 187 Tagen.</p>
<p>Gleichzeitig wächst die Bereitschaft, bei der Besetzung umzudenken. In einer Umfrage unter 410 Personalverantwortlichen aus Industrie und Großhandel gaben 58 Prozent an, offene Vertriebsstellen inzwischen auch mit Quereinsteigern zu besetzen. Vor drei Jahren waren es nur 31 Prozent.</p>
<h2>Was Quereinsteiger mitbringen</h2>
<p>Der Erfolg von Quereinsteigern aus Werkstatt und Service überrascht Fachleute wenig. „Diese Leute kennen die Produkte aus der Praxis, und sie kennen die Probleme der Kunden, weil sie jahrelang bei ihnen vor Ort waren“, sagt Prof. Dr. Gesa Timmermann, die an der Hochschule Rheinau zu Personalentwicklung im Mittelstand forscht. Was ihnen fehle, sei meist nicht Talent, sondern Methodik: Gesprächsführung, Angebotskalkulation, der Umgang mit dem CRM-System.</p>
<p>Diese Lücke lässt sich schließen. Bei Ahlers durchlief der ehemalige Servicetechniker ein neunmonatiges Programm:</p>
<ul>
<li>drei Monate begleitete er einen erfahrenen Vertriebskollegen zu allen Terminen,</li>
<li>parallel absolvierte er ein berufsbegleitendes Vertriebstraining an zwölf Wochenenden,</li>
<li>danach übernahm er ein kleines Kundengebiet mit wöchentlichem Coaching,</li>
<li>nach neun Monaten folgte die volle Verantwortung für die Region.</li>
</ul>
<h2>Die Risiken</h2>
<p>Ganz ohne Stolpersteine verläuft der Wechsel nicht. Ein häufiger Konflikt entsteht bei der Vergütung: Ein erfahrener Servicetechniker verdient oft mehr als ein Berufsanfänger im Vertrieb, will aber verständlicherweise keine Einbußen hinnehmen. Außerdem fehlt dem Service plötzlich eine erfahrene Kraft. „Man verschiebt das Problem manchmal nur von einer Abteilung in die andere“, warnt Timmermann. Sie rät deshalb, Quereinstiege frühzeitig in die Personalplanung einzubinden und im Service gezielt Nachwuchs aufzubauen.</p>
<p>Wichtig sei zudem eine klare Rückkehroption. „Nicht jeder gute Techniker wird ein guter Verkäufer. Wer nach einem Jahr merkt, dass es nicht passt, sollte ohne Gesichtsverlust zurückkehren können.“</p>
<p>Für Rüdiger Ahlers hat sich das Experiment gelohnt. Inzwischen haben zwei weitere Mitarbeiter aus dem Service den Wechsel gewagt. „Ich würde heute jedem Mittelständler raten, zuerst im eigenen Haus zu suchen“, sagt er. Weitere Praxisbeispiele hat die Hochschule Rheinau in einer <a href="https://example.org/hs-rheinau/quereinstieg-vertrieb">Fallsammlung</a> zusammengestellt.</p>""",
        "category": "arbeitswelt",
        "tags": ["Fachkräfte", "Mittelstand", "Führung"],
        "authors": ["henrike-osswald", "katharina-brueckner"],
        "days_ago": 110,
        "status": "published",
        "meta_description": "Quereinsteiger aus Service und Werkstatt im technischen Vertrieb: Chancen, Risiken und ein Einarbeitungsmodell aus der Praxis.",
        "image": {
            "motif": "bars",
            "colors": ["#4f8a5b", "#c9e4ca"],
            "alt": "Abstrakte Grafik mit grünen senkrechten Balken in verschiedenen Helligkeiten",
            "caption": "Aus der Werkstatt in den Vertrieb: Quereinsteiger kennen die Probleme der Kunden aus eigener Erfahrung.",
            "credit": "Tarek Wendisch",
            "source": "Bildagentur Nordlicht",
        },
    },
    # ------------------------------------------------------------------
    {
        "title": "Lieferketten im Umbau: Mittelständler setzen auf Nähe",
        "slug": "lieferketten-im-umbau-mittelstaendler-setzen-auf-naehe",
        "lead": "Lange Transportwege, schwankende Frachtraten, politische Risiken: Viele Industrieunternehmen holen Lieferanten näher heran. Doch die Umstellung kostet Geld, und nicht jede Verlagerung rechnet sich.",
        "body": """<p>Der Container, der im Frühjahr vor drei Jahren im Hafen festhing, hat bei der Lindmayr Fördertechnik GmbH vieles verändert. Er enthielt Steuerplatinen für eine ganze Serie von Rollenförderern, und weil er sieben Wochen zu spät kam, standen in der Montage zwölf fast fertige Anlagen ohne Elektronik. „Die Vertragsstrafen haben uns fast ein Viertel des Jahresgewinns gekostet“, sagt Einkaufsleiterin Sabine Lindmayr.</p>
<p>Heute bezieht das Unternehmen die Platinen von einem Elektronikfertiger, der 280 Kilometer entfernt produziert. Der Stückpreis liegt 19 Prozent höher als beim bisherigen Lieferanten in Asien. Trotzdem ist Lindmayr überzeugt, dass sich der Wechsel rechnet: „Wir haben unseren Sicherheitsbestand halbiert, die Lieferzeit von zehn Wochen auf zwei verkürzt und können Änderungen kurzfristig umsetzen.“</p>
<h2>Ein Trend mit Grenzen</h2>
<p>Lindmayr steht für einen Trend, der sich in Umfragen deutlich abzeichnet. Nach einer Erhebung des Wirtschaftsforschungsinstituts Nordkontor unter 950 Industrieunternehmen haben 44 Prozent in den vergangenen drei Jahren mindestens einen wichtigen Lieferanten aus Übersee durch einen europäischen ersetzt. Weitere 23 Prozent planen einen solchen Schritt.</p>
<p>Von einer großen Rückverlagerung zu sprechen, wäre allerdings übertrieben. Im Durchschnitt betreffen die Umstellungen nur elf Prozent des Einkaufsvolumens. „Die Unternehmen gehen sehr selektiv vor“, sagt Nordkontor-Ökonom Dr. Felix Aschenbrenner. „Sie holen vor allem kritische Teile zurück, bei denen ein Ausfall die gesamte Produktion lahmlegt. Bei Standardware bleibt der Preis das entscheidende Kriterium.“</p>
<p>Häufig entscheiden sich Unternehmen auch für eine Doppelstrategie: Der bisherige Lieferant in Übersee bleibt für das Grundvolumen zuständig, ein europäischer Partner liefert einen kleineren Anteil und springt bei Engpässen ein. Das ist teurer als eine einzige Quelle, senkt aber das Ausfallrisiko erheblich.</p>
<h2>Die Rechnung hinter der Entscheidung</h2>
<p>Wer über eine Verlagerung nachdenkt, sollte nach Ansicht von Fachleuten nicht nur Stückpreise vergleichen, sondern die gesamten Beschaffungskosten. Dazu gehören:</p>
<ul>
<li>Fracht, Zölle und Versicherung,</li>
<li>Kapitalbindung durch Sicherheitsbestände,</li>
<li>Kosten für Qualitätsprüfungen und Reklamationen,</li>
<li>Risikokosten durch mögliche Lieferausfälle,</li>
<li>der Aufwand für Nachweise zu Menschenrechten und Umweltstandards.</li>
</ul>
<p>Gerade der letzte Punkt gewinnt an Bedeutung. Größere Kunden verlangen von ihren Zulieferern zunehmend Belege dafür, dass in der Lieferkette soziale und ökologische Mindeststandards eingehalten werden. Bei europäischen Lieferanten ist dieser Nachweis meist einfacher zu führen.</p>
<h2>Engpass bei den neuen Partnern</h2>
<p>Ein Problem bleibt: Die Kapazitäten europäischer Lieferanten sind begrenzt. Viele Elektronikfertiger und Gießereien sind ausgelastet und nehmen neue Kunden nur mit langen Vorlaufzeiten an. Aschenbrenner rät deshalb, frühzeitig Gespräche zu führen und Lieferanten als langfristige Partner zu behandeln. Eine Übersicht über regionale Zuliefernetzwerke hat das Institut <a href="https://example.com/nordkontor/zuliefernetzwerke">auf seiner Website</a> veröffentlicht.</p>""",
        "category": "maerkte",
        "tags": ["Lieferketten", "Mittelstand", "Nachhaltigkeit"],
        "authors": ["mika-soenmez"],
        "days_ago": 150,
        "status": "published",
        "meta_description": "Nearshoring im Mittelstand: Warum Industrieunternehmen Lieferanten näher heranholen und wann sich die höheren Preise lohnen.",
        "image": {
            "motif": "diagonal",
            "colors": ["#1d3557", "#457b9d", "#a8dadc"],
            "alt": "Abstrakte Grafik mit diagonalen Bändern in verschiedenen Blautönen",
            "caption": "Kürzere Wege, höhere Preise: Viele Unternehmen ordnen ihre Lieferketten neu.",
            "credit": "Anton Kielmann",
            "source": "Redaktion",
        },
    },
    # ------------------------------------------------------------------
    {
        "title": "Nachhaltigkeitsberichte: Was die neuen Pflichten für Zulieferer bedeuten",
        "slug": "nachhaltigkeitsberichte-was-die-neuen-pflichten-fuer-zulieferer-bedeuten",
        "lead": "Große Unternehmen müssen künftig ausführlich über Nachhaltigkeit berichten. Die Datenanfragen landen zunehmend bei kleinen und mittleren Zulieferern. Wie man sich vorbereitet, ohne im Formularchaos zu versinken.",
        "body": """<p>Der Fragebogen umfasste 146 Punkte. Energieverbrauch nach Energieträgern, Wasserentnahme, Abfallmengen, Unfallquote, Frauenanteil in Führungspositionen, Schulungsstunden pro Mitarbeiter. „Als ich das zum ersten Mal gesehen habe, dachte ich, das ist ein Irrtum“, sagt Frank Hillebrecht, kaufmännischer Leiter der Hillebrecht Kunststofftechnik GmbH mit 95 Beschäftigten. Es war kein Irrtum. Der Fragebogen kam von einem der drei größten Kunden des Unternehmens, und er war erst der Anfang.</p>
<h2>Die Pflicht trifft auch die, die nicht berichten müssen</h2>
<p>Mit den erweiterten europäischen Vorgaben zur Nachhaltigkeitsberichterstattung müssen schrittweise deutlich mehr Unternehmen als bisher einen Nachhaltigkeitsbericht veröffentlichen. Kleine und mittlere Zulieferer sind davon meist nicht direkt betroffen. Indirekt aber sehr wohl: Wer berichten muss, braucht Daten aus seiner Lieferkette, etwa zu Emissionen, die bei der Herstellung zugekaufter Teile entstehen.</p>
<p>Eine Befragung des Zulieferverbands Mittelstand Nord unter 380 Unternehmen ergab, dass 61 Prozent im vergangenen Jahr mindestens eine umfangreiche Nachhaltigkeitsanfrage von Kunden erhalten haben. Im Schnitt waren es 4,3 Anfragen pro Unternehmen, oft mit unterschiedlichen Formaten und Definitionen.</p>
<h2>Fünf Schritte zur Vorbereitung</h2>
<p>„Der größte Fehler ist, jede Anfrage einzeln zu beantworten“, sagt die Nachhaltigkeitsberaterin Ilka Petersen. „Wer einmal eine saubere Datenbasis aufbaut, kann die meisten Fragebögen in wenigen Stunden ausfüllen.“ Sie empfiehlt folgendes Vorgehen:</p>
<ol>
<li><strong>Zuständigkeit klären:</strong> Eine Person im Unternehmen bündelt alle Anfragen und kennt die Datenquellen.</li>
<li><strong>Kernkennzahlen erfassen:</strong> Energieverbrauch, Emissionen, Abfall, Arbeitssicherheit und Personaldaten bilden die Basis fast aller Fragebögen.</li>
<li><strong>Emissionen berechnen:</strong> Zumindest die direkten Emissionen und die aus eingekaufter Energie sollten jährlich ermittelt werden.</li>
<li><strong>Dokumentation standardisieren:</strong> Ein kurzes Datenblatt mit den wichtigsten Kennzahlen spart viele Rückfragen.</li>
<li><strong>Mit Kunden sprechen:</strong> Oft lassen sich Formate abstimmen oder Fristen verlängern.</li>
</ol>
<p>Petersen empfiehlt außerdem, Branchenstandards und gemeinsame Plattformen zu nutzen, sofern Kunden diese akzeptieren. Einige Verbände bieten inzwischen standardisierte Fragebögen an, die mehrere Abnehmer gleichzeitig bedienen. Das spart vor allem kleineren Betrieben viel doppelte Arbeit.</p>
<h2>Chance statt Last</h2>
<p>Hillebrecht hat inzwischen ein solches Datenblatt und berechnet seit zwei Jahren den CO₂-Fußabdruck seiner wichtigsten Produkte. Der Aufwand lag im ersten Jahr bei rund 180 Arbeitsstunden und 12.000 Euro für externe Beratung. „Im Nachhinein hat sich das gelohnt“, sagt er. „Wir haben dabei festgestellt, dass unsere Druckluftanlage ein Drittel mehr Strom verbraucht als nötig. Die Reparatur hat sich nach acht Monaten bezahlt gemacht.“</p>
<p>Und noch etwas hat sich verändert: In zwei Ausschreibungen erhielt Hillebrecht den Zuschlag, obwohl ein Wettbewerber günstiger war – weil der keine belastbaren Emissionsdaten liefern konnte. Hinweise zur Berechnung bietet ein <a href="https://example.org/nachhaltigkeit/leitfaden-zulieferer">kostenloser Leitfaden für Zulieferer</a>.</p>""",
        "category": "ratgeber",
        "tags": ["Nachhaltigkeit", "Mittelstand", "Lieferketten"],
        "authors": ["mika-soenmez"],
        "days_ago": 190,
        "status": "published",
        "meta_description": "Nachhaltigkeitsanfragen von Kunden: Wie kleine und mittlere Zulieferer eine Datenbasis aufbauen und Aufwand sparen.",
        "image": {
            "motif": "waves",
            "colors": ["#2d6a4f", "#95d5b2", "#d8f3dc"],
            "alt": "Abstrakte Grafik mit sanften grünen Wellen",
            "caption": "Nachhaltigkeitsdaten werden für Zulieferer zum Wettbewerbsfaktor.",
            "credit": "Lene Haverkamp",
            "source": "Bildagentur Nordlicht",
        },
    },
    # ------------------------------------------------------------------
    {
        "title": "Führung auf Distanz: Fünf Regeln für hybride Teams",
        "slug": "fuehrung-auf-distanz-fuenf-regeln-fuer-hybride-teams",
        "lead": "Wenn das Team nur noch selten gemeinsam im Büro ist, reichen die alten Führungsroutinen nicht mehr. Fünf Regeln, die sich in der Praxis bewährt haben – und ein paar Fehler, die man vermeiden sollte.",
        "body": """<p>Hybride Arbeit ist in vielen Unternehmen längst Alltag, doch die Führung hinkt hinterher. In einer Befragung unter 720 Beschäftigten in hybriden Teams gab fast die Hälfte an, dass sich ihre Führungskraft seit der Umstellung „kaum verändert“ habe. Gleichzeitig klagten 41 Prozent über unklare Erwartungen und 36 Prozent über das Gefühl, bei Entscheidungen übergangen zu werden. Die folgenden fünf Regeln fassen zusammen, was Forschung und Praxis über gute Führung auf Distanz wissen.</p>
<h2>1. Ergebnisse vereinbaren, nicht Anwesenheit kontrollieren</h2>
<p>Die Versuchung ist groß, fehlende Sichtbarkeit durch Kontrolle zu ersetzen: ständige Statusabfragen, grüne Punkte im Chatprogramm, Pflichtkameras. Das zerstört Vertrauen schneller, als es Leistung sichert. Wirkungsvoller sind klare Ziele mit überprüfbaren Ergebnissen und regelmäßige, kurze Abstimmungen darüber.</p>
<h2>2. Bewusst Rituale schaffen</h2>
<p>Im Büro entstehen Informationen und Beziehungen nebenbei, in der Kaffeeküche oder auf dem Flur. In hybriden Teams muss man dafür Raum schaffen. Bewährt haben sich ein fester Teamtag pro Woche, ein kurzes tägliches Treffen und regelmäßige Einzelgespräche, die nicht ausfallen, wenn es hektisch wird.</p>
<h2>3. Für Gleichbehandlung sorgen</h2>
<p>Wer häufiger im Büro ist, wird häufiger gesehen – und bekommt oft die interessanteren Aufgaben. Führungskräfte sollten diese „Nähe-Verzerrung“ kennen und aktiv gegensteuern. „Fragen Sie sich bei jeder Projektvergabe: Hätte ich auch an die Kollegin gedacht, die diese Woche zu Hause arbeitet?“, rät Dr. Moritz Engelke, Organisationspsychologe und Berater für Teamentwicklung.</p>
<h2>4. Kommunikationswege festlegen</h2>
<p>E-Mail, Chat, Telefon, Projektwerkzeug: Ohne klare Absprachen verteilen sich Informationen auf zu viele Kanäle. Teams sollten gemeinsam festlegen, wofür welcher Kanal genutzt wird und welche Antwortzeiten erwartet werden. Ein Beispiel für eine solche Vereinbarung:</p>
<ul>
<li>Chat für kurze Fragen, Antwort innerhalb von zwei Stunden,</li>
<li>E-Mail für Themen mit Außenwirkung oder Dokumentationsbedarf,</li>
<li>Telefon oder Video bei Konflikten und heiklen Themen,</li>
<li>keine Erwartung an Erreichbarkeit nach 18 Uhr.</li>
</ul>
<h2>5. Auf Überlastung achten</h2>
<p>Im Homeoffice verschwimmen die Grenzen zwischen Arbeit und Freizeit. Führungskräfte sehen nicht mehr, wer abends noch im Büro sitzt. Umso wichtiger sind Gespräche über Arbeitsbelastung und ein gutes Vorbild: Wer selbst um 22 Uhr E-Mails verschickt, sendet eine deutliche Botschaft, ob er will oder nicht.</p>
<blockquote><p>„Führung auf Distanz ist nicht schwieriger als Führung vor Ort. Sie verzeiht nur weniger Nachlässigkeit.“</p></blockquote>
<p>Engelke empfiehlt, die Zusammenarbeit einmal im Halbjahr gemeinsam zu überprüfen. Einen kurzen Fragebogen dafür stellt er auf seiner <a href="https://example.com/engelke/teamcheck">Website</a> zur Verfügung.</p>""",
        "category": "ratgeber",
        "tags": ["Führung", "Homeoffice"],
        "authors": ["henrike-osswald"],
        "days_ago": 230,
        "status": "published",
        "meta_description": "Hybride Teams erfolgreich führen: fünf Regeln zu Zielen, Ritualen, Gleichbehandlung, Kommunikation und Überlastung.",
        "image": {
            "motif": "circles",
            "colors": ["#6d597a", "#b56576", "#eaac8b"],
            "alt": "Abstrakte Grafik mit verstreuten Kreisen in Violett, Rosé und Apricot",
            "caption": "Hybride Teams brauchen bewusst gestaltete Rituale und klare Absprachen.",
            "credit": "Fenja Ruprecht",
            "source": "Redaktion",
        },
    },
    # ------------------------------------------------------------------
    {
        "title": "IT-Sicherheit im Vertrieb: Das Smartphone als Einfallstor",
        "slug": "it-sicherheit-im-vertrieb-das-smartphone-als-einfallstor",
        "lead": "Kundendaten, Preislisten, Zugänge zum CRM: Auf den Smartphones von Vertriebsmitarbeitern liegen wertvolle Informationen. Angreifer wissen das. Wie Unternehmen ihre mobilen Geräte absichern, ohne den Außendienst auszubremsen.",
        "body": """<p>Die Nachricht sah echt aus. Ein Paketdienst meldete eine fehlgeschlagene Zustellung, ein Link führte zur Sendungsverfolgung. Der Vertriebsmitarbeiter eines Maschinenbauers tippte darauf, während er an einer Raststätte wartete. Drei Tage später tauchten Angebote seines Arbeitgebers bei einem Wettbewerber auf – samt Kalkulationsgrundlagen.</p>
<p>Der Fall, den ein auf IT-Forensik spezialisierter Dienstleister aus Norddeutschland für diesen Artikel anonymisiert geschildert hat, ist kein Einzelfall. „Smartphones sind im Mittelstand oft das am schlechtesten geschützte Gerät“, sagt Sicherheitsberaterin Nadine Rotermund. „Laptops werden verwaltet, verschlüsselt und aktualisiert. Das Diensthandy bekommt der Mitarbeiter in die Hand gedrückt, und dann kümmert sich niemand mehr darum.“</p>
<h2>Die häufigsten Schwachstellen</h2>
<p>Eine Auswertung von 140 Sicherheitsvorfällen in mittelständischen Unternehmen, die Rotermunds Team im vergangenen Jahr begleitet hat, zeigt ein klares Bild. Bei knapp einem Drittel spielte ein mobiles Gerät eine Rolle. Die häufigsten Ursachen:</p>
<ul>
<li>Phishing per SMS oder Messenger, das auf dem kleinen Bildschirm schwerer zu erkennen ist,</li>
<li>veraltete Betriebssysteme, für die es keine Sicherheitsupdates mehr gibt,</li>
<li>private Apps mit weitreichenden Zugriffsrechten auf Kontakte und Dateien,</li>
<li>verlorene oder gestohlene Geräte ohne Verschlüsselung oder Fernlöschung,</li>
<li>öffentliche WLAN-Netze in Hotels und auf Messen.</li>
</ul>
<h2>Technische Grundausstattung</h2>
<p>Die gute Nachricht: Die wichtigsten Schutzmaßnahmen sind weder teuer noch kompliziert. Eine Software zur zentralen Geräteverwaltung kostet für ein mittelständisches Unternehmen typischerweise zwischen drei und acht Euro pro Gerät und Monat. Damit lassen sich Updates erzwingen, Geräte verschlüsseln, dienstliche und private Daten trennen und verlorene Handys aus der Ferne löschen.</p>
<p>Hinzu kommt die Mehr-Faktor-Anmeldung für alle Geschäftsanwendungen, insbesondere für das CRM und den E-Mail-Zugang. „Wenn ich nur eine einzige Maßnahme empfehlen dürfte, wäre es diese“, sagt Rotermund.</p>
<p>Eine Grundsatzfrage sollte jedes Unternehmen zudem bewusst entscheiden: Dürfen Beschäftigte ihre privaten Smartphones dienstlich nutzen? Das spart Geld und ist bei vielen Mitarbeitern beliebt, macht die Absicherung aber deutlich schwieriger. Wer es erlaubt, sollte dienstliche Daten zumindest in einem abgetrennten, zentral verwalteten Bereich des Geräts halten und klar regeln, was beim Ausscheiden eines Mitarbeiters mit diesen Daten geschieht. Für Messen und Reisen ins Ausland empfiehlt Rotermund außerdem Leihgeräte mit minimalem Datenbestand.</p>
<h2>Der Faktor Mensch</h2>
<p>Technik allein reicht allerdings nicht. Vertriebsmitarbeiter stehen unter Zeitdruck, sind viel unterwegs und erhalten täglich Dutzende Nachrichten. Genau das machen sich Angreifer zunutze. Wirksam seien kurze, regelmäßige Schulungen mit realistischen Beispielen statt jährlicher Pflichtvorträge, sagt Rotermund. Ebenso wichtig sei eine Fehlerkultur, in der Mitarbeiter einen verdächtigen Klick sofort melden, ohne Sanktionen fürchten zu müssen. „Jede Stunde zählt. Wer aus Scham drei Tage wartet, macht aus einem kleinen Vorfall einen großen.“</p>
<p>Eine Checkliste zur Absicherung mobiler Geräte finden Sie in unserem <a href="https://example.org/redaktion/checkliste-mobile-sicherheit">Servicebereich</a>.</p>""",
        "category": "technik",
        "tags": ["IT-Sicherheit", "Digitalisierung", "CRM"],
        "authors": ["jonas-weissenfels"],
        "days_ago": 270,
        "status": "published",
        "meta_description": "Smartphones im Außendienst sind ein beliebtes Angriffsziel. Welche Schutzmaßnahmen wirken und was sie kosten.",
        "image": {
            "motif": "grid",
            "colors": ["#22223b", "#4a4e69", "#c9ada7"],
            "alt": "Abstrakte Grafik mit einem dunklen Raster und einzelnen hellen Feldern",
            "caption": "Mobile Geräte sind im Mittelstand oft schlechter geschützt als Laptops und Server.",
            "credit": "Jannik Obermeier",
            "source": "Bildagentur Nordlicht",
        },
    },
    # ------------------------------------------------------------------
    {
        "title": "Der Preis ist nicht alles: Wie Einkäufer heute entscheiden",
        "slug": "der-preis-ist-nicht-alles-wie-einkaeufer-heute-entscheiden",
        "lead": "Liefertreue, Beratung, Verlässlichkeit: Eine Befragung von Einkaufsleitern zeigt, dass der Preis bei der Lieferantenauswahl an Gewicht verliert. Was das für den Vertrieb bedeutet.",
        "body": """<p>Im Vertrieb hält sich hartnäckig die Überzeugung, dass am Ende doch nur der Preis zählt. Eine aktuelle Befragung von 530 Einkaufsleitern aus Industrie und Handel zeichnet ein differenzierteres Bild. Gefragt nach den wichtigsten Kriterien bei der Auswahl eines neuen Lieferanten, landete der Preis zwar auf Platz eins – aber nur knapp vor der Liefertreue und mit deutlichem Abstand zu früheren Erhebungen.</p>
<h2>Die wichtigsten Kriterien</h2>
<p>Die Einkäufer sollten 100 Punkte auf verschiedene Kriterien verteilen. Das Ergebnis im Durchschnitt:</p>
<ol>
<li>Preis und Konditionen: 27 Punkte (vor fünf Jahren: 38)</li>
<li>Liefertreue und Lieferzeit: 25 Punkte</li>
<li>Produktqualität: 19 Punkte</li>
<li>technische Beratung und Service: 16 Punkte</li>
<li>Nachhaltigkeit und Transparenz: 8 Punkte</li>
<li>Sonstiges: 5 Punkte</li>
</ol>
<p>„Die Erfahrungen der vergangenen Jahre haben den Einkauf geprägt“, sagt Ulrike Stallmann, Leiterin des Arbeitskreises Beschaffung im Bundesforum Industrieeinkauf, das die Befragung in Auftrag gegeben hat. „Viele Einkäufer haben erlebt, was ein günstiger, aber unzuverlässiger Lieferant am Ende kostet.“</p>
<h2>Was der Vertrieb daraus lernen kann</h2>
<p>Für Vertriebsmitarbeiter ist das eine Chance, aber auch eine Aufgabe. Wer nicht über den Preis gewinnen will, muss seine anderen Stärken belegen können. Abstrakte Versprechen wie „höchste Qualität“ oder „zuverlässige Lieferung“ überzeugen niemanden mehr. Gefragt sind überprüfbare Zahlen: Liefertreue in Prozent, Reklamationsquote, durchschnittliche Reaktionszeit des Service.</p>
<p>Ein Beispiel liefert die Vossberg Hydraulik GmbH. Das Unternehmen legt jedem Angebot seit zwei Jahren ein einseitiges Leistungsblatt bei, das die Liefertreue der vergangenen zwölf Monate ausweist – derzeit 96,8 Prozent. „Seitdem reden wir in Verhandlungen deutlich weniger über Rabatte“, sagt Vertriebsleiter Kai Vossberg.</p>
<p>Auch die technische Beratung lässt sich sichtbar machen. Vossberg dokumentiert im CRM-System, wie oft Anwendungstechniker Kunden bei der Auslegung von Anlagen unterstützt haben, und spricht das in Jahresgesprächen offen an. „Viele Einkäufer wissen gar nicht, wie viele Stunden unsere Techniker mit ihren Konstrukteuren verbracht haben“, sagt er. „Wenn wir das belegen können, wird der Preisunterschied zum Wettbewerber plötzlich erklärbar.“</p>
<h2>Nachhaltigkeit als neues Kriterium</h2>
<p>Noch spielt das Thema Nachhaltigkeit mit acht Punkten eine Nebenrolle. Stallmann erwartet jedoch, dass sich das ändert. Viele Einkaufsabteilungen müssten inzwischen Daten zu Emissionen und Arbeitsbedingungen in ihren Lieferketten erheben. Lieferanten, die diese Informationen schnell und verlässlich liefern, verschafften ihren Kunden Arbeitserleichterung – und sich selbst einen Vorteil in der nächsten Ausschreibung.</p>
<h2>Der Preis bleibt ein Türöffner</h2>
<p>Stallmann warnt allerdings davor, die Ergebnisse überzuinterpretieren. Bei austauschbaren Standardprodukten entscheide weiterhin fast ausschließlich der Preis. Und auch bei komplexeren Gütern müsse ein Angebot preislich in einem akzeptablen Rahmen liegen, um überhaupt in die engere Wahl zu kommen. „Der Preis öffnet die Tür“, sagt sie. „Aber hindurchgehen lassen wir nur Lieferanten, denen wir vertrauen.“</p>
<p>Die Kurzfassung der Studie steht auf der <a href="https://example.com/bundesforum-einkauf/studie">Website des Bundesforums</a> zum Download bereit.</p>""",
        "category": "vertrieb",
        "tags": ["Preisgestaltung", "Lieferketten", "Nachhaltigkeit"],
        "authors": ["katharina-brueckner"],
        "days_ago": 310,
        "status": "published",
        "meta_description": "Einkaufsleiter gewichten Liefertreue und Beratung fast so hoch wie den Preis. Was Vertriebsteams daraus lernen können.",
        "image": {
            "motif": "bars",
            "colors": ["#f4a261", "#e76f51", "#264653"],
            "alt": "Abstrakte Grafik mit waagerechten Balken in Orange und Dunkelgrün",
            "caption": "Liefertreue und Beratung holen bei Einkaufsentscheidungen gegenüber dem Preis auf.",
            "credit": "Ole Marquardt",
            "source": "Redaktion",
        },
    },
    # ------------------------------------------------------------------
    {
        "title": "Maschinenbau: Auftragseingang stabilisiert sich auf niedrigem Niveau",
        "slug": "maschinenbau-auftragseingang-stabilisiert-sich-auf-niedrigem-niveau",
        "lead": "Nach zwei schwachen Jahren fällt der Auftragseingang im Maschinenbau nicht weiter. Von einer Erholung wollen die Unternehmen aber noch nicht sprechen. Besonders das Inlandsgeschäft bleibt schwach.",
        "body": """<p>Die Talfahrt ist vorerst gestoppt, der Aufschwung lässt auf sich warten. So lässt sich die Lage im Maschinen- und Anlagenbau nach den jüngsten Zahlen zusammenfassen. Der Auftragseingang lag im abgelaufenen Quartal real zwei Prozent unter dem Vorjahreswert – nach Rückgängen von zwölf und neun Prozent in den beiden Quartalen zuvor. „Die Bodenbildung ist geschafft, aber wir bewegen uns auf einem Niveau, mit dem viele Betriebe auf Dauer nicht auskommen“, sagt Dr. Johanna Wiegmann, Chefvolkswirtin des Industriekreises Maschinenbau Mitte.</p>
<h2>Ausland stützt, Inland schwächelt</h2>
<p>Getragen wird die Stabilisierung vor allem vom Auslandsgeschäft. Die Bestellungen aus dem Euroraum stiegen um drei Prozent, aus Nordamerika sogar um sieben Prozent. Dagegen sanken die Inlandsaufträge erneut um sechs Prozent. Viele heimische Kunden halten sich mit Investitionen zurück, vor allem in der Automobilzulieferindustrie und in der Bauwirtschaft.</p>
<p>Die Unterschiede zwischen den Fachzweigen sind groß. Während Hersteller von Antriebs- und Fluidtechnik leicht zulegen konnten, mussten Werkzeugmaschinenbauer ein Minus von elf Prozent hinnehmen. Gut läuft das Geschäft mit Automatisierungstechnik und Anlagen zur Energieeinsparung, die auch in einem schwierigen Umfeld gefragt sind.</p>
<h2>Kapazitäten nicht ausgelastet</h2>
<p>Die Kapazitätsauslastung der Branche liegt nach einer Umfrage des Industriekreises bei 81 Prozent und damit rund vier Punkte unter dem langjährigen Durchschnitt. Der Auftragsbestand reicht im Schnitt noch für 7,4 Monate. Das gibt den Unternehmen ein Polster, das jedoch kontinuierlich schrumpft.</p>
<p>Bei der Beschäftigung zeigt sich die Branche bislang bemerkenswert stabil. Angesichts des Fachkräftemangels halten die meisten Betriebe an ihrem Personal fest. Stattdessen bauen sie Überstunden ab, nutzen Arbeitszeitkonten und verschieben Neueinstellungen. „Wer heute einen guten Facharbeiter entlässt, bekommt ihn im nächsten Aufschwung nicht zurück“, sagt Wiegmann.</p>
<p>Auch die Preise geraten unter Druck. Viele Kunden nutzen die schwache Nachfrage, um Konditionen nachzuverhandeln, während die Kosten für Personal und Material kaum sinken. Die Umsatzrendite der Branche dürfte nach Schätzung des Industriekreises in diesem Jahr um rund einen Prozentpunkt zurückgehen.</p>
<h2>Ausblick: vorsichtige Hoffnung</h2>
<p>Für das kommende Jahr rechnet der Industriekreis mit einem realen Produktionsplus von einem Prozent. Voraussetzung sei allerdings, dass sich die Investitionsbereitschaft im Inland wieder belebt. Wiegmann nennt drei Faktoren, die darüber entscheiden werden:</p>
<ul>
<li>die Entwicklung der Finanzierungskosten für Investitionen,</li>
<li>verlässliche Rahmenbedingungen bei Energiepreisen,</li>
<li>das Tempo der Umstellung in der Automobilindustrie.</li>
</ul>
<p>Wer ausstellt, setzt derweil auf die großen Fachmessen im Frühjahr. Sie gelten traditionell als Stimmungsbarometer der Branche und als Gelegenheit, aufgeschobene Projekte wieder anzustoßen. Die vollständigen Quartalszahlen veröffentlicht der Industriekreis <a href="https://example.org/industriekreis/quartalsbericht">in seinem Quartalsbericht</a>.</p>""",
        "category": "maerkte",
        "tags": ["Mittelstand", "Messe", "Fachkräfte"],
        "authors": ["mika-soenmez"],
        "days_ago": 350,
        "status": "published",
        "meta_description": "Maschinenbau: Auftragseingang fällt nicht weiter, doch das Inlandsgeschäft bleibt schwach. Zahlen und Ausblick.",
        "image": {
            "motif": "bars",
            "colors": ["#495057", "#adb5bd", "#fcbf49"],
            "alt": "Abstrakte Grafik mit grauen Balken und einem gelben Akzentbalken",
            "caption": "Der Auftragseingang im Maschinenbau hat sich auf niedrigem Niveau stabilisiert.",
            "credit": "Anton Kielmann",
            "source": "Bildagentur Nordlicht",
        },
    },
    # ------------------------------------------------------------------
    {
        "title": "Vier-Tage-Woche im Mittelstand: Erste Bilanz nach einem Jahr",
        "slug": "vier-tage-woche-im-mittelstand-erste-bilanz-nach-einem-jahr",
        "lead": "Ein Metallbaubetrieb, ein Softwarehaus und ein Großhändler haben die Vier-Tage-Woche ein Jahr lang getestet. Die Ergebnisse fallen positiver aus als erwartet – aber nicht überall.",
        "body": """<p>Als die Schäfer Metallbau GmbH vor einem Jahr ankündigte, die Vier-Tage-Woche einzuführen, hielten viele in der Branche das für eine Schnapsidee. Ein Handwerksbetrieb mit Montageeinsätzen auf Baustellen, Kunden mit engen Terminplänen – wie soll das gehen? „Ehrlich gesagt wussten wir das selbst nicht genau“, sagt Geschäftsführer Lukas Schäfer heute. „Aber wir hatten drei offene Stellen, die wir seit Monaten nicht besetzen konnten. Wir mussten irgendetwas ändern.“</p>
<h2>Das Modell</h2>
<p>Schäfer entschied sich für eine Variante mit 36 Stunden an vier Tagen bei vollem Lohnausgleich für die bisherigen 38,5 Stunden. Die Werkstatt ist weiterhin von Montag bis Freitag besetzt, die Beschäftigten arbeiten in zwei Gruppen mit wechselndem freien Tag. Auf Baustellen wird in Ausnahmefällen auch freitags gearbeitet, dafür gibt es einen Ausgleichstag.</p>
<p>Ähnlich gingen zwei weitere Unternehmen vor, die von der Hochschule Rheinau wissenschaftlich begleitet wurden: ein Softwarehaus mit 70 Beschäftigten und ein technischer Großhändler mit 140 Mitarbeitern.</p>
<h2>Die Ergebnisse</h2>
<p>Nach zwölf Monaten zeigt die Auswertung ein überwiegend positives Bild:</p>
<ul>
<li>Die krankheitsbedingten Fehltage sanken in allen drei Betrieben, im Schnitt um 21 Prozent.</li>
<li>Die Zahl der Bewerbungen stieg deutlich, beim Metallbauer von durchschnittlich zwei auf neun pro Ausschreibung.</li>
<li>Die Produktivität pro Stunde nahm im Softwarehaus und beim Metallbauer spürbar zu, der Gesamtumsatz blieb stabil.</li>
<li>Beim Großhändler dagegen verschlechterte sich die Erreichbarkeit für Kunden, die Reklamationsquote stieg leicht.</li>
</ul>
<h2>Nicht für jeden Betrieb</h2>
<p>Gerade das Beispiel des Großhändlers zeigt die Grenzen des Modells. Dort sind viele Tätigkeiten an feste Öffnungszeiten gebunden: Telefonberatung, Lagerverkauf, Warenannahme. „Wenn ein Teil des Teams fehlt, merkt der Kunde das sofort“, sagt die Personalleiterin des Unternehmens. Der Betrieb hat das Modell deshalb angepasst und bietet die Vier-Tage-Woche nur noch in Bereichen ohne direkten Kundenkontakt an.</p>
<p>Für die Beschäftigten im Vertrieb und am Telefon gibt es stattdessen ein Gleitzeitmodell mit der Möglichkeit, Überstunden in ganzen freien Tagen abzubauen. Die Zufriedenheit ist nach einer internen Umfrage auch dort gestiegen, wenn auch weniger stark als in den Abteilungen mit Vier-Tage-Woche.</p>
<p>Die wissenschaftliche Begleitung kommt zu einem differenzierten Schluss. Die Vier-Tage-Woche sei kein Allheilmittel gegen den Fachkräftemangel, könne aber ein starkes Argument im Wettbewerb um Bewerber sein, wenn die Arbeitsorganisation mitgedacht werde. Entscheidend sei, Abläufe vorab zu überprüfen und unnötige Besprechungen, Doppelarbeit und Wartezeiten konsequent abzubauen.</p>
<blockquote><p>„Weniger Zeit zwingt zu besserer Organisation. Das war vielleicht der größte Gewinn des ganzen Versuchs.“</p></blockquote>
<p>So fasst es Lukas Schäfer zusammen. Seine drei offenen Stellen sind inzwischen besetzt. Der ausführliche Abschlussbericht ist <a href="https://example.org/hs-rheinau/vier-tage-woche-bericht">online verfügbar</a>.</p>""",
        "category": "arbeitswelt",
        "tags": ["Fachkräfte", "Mittelstand", "Führung"],
        "authors": ["henrike-osswald"],
        "days_ago": 398,
        "status": "published",
        "meta_description": "Drei Mittelständler testen die Vier-Tage-Woche: weniger Fehltage, mehr Bewerbungen – aber nicht in jedem Bereich ein Erfolg.",
        "image": {
            "motif": "circles",
            "colors": ["#118ab2", "#06d6a0", "#ffd166"],
            "alt": "Abstrakte Grafik mit vier großen Kreisen in Blau, Grün und Gelb",
            "caption": "Vier Tage Arbeit, volle Bezahlung: Ein Modell, das nicht in jedem Betrieb funktioniert.",
            "credit": "Merle Sandhagen",
            "source": "Redaktion",
        },
    },
    # ------------------------------------------------------------------
    # Geplante Veröffentlichungen (in der Zukunft)
    # ------------------------------------------------------------------
    {
        "title": "Datenqualität im CRM: Der unterschätzte Umsatzhebel",
        "slug": "datenqualitaet-im-crm-der-unterschaetzte-umsatzhebel",
        "lead": "Doppelte Kontakte, veraltete Adressen, leere Pflichtfelder: Schlechte Daten kosten den Vertrieb mehr, als viele ahnen. Wie Unternehmen ihr CRM aufräumen – und dafür sorgen, dass es sauber bleibt.",
        "body": """<p>Wie viele Kunden hat Ihr Unternehmen? Die Frage klingt einfach, doch in vielen mittelständischen Betrieben gibt es darauf keine eindeutige Antwort. Das CRM-System zählt 14.000 Firmenkontakte, die Buchhaltung 9.200 Debitoren, der Vertrieb spricht von „rund 6.000 aktiven Kunden“. Solche Abweichungen sind typisch, und sie sind teuer.</p>
<h2>Was schlechte Daten kosten</h2>
<p>Nach einer Analyse des Beratungsunternehmens Datenhafen, das CRM-Bestände von 45 mittelständischen Unternehmen untersucht hat, sind im Durchschnitt 18 Prozent der Kontakte Dubletten, bei 23 Prozent stimmt mindestens eine Angabe nicht mehr, etwa Ansprechpartner, Telefonnummer oder Adresse. Die Folgen reichen von peinlichen Serienbriefen an längst verstorbene Geschäftsführer bis zu falschen Vertriebsprognosen.</p>
<p>Krämer hat versucht, den Schaden zu beziffern. In den untersuchten Unternehmen verbrachten Vertriebsmitarbeiter im Schnitt knapp drei Stunden pro Woche damit, Kontaktdaten zu suchen, zu prüfen oder zu korrigieren. Hochgerechnet auf ein Vertriebsteam von 20 Personen entspricht das mehr als einer Vollzeitstelle. Hinzu kommen verpasste Chancen: Wenn ein Ansprechpartner das Unternehmen gewechselt hat und niemand es bemerkt, geht auch das Folgegeschäft beim neuen Arbeitgeber verloren.</p>
<p>„Das größte Problem ist der Vertrauensverlust“, sagt Datenhafen-Gründer Philipp Krämer. „Wenn Vertriebsmitarbeiter merken, dass die Daten im System nicht stimmen, führen sie wieder eigene Excel-Listen. Und dann ist das CRM nur noch ein teures Adressbuch.“</p>
<h2>Großputz in drei Phasen</h2>
<p>Krämer empfiehlt, die Bereinigung als Projekt mit klarem Ende anzugehen:</p>
<ol>
<li><strong>Bestandsaufnahme:</strong> Welche Felder werden tatsächlich genutzt, welche Daten sind geschäftskritisch? Oft lassen sich dabei ein Drittel der Felder streichen.</li>
<li><strong>Bereinigung:</strong> Dubletten zusammenführen, Adressen automatisch prüfen, inaktive Kontakte archivieren. Ein großer Teil lässt sich mit Werkzeugen erledigen, der Rest erfordert Handarbeit.</li>
<li><strong>Regeln festlegen:</strong> Pflichtfelder, Namenskonventionen und klare Verantwortlichkeiten verhindern, dass das Chaos zurückkehrt.</li>
</ol>
<h2>Sauber bleiben ist schwerer als sauber werden</h2>
<p>Die eigentliche Herausforderung beginnt nach dem Großputz. Datenqualität ist keine einmalige Aufgabe, sondern eine Frage der Gewohnheit. Bewährt hat sich, für jeden Datenbereich einen Verantwortlichen zu benennen und die Datenqualität regelmäßig zu messen, etwa mit einem einfachen Anteil vollständiger und aktueller Datensätze.</p>
<p>Manche Unternehmen gehen noch weiter. Beim Industriehändler Rabenhorst Technik fließt die Datenqualität zu zehn Prozent in die variable Vergütung der Vertriebsmitarbeiter ein. „Anfangs gab es Murren“, sagt Vertriebschefin Merve Rabenhorst. „Heute sind die Leute froh, weil sie sich auf die Informationen im System verlassen können.“</p>
<p>Auch künstliche Intelligenz kann helfen, etwa beim Erkennen von Dubletten mit abweichender Schreibweise oder beim Ergänzen fehlender Branchenangaben. Ersetzen kann sie klare Regeln aber nicht. Eine Vorlage für Datenrichtlinien im Vertrieb bietet Datenhafen <a href="https://example.com/datenhafen/vorlage-datenrichtlinie">kostenlos an</a>.</p>""",
        "category": "technik",
        "tags": ["CRM", "Digitalisierung", "Künstliche Intelligenz"],
        "authors": ["jonas-weissenfels"],
        "days_ago": -2,
        "status": "published",
        "meta_description": "Dubletten und veraltete Kontakte kosten Umsatz. Wie Unternehmen ihr CRM bereinigen und die Datenqualität dauerhaft sichern.",
        "image": {
            "motif": "grid",
            "colors": ["#003049", "#669bbc", "#fdf0d5"],
            "alt": "Abstrakte Grafik mit einem gleichmäßigen Raster in Dunkelblau und Hellblau",
            "caption": "Saubere Daten sind die Grundlage für verlässliche Vertriebsprognosen.",
            "credit": "Tarek Wendisch",
            "source": "Redaktion",
        },
    },
    {
        "title": "Messeplanung: So wird der Auftritt zum Vertriebserfolg",
        "slug": "messeplanung-so-wird-der-auftritt-zum-vertriebserfolg",
        "lead": "Ein Messestand kostet schnell sechsstellige Beträge. Ob sich das lohnt, entscheidet sich vor allem vor und nach der Messe. Eine Checkliste für Vertriebs- und Marketingteams.",
        "body": """<p>Für viele Mittelständler ist die Messe der größte einzelne Posten im Marketingbudget. Standmiete, Standbau, Reisekosten und Arbeitszeit summieren sich bei einem mittelgroßen Stand von 60 Quadratmetern schnell auf 120.000 bis 180.000 Euro. Umso erstaunlicher ist, wie wenige Unternehmen den Erfolg ihres Auftritts systematisch messen. Nach einer Erhebung unter 260 Ausstellern tun das nur 29 Prozent.</p>
<h2>Vor der Messe: Ziele und Termine</h2>
<p>„Die Messe gewinnt man in den acht Wochen davor“, sagt Messetrainerin Friederike Lauterbach, die seit 20 Jahren Standteams schult. Am Anfang stehen klare, messbare Ziele: Wie viele qualifizierte Kontakte sollen entstehen? Welche Bestandskunden sollen wir sprechen? Welches Produkt wollen wir vorstellen?</p>
<p>Daraus ergeben sich die nächsten Schritte:</p>
<ul>
<li>Bestandskunden und Interessenten persönlich einladen und Termine vereinbaren,</li>
<li>das Standpersonal auf Gesprächsführung und Produktneuheiten vorbereiten,</li>
<li>einheitliche Erfassung von Kontakten festlegen, idealerweise direkt im CRM,</li>
<li>eine Ankündigung auf der eigenen Website und in Kundenmailings planen.</li>
</ul>
<h2>Auf der Messe: Gespräche statt Giveaways</h2>
<p>Auf dem Stand selbst zählt vor allem die Qualität der Gespräche. Lauterbach rät, das Team nicht zu groß zu planen und klare Rollen zu verteilen. „Zu viele Leute auf dem Stand wirken wie eine Mauer. Besucher trauen sich dann nicht hinein.“ Jedes Gespräch sollte mit einer konkreten Vereinbarung enden, etwa einem Angebot, einem Rückruf oder einem Besuchstermin.</p>
<p>Wichtig ist außerdem, dass jedes Gespräch unmittelbar dokumentiert wird – nicht abends im Hotel aus dem Gedächtnis, sondern direkt nach dem Gespräch, am besten mit einer App, die die Daten ins CRM überträgt. Notiert werden sollten neben den Kontaktdaten vor allem das konkrete Anliegen, die vereinbarten nächsten Schritte und eine Einschätzung, wie groß das Potenzial ist. Ohne diese Angaben weiß nach der Messe niemand mehr, welche der 300 Visitenkarten wirklich wichtig waren.</p>
<h2>Nach der Messe: Schnell nachfassen</h2>
<p>Der kritischste Moment kommt nach dem Abbau. Viele Kontakte verlaufen im Sand, weil sich wochenlang niemand meldet. Lauterbachs Faustregel: Innerhalb von 48 Stunden sollte jeder Gesprächspartner eine persönliche Nachricht erhalten, innerhalb von zwei Wochen die vereinbarte Leistung. Unternehmen, die das konsequent umsetzen, erzielen nach ihrer Erfahrung bis zu dreimal so viele Aufträge aus Messekontakten.</p>
<blockquote><p>„Eine Visitenkarte ist kein Kontakt. Ein Kontakt ist erst entstanden, wenn beide Seiten wissen, wie es weitergeht.“</p></blockquote>
<h2>Erfolg messen</h2>
<p>Um den Erfolg zu bewerten, genügen wenige Kennzahlen: Zahl der qualifizierten Kontakte, daraus entstandene Angebote und Aufträge innerhalb von zwölf Monaten sowie die Kosten pro qualifiziertem Kontakt. Letztere liegen bei Industriemessen nach Lauterbachs Erfahrung zwischen 250 und 600 Euro. Eine Vorlage zur Erfolgsmessung finden Sie in unserem <a href="https://example.org/redaktion/messe-kennzahlen">Downloadbereich</a>.</p>""",
        "category": "ratgeber",
        "tags": ["Messe", "CRM", "Mittelstand"],
        "authors": ["katharina-brueckner", "mika-soenmez"],
        "days_ago": -5,
        "status": "published",
        "meta_description": "Messeauftritt planen, durchführen und auswerten: eine praktische Checkliste für Vertriebs- und Marketingteams im Mittelstand.",
        "image": {
            "motif": "diagonal",
            "colors": ["#ef476f", "#ffd166", "#073b4c"],
            "alt": "Abstrakte Grafik mit diagonalen Streifen in Pink, Gelb und Dunkelblau",
            "caption": "Ob sich ein Messeauftritt lohnt, entscheidet sich vor allem vor und nach der Messe.",
            "credit": "Fenja Ruprecht",
            "source": "Bildagentur Nordlicht",
        },
    },
    # ------------------------------------------------------------------
    # Entwurf und Artikel in Prüfung
    # ------------------------------------------------------------------
    {
        "title": "Kundenportale: Self-Service als Vertriebskanal",
        "slug": "kundenportale-self-service-als-vertriebskanal",
        "lead": "Bestellungen, Lieferstatus, Rechnungen, Dokumentation: Immer mehr Industriekunden wollen Routineaufgaben selbst erledigen. Kundenportale entlasten den Innendienst – wenn sie richtig geplant sind.",
        "body": """<p>Montagmorgen, kurz nach sieben: Beim Innendienst der Feldkirch Ventiltechnik GmbH klingelt das Telefon. Ein Kunde möchte wissen, wann seine Bestellung geliefert wird. Es ist der erste von rund 90 solcher Anrufe an diesem Tag. „Früher haben zwei Kolleginnen fast ausschließlich Lieferstatus durchgegeben“, sagt Innendienstleiter Sven Hagedorn. Seit einem Jahr sehen die Kunden den Status ihrer Aufträge in einem Onlineportal. Die Zahl der Anrufe ist um 70 Prozent gesunken.</p>
<p>Die gewonnene Zeit nutzt das Team für Aufgaben, die vorher liegen blieben: Rückrufe bei Kunden, die länger nicht bestellt haben, schnellere Angebote für Sonderausführungen, eine gründlichere Bearbeitung von Reklamationen. „Das Portal hat uns nicht ersetzt, sondern uns Luft verschafft“, sagt Hagedorn.</p>
<h2>Was Kunden erwarten</h2>
<p>Geschäftskunden sind es aus ihrem Privatleben gewohnt, Bestellungen online zu verfolgen und Rechnungen herunterzuladen. Diese Erwartung übertragen sie zunehmend auf den beruflichen Einkauf. Nach einer Umfrage unter 400 technischen Einkäufern wünschen sich 81 Prozent die Möglichkeit, Lieferstatus und Dokumente rund um die Uhr selbst abzurufen. 54 Prozent würden Standardartikel lieber online als per Telefon oder E-Mail bestellen.</p>
<h2>Die wichtigsten Funktionen</h2>
<ul>
<li>Auftragsstatus und Sendungsverfolgung,</li>
<li>Rechnungen, Lieferscheine und Zertifikate zum Download,</li>
<li>Nachbestellung aus der Bestellhistorie,</li>
<li>technische Dokumentation und Ersatzteilkataloge,</li>
<li>Angebote für Standardprodukte mit kundenspezifischen Preisen.</li>
</ul>
<h2>Typische Fehler</h2>
<p>Viele Portalprojekte scheitern nicht an der Technik, sondern an der Akzeptanz. Kunden nutzen das Portal nicht, wenn die Registrierung umständlich ist oder die Daten nicht aktuell sind. „Wenn der Lieferstatus im Portal einen Tag hinterherhinkt, ruft der Kunde eben doch wieder an“, sagt Hagedorn. Voraussetzung ist deshalb eine Echtzeitanbindung an die Warenwirtschaft.</p>
<p>Ein weiteres Thema ist die Sicherheit. Ein Kundenportal enthält Preise, Bestellhistorien und technische Unterlagen – Informationen, die für Wettbewerber äußerst interessant sind. Zugänge sollten deshalb personenbezogen vergeben, mit einer zweiten Anmeldestufe geschützt und regelmäßig überprüft werden. Verlässt ein Mitarbeiter beim Kunden das Unternehmen, muss sein Zugang zeitnah gesperrt werden. Feldkirch bittet seine Kunden dafür einmal im Jahr, die Liste der berechtigten Nutzer zu bestätigen.</p>
<p>Ebenso wichtig ist die Rolle des Außendienstes. Wer fürchtet, durch das Portal überflüssig zu werden, wird es kaum aktiv empfehlen. Feldkirch hat deshalb die Provisionsregeln angepasst: Umsätze, die Kunden eines Gebiets über das Portal erzielen, werden dem zuständigen Außendienstler gutgeschrieben.</p>
<p>[Hier noch Zitat aus dem Gespräch mit dem Portalanbieter ergänzen und Zahlen zur Nutzung nach Kundengröße nachrecherchieren.]</p>""",
        "category": "vertrieb",
        "tags": ["Digitalisierung", "CRM", "IT-Sicherheit"],
        "authors": ["jonas-weissenfels"],
        "days_ago": 1,
        "status": "draft",
        "meta_description": "Kundenportale im B2B: Welche Funktionen Industriekunden erwarten und wie Portale den Innendienst entlasten.",
        "image": {
            "motif": "waves",
            "colors": ["#3a6ea5", "#c0d6df"],
            "alt": "Abstrakte Grafik mit blauen Wellenlinien auf hellem Grund",
            "caption": "Kundenportale übernehmen Routineanfragen, die früher den Innendienst blockiert haben.",
            "credit": "Jannik Obermeier",
            "source": "Redaktion",
        },
    },
    {
        "title": "Weiterbildung mit KI: Wie Unternehmen ihre Belegschaft schulen",
        "slug": "weiterbildung-mit-ki-wie-unternehmen-ihre-belegschaft-schulen",
        "lead": "Künstliche Intelligenz verändert Arbeitsplätze in Vertrieb, Verwaltung und Produktion. Doch nur wenige Mittelständler haben einen Plan, wie sie ihre Beschäftigten darauf vorbereiten. Drei Ansätze aus der Praxis.",
        "body": """<p>Die meisten Beschäftigten im Mittelstand sind künstlicher Intelligenz schon begegnet, ob beim Übersetzen von E-Mails, beim Zusammenfassen von Dokumenten oder in der Suchfunktion ihres CRM-Systems. Systematisch geschult wurden die wenigsten. Nach einer Befragung unter 650 Beschäftigten aus Unternehmen mit 50 bis 500 Mitarbeitern haben nur 22 Prozent an einer Weiterbildung zum Thema teilgenommen. Gleichzeitig nutzen 48 Prozent KI-Werkzeuge zumindest gelegentlich bei der Arbeit, oft ohne Wissen ihres Arbeitgebers.</p>
<p>Diese Lücke ist riskant. Wer Werkzeuge ohne Anleitung nutzt, gibt womöglich vertrauliche Kundendaten in öffentliche Dienste ein oder verlässt sich auf Ergebnisse, die fehlerhaft sind. Gleichzeitig verschenken Unternehmen Potenzial, weil gute Ideen einzelner Beschäftigter nicht den Weg ins Team finden. Drei Unternehmen zeigen, wie es anders gehen kann.</p>
<h2>Ansatz 1: KI-Lotsen in jeder Abteilung</h2>
<p>Die Hartwig Elektroanlagen GmbH hat in jeder Abteilung einen „KI-Lotsen“ benannt. Die zwölf Freiwilligen erhielten eine dreitägige Schulung und stehen seitdem als Ansprechpartner für Kollegen zur Verfügung. Einmal im Monat tauschen sie sich über Erfahrungen aus. „Das funktioniert besser als jede zentrale Schulung, weil die Lotsen die konkreten Aufgaben ihrer Kollegen kennen“, sagt Personalleiterin Anja Rosenthal.</p>
<h2>Ansatz 2: Lernen am eigenen Anwendungsfall</h2>
<p>Beim Softwarehaus Quellbach Systeme gibt es keine allgemeinen KI-Kurse. Stattdessen sucht jedes Team einen konkreten Anwendungsfall aus seinem Alltag und entwickelt dafür in einem zweitägigen Workshop eine Lösung. Der Vertrieb etwa hat eine Vorlage für die Vorbereitung von Kundengesprächen erarbeitet, die Buchhaltung ein Verfahren zur Prüfung von Eingangsrechnungen.</p>
<p>Der Vorteil dieses Ansatzes: Die Beschäftigten erleben sofort einen Nutzen und verstehen dabei ganz nebenbei, wo die Grenzen der Technik liegen. „Nach dem Workshop weiß jeder, dass man Ergebnisse prüfen muss – nicht weil es in einer Schulungsfolie stand, sondern weil er es selbst erlebt hat“, sagt Teamleiterin Katrin Vogelsang.</p>
<h2>Ansatz 3: Regeln zuerst</h2>
<p>Der Großhändler Petersen &amp; Lohmann hat mit einer verbindlichen Richtlinie begonnen: Welche Werkzeuge sind erlaubt, welche Daten dürfen eingegeben werden, wer trägt die Verantwortung für Ergebnisse? Erst danach folgten Schulungen. „Viele Beschäftigte waren unsicher, was sie dürfen. Die Richtlinie hat ihnen diese Unsicherheit genommen“, sagt Geschäftsführer Nils Lohmann.</p>
<h2>Was gute Weiterbildung ausmacht</h2>
<ul>
<li>Sie ist an konkreten Aufgaben orientiert statt an Technik.</li>
<li>Sie vermittelt die Grenzen der Werkzeuge ebenso wie ihre Möglichkeiten.</li>
<li>Sie bezieht Datenschutz und Urheberrecht ein.</li>
<li>Sie wird regelmäßig aufgefrischt, weil sich die Werkzeuge schnell verändern.</li>
</ul>
<p>Der Betriebsrat sollte von Anfang an einbezogen werden, da der Einsatz von KI-Werkzeugen häufig mitbestimmungspflichtige Fragen berührt. Eine Übersicht über Fördermöglichkeiten für Weiterbildung im Mittelstand bietet die <a href="https://example.org/weiterbildung/foerderung">Servicestelle Weiterbildung</a>.</p>""",
        "category": "arbeitswelt",
        "tags": ["Künstliche Intelligenz", "Fachkräfte", "Führung"],
        "authors": ["henrike-osswald", "jonas-weissenfels"],
        "days_ago": 4,
        "status": "review",
        "meta_description": "KI-Weiterbildung im Mittelstand: Drei Praxisansätze zeigen, wie Unternehmen ihre Beschäftigten auf neue Werkzeuge vorbereiten.",
        "image": {
            "motif": "circles",
            "colors": ["#7209b7", "#4361ee", "#4cc9f0"],
            "alt": "Abstrakte Grafik mit konzentrischen Kreisen in Violett und Blau",
            "caption": "Nur eine Minderheit der Beschäftigten im Mittelstand wurde bisher im Umgang mit KI geschult.",
            "credit": "Lene Haverkamp",
            "source": "Bildagentur Nordlicht",
        },
    },
]
