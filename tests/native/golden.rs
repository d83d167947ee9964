//! Golden HTML of the result view, rendered natively with Yew's server renderer, for one
//! fixture per category. Review a change with `INSTA_UPDATE=always cargo test` and `git diff`.

use crate::support::{answers, smi};
use smi_engine::content;
use smi_engine::evaluate;
use smi_widget::ui::result::{ResultProps, ResultView};
use std::rc::Rc;
use yew::LocalServerRenderer;

async fn render(digits: &str) -> String {
    render_with(digits, None, false).await
}

async fn render_with(digits: &str, share_link: Option<&str>, linked: bool) -> String {
    render_props(digits, share_link, linked, false).await
}

fn props(digits: &str, share_link: Option<&str>, linked: bool, first_screen: bool) -> ResultProps {
    ResultProps {
        questionnaire: Rc::new(smi().clone()),
        strings: smi_engine::result::text::Text::new(content::strings().unwrap()),
        outcome: evaluate(smi(), &answers(digits)).unwrap(),
        heading_ref: Default::default(),
        on_restart: Default::default(),
        share_link: share_link.map(|l| l.to_owned().into()),
        share_status: None,
        on_share: Default::default(),
        native_share: false,
        config: Default::default(),
        cta: None,
        date: Default::default(),
        benchmark: None,
        benchmark_refused: false,
        linked,
        on_take: Default::default(),
        first_screen,
        guidance: Rc::new(smi_engine::assessment::path::guidance(
            smi(),
            &answers(digits),
        )),
        on_revisit: Default::default(),
        report_offered: !linked,
        report_status: None,
        on_report: Default::default(),
        movement: None,
        compare_offered: !linked,
        on_compare: Default::default(),
        paste_refused: false,
    }
}

async fn render_props(
    digits: &str,
    share_link: Option<&str>,
    linked: bool,
    first_screen: bool,
) -> String {
    render_view(props(digits, share_link, linked, first_screen)).await
}

async fn render_view(props: ResultProps) -> String {
    let html = LocalServerRenderer::<ResultView>::with_props(props)
        .hydratable(false)
        .render()
        .await;
    // One element per line keeps snapshot diffs readable.
    html.replace("><", ">\n<")
}

#[tokio::test]
async fn observer() {
    insta::assert_snapshot!(render("0101000100000 10000000000000").await);
}

#[tokio::test]
async fn conservative() {
    insta::assert_snapshot!(render("3323232322121 10101010101010").await);
}

#[tokio::test]
async fn participant() {
    insta::assert_snapshot!(render("1010101010101 23232323232323").await);
}

#[tokio::test]
async fn social_first() {
    insta::assert_snapshot!(render("3333333333333 33333333333333").await);
}

#[tokio::test]
async fn the_result_names_category_scores_and_plan() {
    let html = render("1010101010101 23232323232323").await;
    for expected in [
        "Your social maturity: <bdi>Participant</bdi>",
        "<span class=\"smi-sr\">19 out of 100</span>",
        "<span class=\"smi-sr\">84 out of 100</span>",
        "Invest fully",
        "<ol class=\"smi-plan\">",
        "role=\"img\"",
    ] {
        assert!(html.contains(expected), "missing {expected:?}");
    }
}

#[tokio::test]
async fn the_first_screen_is_the_head_matrix_scores_and_recommendation() {
    let link = Some("https://consultancy.test/smi#smi=1O7u7uREREamd");
    let digits = "1010101010101 23232323232323";
    let first = render_props(digits, link, false, true).await;
    let whole = render_props(digits, link, false, false).await;
    for shown in [
        "<bdi>Participant</bdi>",
        "role=\"img\"",
        "19 out of 100",
        "Invest fully",
    ] {
        assert!(first.contains(shown), "the first screen lacks {shown:?}");
    }
    for later in ["smi-pillars", "smi-plan", "smi-share", "smi-actions"] {
        assert!(!first.contains(later), "the first screen has {later:?}");
        assert!(whole.contains(later), "the whole result lacks {later:?}");
    }
    // The first screen is the start of the whole result, unchanged.
    let cut = first.rfind("</section>").unwrap();
    assert!(whole.starts_with(&first[..cut]));
}

#[tokio::test]
async fn share_block_links_encode_the_result() {
    let link = "https://consultancy.test/smi?utm=x#smi=1O7u7uREREamd";
    let html = render_with("1010101010101 23232323232323", Some(link), false).await;
    let encoded = "https%3A%2F%2Fconsultancy.test%2Fsmi%3Futm%3Dx%23smi%3D1O7u7uREREamd";
    for expected in [
        format!("value=\"{link}\""),
        format!("https://www.linkedin.com/sharing/share-offsite/?url={encoded}"),
        "https://x.com/intent/post?text=Our%20company%20is%20Participant".to_owned(),
        "mailto:?subject=Social%20Maturity%20Index&amp;body=Our%20company".to_owned(),
        "Retake the assessment".to_owned(),
    ] {
        assert!(html.contains(&expected), "missing {expected:?}");
    }
}

#[tokio::test]
async fn a_shared_card_is_read_only() {
    let link = "https://consultancy.test/#smi=1O7u7uREREamd";
    let html = render_with("1010101010101 23232323232323", Some(link), true).await;
    assert!(html.contains("A shared result"));
    assert!(html.contains("Take the assessment yourself"));
    assert!(!html.contains("Copy link"));
    assert!(!html.contains("Retake the assessment"));
}

#[tokio::test]
async fn a_retake_shows_what_moved_since_the_last_result() {
    use smi_engine::result::calendar::Date;
    use smi_engine::result::progress;
    let (before, after) = (
        "0101000100000 10000000000000",
        "1010101010101 23232323232323",
    );
    let mut p = props(after, None, false, false);
    let date = Date {
        year: 2026,
        month: 11,
        day: 30,
    };
    p.movement =
        progress::compare(smi(), &answers(before), &answers(after), Some(date)).map(Rc::new);
    let html = render_view(p).await;
    insta::assert_snapshot!(html);
    for expected in [
        "Since your last result, November 30, 2026",
        "Category: was \u{2068}Observer\u{2069}, now \u{2068}Participant\u{2069}",
        "Investment: was 8, now 19 (\u{2066}+11\u{2069})",
        "Answers that improved",
        "class=\"smi-matrix__trail\"",
        "A line leads from your last result: investment 8, innovation 4.",
    ] {
        assert!(html.contains(expected), "missing {expected:?}");
    }
    // A refused paste is said next to the field, which is marked invalid.
    let mut p = props(after, None, false, false);
    p.paste_refused = true;
    let html = render_view(p).await;
    assert!(html.contains("aria-invalid=\"true\""));
    assert!(html.contains("This link holds no complete result of this assessment."));
    assert!(!html.contains("Since your last result"));
}
