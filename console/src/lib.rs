//! # smi-console
//!
//! The host's console: the configurator page's "Insights and benchmark pack" tab. A host
//! picks or drops its lead export or event log; the console reads it with the engine's
//! reader (`smi_engine::records`, the one `smi-benchmark` uses), shows what its audience looks
//! like, and builds a benchmark pack with differential-privacy noise. A wasm of its own,
//! loaded when the tab is opened; nothing the host gives it leaves the page.
//!
//! [`charts`] draws the SVG charts, [`view`] is the Yew component.

pub mod charts;
pub mod view;

/// Mounts the console in the page's `#smi-console` element.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(start)]
pub fn start() {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("smi-console"))
    else {
        return;
    };
    // The page's "loading" line goes; the console takes its place.
    root.set_text_content(None);
    yew::Renderer::<view::Console>::with_root(root).render();
}
