//! The runbook of one hop: its image-name fields and numbered steps with exact commands and
//! the "Standby Ready" checkpoints (data from `domain::runbook`).

use super::command_block::CommandBlock;
use super::inline_code::InlineCode;
use crate::domain::plan::Hop;
use crate::domain::release::Release;
use crate::domain::runbook::{HopImages, Runbook};
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HopRunbookProps {
    pub index: usize,
    pub hop: Hop,
    pub images: HopImages,
    pub runbook: Runbook,
    /// An image name typed for a release.
    pub onimage: Callback<(Release, String)>,
}

fn image_input(
    id: String,
    label: String,
    value: &str,
    release: Release,
    cb: &Callback<(Release, String)>,
) -> Html {
    let cb = cb.clone();
    let oninput = Callback::from(move |e: InputEvent| {
        if let Some(input) = e
            .target()
            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        {
            cb.emit((release, input.value()));
        }
    });
    html! {
        <div class="hop-runbook-image">
            <label for={id.clone()}>{ label }</label>
            <input {id} type="text" value={value.to_owned()} spellcheck="false" autocomplete="off" {oninput} />
        </div>
    }
}

/// One hop's section of the runbook.
#[function_component(HopRunbook)]
pub fn hop_runbook(props: &HopRunbookProps) -> Html {
    let hop = &props.hop;
    let n = props.index + 1;
    html! {
        <section class="hop-runbook" data-runbook-hop={n.to_string()}>
            <h3>{ format!("Hop {n}: {} → {}", hop.from, hop.to) }</h3>
            <div class="hop-runbook-images">
                { image_input(format!("image-old-{n}"), format!("Image {} boots now", hop.from),
                    &props.images.old_image, hop.from, &props.onimage) }
                { image_input(format!("image-new-{n}"), format!("Image of {}", hop.to),
                    &props.images.new_image, hop.to, &props.onimage) }
            </div>
            <ol class="hop-runbook-steps">
                { for props.runbook.steps.iter().enumerate().map(|(s, step)| html! {
                    <li>
                        <p>
                            <strong>{ step.unit }</strong>{ ": " }<InlineCode text={step.what.clone()} />
                            if step.optional { <em>{ " (optional)" }</em> }
                        </p>
                        if !step.commands.is_empty() {
                            <CommandBlock lines={step.commands.clone()}
                                what={AttrValue::from(format!("step {} of hop {n}", s + 1))} />
                        }
                        if let Some(check) = &step.checkpoint {
                            <p class="hop-runbook-checkpoint">
                                <strong>{ "Checkpoint: " }</strong><InlineCode text={check.clone()} />
                            </p>
                        }
                    </li>
                }) }
            </ol>
        </section>
    }
}
