//! The result: category, both axis scores, the matrix, the SMI's recommendation, pillar
//! bars and the action plan. Hook-free, so it renders natively for golden HTML tests.

use super::matrix::{Matrix, MatrixProps};
use crate::engine::questionnaire::Questionnaire;
use crate::engine::scoring::Outcome;
use crate::engine::text::{fill, Strings};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ResultProps {
    pub questionnaire: Rc<Questionnaire>,
    pub strings: Rc<Strings>,
    pub outcome: Outcome,
    #[prop_or_default]
    pub heading_ref: NodeRef,
    #[prop_or_default]
    pub on_restart: Callback<()>,
}

#[function_component]
pub fn ResultView(props: &ResultProps) -> Html {
    let (q, s, o) = (&props.questionnaire, &props.strings, &props.outcome);
    let category = q.category(o.category);
    let heading = fill(&s.result_heading, &[("category", &category.name)]);
    let out_of = |score: u8| fill(&s.score_out_of, &[("score", &score.to_string())]);
    let position = fill(
        &s.matrix_position,
        &[
            ("investment", &o.investment.to_string()),
            ("innovation", &o.innovation.to_string()),
            ("category", &category.name),
        ],
    );
    let score = |label: &str, value: u8, modifier: &str| {
        html! {
            <div class={classes!("smi-score", modifier.to_owned())}>
                <dt class="smi-score__label">{ label.to_owned() }</dt>
                <dd class="smi-score__value">
                    <span class="smi-score__number" aria-hidden="true">{ value }</span>
                    <span class="smi-score__max" aria-hidden="true">{ "/100" }</span>
                    <span class="smi-sr">{ out_of(value) }</span>
                </dd>
            </div>
        }
    };
    let restart = props.on_restart.reform(|_: MouseEvent| ());

    html! {
        <section class={classes!("smi-result", format!("smi-result--{}", o.category.as_str()))}>
            <header class="smi-result__head">
                <p class="smi-eyebrow">{ &q.title }</p>
                <h2 class="smi-heading smi-result__title" tabindex="-1" ref={props.heading_ref.clone()}>{ heading }</h2>
                <p class="smi-result__summary">{ &category.summary }</p>
            </header>
            <div class="smi-result__overview">
                <Matrix threshold={q.threshold} investment={o.investment} innovation={o.innovation}
                    category={o.category} names={MatrixProps::names_of(q)}
                    label={s.matrix_label.clone()} position={position}
                    axis_investment={s.axis_investment.clone()} axis_innovation={s.axis_innovation.clone()} />
                <div class="smi-result__side">
                    <dl class="smi-scores">
                        { score(&s.axis_investment, o.investment, "smi-score--investment") }
                        { score(&s.axis_innovation, o.innovation, "smi-score--innovation") }
                    </dl>
                    <p class="smi-result__description">{ &category.description }</p>
                </div>
            </div>
            <section class="smi-block smi-block--recommendation">
                <h3 class="smi-subheading">{ &s.recommendation_heading }</h3>
                <p>{ &category.recommendation }</p>
            </section>
            <section class="smi-block">
                <h3 class="smi-subheading">{ &s.pillars_heading }</h3>
                <ul class="smi-pillars">
                    { for o.pillars.iter().map(|p| html! {
                        <li class="smi-pillar" key={p.pillar.0.clone()}>
                            <span class="smi-pillar__name">{ q.pillar_name(&p.pillar) }</span>
                            <svg class="smi-pillar__bar" viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true">
                                <rect class="smi-pillar__track" width="100" height="6" rx="3" />
                                <rect class="smi-pillar__fill" width={p.score.to_string()} height="6" rx="3" />
                            </svg>
                            <span class="smi-pillar__score" aria-hidden="true">{ p.score }</span>
                            <span class="smi-sr">{ out_of(p.score) }</span>
                        </li>
                    }) }
                </ul>
            </section>
            <section class="smi-block">
                <h3 class="smi-subheading">{ &s.actions_heading }</h3>
                if o.actions.is_empty() {
                    <p>{ &s.actions_none }</p>
                } else {
                    <ol class="smi-plan">
                        { for o.actions.iter().map(|&i| html! {
                            <li class="smi-plan__item" key={i}>{ &q.items[i].action }</li>
                        }) }
                    </ol>
                }
            </section>
            <div class="smi-actions">
                <button type="button" class="smi-button" onclick={restart}>{ &s.restart }</button>
            </div>
        </section>
    }
}
