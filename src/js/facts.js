// What the loader shares with the widget's Rust code, generated from the engine by
// tests/native/types.rs; do not edit (`TYPES_UPDATE=1 cargo test types` rewrites it).

/** Every option of the widget, as attribute names (`config::OPTIONS`). */
export const OPTIONS = ['lang', 'theme', 'accent', 'company', 'logo', 'cta-label', 'cta-url', 'cta-observer', 'cta-conservative', 'cta-participant', 'cta-social-first', 'cta-personal', 'report-intro', 'report-contact', 'share-url', 'analytics', 'lazy', 'questionnaire', 'benchmark', 'lead', 'lead-fields', 'lead-consent', 'privacy-url', 'lead-endpoint', 'lead-format', 'lead-map', 'lead-extra'];

/** The languages this build ships (`content::LANGUAGES`); English is inside the wasm. */
export const LANGUAGES = ['en', 'ms', 'ar', 'fa', 'ru'];

/** The start of every local-storage key the widget writes (`saved::STORAGE_PREFIX`). */
export const STORAGE_PREFIX = 'smi-widget:';

/** Where the shipped questionnaire's progress is saved, before `:<element id>`
 * (`saved::storage_key`). */
export const SHIPPED_PROGRESS_KEY = 'smi-widget:smi';

/** The key of a share code in a URL fragment, `#smi=CODE` (`share_code::FRAGMENT_KEY`). */
export const FRAGMENT_KEY = 'smi';

/** Every event the widget dispatches (`engine::host::events`). */
export const EVENTS = ['smi:ready', 'smi:start', 'smi:answer', 'smi:complete', 'smi:share', 'smi:lead', 'smi:error'];

/** The options that decide where a visitor's details go (`config::LEAD_ROUTING`). */
export const LEAD_ROUTING = ['lead-endpoint', 'lead-format', 'lead-map', 'lead-extra', 'cta-personal'];
