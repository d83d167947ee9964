//! The widget's first screen, rendered at build time: the intro, with the same Yew component
//! the widget mounts ([`smi_widget::ui::intro::Intro`]), in every shipped language, with and
//! without a lead form. The loader shows it in the shadow root before the wasm is ready, and
//! the wasm's first render replaces it with identical markup.
//!
//! `cargo run --bin smi-prerender -- OUT.json` writes `{ "<lang>": { "plain": html, "lead":
//! html, "dir": "ltr" | "rtl" } }`; `.ci/build.sh` puts English into the loader and each other language into its
//! `i18n/<lang>.json`.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use smi_engine::content::{self, LANGUAGES};
    use smi_widget::ui::intro::{Intro, IntroProps};

    let out = std::env::args()
        .nth(1)
        .expect("usage: smi-prerender OUT.json");
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a tokio runtime");
    let mut screens = serde_json::Map::new();
    for lang in LANGUAGES {
        let (questionnaire, strings) = if *lang == "en" {
            let q = content::questionnaire().expect("the English questionnaire is valid");
            (
                q,
                content::strings().expect("the English strings are valid"),
            )
        } else {
            let read = |name: &str| {
                let path = format!(
                    "{}/engine/content/{name}.{lang}.json",
                    env!("CARGO_MANIFEST_DIR")
                );
                std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
            };
            let text = format!(
                r#"{{"questionnaire": {}, "ui": {}}}"#,
                read("questionnaire"),
                read("ui")
            );
            content::translation(&text).unwrap_or_else(|p| panic!("{lang}: {p:?}"))
        };
        let strings = smi_engine::result::text::Text::new(strings);
        let render = |lead: bool| {
            let props = IntroProps {
                strings: strings.clone(),
                title: questionnaire.title.clone().into(),
                items: questionnaire.items.len(),
                answered: 0,
                heading_ref: Default::default(),
                lead,
                on_start: Default::default(),
                on_restart: Default::default(),
            };
            runtime.block_on(
                yew::LocalServerRenderer::<Intro>::with_props(props)
                    .hydratable(false)
                    .render(),
            )
        };
        let mut variants = serde_json::Map::new();
        variants.insert("plain".into(), render(false).into());
        variants.insert("lead".into(), render(true).into());
        // The writing direction the widget's root will have, from the same function.
        variants.insert("dir".into(), content::direction(lang).into());
        screens.insert((*lang).into(), variants.into());
    }
    let json = serde_json::to_string(&screens).expect("JSON");
    std::fs::write(&out, json).unwrap_or_else(|e| panic!("{out}: {e}"));
}
