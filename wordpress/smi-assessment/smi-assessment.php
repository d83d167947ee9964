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
 * The options the shortcode and the block pass on, with who may set each in a post (generated
 * from the widget's option table: options.php). Nothing else ever reaches the element.
 */
function smi_assessment_options() {
	static $options = null;
	if ( null === $options ) {
		$options = include __DIR__ . '/options.php';
	}
	return $options;
}

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
 * Whether the post being shown may set the options that decide where visitors' personal data
 * goes (the lead endpoint and what is sent there): only when its author has `unfiltered_html`,
 * which WordPress gives administrators (super admins on multisite). The post's author, not the
 * viewer: an administrator previewing a contributor's post gets the contributor's rights.
 */
function smi_assessment_post_may_route_leads() {
	$post = get_post();
	return $post && user_can( (int) $post->post_author, 'unfiltered_html' );
}

/** The options that count by being there, with any value (a bare word in a shortcode). */
const SMI_ASSESSMENT_PRESENCE = array( 'lazy', 'cta-personal' );

/** A name for an HTML comment: letters, digits, `-` and `_` only, at most 40 characters. */
function smi_assessment_comment_name( $name ) {
	return substr( preg_replace( '/[^A-Za-z0-9_-]/', '?', (string) $name ), 0, 40 );
}

/**
 * The <smi-assessment> element for `$options` (option name → value), over the site's
 * defaults. Only the widget's own options pass, and `id`: every other name (event handlers,
 * `style`, `tabindex`, any global attribute) is dropped and named in an HTML comment for the
 * page's editors. The options that route leads pass only from a post whose author may
 * (smi_assessment_post_may_route_leads); otherwise the site's settings apply. Values are
 * escaped, never judged: one the widget would refuse reaches it as given, so that its own
 * warning names the option.
 */
function smi_assessment_markup( array $options ) {
	$allowed  = smi_assessment_options();
	$may_route = smi_assessment_post_may_route_leads();
	$dropped  = array();
	$kept     = array();
	foreach ( $options as $name => $value ) {
		if ( ! is_string( $name ) || ! is_scalar( $value ) ) {
			$dropped[] = smi_assessment_comment_name( $name );
			continue;
		}
		$value = (string) $value;
		if ( 'id' === $name && preg_match( '/^[A-Za-z][A-Za-z0-9_-]{0,63}$/', $value ) ) {
			$kept['id'] = $value;
		} elseif ( ! isset( $allowed[ $name ] ) ) {
			$dropped[] = smi_assessment_comment_name( $name );
		} elseif ( 'unfiltered_html' === $allowed[ $name ] && ! $may_route ) {
			if ( '' !== $value || in_array( $name, SMI_ASSESSMENT_PRESENCE, true ) ) {
				$dropped[] = $name . ' (set by the site\'s settings: the post\'s author may not choose where leads go)';
			}
		} else {
			$kept[ $name ] = $value;
		}
	}
	$settings = smi_assessment_settings();
	$defaults = array(
		'lang'          => $settings['lang'],
		'accent'        => $settings['accent'],
		'company'       => $settings['company'],
		'lead-endpoint' => $settings['lead_endpoint'],
	);
	foreach ( $defaults as $name => $value ) {
		if ( ! isset( $kept[ $name ] ) || '' === $kept[ $name ] ) {
			$kept[ $name ] = $value;
		}
	}
	$attributes = '';
	foreach ( $kept as $name => $value ) {
		if ( '' === $value && ! in_array( $name, SMI_ASSESSMENT_PRESENCE, true ) ) {
			continue;
		}
		$attributes .= ' ' . $name . '="' . esc_attr( $value ) . '"';
	}
	$comment = $dropped
		? '<!-- SMI assessment: not passed to the widget: ' . implode( ', ', array_unique( $dropped ) ) . ". The widget's options are listed under Settings → SMI assessment. -->"
		: '';
	smi_assessment_enqueue();
	return $comment . '<smi-assessment' . $attributes . '></smi-assessment>';
}

/** [smi_assessment company="…" lang="ar" lead="after" …]: every option, by name or with _ for -. */
function smi_assessment_shortcode( $atts ) {
	$options = array();
	foreach ( (array) $atts as $name => $value ) {
		if ( is_int( $name ) ) {
			// A bare word, such as `lazy` or `cta_personal`.
			$options[ str_replace( '_', '-', strtolower( (string) $value ) ) ] = '';
			continue;
		}
		$options[ str_replace( '_', '-', strtolower( (string) $name ) ) ] = $value;
	}
	return smi_assessment_markup( $options );
}
add_shortcode( 'smi_assessment', 'smi_assessment_shortcode' );

/**
 * The block's attributes are the options in camelCase (ctaLabel → cta-label). Only those
 * block.json declares pass, as strings (WordPress has already checked them against its types
 * and put defaults in place of invalid ones); attributes saved in a post that block.json does
 * not declare reach this function too, and are dropped.
 */
function smi_assessment_render_block( $attributes ) {
	$type     = WP_Block_Type_Registry::get_instance()->get_registered( 'smi/assessment' );
	$declared = $type ? (array) $type->attributes : array();
	$options  = array();
	foreach ( (array) $attributes as $name => $value ) {
		$name = (string) $name;
		if ( ! isset( $declared[ $name ] ) || 'string' !== ( $declared[ $name ]['type'] ?? '' ) || ! is_string( $value ) ) {
			$options[ $name ] = array();
			continue;
		}
		$options[ strtolower( preg_replace( '/([A-Z])/', '-$1', $name ) ) ] = $value;
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
	wp_add_inline_script(
		'smi-assessment-editor',
		'window.smiAssessmentEditor = ' . wp_json_encode(
			array(
				'mayRouteLeads' => current_user_can( 'unfiltered_html' ),
				'siteEndpoint'  => smi_assessment_settings()['lead_endpoint'],
			)
		) . ';',
		'before'
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

/**
 * The loader's `integrity` and `crossorigin` attributes when the widget's files come from
 * another origin (the settings' files URL): the sha384 of `smi-widget.js` in the plugin's own
 * `widget/integrity.json`, so that the other origin must serve this very version. Empty for
 * the plugin's own copy.
 */
function smi_assessment_integrity_attributes() {
	static $attributes = null;
	if ( null === $attributes ) {
		$attributes = smi_assessment_read_integrity_attributes();
	}
	return $attributes;
}

/** What smi_assessment_integrity_attributes() returns, read once per request. */
function smi_assessment_read_integrity_attributes() {
	$files = smi_assessment_files_url();
	if ( wp_parse_url( $files, PHP_URL_HOST ) === wp_parse_url( home_url(), PHP_URL_HOST )
		&& wp_parse_url( $files, PHP_URL_PORT ) === wp_parse_url( home_url(), PHP_URL_PORT ) ) {
		return '';
	}
	$manifest = json_decode( (string) @file_get_contents( __DIR__ . '/widget/integrity.json' ), true );
	$hash     = is_array( $manifest ) ? ( $manifest['files']['smi-widget.js'] ?? '' ) : '';
	if ( ! is_string( $hash ) || ! preg_match( '/^sha384-[A-Za-z0-9+\/=]+$/', $hash ) ) {
		return ' crossorigin="anonymous"';
	}
	return ' integrity="' . esc_attr( $hash ) . '" crossorigin="anonymous"';
}

/**
 * WordPress 6.1 has no script modules: the loader's tag becomes a module here, on every theme.
 * Themes without html5 script support get `type='text/javascript'` from WordPress, which is
 * replaced, as is any other type.
 */
function smi_assessment_module_tag( $tag, $handle ) {
	if ( 'smi-assessment' !== $handle ) {
		return $tag;
	}
	$tag = preg_replace( '/\stype=(["\'])[^"\']*\1/', '', $tag );
	return preg_replace( '/<script\b/', '<script type="module"' . smi_assessment_integrity_attributes(), $tag, 1 );
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
	echo '<link rel="modulepreload" href="' . esc_url( smi_assessment_files_url() . 'smi-widget.js' ) . '"' . smi_assessment_integrity_attributes() . '>' . "\n";
}
add_action( 'wp_head', 'smi_assessment_preload', 1 );

// Settings → SMI assessment: the site-wide defaults, for administrators only.

/** The settings form's fields, each a trimmed string; anything else (an array) is empty. */
function smi_assessment_sanitize( $input ) {
	$input = is_array( $input ) ? $input : array();
	$text  = function ( $key ) use ( $input ) {
		return isset( $input[ $key ] ) && is_string( $input[ $key ] ) ? trim( $input[ $key ] ) : '';
	};
	return array(
		'files_url'     => esc_url_raw( $text( 'files_url' ) ),
		'lang'          => array_key_exists( $text( 'lang' ), SMI_ASSESSMENT_LANGUAGES ) ? $text( 'lang' ) : '',
		'accent'        => (string) sanitize_hex_color( $text( 'accent' ) ),
		'company'       => sanitize_text_field( $text( 'company' ) ),
		'lead_endpoint' => esc_url_raw( $text( 'lead_endpoint' ) ),
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
		<p>The shortcode takes every option of the widget: <code><?php echo implode( '</code>, <code>', array_map( 'esc_html', array_keys( smi_assessment_options() ) ) ); ?></code>. Any other attribute is dropped.</p>
		<p>Where visitors' personal data goes (<code><?php echo implode( '</code>, <code>', array_map( 'esc_html', array_keys( array_filter( smi_assessment_options(), function ( $who ) { return 'unfiltered_html' === $who; } ) ) ) ); ?></code>) is decided here, for every post whose author lacks the <code>unfiltered_html</code> capability (everyone but administrators; on multisite, super admins): in their posts, those options are ignored.</p>
		<p>What do your leads say? The <a href="<?php echo esc_url( plugins_url( 'widget/configurator.html#insights', __FILE__ ) ); ?>">console</a> reads your lead export (CSV or JSON) in your browser: where your respondents stand, by month and campaign, and a benchmark pack to publish. Nothing is uploaded.</p>
		<p>Running the assessment with a client's team? The <a href="<?php echo esc_url( plugins_url( 'widget/team.html', __FILE__ ) ); ?>">team view</a> gathers the members' result links and shows the team together. Nothing is uploaded.</p>
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
					<p class="description">Where leads are POSTed when a widget's lead form is on. Only posts by authors with <code>unfiltered_html</code> can send leads elsewhere.</p></td>
				</tr>
			</table>
			<?php submit_button(); ?>
		</form>
	</div>
	<?php
}
