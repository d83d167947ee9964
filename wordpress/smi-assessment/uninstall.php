<?php
/**
 * Run by WordPress when the plugin is deleted: the site-wide defaults go with it. Posts keep
 * their shortcodes and blocks, which show as plain text once the plugin is gone.
 */
if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
	exit;
}
delete_option( 'smi_assessment_settings' );
