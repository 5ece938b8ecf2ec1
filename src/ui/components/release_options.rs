//! The shared suggestion list for every release field: the releases of the catalog in use.

use crate::domain::catalog::Catalog;
use crate::ui::shared::Shared;
use gloo_timers::callback::Timeout;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReleaseOptionsProps {
    pub id: AttrValue,
    pub catalog: Shared<Catalog>,
}

/// A `<datalist>` of canonical release spellings, newest first (what people usually want).
///
/// The options (one per release: 736 for the built-in catalog, close to half of the page's
/// elements) are only suggestions, so they are drawn one task after the first render: the
/// plan and graph of a shared link appear without waiting for them.
#[function_component(ReleaseOptions)]
pub fn release_options(props: &ReleaseOptionsProps) -> Html {
    let ready = use_state_eq(|| false);
    {
        let ready = ready.clone();
        use_effect_with((), move |_| {
            let timer = Timeout::new(0, move || ready.set(true));
            // Dropping a Timeout cancels it: on unmount, the suggestions are simply never drawn.
            move || drop(timer)
        });
    }
    html! {
        <datalist id={props.id.clone()}>
            if *ready {
                { for props.catalog.entries().iter().rev().map(|e| {
                    html! { <option value={e.release.to_string()} /> }
                }) }
            }
        </datalist>
    }
}
