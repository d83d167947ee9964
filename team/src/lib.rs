//! # smi-team
//!
//! The coordinator's team view, `team.html`: a page of its own (never loaded by the widget)
//! where whoever runs a team round pastes the members' result links and sees the team
//! together. The team lives in the page's address (`#smi-team=…&smi-members=…`), so a
//! bookmark or a forwarded link reopens it; nothing is uploaded or stored.
//!
//! The engine decides everything (`smi_engine::result::team`: reading links, the summary);
//! this crate is the page: [`text`] (the page's words in five languages), [`view`] (the Yew
//! components) and the start-up below, which reads the language and the address.

pub mod text;
pub mod view;

/// Mounts the team view in the page's `#smi-team` element, in the language of `?lang=` (or
/// the page's `lang`, or English).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(start)]
pub fn start() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(root) = document.get_element_by_id("smi-team") else {
        return;
    };
    let location = document.location();
    let search = location
        .as_ref()
        .and_then(|l| l.search().ok())
        .unwrap_or_default();
    let asked = search
        .trim_start_matches('?')
        .split('&')
        .find_map(|p| p.strip_prefix("lang="))
        .map(str::to_owned)
        .or_else(|| {
            document
                .document_element()
                .map(|e| e.get_attribute("lang").unwrap_or_default())
        })
        .unwrap_or_default();
    let lang = text::language(&asked);
    let fragment = location
        .as_ref()
        .and_then(|l| l.hash().ok())
        .unwrap_or_default();
    if let Some(html) = document.document_element() {
        let _ = html.set_attribute("lang", lang);
        let _ = html.set_attribute("dir", smi_engine::content::direction(lang));
    }
    if let Ok(c) = text::content(lang) {
        document.set_title(&c.text.title);
    }
    // The page's "loading" line goes; the view takes its place.
    root.set_text_content(None);
    yew::Renderer::<view::TeamPage>::with_root_and_props(
        root,
        view::TeamProps {
            lang: lang.into(),
            fragment: fragment.into(),
        },
    )
    .render();
}
