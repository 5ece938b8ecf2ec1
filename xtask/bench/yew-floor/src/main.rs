//! Mounts one component that returns the static floor page's `<main>` as raw HTML.

use yew::prelude::*;

#[component]
fn Floor() -> Html {
    Html::from_html_unchecked(AttrValue::Static(include_str!(env!(
        "ASA_BENCH_FLOOR_MARKUP"
    ))))
}

fn main() {
    yew::Renderer::<Floor>::new().render();
}
