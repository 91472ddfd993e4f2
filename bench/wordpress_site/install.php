<?php
// Step 1: WordPress's own installer (what the web installer runs), German.
require __DIR__ . '/bootstrap.php';
define('WP_INSTALLING', true);
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/translation-install.php';

$result = wp_install(
    'Magazin Beispiel', 'mkoehler', 'redaktion@magazin.example', true, '',
    'bench-only-password', 'de_DE'
);
update_option('WPLANG', 'de_DE');
update_option('timezone_string', 'Europe/Berlin');
update_option('date_format', 'j. F Y');
// Pretty permalinks, as magazines use them (Settings → Permalinks).
update_option('permalink_structure', '/%year%/%monthnum%/%postname%/');
// The installer's „Uncategorized“ (English: the translation is not loaded while
// installing from the command line), renamed as a German site has it.
wp_update_term(1, 'category', ['name' => 'Allgemein', 'slug' => 'allgemein']);
update_option('blogdescription', 'Wirtschaft, Technik und Kultur aus Deutschland');
echo "WordPress {$GLOBALS['wp_version']} installed, admin user {$result['user_id']}\n";
