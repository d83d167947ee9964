//! The team view's words, and the questionnaire and interface strings it shows, in each of
//! the widget's languages; all embedded, since the page is a tool and loads nothing else.

use serde::Deserialize;
use smi_engine::assessment::questionnaire::Questionnaire;
use smi_engine::content::LANGUAGES;
use smi_engine::result::text::Strings;

/// The page's own strings (`team/content/team.<lang>.json`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TeamText {
    pub title: String,
    pub intro: String,
    pub team_name: String,
    pub page_label: String,
    pub invitation_heading: String,
    pub invitation_text: String,
    pub email_invitation: String,
    pub paste_label: String,
    pub add: String,
    pub added: String,
    pub members_heading: String,
    pub remove: String,
    pub unnamed: String,
    pub empty: String,
    pub matrix_label: String,
    pub member_position: String,
    pub mean_position: String,
    pub mean_heading: String,
    pub mean_text: String,
    pub spread_heading: String,
    pub score: String,
    pub lowest: String,
    pub median: String,
    pub highest: String,
    pub disagree_heading: String,
    pub disagree_none: String,
    pub choice_count: String,
    pub path_heading: String,
    pub path_intro: String,
    pub path_top: String,
    pub link_label: String,
    pub copy_link: String,
    pub copied: String,
    pub copy_failed: String,
    pub print: String,
    pub download_png: String,
    pub png_failed: String,
}

/// `(lang, team strings, questionnaire, interface strings)` as shipped.
const SHIPPED: [(&str, &str, &str, &str); 5] = [
    (
        "en",
        include_str!("../content/team.en.json"),
        include_str!("../../engine/content/questionnaire.en.json"),
        include_str!("../../engine/content/ui.en.json"),
    ),
    (
        "ms",
        include_str!("../content/team.ms.json"),
        include_str!("../../engine/content/questionnaire.ms.json"),
        include_str!("../../engine/content/ui.ms.json"),
    ),
    (
        "ar",
        include_str!("../content/team.ar.json"),
        include_str!("../../engine/content/questionnaire.ar.json"),
        include_str!("../../engine/content/ui.ar.json"),
    ),
    (
        "fa",
        include_str!("../content/team.fa.json"),
        include_str!("../../engine/content/questionnaire.fa.json"),
        include_str!("../../engine/content/ui.fa.json"),
    ),
    (
        "ru",
        include_str!("../content/team.ru.json"),
        include_str!("../../engine/content/questionnaire.ru.json"),
        include_str!("../../engine/content/ui.ru.json"),
    ),
];

/// The shipped language `asked` names (`ar`, `ar-EG`, `AR`), else English.
pub fn language(asked: &str) -> &'static str {
    let primary = asked
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    LANGUAGES
        .iter()
        .find(|l| **l == primary)
        .copied()
        .unwrap_or("en")
}

/// Everything the page shows in `lang` (a shipped language).
#[derive(Debug, Clone, PartialEq)]
pub struct Content {
    pub lang: &'static str,
    pub text: TeamText,
    pub questionnaire: Questionnaire,
    pub strings: Strings,
}

pub fn content(lang: &str) -> Result<Content, String> {
    let (lang, team, questionnaire, ui) = SHIPPED
        .iter()
        .find(|(l, ..)| *l == lang)
        .copied()
        .ok_or_else(|| format!("no team view in {lang}"))?;
    Ok(Content {
        lang,
        text: smi_json::from_str(team)?,
        questionnaire: Questionnaire::from_json(questionnaire)
            .map_err(|problems| smi_engine::Problem::list(&problems))?,
        strings: smi_json::from_str(ui)?,
    })
}
