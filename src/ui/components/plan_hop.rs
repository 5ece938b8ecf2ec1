//! One hop of the plan (`li[data-hop]`): its text (markup from `view::plan_html`), and for an
//! intermediate release a choice of any release of that train. A view function (no hooks),
//! not a component: the plan list around it decides when to re-render.

use crate::domain::plan::Hop;
use crate::domain::release::Release;
use crate::domain::session::HopFacts;
use crate::ui::browser;
use crate::view::plan_html;
use crate::view::words::page;
use yew::prelude::*;

/// The hop as a list item with the hook attributes. `index` is 0-based; `choices` are the
/// releases of the landing train (and whether withdrawn) for an intermediate hop, empty for
/// the last hop; `onpin` gets an intermediate release picked by the person.
pub fn plan_hop(
    index: usize,
    hop: &Hop,
    facts: Option<&HopFacts>,
    choices: &[(Release, bool)],
    onpin: &Callback<Release>,
) -> Html {
    let select_id = format!("via-{index}");
    let onchange = {
        let cb = onpin.clone();
        let choices: Vec<Release> = choices.iter().map(|(r, _)| *r).collect();
        Callback::from(move |e: Event| {
            let picked = browser::field_value(&e)
                .and_then(|v| v.parse::<usize>().ok())
                .and_then(|i| choices.get(i));
            if let Some(release) = picked {
                cb.emit(*release);
            }
        })
    };
    html! {
        <li class="plan-hop" data-hop="" data-from={hop.from.to_string()} data-to={hop.to.to_string()}
            data-rule={hop.rule.as_str()}
            data-units={facts.filter(|f| f.reloads.len() == 1).map(|_| "1")}>
            { Html::from_html_unchecked(plan_html::hop_text(hop, facts).into()) }
            if !choices.is_empty() {
                <div class="plan-hop-choice">
                    <label for={select_id.clone()}>{ "land on" }</label>
                    <select id={select_id} {onchange}
                        aria-label={page::land_on_label(hop.to.train())}>
                        { Html::from_html_unchecked(plan_html::choice_options(choices, hop.to).into()) }
                    </select>
                </div>
            }
        </li>
    }
}
