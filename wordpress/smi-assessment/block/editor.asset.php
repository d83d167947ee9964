<?php
// The editor script's dependencies, in the form `@wordpress/scripts` writes (no build step here).
return array(
	'dependencies' => array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components' ),
	'version'      => '0.1.0',
);
