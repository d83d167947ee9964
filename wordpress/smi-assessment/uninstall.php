<?php
/**
 * Run by WordPress when the plugin is deleted: the site-wide defaults go with it, on every site
 * of a multisite network. Posts keep their shortcodes (shown as plain text once the plugin is
 * gone) and blocks (shown as nothing).
 */
if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
	exit;
}
if ( is_multisite() ) {
	foreach ( get_sites( array( 'fields' => 'ids', 'number' => 0 ) ) as $site ) {
		switch_to_blog( $site );
		delete_option( 'smi_assessment_settings' );
		restore_current_blog();
	}
} else {
	delete_option( 'smi_assessment_settings' );
}
