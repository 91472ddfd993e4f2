#!/bin/sh
# Builds a real WordPress 6 site with German magazine content and writes its
# exports (WordPress's own exporter, Tools → Export). See README.md.
#
#   sudo bench/wordpress_site/build.sh [OUT_DIR]      (default /tmp/wordpress-site)
#
# Needs Debian's packages: apt-get install wordpress mariadb-server php-cli
# php-mysql php-gd. Drops and recreates the database wp_magazin and OUT_DIR.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-/tmp/wordpress-site}
HOST=magazin.example
CONFIG=/etc/wordpress/config-$HOST.php

if ! mysqladmin ping >/dev/null 2>&1; then
    service mariadb start || (mysqld_safe >/dev/null 2>&1 &)
    for _ in 1 2 3 4 5 6 7 8 9 10; do
        mysqladmin ping >/dev/null 2>&1 && break
        sleep 1
    done
fi
mysql <<SQL
DROP DATABASE IF EXISTS wp_magazin;
CREATE DATABASE wp_magazin DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'wp_magazin'@'localhost' IDENTIFIED BY 'wp_magazin';
GRANT ALL ON wp_magazin.* TO 'wp_magazin'@'localhost';
SQL

rm -rf "$OUT"
mkdir -p "$OUT/wp-content/uploads"
# Debian's WordPress keeps themes and translations in /usr/share/wordpress.
ln -s /usr/share/wordpress/wp-content/themes "$OUT/wp-content/themes"
ln -s /usr/share/wordpress/wp-content/languages "$OUT/wp-content/languages"
ln -s /usr/share/wordpress/wp-content/plugins "$OUT/wp-content/plugins"

# Debian's /usr/share/wordpress/wp-config.php reads /etc/wordpress/config-<host>.php.
cat > "$CONFIG" <<PHP
<?php
// Written by bench/wordpress_site/build.sh: a throwaway test site.
define('DB_NAME', 'wp_magazin');
define('DB_USER', 'wp_magazin');
define('DB_PASSWORD', 'wp_magazin');
define('DB_HOST', 'localhost');
define('WP_HOME', 'https://$HOST');
define('WP_SITEURL', 'https://$HOST');
define('WP_CONTENT_DIR', '$OUT/wp-content');
define('WP_CONTENT_URL', 'https://$HOST/wp-content');
define('FS_METHOD', 'direct');
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
PHP

export WP_SITE_HOST=$HOST WP_SITE_OUT=$OUT
php "$HERE/install.php"
php "$HERE/content.php"
php "$HERE/export.php" all "$OUT/export-all.xml"
php "$HERE/export.php" author abaecker "$OUT/export-author-abaecker.xml"
ls -l "$OUT"/*.xml
