//! The page: owns the reducer, derives the session and the graph from the query, and lays out
//! the sections (the address and storage are `ui::address`'s).

use super::address::{self, use_address};
use super::browser;
use super::components::banner::{banner, BannerProps};
use super::components::graph_panel::{graph_panel, GraphPanelProps};
use super::components::model_select;
use super::components::plan_inputs::{plan_inputs, PlanInputsProps, OPTIONS_ID};
use super::components::plan_list::{plan_list, plan_summary, PlanListProps};
use super::components::runbook_panel::RunbookPanel;
use super::components::share_bar::{share_bar, ShareBarProps};
use super::components::train_toggles;
use super::components::verdict::Verdict;
use super::components::where_pair::{where_pair, WherePairProps};
use super::fleet_page;
use super::hooks::{use_planner, Planner};
use super::shared::Shared;
use super::state::BannerLine;
use super::window::use_window;
use crate::domain::query::{Dropped, MAX_FRAGMENT};
use crate::domain::release::Release;
use crate::domain::session::{analyse_reusing, Origin, Reuse};
use crate::view::graph_model::{self, GraphModel, PickAs};
use crate::view::words::page;
use crate::view::{plan_html, release_list, release_options};
use std::rc::Rc;
use std::sync::Arc;
use yew::prelude::*;

/// The purpose line, its `show version` as code.
fn purpose() -> String {
    let mut out = String::new();
    crate::view::markup::inline_code(&mut out, crate::view::words::PURPOSE);
    out
}

/// A click on a release field's offer of the mate's release (`button[data-use-mate]`, read off
/// a `Version: Ours …, Mate …` line): the second unit's release.
fn use_mate(planner: &Planner, e: MouseEvent) {
    if let Some(mate) =
        browser::closest(&e, "button[data-use-mate]").and_then(|b| b.get_attribute("data-use-mate"))
    {
        planner.set_from2(Some(mate));
    }
}

/// The fleet view's page, from the planner's.
const FLEET_LINK: &str = "fleet.html#fleet";

/// The planner page.
#[function_component(App)]
pub fn app() -> Html {
    let (state, planner) = use_planner(address::initial_state);
    let query = state.query.clone();

    // The built-in catalog is shared and a pasted list parsed once: a keystroke neither copies
    // nor re-parses a catalog (`session::Reuse`).
    let reuse = use_mut_ref(Reuse::default);
    let session = use_memo(query.clone(), move |q| {
        analyse_reusing(q, &mut reuse.borrow_mut())
    });
    let session = Shared(session);
    // The suggestions change with the catalog only, and nobody needs them for the first look:
    // the whole `<datalist>` is written into an empty, hidden, Yew-drawn `<div>` once the page
    // is on screen (inserting it with the page made the first render longer). One
    // datalist node replaces the last: options added one by one to a datalist the fields
    // already use cost a notification each (a long task in Lighthouse's mobile run).
    let suggestions = use_node_ref();
    {
        let node = suggestions.clone();
        let base = Arc::clone(&session.base);
        let platform = session.platform;
        // The same list keeps the same `Arc`: its address says whether the catalog changed.
        use_effect_with((Arc::as_ptr(&base) as usize, platform), move |_| {
            browser::after_paint(move || {
                browser::fill(
                    &node,
                    &release_options::datalist(OPTIONS_ID, &base, platform),
                );
            });
        });
    }
    // A keystroke that leaves the drawing as it was (most keystrokes of a release being typed)
    // keeps the same `Rc`: the graph component skips its canvas, and Yew leaves its DOM alone.
    let last_model = use_mut_ref(|| Rc::new(GraphModel::default()));
    let model = use_memo((session.clone(), query.interim), move |(s, interim)| {
        let built = graph_model::build(s, *interim);
        let mut kept = last_model.borrow_mut();
        if **kept != built {
            *kept = Rc::new(built);
        }
        Rc::clone(&kept)
    });
    let model: Rc<GraphModel> = (*model).clone();
    // The address bar and this browser's storage, in step with the state (`ui::address`).
    let fitted = use_address(&state, &planner);

    // What need not be in an interaction's frame (the plan's notes and the runbook) is drawn
    // from the session one paint later: a keystroke is on screen first (Event Timing measures
    // input → next paint), these parts follow a frame after. Same session, same app: the
    // deferred copy is the session itself, handed on after the paint.
    let deferred = use_state_eq(|| None::<Shared<crate::domain::session::Session>>);
    {
        let set = deferred.setter();
        use_effect_with(session.clone(), move |session| {
            let session = session.clone();
            browser::after_paint(move || set.set(Some(session)));
        });
    }
    let notes = use_memo((*deferred).clone(), |session| {
        session
            .as_ref()
            .filter(|s| s.plan.is_some())
            .map(|s| AttrValue::from(plan_html::notes(s)))
    });
    // The list view's markup, written only while it is shown and once per graph.
    let lists = use_memo(
        (Shared(model.clone()), session.clone(), state.list_view),
        |(model, session, shown)| {
            AttrValue::from(if *shown {
                release_list::lists(&session.catalog, model)
            } else {
                String::new()
            })
        },
    );

    // The first render replaces index.html's first screen: removed in the same frame (effects
    // run before the browser paints), so nothing painted moves.
    use_effect_with((), |_| super::remove_first_screen());
    // After every render: controls drawn as markup text get the focus back after a render
    // replaced them, and the train switches their states (properties, not markup).
    {
        let session = session.clone();
        let platform = query.platform;
        use_effect(move || {
            browser::restore_focus();
            train_toggles::show_states(&session.trains);
            model_select::show_model(platform);
        });
    }
    // The change window: pasted output, position, ticks (`ui::window`).
    let window = use_window(&session, &query, state.runbook(), &planner);

    let too_long = fitted
        .dropped
        .iter()
        .any(|d| matches!(d, Dropped::CustomList(_)));
    let mut lines = state.banner.clone();
    lines.extend(
        session
            .messages
            .iter()
            .filter(|m| matches!(m.origin, Origin::Fragment | Origin::Storage))
            .map(|m| BannerLine {
                source: if m.origin == Origin::Storage {
                    "saved state"
                } else {
                    "link"
                },
                text: m.text.clone(),
                is_error: true,
            }),
    );
    let list_messages = if too_long {
        vec![page::list_too_long_for_link(
            fitted.whole.len(),
            MAX_FRAGMENT,
        )]
    } else {
        Vec::new()
    };

    let ondismiss = planner.on(Planner::dismiss);
    let onpin = planner.on(Planner::pin_via);
    let onclearpins = planner.on(|p, ()| p.clear_via());
    let oninterim = planner.on(Planner::set_interim);
    let onlistview = planner.on(Planner::set_list_view);
    let onpick = planner.on(|p, (r, pick): (Release, PickAs)| p.pick(r, pick));

    let plan_props = PlanListProps {
        session: session.clone(),
        pinned: !query.via.is_empty(),
        onpin,
        onclearpins,
        onrules: planner.on(Planner::set_rules),
    };
    html! {
            <div class="planner">
                <header class="planner-header">
                    // The fragment holds the plan, so no `href="#…"`: the button moves the focus.
                    <button type="button" class="skip-link"
                        onclick={Callback::from(|_: MouseEvent| browser::focus("release-graph"))}>
                        { page::SKIP_TO_GRAPH }
                    </button>
                    <h1>{ fleet_page::TITLE }</h1>
                    <p class="planner-purpose">{ Html::from_html_unchecked(purpose().into()) }</p>
                    <p class="planner-fleet"><a href={FLEET_LINK}>{ page::TO_FLEET }</a></p>
                    { share_bar(ShareBarProps {
                        session: session.clone(),
                        settings: state.runbook().clone(),
                        fitted: Shared(fitted.clone()),
                    }) }
                </header>
                <main class="planner-main" onclick={planner.on(use_mate)}>
                    { banner(&BannerProps { lines, ondismiss }) }
                    <div hidden=true ref={suggestions}></div>
                    { plan_inputs(&PlanInputsProps {
                        session: session.clone(),
                        query: Shared(query.clone()),
                        list_draft: AttrValue::from(state.list_draft.clone()),
                        list_messages,
                        left_out: fitted
                            .dropped
                            .iter()
                            .filter_map(|d| match d {
                                Dropped::Unread(key) => Some(*key),
                                _ => None,
                            })
                            .collect(),
                        planner: planner.clone(),
                    }) }
                    <div class="planner-results">
                    <section class="plan-result" aria-labelledby="plan-heading">
                        <h2 id="plan-heading">{ "Plan" }</h2>
                        <Verdict session={session.clone()} />
                        { plan_summary(&plan_props) }
                    </section>
                    if session.plan.is_some() {
                        <section class="plan-hops" aria-labelledby="hops-heading">
                            <h2 id="hops-heading">{ "Hops" }</h2>
                            { plan_list(&plan_props) }
                        </section>
                    }
                    // The verdict, the hops (one line each) and the graph's part of the plan in
                    // view together on a laptop screen; the notes follow the graph.
                    { graph_panel(&GraphPanelProps {
                        model: Shared(model),
                        session: session.clone(),
                        interim: query.interim,
                        as_list: state.list_view,
                        lists: (*lists).clone(),
                        oninterim,
                        onlistview,
                        onpick,
                    }) }
                    if let Some(notes) = (*notes).clone() {
                        <section class="plan-notes" aria-label="Notes">
                            { Html::from_html_unchecked(notes) }
                        </section>
                    }
                    </div>
                    { where_pair(&WherePairProps {
                        window: window.clone(),
                        session: session.clone(),
                        settings: state.runbook().clone(),
                        planner: planner.clone(),
                    }) }
                    <RunbookPanel session={(*deferred).clone()} settings={state.runbook().clone()}
                        planner={planner.clone()} ticks={window.ticks.clone()}
                        ontick={window.ontick.clone()} position_hop={window.position_hop} />
                </main>
            </div>
    }
}
