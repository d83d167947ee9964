<?php
/**
 * Run by WordPress when the plugin is deleted: the site-wide defaults go with it. Posts keep
 * their shortcodes (shown as plain text once the plugin is gone) and blocks (shown as nothing).
 */
if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
	exit;
}
delete_option( 'smi_assessment_settings' );
