<?php
// Sets the test site up through WordPress's own PHP API: the plugin active, the
// twentytwentythree theme, an author, and posts saved with that author as the current user
// (so WordPress's content filter treats them as an author's), one by the administrator.
// Prints the post ids, and what the filter left of each post, as JSON.
$_SERVER['HTTP_HOST']        = '127.0.0.1';
$_SERVER['WORDPRESS_CONFIG'] = getenv( 'WORDPRESS_CONFIG' );
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

$activated = activate_plugin( 'smi-assessment/smi-assessment.php' );
if ( is_wp_error( $activated ) ) {
	fwrite( STDERR, 'activate_plugin: ' . $activated->get_error_message() . "\n" );
	exit( 1 );
}
switch_theme( 'twentytwentythree' );

$author = wp_insert_user(
	array(
		'user_login' => 'author',
		'user_pass'  => 'author-password-1',
		'user_email' => 'author@example.com',
		'role'       => 'author',
	)
);
if ( is_wp_error( $author ) ) {
	fwrite( STDERR, 'wp_insert_user: ' . $author->get_error_message() . "\n" );
	exit( 1 );
}

$contributor = wp_insert_user(
	array(
		'user_login' => 'contributor',
		'user_pass'  => 'contributor-password-1',
		'user_email' => 'contributor@example.com',
		'role'       => 'contributor',
	)
);
if ( is_wp_error( $contributor ) ) {
	fwrite( STDERR, 'wp_insert_user: ' . $contributor->get_error_message() . "\n" );
	exit( 1 );
}

function smi_test_post( $title, $content, $status = 'publish' ) {
	$id = wp_insert_post(
		wp_slash(
			array(
				'post_title'   => $title,
				'post_status'  => $status,
				'post_content' => $content,
			)
		),
		true
	);
	if ( is_wp_error( $id ) ) {
		fwrite( STDERR, "wp_insert_post $title: " . $id->get_error_message() . "\n" );
		exit( 1 );
	}
	return $id;
}

$posts = array();
// The administrator: a hostile value in the shortcode, kept as given (administrators may post
// any markup), and escaped when the page is shown.
wp_set_current_user( 1 );
$posts['hostile'] = smi_test_post( 'Hostile', '[smi_assessment company="<script>window.hostile = 1</script>"]' );

wp_set_current_user( $author );
$posts['shortcode'] = smi_test_post(
	'Shortcode',
	'[smi_assessment company="Harbour & Lane" cta_label="Book a call" cta-url="https://example.com/call" theme="purple"]'
);
$posts['block'] = smi_test_post(
	'Block',
	'<!-- wp:smi/assessment {"lang":"ar","accent":"#0f6e5a","company":"Harbour"} /-->'
);
$posts['defaults'] = smi_test_post( 'Defaults', '[smi_assessment]' );
$posts['raw'] = smi_test_post(
	'Raw',
	'<script type="module" src="/widget/smi-widget.js"></script><smi-assessment company="Raw"></smi-assessment><p>Raw markup.</p>'
);
$posts['plain'] = smi_test_post( 'Plain', '<!-- wp:paragraph --><p>No assessment here.</p><!-- /wp:paragraph -->' );
$posts['author-leads'] = smi_test_post(
	'Author leads',
	'[smi_assessment lead="after" lead_endpoint="https://collector.example/leads" lead-format="form" lead_map="email:EMAIL" lead_extra="source:author" cta_participant="Book|https://collector.example/book?e={email}" cta_personal]'
);

// The attacks of a user without unfiltered_html: each as a published post by the author and a
// pending post by the contributor, with a canary script beside it that kses must strip.
$attacks = json_decode( file_get_contents( __DIR__ . '/attacks.json' ), true );
$canary  = '<script>window.xss = "canary"</script>';
foreach ( $attacks as $name => $shortcode ) {
	wp_set_current_user( $author );
	$posts[ "author-$name" ] = smi_test_post( "Author $name", $canary . $shortcode );
	wp_set_current_user( $contributor );
	$posts[ "contributor-$name" ] = smi_test_post( "Contributor $name", $canary . $shortcode, 'pending' );
}

wp_set_current_user( 1 );
$posts['admin-leads'] = smi_test_post(
	'Admin leads',
	'[smi_assessment lead="after" lead_endpoint="https://crm.example/leads" cta_participant="Book|https://cal.example/x?email={email}" cta_personal]'
);

echo wp_json_encode(
	array(
		'posts'                 => $posts,
		'content'               => array_map(
			function ( $id ) {
				return get_post_field( 'post_content', $id );
			},
			$posts
		),
		'author_unfiltered_html' => user_can( $author, 'unfiltered_html' ),
		'contributor_unfiltered_html' => user_can( $contributor, 'unfiltered_html' ),
		'wordpress'             => get_bloginfo( 'version' ),
	)
);
