//! The runbook of one hop: which units it reloads, its warnings and the caveats to handle
//! before it (`[data-caveat]`), its image-name fields (Yew inputs, ASDM image included), and
//! its pre-checks, steps and checks written as markup by `view::runbook_html`. A view function
//! (no hooks), not a component: the runbook panel around it decides when to re-render.

use crate::domain::plan::Hop;
use crate::domain::release::Release;
use crate::domain::runbook::{HopImages, Runbook};
use crate::domain::session::{HopFacts, HopWarning};
use crate::ui::browser;
use crate::view::{plan_html, runbook_html, words};
use yew::prelude::*;

fn image_input(
    id: String,
    label: String,
    value: &str,
    release: Release,
    cb: &Callback<(Release, String)>,
) -> Html {
    let oninput = browser::on_value::<InputEvent>(&cb.reform(move |value| (release, value)));
    html! {
        <div class="hop-runbook-image">
            <label for={id.clone()}>{ label }</label>
            <input {id} type="text" value={value.to_owned()} spellcheck="false" autocomplete="off" {oninput} />
        </div>
    }
}

/// What one hop's section shows.
pub struct HopRunbook<'a> {
    /// 0-based.
    pub index: usize,
    pub hop: &'a Hop,
    pub facts: Option<&'a HopFacts>,
    pub images: &'a HopImages,
    pub runbook: &'a Runbook,
    pub minutes: Option<u32>,
    pub onimage: &'a Callback<(Release, String)>,
    pub onasdm: &'a Callback<(Release, String)>,
}

/// One hop's section of the runbook (`[data-runbook-hop]`).
pub fn hop_runbook(props: &HopRunbook) -> Html {
    let HopRunbook { hop, images, .. } = props;
    let n = props.index + 1;
    let mut before = String::new();
    if let Some(facts) = props.facts {
        before.push_str("<p class=\"hop-runbook-units\">");
        crate::view::markup::escape(&mut before, &words::reloads(facts));
        if let Some(m) = props.minutes {
            before.push(' ');
            crate::view::markup::escape(&mut before, &words::estimate(m, facts.reloads.len()));
        }
        before.push_str("</p>");
        for warning in &facts.warnings {
            before.push_str(match warning {
                HopWarning::PresetLeavesOut(_) => "<p class=\"hop-runbook-note\">",
                _ => "<p class=\"hop-runbook-warning\">",
            });
            crate::view::markup::escape(&mut before, &words::warning(warning));
            plan_html::sources(&mut before, &words::warning_sources(warning));
            before.push_str("</p>");
        }
        if !facts.caveats.is_empty() {
            before.push_str("<h4>");
            crate::view::markup::escape(&mut before, words::BEFORE_THIS_HOP);
            before.push_str("</h4>");
            plan_html::caveats(&mut before, &facts.caveats, true);
        }
    }
    let steps = runbook_html::steps(props.runbook, n);
    html! {
        <section class="hop-runbook" data-runbook-hop={n.to_string()}
            data-units={props.facts.map(|f| f.reloads.len().to_string())}>
            <h3>{ words::hop_title(n, hop.from, hop.to) }</h3>
            { Html::from_html_unchecked(before.into()) }
            <div class="hop-runbook-images">
                { image_input(format!("image-old-{n}"), format!("Image {} boots now", hop.from),
                    &images.old_image, hop.from, props.onimage) }
                { image_input(format!("image-new-{n}"), format!("Image of {}", hop.to),
                    &images.new_image, hop.to, props.onimage) }
                { image_input(format!("image-asdm-{n}"), format!("ASDM image for {} (optional)", hop.to),
                    &images.asdm_image, hop.to, props.onasdm) }
            </div>
            { Html::from_html_unchecked(steps.into()) }
        </section>
    }
}
