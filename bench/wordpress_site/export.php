<?php
// Step 3: Tools → Export, with WordPress's own exporter. export_wp() declares
// functions, so each export runs in its own PHP process:
//   php export.php all FILE              „Alle Inhalte“
//   php export.php author LOGIN FILE     „Beiträge“ of one author
require __DIR__ . '/bootstrap.php';
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/export.php';

if ($argv[1] === 'author') {
    $args = ['content' => 'post', 'author' => get_user_by('login', $argv[2])->ID];
    $file = $argv[3];
} else {
    $args = ['content' => 'all'];
    $file = $argv[2];
}
ob_start();
@export_wp($args); // @: it sends download headers, meaningless on the command line
file_put_contents($file, ob_get_clean());
fwrite(STDERR, "$file written\n");
