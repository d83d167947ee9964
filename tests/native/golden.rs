//! Golden HTML of the result view, rendered natively with Yew's server renderer, for one
//! fixture per category. Review a change with `INSTA_UPDATE=always cargo test` and `git diff`.

use crate::support::{answers, smi};
use smi_widget::content;
use smi_widget::engine::evaluate;
use smi_widget::ui::result::{ResultProps, ResultView};
use std::rc::Rc;
use yew::LocalServerRenderer;

async fn render(digits: &str) -> String {
    let props = ResultProps {
        questionnaire: Rc::new(smi().clone()),
        strings: Rc::new(content::strings().unwrap()),
        outcome: evaluate(smi(), &answers(digits)).unwrap(),
        heading_ref: Default::default(),
        on_restart: Default::default(),
    };
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
        "Your social maturity: Participant",
        "<span class=\"smi-sr\">19 out of 100</span>",
        "<span class=\"smi-sr\">84 out of 100</span>",
        "Invest fully",
        "<ol class=\"smi-plan\">",
        "role=\"img\"",
    ] {
        assert!(html.contains(expected), "missing {expected:?}");
    }
}
