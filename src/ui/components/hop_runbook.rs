//! The runbook of one hop: its image-name fields (Yew inputs) and its steps, written as markup
//! by `view::runbook_html` (commands, copy buttons, "Standby Ready" checkpoints). A view
//! function (no hooks), not a component: the runbook panel around it decides when to re-render.

use crate::domain::plan::Hop;
use crate::domain::release::Release;
use crate::domain::runbook::{HopImages, Runbook};
use crate::ui::browser;
use crate::view::runbook_html;
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

/// One hop's section of the runbook: hop `index` (0-based), the image names it uses, its
/// steps, and `onimage` for an image name typed for a release.
pub fn hop_runbook(
    index: usize,
    hop: &Hop,
    images: &HopImages,
    runbook: &Runbook,
    onimage: &Callback<(Release, String)>,
) -> Html {
    let n = index + 1;
    html! {
        <section class="hop-runbook" data-runbook-hop={n.to_string()}>
            <h3>{ format!("Hop {n}: {} → {}", hop.from, hop.to) }</h3>
            <div class="hop-runbook-images">
                { image_input(format!("image-old-{n}"), format!("Image {} boots now", hop.from),
                    &images.old_image, hop.from, onimage) }
                { image_input(format!("image-new-{n}"), format!("Image of {}", hop.to),
                    &images.new_image, hop.to, onimage) }
            </div>
            { Html::from_html_unchecked(runbook_html::steps(runbook, n).into()) }
        </section>
    }
}
