//! Components alone and the reducer: a release field's message wiring, the banner's roles and
//! dismissal, inline code (markup text) staying text once the browser parses it, and the reducer's no-op and pinning behaviour.

#![cfg(target_arch = "wasm32")]

mod web_util;

use asa_planner::ui::components::banner::{banner, BannerProps};
use asa_planner::ui::components::release_field::{release_field, ReleaseFieldProps};
use asa_planner::ui::state::{Action, BannerLine, State};
use asa_planner::view::markup;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen_test::*;
use web_util::*;
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

// These pieces are view functions, not components: each host mounts one alone, as the page's
// sections do.

#[function_component(ReleaseFieldHost)]
fn release_field_host(props: &ReleaseFieldProps) -> Html {
    release_field(props)
}

#[function_component(BannerHost)]
fn banner_host(props: &BannerProps) -> Html {
    banner(props)
}

#[derive(Properties, PartialEq)]
struct InlineCodeProps {
    text: AttrValue,
}

/// Inline code as the page draws it: markup text from `view::markup`, parsed by the browser.
#[function_component(InlineCodeHost)]
fn inline_code_host(props: &InlineCodeProps) -> Html {
    let mut out = String::new();
    markup::inline_code(&mut out, &props.text);
    Html::from_html_unchecked(out.into())
}

#[wasm_bindgen_test]
async fn a_release_field_shows_its_error_under_it_and_reports_typing() {
    let typed = Rc::new(RefCell::new(Vec::<String>::new()));
    let sink = typed.clone();
    let props = ReleaseFieldProps {
        id: "from".into(),
        label: "Current release".into(),
        // The field as the session reads "8.2(": its error worded from its typed problem.
        field: asa_planner::domain::session::analyse(&"from=8.2(".parse().unwrap()).from,
        list: "release-options".into(),
        placeholder: AttrValue::default(),
        left_out: None,
        oninput: Callback::from(move |t: String| sink.borrow_mut().push(t)),
    };
    let root = mount_point();
    yew::Renderer::<ReleaseFieldHost>::with_root_and_props(root.clone(), props).render();
    until("the field", || query(&root, "#from").is_some()).await;
    let input = get(&root, "#from");
    assert_eq!(attr(&input, "aria-describedby"), "from-msg");
    assert_eq!(attr(&input, "aria-invalid"), "true");
    assert_eq!(attr(&input, "list"), "release-options");
    assert_eq!(
        text(&get(&root, "#from-msg")),
        "release ends too early: the maintenance number is missing at position 5"
    );
    assert_eq!(text(&get(&root, "label[for=from]")), "Current release");
    type_into(&root, "#from", "8.2(5");
    until("the callback", || !typed.borrow().is_empty()).await;
    assert_eq!(*typed.borrow(), ["8.2(5"]);
}

#[wasm_bindgen_test]
async fn the_banner_announces_errors_and_dismisses_by_index() {
    let dismissed = Rc::new(RefCell::new(None::<usize>));
    let sink = dismissed.clone();
    let props = BannerProps {
        lines: vec![
            BannerLine {
                source: "link",
                text: "colour: unknown key, ignored".into(),
                is_error: false,
            },
            BannerLine {
                source: "link",
                text: "mode: <b>sideways</b> is not a mode".into(),
                is_error: true,
            },
        ],
        ondismiss: Callback::from(move |i| *sink.borrow_mut() = Some(i)),
    };
    let root = mount_point();
    yew::Renderer::<BannerHost>::with_root_and_props(root.clone(), props).render();
    until("the banner", || query(&root, ".banner").is_some()).await;
    let lines = query_all(&root, ".banner-line");
    assert_eq!(
        lines.iter().map(|l| attr(l, "role")).collect::<Vec<_>>(),
        ["status", "alert"]
    );
    // Text from a link is text, never markup.
    assert!(query(&root, ".banner b").is_none());
    assert!(text(&lines[1]).contains("<b>sideways</b>"));
    let button: web_sys::HtmlElement =
        wasm_bindgen::JsCast::dyn_into(get(&lines[1], "button")).expect("a button");
    button.click();
    until("the dismissal", || dismissed.borrow().is_some()).await;
    assert_eq!(*dismissed.borrow(), Some(1));
}

#[wasm_bindgen_test]
async fn inline_code_marks_backtick_spans_and_keeps_markup_as_text() {
    let root = mount_point();
    let props = InlineCodeProps {
        text: "run `show failover` then <i>wait</i>".into(),
    };
    yew::Renderer::<InlineCodeHost>::with_root_and_props(root.clone(), props).render();
    until("the text", || query(&root, ".inline-code").is_some()).await;
    assert_eq!(text(&get(&root, "code")), "show failover");
    assert!(query(&root, "i").is_none());
    assert_eq!(
        text(&get(&root, ".inline-code")),
        "run show failover then <i>wait</i>"
    );
}

#[wasm_bindgen_test]
fn no_op_actions_keep_the_same_state() {
    let state = Rc::new(State::default());
    let same = state.clone().reduce(Action::SetMultiContext(false));
    assert!(Rc::ptr_eq(&state, &same));
    let same = state.clone().reduce(Action::SetFrom(String::new()));
    assert!(Rc::ptr_eq(&state, &same));
    let changed = state.clone().reduce(Action::SetFrom("8.2(5)".into()));
    assert!(!Rc::ptr_eq(&state, &changed));
    assert_eq!(changed.query.from, "8.2(5)");
}

#[wasm_bindgen_test]
fn pinning_replaces_the_pin_of_the_same_train_and_a_preset_drops_the_train_set() {
    let r = |s: &str| s.parse().expect("a release");
    let state = Rc::new(State::default())
        .reduce(Action::PinVia(r("8.3(1)")))
        .reduce(Action::PinVia(r("8.4(6)")))
        .reduce(Action::PinVia(r("8.3(2)")));
    assert_eq!(state.query.via, ["8.4(6)", "8.3(2)"]);
    let state = state
        .reduce(Action::SetTrains(Some(vec!["8.4"
            .parse()
            .expect("a train")])))
        .reduce(Action::SetPreset("asa5500".into()));
    assert_eq!(state.query.trains, None);
    assert_eq!(state.query.preset.as_deref(), Some("asa5500"));
}
