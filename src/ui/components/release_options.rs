//! The shared suggestion list for every release field: the releases of the catalog in use.

use crate::domain::catalog::Catalog;
use crate::ui::shared::Shared;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReleaseOptionsProps {
    pub id: AttrValue,
    pub catalog: Shared<Catalog>,
}

/// A `<datalist>` of canonical release spellings, newest first (what people usually want).
#[function_component(ReleaseOptions)]
pub fn release_options(props: &ReleaseOptionsProps) -> Html {
    html! {
        <datalist id={props.id.clone()}>
            { for props.catalog.entries().iter().rev().map(|e| {
                html! { <option value={e.release.to_string()} /> }
            }) }
        </datalist>
    }
}
