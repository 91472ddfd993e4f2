<?php
// Step 2: German magazine content, written through WordPress's own API (the
// functions its admin screens call). The facts that the Redaktion tests check
// (tests/articles/wordpress/test_real_export.py) are made here: change both.
//
// WP-PostViews and WP-PostRatings are not installed (no network); their post
// meta (`views`; `ratings_users`, `ratings_score`, `ratings_average`) is written
// as the plugins write it, and those meta keys are all the importer reads.
require __DIR__ . '/bootstrap.php';
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/image.php';
require_once ABSPATH . 'wp-admin/includes/file.php';
require_once ABSPATH . 'wp-admin/includes/media.php';
require_once ABSPATH . 'wp-admin/includes/post.php';

function check($value, $what)
{
    if (is_wp_error($value) || !$value) {
        fwrite(STDERR, "$what failed: " . (is_wp_error($value) ? $value->get_error_message() : 'no result') . "\n");
        exit(1);
    }
    return $value;
}

// --- People ---------------------------------------------------------------------

$admin = get_user_by('login', 'mkoehler');
check(wp_update_user([
    'ID' => $admin->ID,
    'first_name' => 'Miriam',
    'last_name' => 'Köhler',
    'display_name' => 'Miriam Köhler',
    'nickname' => 'Miriam Köhler',
]), 'admin name');
$baecker = check(wp_insert_user([
    'user_login' => 'abaecker',
    'user_pass' => 'bench-only-password',
    'user_email' => 'a.baecker@magazin.example',
    'first_name' => 'Anna-Lena',
    'last_name' => 'Bäcker',
    'display_name' => 'Prof. Dr. Anna-Lena Bäcker',
    'role' => 'author',
]), 'user abaecker');
$weiss = check(wp_insert_user([
    'user_login' => 'jweiss',
    'user_pass' => 'bench-only-password',
    'user_email' => 'j.weiss@magazin.example',
    'first_name' => 'Jörg',
    'last_name' => 'Weiß',
    'display_name' => 'Jörg Weiß',
    'role' => 'editor',
]), 'user jweiss');
$reader = check(wp_insert_user([
    'user_login' => 'tgross',
    'user_pass' => 'bench-only-password',
    'user_email' => 'thomas.gross@example.org',
    'first_name' => 'Thomas',
    'last_name' => 'Groß',
    'display_name' => 'Thomas Groß',
    'role' => 'subscriber',
]), 'user tgross');

// The admin may post unfiltered HTML (as on a real site), so kses does not
// clean <script> on the way in: the importer's sanitiser must.
wp_set_current_user($admin->ID);

// --- Categories and tags --------------------------------------------------------

// The installer made „Allgemein“ (ID 1); a German site keeps it.
$wirtschaft = check(wp_insert_term('Wirtschaft', 'category', ['slug' => 'wirtschaft']), 'Wirtschaft')['term_id'];
$technik = check(wp_insert_term('Technik & Innovation', 'category', [
    'slug' => 'technik-innovation',
    'parent' => $wirtschaft,
    'description' => 'Neues aus Forschung & Entwicklung',
]), 'Technik')['term_id'];
$kultur = check(wp_insert_term('Kultur & Gesellschaft', 'category', ['slug' => 'kultur']), 'Kultur')['term_id'];
// Two categories named „News“ under different parents: WordPress allows it.
$news_wirtschaft = check(wp_insert_term('News', 'category', ['slug' => 'news', 'parent' => $wirtschaft]), 'News')['term_id'];
$news_kultur = check(wp_insert_term('News', 'category', ['slug' => 'news-kultur', 'parent' => $kultur]), 'News Kultur')['term_id'];
check(wp_insert_term('Künstliche Intelligenz', 'post_tag', ['slug' => 'kuenstliche-intelligenz']), 'tag KI');

// --- Images: real JPEGs, uploaded as the media library does ----------------------

function make_jpeg($label, $width, $height, $rgb)
{
    $image = imagecreatetruecolor($width, $height);
    for ($y = 0; $y < $height; $y++) {
        $shade = (int) (80 * $y / $height);
        $colour = imagecolorallocate($image, max(0, $rgb[0] - $shade), max(0, $rgb[1] - $shade), max(0, $rgb[2] - $shade));
        imageline($image, 0, $y, $width, $y, $colour);
    }
    $white = imagecolorallocate($image, 255, 255, 255);
    imagestring($image, 5, 40, 40, $label, $white);
    $path = wp_tempnam($label) . '.jpg';
    imagejpeg($image, $path, 85);
    imagedestroy($image);
    return $path;
}

// Uploaded while editing $post_id: stored under that post's year/month, with the
// sizes WordPress generates (thumbnail, medium, large …).
function upload($file_name, $post_id, $author, $rgb, $alt = '', $caption = '', $size = [1600, 1000])
{
    wp_set_current_user($author);
    $file = ['name' => $file_name, 'tmp_name' => make_jpeg(pathinfo($file_name, PATHINFO_FILENAME), $size[0], $size[1], $rgb)];
    $id = check(media_handle_sideload($file, $post_id, null, ['post_excerpt' => $caption]), "upload $file_name");
    if ($alt !== '') {
        update_post_meta($id, '_wp_attachment_image_alt', $alt);
    }
    wp_set_current_user($GLOBALS['admin']->ID);
    return $id;
}

function size_url($attachment_id, $size)
{
    return wp_get_attachment_image_src($attachment_id, $size)[0];
}

function post($fields)
{
    $defaults = ['post_type' => 'post', 'post_status' => 'publish', 'comment_status' => 'open'];
    return check(wp_insert_post(array_merge($defaults, $fields), true), 'post ' . ($fields['post_title'] ?? ''));
}

function comment($post_id, $fields)
{
    $defaults = [
        'comment_post_ID' => $post_id,
        'comment_approved' => 1,
        'comment_type' => 'comment',
        'comment_agent' => 'Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.0',
    ];
    return check(wp_insert_comment(array_merge($defaults, $fields)), 'comment');
}

function meta($post_id, $values)
{
    foreach ($values as $key => $value) {
        update_post_meta($post_id, $key, $value);
    }
}

// --- 1. Gutenberg, sticky, nested category, featured image, deep comment threads ---

$messe = post([
    'post_title' => 'Hannover Messe 2023: Roboter, die mitdenken',
    'post_name' => 'hannover-messe-2023-roboter',
    'post_author' => $baecker,
    'post_date' => '2023-04-17 09:30:00',
    'post_excerpt' => 'Auf der Hannover Messe zeigen Aussteller Roboter, die aus Fehlern lernen – ein Rundgang.',
    'post_content' => '',
    'post_category' => [$technik],
    'tags_input' => ['Künstliche Intelligenz', 'Messe', 'Hannover'],
]);
$featured = upload('messe-hannover.jpg', $messe, $baecker, [40, 90, 160],
    'Besucherinnen und Besucher drängen sich am Stand eines Roboterherstellers',
    'Gedränge am Stand von Kuka in Halle 17. Foto: Jörg Weiß');
set_post_thumbnail($messe, $featured);
$roboter = upload('roboter-werkhalle.jpg', $messe, $baecker, [150, 110, 40],
    'Ein orangefarbener Roboterarm greift ein Bauteil',
    'Der Greifarm lernt jede Bewegung neu. Bild: © Anna-Lena Bäcker');
$roboter_large = size_url($roboter, 'large');
wp_update_post(['ID' => $messe, 'post_content' => <<<HTML
<!-- wp:paragraph -->
<p>Die <strong>Hannover Messe</strong> zeigt in diesem Jahr vor allem eines: Künstliche Intelligenz &amp; Robotik wachsen zusammen. Rund 4.000 Aussteller sind gekommen.</p>
<!-- /wp:paragraph -->

<!-- wp:more -->
<!--more-->
<!-- /wp:more -->

<!-- wp:image {"id":$roboter,"sizeSlug":"large","linkDestination":"none"} -->
<figure class="wp-block-image size-large"><img src="$roboter_large" alt="Ein orangefarbener Roboterarm greift ein Bauteil" class="wp-image-$roboter"/><figcaption class="wp-element-caption">Der Greifarm lernt jede Bewegung neu.</figcaption></figure>
<!-- /wp:image -->

<!-- wp:heading -->
<h2>Was die Aussteller sagen</h2>
<!-- /wp:heading -->

<!-- wp:quote -->
<blockquote class="wp-block-quote"><!-- wp:paragraph -->
<p>„Wir stehen erst am Anfang.“</p>
<!-- /wp:paragraph --><cite>Dr. Klaus Meier, Fraunhofer IPA</cite></blockquote>
<!-- /wp:quote -->

<!-- wp:list -->
<ul><!-- wp:list-item -->
<li>Cobots, die neben Menschen arbeiten</li>
<!-- /wp:list-item -->

<!-- wp:list-item -->
<li>Digitale Zwillinge ganzer Fabriken</li>
<!-- /wp:list-item --></ul>
<!-- /wp:list -->

<!-- wp:embed {"url":"https://www.youtube.com/watch?v=dQw4w9WgXcQ","type":"video","providerNameSlug":"youtube","responsive":true,"className":"wp-embed-aspect-16-9 wp-has-aspect-ratio"} -->
<figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube wp-embed-aspect-16-9 wp-has-aspect-ratio"><div class="wp-block-embed__wrapper">
https://www.youtube.com/watch?v=dQw4w9WgXcQ
</div><figcaption class="wp-element-caption">Rundgang über die Messe im Video</figcaption></figure>
<!-- /wp:embed -->

<!-- wp:table -->
<figure class="wp-block-table"><table><thead><tr><th>Halle</th><th>Thema</th></tr></thead><tbody><tr><td>17</td><td>Robotik &amp; KI</td></tr><tr><td>11</td><td>Energie</td></tr></tbody></table><figcaption class="wp-element-caption">Die wichtigsten Hallen</figcaption></figure>
<!-- /wp:table -->

<!-- wp:shortcode -->
[ratings]
<!-- /wp:shortcode -->
HTML]);
stick_post($messe);
meta($messe, ['views' => '4711', 'ratings_users' => '23', 'ratings_score' => '104', 'ratings_average' => '4.52']);

$c1 = comment($messe, [
    'comment_author' => 'Maria Schäfer',
    'comment_author_email' => 'maria.schaefer@example.org',
    'comment_author_url' => 'https://maria-schaefer.example.org',
    'comment_author_IP' => '192.0.2.15',
    'comment_date' => '2023-04-17 11:02:00',
    'comment_date_gmt' => '2023-04-17 09:02:00',
    'comment_content' => "Toller Bericht! Gibt es die Roboter auch für kleine Betriebe?",
]);
$c2 = comment($messe, [
    'comment_author' => 'Jörg Weiß',
    'comment_author_email' => 'j.weiss@magazin.example',
    'comment_author_IP' => '198.51.100.7',
    'user_id' => $weiss,
    'comment_parent' => $c1,
    'comment_date' => '2023-04-17 12:15:00',
    'comment_date_gmt' => '2023-04-17 10:15:00',
    'comment_content' => "Ja, einige Hersteller vermieten Cobots <em>monatsweise</em>.",
]);
$c3 = comment($messe, [
    'comment_author' => 'Maria Schäfer',
    'comment_author_email' => 'maria.schaefer@example.org',
    'comment_author_IP' => '192.0.2.15',
    'comment_parent' => $c2,
    'comment_date' => '2023-04-17 13:40:00',
    'comment_date_gmt' => '2023-04-17 11:40:00',
    'comment_content' => 'Danke, das probieren wir aus.',
]);
$c4 = comment($messe, [
    'comment_author' => 'Thomas Groß',
    'comment_author_email' => 'thomas.gross@example.org',
    'comment_author_IP' => '203.0.113.99',
    'user_id' => $reader,
    'comment_parent' => $c3,
    'comment_date' => '2023-04-18 08:05:00',
    'comment_date_gmt' => '2023-04-18 06:05:00',
    'comment_content' => "Wir mieten seit einem Jahr.\n\nErfahrung: gut, aber die Schulung dauert.",
]);
comment($messe, [
    'comment_author' => 'Gast',
    'comment_author_IP' => '2001:db8::1',
    'comment_parent' => $c4,
    'comment_date' => '2023-04-18 09:00:00',
    'comment_date_gmt' => '2023-04-18 07:00:00',
    'comment_content' => 'Wie lange genau?',
]);
comment($messe, [
    'comment_author' => 'Peter',
    'comment_author_email' => 'peter@example.net',
    'comment_author_IP' => '192.0.2.200',
    'comment_approved' => 0,
    'comment_date' => '2023-04-19 20:30:00',
    'comment_date_gmt' => '2023-04-19 18:30:00',
    'comment_content' => 'Das ist <b>Unsinn</b> &amp; Werbung: <a href="https://example.net">hier</a> <script>alert(1)</script>',
]);
comment($messe, [
    'comment_author' => 'Billig Uhren',
    'comment_author_email' => 'spam@spam.example',
    'comment_author_url' => 'https://spam.example',
    'comment_author_IP' => '192.0.2.66',
    'comment_approved' => 'spam',
    'comment_date' => '2023-04-20 03:00:00',
    'comment_date_gmt' => '2023-04-20 01:00:00',
    'comment_content' => 'Uhren günstig kaufen https://spam.example',
]);
$trashed = comment($messe, [
    'comment_author' => 'Troll',
    'comment_author_IP' => '192.0.2.13',
    'comment_date' => '2023-04-20 10:00:00',
    'comment_date_gmt' => '2023-04-20 08:00:00',
    'comment_content' => 'Alles Quatsch.',
]);
comment($messe, [
    'comment_author' => 'Sabine Öztürk',
    'comment_author_email' => 'sabine@example.org',
    'comment_author_IP' => '192.0.2.21',
    'comment_parent' => $trashed,
    'comment_date' => '2023-04-20 10:30:00',
    'comment_date_gmt' => '2023-04-20 08:30:00',
    'comment_content' => 'Bitte sachlich bleiben.',
]);
wp_trash_comment($trashed);
comment($messe, [
    'comment_author' => 'Fachblog Robotik',
    'comment_author_url' => 'https://robotik-blog.example/messe-2023/',
    'comment_author_IP' => '192.0.2.80',
    'comment_type' => 'pingback',
    'comment_date' => '2023-04-21 07:00:00',
    'comment_date_gmt' => '2023-04-21 05:00:00',
    'comment_content' => '[…] wie das Magazin berichtet, lernen die Roboter […]',
]);

// --- 2. Classic editor: no <p>, [caption], <!--more-->, [gallery], renamed slug ---

$bruecke = post([
    'post_title' => 'Köln bei Nacht: Ein Spaziergang über die Hohenzollernbrücke',
    'post_name' => 'koeln-bei-nacht',
    'post_author' => $weiss,
    'post_date' => '2022-11-05 20:15:00',
    'post_content' => 'Platzhalter',
    'post_category' => [$kultur],
    'tags_input' => ['Köln', 'Reise'],
]);
$bruecke_bild = upload('bruecke-koeln.jpg', $bruecke, $weiss, [20, 20, 70],
    'Die beleuchtete Hohenzollernbrücke über dem Rhein',
    'Die Hohenzollernbrücke bei Nacht. Bild: © Anna-Lena Bäcker');
$schloesser = upload('liebesschloesser.jpg', $bruecke, $weiss, [180, 40, 40], 'Liebesschlösser am Brückengitter', '', [1200, 800]);
$dom = upload('dom-westfassade.jpg', $bruecke, $weiss, [120, 120, 120], 'Westfassade des Kölner Doms', '', [800, 1200]);
set_post_thumbnail($bruecke, $bruecke_bild);
$bruecke_full = wp_get_attachment_url($bruecke_bild);
$bruecke_large = size_url($bruecke_bild, 'large');
$schloesser_medium = size_url($schloesser, 'medium');
wp_update_post(['ID' => $bruecke, 'post_content' => <<<HTML
Wer abends über die Hohenzollernbrücke geht, hört das Klirren der Liebesschlösser.
Zehntausende hängen inzwischen am Gitter – manche seit über zehn Jahren.

[caption id="attachment_$bruecke_bild" align="aligncenter" width="1024"]<a href="$bruecke_full"><img class="size-large wp-image-$bruecke_bild" src="$bruecke_large" alt="Die beleuchtete Hohenzollernbrücke über dem Rhein" width="1024" height="640" /></a> Die Brücke verbindet Deutz mit der Altstadt. Foto: Jörg Weiß[/caption]

<!--more-->
Der Dom ist nur wenige Schritte entfernt. Um 22 Uhr schließt er seine Türen; die Domplatte bleibt belebt.

<img class="alignright size-medium wp-image-$schloesser" src="$schloesser_medium" alt="Liebesschlösser am Brückengitter" width="300" height="200" />Die Stadt lässt die Schlösser hängen, solange die Statik es erlaubt [sic]. Eine Bilderstrecke:

[gallery ids="$schloesser,$dom" columns="2" link="file"]

<h3>Anfahrt</h3>
<ul>
	<li>S-Bahn bis Köln Hbf</li>
	<li>Zu Fuß über die Brücke nach Deutz</li>
</ul>
Mehr dazu <a href="https://magazin.example/2022/10/der-koelner-dom/">in unserem Dom-Porträt</a>.
HTML]);
// Renamed after publishing: WordPress keeps the old slug in _wp_old_slug.
wp_update_post(['ID' => $bruecke, 'post_name' => 'hohenzollernbruecke-bei-nacht']);
meta($bruecke, ['views' => '1234', 'ratings_users' => '7', 'ratings_score' => '30', 'ratings_average' => '4.29']);
$b1 = comment($bruecke, [
    'comment_author' => 'Klaus Jürgens',
    'comment_author_email' => 'kj@example.org',
    'comment_author_IP' => '192.0.2.44',
    'comment_date' => '2022-11-06 09:00:00',
    'comment_date_gmt' => '2022-11-06 08:00:00',
    'comment_content' => 'Schöne Fotos! Welche Kamera?',
]);
comment($bruecke, [
    'comment_author' => 'Jörg Weiß',
    'comment_author_email' => 'j.weiss@magazin.example',
    'comment_author_IP' => '198.51.100.7',
    'user_id' => $weiss,
    'comment_parent' => $b1,
    'comment_date' => '2022-11-06 10:00:00',
    'comment_date_gmt' => '2022-11-06 09:00:00',
    'comment_content' => 'Eine ganz normale Systemkamera, Stativ auf der Brücke.',
]);

// --- 3. Classic, unsafe HTML, two categories, shortcodes the importer removes ---

$energie = post([
    'post_title' => 'Energiewende: Was die neuen Regeln für Mieter bedeuten',
    'post_author' => $admin->ID,
    'post_date' => '2023-01-10 07:00:00',
    'post_category' => [$wirtschaft, $news_wirtschaft],
    'tags_input' => ['Energiewende'],
    'post_content' => <<<HTML
Ab 1. Januar gelten neue Regeln für Heizungen in Mietwohnungen.<script>document.write("Tracking")</script>
Wer zahlt was? Wir haben nachgefragt.

<p onclick="alert('x')">Vermieter dürfen die Kosten <a href="javascript:alert(1)">nur anteilig</a> umlegen.</p>

<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" width="560" height="315"></iframe>

<table>
<tr><th>Jahr</th><th>Anteil Vermieter</th></tr>
<tr><td>2023</td><td>50&nbsp;%</td></tr>
</table>

Fragen? [contact-form-7 id="42" title="Leserfragen"]

Quelle: Bundesministerium für Wirtschaft und Klimaschutz [1]
HTML,
]);
meta($energie, ['views' => '87']);

// --- 4.–8. Every status ------------------------------------------------------------

$entwurf = post([
    'post_title' => 'Quantencomputer im Mittelstand',
    'post_author' => $baecker,
    'post_status' => 'draft',
    'post_date' => '2023-05-02 10:00:00',
    'post_category' => [$technik],
    'post_content' => "<!-- wp:paragraph -->\n<p>Noch ein Entwurf: Wann lohnt sich Quantenrechnen?</p>\n<!-- /wp:paragraph -->",
]);
$pruefung = post([
    'post_title' => 'Radwege in Münster: Die Stadt legt nach',
    'post_author' => $weiss,
    'post_status' => 'pending',
    'post_category' => [$news_kultur],
    'post_content' => "Münster baut 30 Kilometer neue Radwege.\n\nDie Kosten trägt zum Teil das Land.",
]);
$vorschau = post([
    'post_title' => 'Vorschau: Die Trends des Jahres 2030',
    'post_author' => $admin->ID,
    'post_status' => 'future',
    'post_date' => '2030-01-15 08:00:00',
    'post_category' => [$technik],
    'post_content' => "<!-- wp:paragraph -->\n<p>Was uns 2030 erwartet.</p>\n<!-- /wp:paragraph -->",
]);
$intern = post([
    'post_title' => 'Intern: Redaktionsplan drittes Quartal',
    'post_author' => $admin->ID,
    'post_status' => 'private',
    'post_date' => '2023-06-01 12:00:00',
    'post_content' => 'Nur für die Redaktion.',
]);
$papierkorb = post([
    'post_title' => 'Doppelt angelegt',
    'post_author' => $weiss,
    'post_date' => '2023-02-01 12:00:00',
    'post_content' => 'Versehentlich doppelt.',
]);
wp_trash_post($papierkorb);

// --- 9. An older post by the professor: umlaut title, featured image with an umlaut file name ---

$maut = post([
    'post_title' => 'Über die Brücke: Ärger um die Maut',
    'post_author' => $baecker,
    'post_date' => '2015-03-02 06:45:00',
    'post_category' => [$news_wirtschaft],
    'tags_input' => ['Verkehr'],
    'post_content' => "<!-- wp:paragraph -->\n<p>Spediteure klagen über die neue Maut auf Bundesstraßen.</p>\n<!-- /wp:paragraph -->",
]);
$oel = upload('Ölfeld Nordsee.jpg', $maut, $baecker, [60, 60, 60], '', 'Bohrinsel vor der Küste (Foto: dpa)', [1200, 800]);
set_post_thumbnail($maut, $oel);
meta($maut, ['views' => '15873', 'ratings_users' => '3', 'ratings_score' => '9', 'ratings_average' => '3']);

$kurz = post([
    'post_title' => 'Kurz notiert: Buchmesse in Leipzig',
    'post_author' => $weiss,
    'post_date' => '2023-03-23 18:00:00',
    'post_category' => [$news_kultur],
    'comment_status' => 'closed',
    'post_content' => 'Die Leipziger Buchmesse meldet 274.000 Besucher.',
]);
meta($kurz, ['views' => '0', 'ratings_users' => '1', 'ratings_score' => '5', 'ratings_average' => '5']);

// --- Pages ---------------------------------------------------------------------------

post([
    'post_type' => 'page',
    'post_title' => 'Impressum',
    'post_name' => 'impressum',
    'post_author' => $admin->ID,
    'post_content' => "Magazin Beispiel GmbH\nMusterstraße 1\n10115 Berlin\n\nVerantwortlich: Miriam Köhler",
]);
post([
    'post_type' => 'page',
    'post_title' => 'Über uns',
    'post_author' => $admin->ID,
    'post_content' => "<!-- wp:paragraph -->\n<p>Wir sind ein unabhängiges Magazin.</p>\n<!-- /wp:paragraph -->",
]);

foreach (get_posts(['post_type' => 'any', 'post_status' => 'any', 'numberposts' => -1, 'fields' => 'ids']) as $id) {
    wp_update_comment_count_now($id);
}

$counts = [];
foreach (['post', 'page', 'attachment'] as $type) {
    $counts[] = $type . ': ' . array_sum((array) wp_count_posts($type));
}
echo 'Content created (' . implode(', ', $counts) . ', comments: ' . wp_count_comments()->total_comments . ")\n";
printf("IDs: messe=%d bruecke=%d energie=%d entwurf=%d pruefung=%d vorschau=%d intern=%d papierkorb=%d maut=%d kurz=%d\n",
    $messe, $bruecke, $energie, $entwurf, $pruefung, $vorschau, $intern, $papierkorb, $maut, $kurz);
