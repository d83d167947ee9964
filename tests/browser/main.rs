//! In headless Chromium: the real widget through the real mount path, queried inside its
//! shadow root. Run by `wasm-bindgen-test-runner` (see `.cargo/config.toml`).
#![cfg(target_arch = "wasm32")]

use smi_widget::{mount, MountHandle};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement, ShadowRoot};

wasm_bindgen_test_configure!(run_in_browser);

/// A language's `dist/i18n/<lang>.json`, as `.ci/build.sh` writes it, from the sources.
macro_rules! translation {
    ($lang:literal) => {
        concat!(
            r#"{"questionnaire": "#,
            include_str!(concat!(
                "../../engine/content/questionnaire.",
                $lang,
                ".json"
            )),
            r#", "ui": "#,
            include_str!(concat!("../../engine/content/ui.", $lang, ".json")),
            "}"
        )
    };
}

mod json;

const KEY: &str = "smi-widget:smi";

struct Mounted {
    host: HtmlElement,
    handle: MountHandle,
}

impl Mounted {
    async fn new() -> Self {
        let document = gloo::utils::document();
        let host: HtmlElement = document
            .create_element("smi-test")
            .unwrap()
            .unchecked_into();
        document.body().unwrap().append_child(&host).unwrap();
        let handle = mount(host.clone(), JsValue::UNDEFINED, JsValue::UNDEFINED).expect("mounts");
        yew::scheduler::flush().await;
        Mounted { host, handle }
    }

    fn shadow(&self) -> ShadowRoot {
        self.host.shadow_root().expect("an open shadow root")
    }

    fn find(&self, selector: &str) -> Option<HtmlElement> {
        self.shadow()
            .query_selector(selector)
            .unwrap()
            .map(|e| e.unchecked_into())
    }

    fn text(&self, selector: &str) -> String {
        self.find(selector)
            .unwrap_or_else(|| panic!("{selector} not found"))
            .text_content()
            .unwrap_or_default()
    }

    async fn click(&self, selector: &str) {
        self.find(selector)
            .unwrap_or_else(|| panic!("{selector} not found"))
            .click();
        yew::scheduler::flush().await;
    }

    fn unmount(self) {
        self.handle.destroy();
        self.host.remove();
    }
}

fn storage() -> web_sys::Storage {
    gloo::utils::window().local_storage().unwrap().unwrap()
}

#[wasm_bindgen_test]
async fn mounts_into_a_shadow_root_with_its_stylesheet() {
    storage().remove_item(KEY).unwrap();
    let w = Mounted::new().await;
    assert!(w.text("h2").contains("How socially mature"));
    assert_eq!(w.shadow().adopted_style_sheets().length(), 1);
    // Nothing leaks into the light DOM.
    assert_eq!(w.host.child_element_count(), 0);
    w.unmount();
}

#[wasm_bindgen_test]
async fn answers_are_saved_and_resumed_after_a_remount() {
    storage().remove_item(KEY).unwrap();
    let w = Mounted::new().await;
    w.click(".smi-button--primary").await;
    assert!(w
        .text(".smi-progress__label")
        .starts_with("Question 1 of 27"));
    let radio: HtmlInputElement = w.find("input[value='2']").unwrap().unchecked_into();
    radio.click();
    yew::scheduler::flush().await;
    w.click("button[type=submit]").await;
    assert!(w
        .text(".smi-progress__label")
        .starts_with("Question 2 of 27"));
    let saved = storage().get_item(KEY).unwrap().expect("progress saved");
    assert!(saved.contains("\"answers\":[2,null"), "{saved}");
    w.unmount();

    // A remount resumes on the question the visitor was on, with the answer kept.
    let w = Mounted::new().await;
    assert!(w
        .text(".smi-progress__label")
        .starts_with("Question 2 of 27"));
    w.click("button[type=button]").await;
    let radio: HtmlInputElement = w.find("input[value='2']").unwrap().unchecked_into();
    assert!(radio.checked());
    // From the intro, the start button offers to continue.
    w.click("button[type=button]").await;
    assert_eq!(
        w.text(".smi-button--primary").trim(),
        "Continue where you left off"
    );
    w.unmount();
}

#[wasm_bindgen_test]
async fn corrupt_saved_progress_starts_afresh() {
    storage()
        .set_item(KEY, "{\"v\":1,\"q\":\"nonsense\"")
        .unwrap();
    let w = Mounted::new().await;
    assert_eq!(w.text(".smi-button--primary"), "Start the assessment");
    assert!(w.find(".smi-notice").is_none());
    // The corrupt value was cleared, and a fresh start stores nothing.
    assert_eq!(storage().get_item(KEY).unwrap(), None);
    w.unmount();
}

#[wasm_bindgen_test]
async fn destroy_empties_the_shadow_root() {
    let w = Mounted::new().await;
    let shadow = w.shadow();
    w.unmount();
    assert_eq!(shadow.child_element_count(), 0);
}

/// The widget writes dates itself (no `Intl`, whose first use costs tens of milliseconds);
/// here every language's date, every 3 days over 2015–2045, must equal what this browser's
/// `Intl` writes for the same day.
#[wasm_bindgen_test]
fn dates_match_the_browser_s_intl_in_every_language() {
    use smi_engine::result::calendar::{days_since_1970, Date};
    let strings = |text: &str| smi_engine::content::translation(text).unwrap().1;
    let languages = [
        ("en", smi_engine::content::strings().unwrap()),
        ("ms", strings(translation!("ms"))),
        ("ar", strings(translation!("ar"))),
        ("fa", strings(translation!("fa"))),
        ("ru", strings(translation!("ru"))),
    ];
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"dateStyle".into(), &"long".into()).unwrap();
    let year = |year| {
        days_since_1970(Date {
            year,
            month: 1,
            day: 1,
        })
    };
    let (start, end) = (year(2015), year(2046));
    let mut compared = 0;
    for (lang, strings) in &languages {
        let locales = js_sys::Array::of1(&JsValue::from_str(lang));
        let intl = js_sys::Intl::DateTimeFormat::new(&locales, &options);
        let format = intl.format();
        for days in (start..end).step_by(3) {
            // Noon UTC: the same calendar day in every time zone the test may run in.
            let js_date = js_sys::Date::new(&JsValue::from_f64(
                days as f64 * 86_400_000.0 + 43_200_000.0,
            ));
            let date = Date {
                year: js_date.get_full_year() as i32,
                month: js_date.get_month() + 1,
                day: js_date.get_date(),
            };
            let theirs = format
                .call1(&JsValue::NULL, &js_date)
                .unwrap()
                .as_string()
                .unwrap();
            assert_eq!(strings.date(date), theirs, "{lang}, {date:?}");
            compared += 1;
        }
    }
    assert_eq!(compared, 5 * (end - start + 2) / 3);
}

/// Whatever a promise rejects with, `describe` reads it without throwing: an `Error`, a
/// `DOMException`, a string, `undefined`, `null`, a plain object or a number.
#[wasm_bindgen_test]
fn describe_reads_any_rejection_value() {
    use smi_widget::platform::describe;
    assert_eq!(describe(js_sys::Error::new("boom").into()), "boom");
    assert_eq!(describe(JsValue::from_str("denied")), "denied");
    assert_eq!(describe(JsValue::UNDEFINED), "no reason given");
    assert_eq!(describe(JsValue::NULL), "no reason given");
    let plain = js_sys::JSON::parse(r#"{"reason":"quota"}"#).unwrap();
    assert_eq!(describe(plain), r#"{"reason":"quota"}"#);
    assert_eq!(describe(JsValue::from_f64(3.0)), "3");
    assert_eq!(
        describe(js_sys::Object::new().into()),
        "a value of type object"
    );
}
