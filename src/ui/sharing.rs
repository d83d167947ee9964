//! The result's share actions (copy the link, download the card as PNG, the native share
//! sheet, print) and what each reports: one context shared by their callbacks, so each
//! callback is a line in `widget`.

use super::widget::{report, HostContext};
use crate::engine::card::{self, CardInput};
use crate::engine::questionnaire::Questionnaire;
use crate::engine::scoring::Outcome;
use crate::engine::text::Strings;
use crate::platform;
use std::future::Future;
use std::rc::Rc;
use yew::{AttrValue, Callback, NodeRef, UseStateHandle};

/// Everything the share actions need for one result.
pub struct Sharing {
    pub questionnaire: Rc<Questionnaire>,
    pub strings: Rc<Strings>,
    pub outcome: Outcome,
    pub host: Rc<HostContext>,
    /// Today in the widget's language, for the card.
    pub date: AttrValue,
    /// The link that reopens the result.
    pub link: Option<AttrValue>,
    /// Where the outcome of an action is announced.
    pub status: UseStateHandle<Option<AttrValue>>,
    /// The heading of the widget being shared, to find it for printing.
    pub heading: NodeRef,
}

impl Sharing {
    /// A callback that runs `action` on this context.
    pub fn callback<F, Fut>(self: &Rc<Self>, action: F) -> Callback<()>
    where
        F: Fn(Rc<Sharing>) -> Fut + 'static,
        Fut: Future<Output = ()> + 'static,
    {
        let this = self.clone();
        Callback::from(move |_: ()| wasm_bindgen_futures::spawn_local(action(this.clone())))
    }

    fn tell(&self, method: &'static str) {
        self.host
            .on_event
            .emit(crate::engine::events::Event::Share {
                method: method.into(),
                url: self.link.as_deref().unwrap_or_default().into(),
            });
    }

    fn say(&self, text: &str) {
        self.status.set(Some(AttrValue::from(text.to_owned())));
    }

    fn svg(&self) -> String {
        let config = &self.host.config;
        card::svg(&CardInput {
            questionnaire: &self.questionnaire,
            strings: &self.strings,
            outcome: &self.outcome,
            rtl: crate::content::direction(&self.host.lang) == "rtl",
            date: &self.date,
            company: config.company.as_deref(),
            logo: config.logo.as_deref(),
            accent: config
                .accent
                .as_ref()
                .map_or(("#2f48c8", "#ffffff"), |a| (&a.colour, &a.text)),
            cta: config
                .cta
                .as_ref()
                .map(|c| (c.label.as_str(), c.url.as_str())),
        })
    }

    fn filename(&self) -> String {
        format!("social-maturity-{}.png", self.outcome.category.as_str())
    }

    pub async fn copy(self: Rc<Self>) {
        match platform::copy_text(self.link.as_deref().unwrap_or_default()).await {
            Ok(()) => {
                self.tell("copy");
                self.say(&self.strings.copied);
            }
            Err(why) => {
                platform::warn(&format!("SMI widget: copy failed: {why}."));
                self.say(&self.strings.copy_failed);
            }
        }
    }

    pub async fn png(self: Rc<Self>) {
        let saved = match platform::png(&self.svg(), card::WIDTH, card::HEIGHT, 2.0).await {
            Ok(blob) => platform::download(&blob, &self.filename())
                .await
                .map_err(|why| format!("the PNG could not be saved: {why}")),
            Err(why) => Err(format!("the PNG could not be made: {why}")),
        };
        match saved {
            Ok(()) => self.tell("png"),
            Err(why) => {
                report(&self.host, "image-failed", &why);
                self.say(&self.strings.image_failed);
            }
        }
    }

    pub async fn native(self: Rc<Self>) {
        // The image where it can be made; the link and text in any case.
        let image = platform::png(&self.svg(), card::WIDTH, card::HEIGHT, 2.0)
            .await
            .ok();
        let text = super::result::share_text(&self.questionnaire, &self.strings, &self.outcome);
        let url = self.link.as_deref().unwrap_or_default();
        let title = &self.questionnaire.title;
        match platform::share_native(image.as_ref(), &self.filename(), title, &text, url).await {
            Ok(true) => self.tell("native"),
            Ok(false) => {}
            Err(why) => {
                report(
                    &self.host,
                    "share-failed",
                    &format!("the share sheet failed: {why}"),
                );
                self.say(&self.strings.share_failed);
            }
        }
    }

    pub async fn print(self: Rc<Self>) {
        self.tell("print");
        if let Err(why) = platform::print_card(&self.heading).await {
            report(
                &self.host,
                "print-failed",
                &format!("printing failed: {why}"),
            );
        }
    }
}
