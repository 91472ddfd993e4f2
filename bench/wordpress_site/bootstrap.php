<?php
// Loads WordPress from PHP CLI, as a request for the test site would.
$_SERVER['HTTP_HOST'] = getenv('WP_SITE_HOST') ?: 'magazin.example';
$_SERVER['SERVER_NAME'] = $_SERVER['HTTP_HOST'];
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
$_SERVER['REQUEST_METHOD'] = 'GET';
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['HTTPS'] = 'on';
error_reporting(E_ALL & ~E_DEPRECATED);

// No mail server here: WordPress's pluggable wp_mail() is replaced before it loads.
function wp_mail()
{
    return true;
}
