// The "SMI assessment" block in the editor: the common options in the sidebar and a summary
// in the canvas. The page itself is rendered on the server, from the same code as the
// shortcode (smi_assessment_render_block), so the editor saves only the attributes.
( function ( wp ) {
	const { registerBlockType } = wp.blocks;
	const { createElement: el, Fragment } = wp.element;
	const { InspectorControls, useBlockProps } = wp.blockEditor;
	const { PanelBody, SelectControl, TextControl, ToggleControl, Placeholder, Notice } = wp.components;
	// From the plugin: whether this user's posts may choose where leads go (unfiltered_html),
	// and the site's endpoint, which applies otherwise.
	const site = window.smiAssessmentEditor || { mayRouteLeads: false, siteEndpoint: '' };

	const LANGUAGES = [
		{ label: 'Site default', value: '' },
		{ label: 'English', value: 'en' },
		{ label: 'Bahasa Melayu', value: 'ms' },
		{ label: 'العربية', value: 'ar' },
		{ label: 'فارسی', value: 'fa' },
		{ label: 'Русский', value: 'ru' },
	];
	const THEMES = [
		{ label: 'Light (default)', value: '' },
		{ label: 'Dark', value: 'dark' },
		{ label: "Follow the visitor's setting", value: 'auto' },
	];
	const LEAD = [
		{ label: 'Off', value: '' },
		{ label: 'Before the result', value: 'before' },
		{ label: 'After the result (an offer)', value: 'after' },
	];

	function Edit( { attributes, setAttributes } ) {
		const text = ( name, label, help ) =>
			el( TextControl, {
				label,
				help,
				value: attributes[ name ],
				onChange: ( value ) => setAttributes( { [ name ]: value } ),
			} );
		const select = ( name, label, options ) =>
			el( SelectControl, {
				label,
				options,
				value: attributes[ name ],
				onChange: ( value ) => setAttributes( { [ name ]: value } ),
			} );
		const summary = [
			attributes.company,
			attributes.lang && LANGUAGES.find( ( l ) => l.value === attributes.lang )?.label,
			attributes.lead && 'lead form ' + attributes.lead + ' the result',
		].filter( Boolean ).join( ' · ' );
		return el(
			Fragment,
			null,
			el(
				InspectorControls,
				null,
				el(
					PanelBody,
					{ title: 'Assessment' },
					select( 'lang', 'Language', LANGUAGES ),
					select( 'theme', 'Theme', THEMES ),
					text( 'accent', 'Brand colour', '#rrggbb' ),
					text( 'company', 'Company name' )
				),
				el(
					PanelBody,
					{ title: 'Call to action', initialOpen: false },
					text( 'ctaLabel', 'Label', 'Book a call' ),
					text( 'ctaUrl', 'URL' ),
					// One offer per category, label|URL; a category without one gets the above.
					text( 'ctaObserver', 'Observers: label|URL' ),
					text( 'ctaConservative', 'Conservatives: label|URL' ),
					text( 'ctaParticipant', 'Participants: label|URL' ),
					text( 'ctaSocialFirst', '#SocialFirst: label|URL' ),
					site.mayRouteLeads
						? el( ToggleControl, {
							label: "Fill {name}, {email}, {company}, {lead_id} in the URLs once the visitor has sent the lead form",
							checked: attributes.ctaPersonal === 'yes',
							onChange: ( on ) => setAttributes( { ctaPersonal: on ? 'yes' : '' } ),
						} )
						: null
				),
				el(
					PanelBody,
					{ title: 'Lead capture', initialOpen: false },
					select( 'lead', 'Lead form', LEAD ),
					site.mayRouteLeads
						? text( 'leadEndpoint', 'Endpoint', 'Where leads are POSTed' )
						: el(
							Notice,
							{ status: 'info', isDismissible: false },
							'Leads go where the site\'s settings say (Settings → SMI assessment' +
								( site.siteEndpoint ? ': ' + site.siteEndpoint : ', none set yet' ) +
								'). Only administrators choose another endpoint for a post.'
						)
				)
			),
			el(
				'div',
				useBlockProps(),
				el( Placeholder, {
					icon: 'chart-area',
					label: 'SMI assessment',
					instructions:
						'The Social Maturity Index assessment shows here on the published page. ' +
						( summary || 'Site defaults.' ),
				} )
			)
		);
	}

	registerBlockType( 'smi/assessment', { edit: Edit, save: () => null } );
} )( window.wp );
