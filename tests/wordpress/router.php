<?php
// The router of the test's `php -S`: /wp-content/ comes from the test's own content folder
// (SMI_WP_CONTENT), as Debian's Apache alias serves it from /var/lib/wordpress; every other
// path is WordPress's, from the document root.
// Debian's wp-config.php reads /etc/wordpress/config-$WORDPRESS_CONFIG.php: this run's own.
$_SERVER['WORDPRESS_CONFIG'] = getenv( 'WORDPRESS_CONFIG' );
$path    = parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH );
$content = getenv( 'SMI_WP_CONTENT' );
if ( 0 !== strpos( $path, '/wp-content/' ) ) {
	return false;
}
$file = realpath( $content . substr( $path, strlen( '/wp-content' ) ) );
if ( ! $file || ! is_file( $file ) || '.php' === substr( $file, -4 ) ) {
	http_response_code( 404 );
	return true;
}
$types = array(
	'js'    => 'text/javascript',
	'css'   => 'text/css',
	'wasm'  => 'application/wasm',
	'json'  => 'application/json',
	'svg'   => 'image/svg+xml',
	'png'   => 'image/png',
	'woff2' => 'font/woff2',
);
// The widget's files as a CDN serves them: readable from any origin (a test serves them to
// the site from another origin, as the settings' files URL allows).
if ( false !== strpos( $path, '/plugins/smi-assessment/widget/' ) ) {
	header( 'Access-Control-Allow-Origin: *' );
}
header( 'Content-Type: ' . ( $types[ pathinfo( $file, PATHINFO_EXTENSION ) ] ?? 'application/octet-stream' ) );
readfile( $file );
return true;
