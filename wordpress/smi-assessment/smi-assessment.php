<?php
/**
 * Plugin Name:       SMI assessment
 * Description:       The Social Maturity Index assessment as a shortcode and a block: the whole assessment and its result run in the visitor's browser.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * License:           MIT
 * Text Domain:       smi-assessment
 *
 * Authors and editors, who may not post scripts or unknown elements, get the widget through
 * the shortcode [smi_assessment …] or the "SMI assessment" block. Both render the same
 * <smi-assessment> element with every attribute escaped, and load the widget's module script
 * (shipped in widget/, so nothing comes from another origin by default) only on pages that
 * show it. Site-wide defaults live under Settings → SMI assessment.
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

const SMI_ASSESSMENT_OPTION = 'smi_assessment_settings';

/**
 * Every option the widget reads, as attribute names (the widget's `config::OPTIONS`; a test
 * compares the two lists).
 */
const SMI_ASSESSMENT_OPTIONS = array(
	'lang', 'theme', 'accent', 'company', 'logo', 'cta-label', 'cta-url', 'share-url',
	'analytics', 'lazy', 'questionnaire', 'benchmark', 'lead', 'lead-fields', 'lead-consent',
	'privacy-url', 'lead-endpoint', 'lead-format', 'lead-map', 'lead-extra',
);

/** The languages the widget ships. */
const SMI_ASSESSMENT_LANGUAGES = array(
	'en' => 'English',
	'ms' => 'Bahasa Melayu',
	'ar' => 'العربية',
	'fa' => 'فارسی',
	'ru' => 'Русский',
);

/** The site-wide defaults, each overridable per shortcode or block. */
function smi_assessment_settings() {
	$saved = get_option( SMI_ASSESSMENT_OPTION, array() );
	return wp_parse_args(
		is_array( $saved ) ? $saved : array(),
		array(
			'files_url'     => '',
			'lang'          => '',
			'accent'        => '',
			'company'       => '',
			'lead_endpoint' => '',
		)
	);
}

/** Where the widget's files are served from: the settings' URL, else the plugin's own copy. */
function smi_assessment_files_url() {
	$url = smi_assessment_settings()['files_url'];
	return trailingslashit( '' !== $url ? $url : plugins_url( 'widget', __FILE__ ) );
}

/**
 * The <smi-assessment> element for `$options` (attribute name → value), over the site's
 * defaults. Values are escaped, never judged: one the widget would refuse reaches it as
 * given, so that its own warning names the option.
 */
function smi_assessment_markup( array $options ) {
	$settings = smi_assessment_settings();
	$defaults = array(
		'lang'          => $settings['lang'],
		'accent'        => $settings['accent'],
		'company'       => $settings['company'],
		'lead-endpoint' => $settings['lead_endpoint'],
	);
	foreach ( $defaults as $name => $value ) {
		if ( ! isset( $options[ $name ] ) || '' === $options[ $name ] ) {
			$options[ $name ] = $value;
		}
	}
	$attributes = '';
	foreach ( $options as $name => $value ) {
		$name = strtolower( (string) $name );
		if ( ! preg_match( '/^[a-z][a-z0-9-]*$/', $name ) ) {
			continue;
		}
		$value = (string) $value;
		if ( '' === $value && 'lazy' !== $name ) {
			continue;
		}
		$attributes .= ' ' . $name . '="' . esc_attr( $value ) . '"';
	}
	smi_assessment_enqueue();
	return '<smi-assessment' . $attributes . '></smi-assessment>';
}

/** [smi_assessment company="…" lang="ar" lead="after" …]: every option, by name or with _ for -. */
function smi_assessment_shortcode( $atts ) {
	$options = array();
	foreach ( (array) $atts as $name => $value ) {
		if ( is_int( $name ) ) {
			// A bare word, such as `lazy`.
			$options[ strtolower( (string) $value ) ] = '';
			continue;
		}
		$options[ str_replace( '_', '-', strtolower( $name ) ) ] = $value;
	}
	return smi_assessment_markup( $options );
}
add_shortcode( 'smi_assessment', 'smi_assessment_shortcode' );

/** The block's attributes are the options in camelCase (ctaLabel → cta-label). */
function smi_assessment_render_block( $attributes ) {
	$options = array();
	foreach ( (array) $attributes as $name => $value ) {
		$options[ strtolower( preg_replace( '/([A-Z])/', '-$1', $name ) ) ] = is_scalar( $value ) ? (string) $value : '';
	}
	return smi_assessment_markup( $options );
}

function smi_assessment_register_block() {
	$asset = include __DIR__ . '/block/editor.asset.php';
	wp_register_script(
		'smi-assessment-editor',
		plugins_url( 'block/editor.js', __FILE__ ),
		$asset['dependencies'],
		$asset['version'],
		true
	);
	register_block_type(
		__DIR__ . '/block',
		array(
			'editor_script'   => 'smi-assessment-editor',
			'render_callback' => 'smi_assessment_render_block',
		)
	);
}
add_action( 'init', 'smi_assessment_register_block' );

/**
 * The loader, as a module script in the footer. Called while a page renders the widget, so
 * pages without it load nothing of it.
 */
function smi_assessment_enqueue() {
	if ( is_admin() ) {
		return;
	}
	// No version query: the preload hints below must name the same URL.
	wp_enqueue_script( 'smi-assessment', smi_assessment_files_url() . 'smi-widget.js', array(), null, true );
}

/** WordPress 6.1 has no script modules: the loader's tag gets type="module" here. */
function smi_assessment_module_tag( $tag, $handle ) {
	if ( 'smi-assessment' !== $handle ) {
		return $tag;
	}
	return preg_replace( '/<script(?![^>]*\btype=)/', '<script type="module"', $tag, 1 );
}
add_filter( 'script_loader_tag', 'smi_assessment_module_tag', 10, 2 );

/** Whether the page being shown holds the shortcode or the block. */
function smi_assessment_on_this_page() {
	if ( ! is_singular() ) {
		return false;
	}
	$post = get_post();
	return $post && ( has_shortcode( $post->post_content, 'smi_assessment' ) || has_block( 'smi/assessment', $post ) );
}

/** The preload hint of the README's snippet, in the head of pages that show the widget. */
function smi_assessment_preload() {
	if ( ! smi_assessment_on_this_page() ) {
		return;
	}
	echo '<link rel="modulepreload" href="' . esc_url( smi_assessment_files_url() . 'smi-widget.js' ) . '">' . "\n";
}
add_action( 'wp_head', 'smi_assessment_preload', 1 );

// Settings → SMI assessment: the site-wide defaults, for administrators only.

function smi_assessment_sanitize( $input ) {
	$input = is_array( $input ) ? $input : array();
	$lang  = isset( $input['lang'] ) ? (string) $input['lang'] : '';
	return array(
		'files_url'     => isset( $input['files_url'] ) ? esc_url_raw( trim( $input['files_url'] ) ) : '',
		'lang'          => array_key_exists( $lang, SMI_ASSESSMENT_LANGUAGES ) ? $lang : '',
		'accent'        => isset( $input['accent'] ) ? (string) sanitize_hex_color( trim( $input['accent'] ) ) : '',
		'company'       => isset( $input['company'] ) ? sanitize_text_field( $input['company'] ) : '',
		'lead_endpoint' => isset( $input['lead_endpoint'] ) ? esc_url_raw( trim( $input['lead_endpoint'] ) ) : '',
	);
}

function smi_assessment_register_settings() {
	register_setting(
		'smi_assessment',
		SMI_ASSESSMENT_OPTION,
		array(
			'type'              => 'array',
			'sanitize_callback' => 'smi_assessment_sanitize',
			'default'           => array(),
		)
	);
}
add_action( 'admin_init', 'smi_assessment_register_settings' );

function smi_assessment_menu() {
	add_options_page( 'SMI assessment', 'SMI assessment', 'manage_options', 'smi-assessment', 'smi_assessment_settings_page' );
}
add_action( 'admin_menu', 'smi_assessment_menu' );

function smi_assessment_settings_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		wp_die( esc_html__( 'Sorry, you are not allowed to manage these options.', 'smi-assessment' ), 403 );
	}
	$s     = smi_assessment_settings();
	$field = function ( $key ) {
		return esc_attr( SMI_ASSESSMENT_OPTION . '[' . $key . ']' );
	};
	?>
	<div class="wrap">
		<h1>SMI assessment</h1>
		<p>Defaults for every SMI assessment on this site. A shortcode or block that sets an option overrides its default. Use the widget with <code>[smi_assessment]</code> or the “SMI assessment” block.</p>
		<p>The shortcode takes every option of the widget: <code><?php echo implode( '</code>, <code>', array_map( 'esc_html', SMI_ASSESSMENT_OPTIONS ) ); ?></code>.</p>
		<form method="post" action="options.php">
			<?php settings_fields( 'smi_assessment' ); ?>
			<table class="form-table" role="presentation">
				<tr>
					<th scope="row"><label for="smi-files-url">Widget files URL</label></th>
					<td><input id="smi-files-url" class="regular-text" type="url" name="<?php echo $field( 'files_url' ); ?>" value="<?php echo esc_attr( $s['files_url'] ); ?>">
					<p class="description">Empty: the copy inside this plugin (<?php echo esc_html( plugins_url( 'widget/', __FILE__ ) ); ?>).</p></td>
				</tr>
				<tr>
					<th scope="row"><label for="smi-lang">Default language</label></th>
					<td><select id="smi-lang" name="<?php echo $field( 'lang' ); ?>">
						<option value="">The page's language</option>
						<?php foreach ( SMI_ASSESSMENT_LANGUAGES as $code => $name ) : ?>
							<option value="<?php echo esc_attr( $code ); ?>" <?php selected( $s['lang'], $code ); ?>><?php echo esc_html( $name ); ?></option>
						<?php endforeach; ?>
					</select></td>
				</tr>
				<tr>
					<th scope="row"><label for="smi-accent">Brand colour</label></th>
					<td><input id="smi-accent" type="text" placeholder="#2f48c8" name="<?php echo $field( 'accent' ); ?>" value="<?php echo esc_attr( $s['accent'] ); ?>"></td>
				</tr>
				<tr>
					<th scope="row"><label for="smi-company">Company name</label></th>
					<td><input id="smi-company" class="regular-text" type="text" name="<?php echo $field( 'company' ); ?>" value="<?php echo esc_attr( $s['company'] ); ?>"></td>
				</tr>
				<tr>
					<th scope="row"><label for="smi-lead-endpoint">Lead endpoint</label></th>
					<td><input id="smi-lead-endpoint" class="regular-text" type="url" name="<?php echo $field( 'lead_endpoint' ); ?>" value="<?php echo esc_attr( $s['lead_endpoint'] ); ?>">
					<p class="description">Where leads are POSTed when a widget's lead form is on.</p></td>
				</tr>
			</table>
			<?php submit_button(); ?>
		</form>
	</div>
	<?php
}
