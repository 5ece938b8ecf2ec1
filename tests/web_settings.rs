//! The plan's settings on the page, in a binary of its own (one app, one `location`): the
//! runbook's fields (server, image names, minutes per reload) travel in the share link and come
//! back from it (issue #20 item 11); settings an older visit kept in this browser only join the
//! link once; "Copy link" says what a link over 8 KB leaves out; the hardware model
//! (`platform=`, issue #23) is chosen, travels and refuses a target past its last release.

#![cfg(target_arch = "wasm32")]

mod web_util;

use asa_planner::domain::platform::Platform;
use asa_planner::domain::query::PlanQuery;
use asa_planner::domain::stored::{self, Stored};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use web_util::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The planner's local-storage key (README).
const STORAGE_KEY: &str = "asa-planner.state";

/// The address bar's plan, read back with the page's own parser.
fn link_query() -> PlanQuery {
    fragment().parse().expect("a fragment under 8 KB")
}

fn value(root: &Element, selector: &str) -> String {
    get(root, selector)
        .dyn_into::<HtmlInputElement>()
        .expect("an <input>")
        .value()
}

async fn runbook_drawn(root: &Element) {
    until("the runbook's fields", || {
        query(root, "#tftp-server").is_some() && query(root, "#image-new-1").is_some()
    })
    .await;
}

#[wasm_bindgen_test]
async fn runbook_fields_typed_travel_in_the_link_and_a_colleague_opening_it_gets_them() {
    let root = open("from=9.8(4)&to=9.12(4)").await;
    until("ok", || verdict(&root) == "ok").await;
    runbook_drawn(&root).await;
    type_into(&root, "#tftp-server", "192.0.2.10");
    type_into(&root, "#image-new-1", "asa9-12-4-lab-smp-k8.bin");
    type_into(&root, "#minutes-per-reload", "25");
    until("the settings in the link", || {
        let q = link_query();
        q.server == "192.0.2.10" && q.minutes == Some(25) && !q.images.is_empty()
    })
    .await;
    let q = link_query();
    assert_eq!(
        q.images,
        [("9.12(4)".to_owned(), "asa9-12-4-lab-smp-k8.bin".to_owned())]
    );
    // The default image of a release is no setting: typing it back leaves the link short.
    type_into(&root, "#image-old-1", "asa984-smp-k8.bin");
    frame().await;
    assert!(
        !link_query().images.iter().any(|(r, _)| r == "9.8(4)"),
        "{}",
        fragment()
    );
    // Text that is not a number of minutes stays in the field, and the link carries none.
    type_into(&root, "#minutes-per-reload", "soon");
    until("no minutes in the link", || link_query().minutes.is_none()).await;
    assert_eq!(value(&root, "#minutes-per-reload"), "soon");
    type_into(&root, "#minutes-per-reload", "25");
    until("minutes again", || link_query().minutes == Some(25)).await;
    let link = fragment();

    // A colleague's browser: nothing saved, only the link.
    let root = open(link.trim_start_matches('#')).await;
    runbook_drawn(&root).await;
    until("the fields from the link", || {
        value(&root, "#tftp-server") == "192.0.2.10"
            && value(&root, "#image-new-1") == "asa9-12-4-lab-smp-k8.bin"
            && value(&root, "#minutes-per-reload") == "25"
    })
    .await;
    let runbook = text(&get(&root, "[data-runbook-hop]"));
    assert!(
        runbook.contains("tftp://192.0.2.10/asa9-12-4-lab-smp-k8.bin"),
        "{runbook}"
    );
    // What this browser saves does not keep the settings apart from the plan's link.
    frame().await;
    let saved = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
        .expect("saved state");
    let saved = stored::decode(&saved).expect("it reads");
    assert!(saved.server.is_empty() && saved.images.is_empty() && saved.minutes.is_empty());
    assert!(
        saved.fragment.contains("server=192.0.2.10"),
        "{}",
        saved.fragment
    );
}

#[wasm_bindgen_test]
async fn settings_an_older_visit_saved_join_the_link_once_and_the_link_wins() {
    frame().await;
    clear_storage();
    let old = stored::encode(&Stored {
        fragment: "from=9.8(4)&to=9.12(4)".into(),
        link: String::new(),
        server: "198.51.100.4".into(),
        images: vec![
            ("9.12(4)".into(), "old-visit-9124.bin".into()),
            ("asdm 9.12(4)".into(), "asdm-old.bin".into()),
        ],
        list_draft: String::new(),
        minutes: "30".into(),
    });
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("storage")
        .set_item(STORAGE_KEY, &old)
        .expect("saved");
    // A link with its own server: the link's server stays, the rest comes from storage.
    set_fragment("from=9.8(4)&to=9.12(4)&server=203.0.113.9");
    let root = mount_page();
    until("the verdict", || query(&root, "[data-verdict]").is_some()).await;
    until("the old settings in the link", || {
        link_query().minutes == Some(30)
    })
    .await;
    let q = link_query();
    assert_eq!(q.server, "203.0.113.9");
    assert_eq!(
        q.images,
        [("9.12(4)".to_owned(), "old-visit-9124.bin".to_owned())]
    );
    assert_eq!(q.asdm, [("9.12(4)".to_owned(), "asdm-old.bin".to_owned())]);
    runbook_drawn(&root).await;
    until("the old image in the runbook", || {
        value(&root, "#image-new-1") == "old-visit-9124.bin"
    })
    .await;
}

#[wasm_bindgen_test]
async fn copy_link_says_what_a_link_over_8_kb_leaves_out() {
    let root = open("from=9.1(1)&to=9.2(1)").await;
    // 1,700 releases: far over 8 KB as a link.
    let list: Vec<String> = (0..1700)
        .map(|i| format!("9.{}({})", i / 100, i % 100 + 1))
        .collect();
    let area: HtmlTextAreaElement = get(&root, "#custom-list").dyn_into().expect("a textarea");
    area.set_value(&list.join("\n"));
    fire(&area, "input");
    frame().await;
    let apply: web_sys::HtmlElement = query_all(&root, ".custom-list button")
        .into_iter()
        .find(|b| text(b) == "Use this list")
        .expect("the apply button")
        .dyn_into()
        .expect("a button");
    apply.click();
    until("the list in use", || {
        query(&root, "svg[data-graph] [data-release=\"9.16(100)\"]").is_some()
    })
    .await;
    until("the address bar without the list", || {
        !fragment().is_empty() && !fragment().contains("releases=")
    })
    .await;
    let button: web_sys::HtmlElement = get(&root, "button[data-share=\"link\"]")
        .dyn_into()
        .expect("a button");
    button.click();
    let status = || text(&get(&root, ".share-bar-status"));
    until("the copy's outcome", || !status().is_empty()).await;
    let said = status();
    // Copied or not (the test browser may refuse the clipboard), it says what was left out.
    assert!(
        said.starts_with("Link copied.") || said.starts_with("Copy failed"),
        "{said}"
    );
    assert!(
        said.contains("leaves out the custom list (1700 releases)"),
        "{said}"
    );
    // A plan that fits says nothing more than that it was copied.
    let root = open("from=9.8(4)&to=9.12(4)").await;
    let button: web_sys::HtmlElement = get(&root, "button[data-share=\"link\"]")
        .dyn_into()
        .expect("a button");
    button.click();
    let status = || text(&get(&root, ".share-bar-status"));
    until("the copy's outcome", || !status().is_empty()).await;
    assert!(!status().contains("leaves out"), "{}", status());
}

fn choose_model(root: &Element, id: &str) {
    let select: HtmlSelectElement = get(root, "select#platform").dyn_into().expect("a select");
    select.set_value(id);
    fire(&select, "change");
}

#[wasm_bindgen_test]
async fn the_model_choice_travels_in_the_link_and_refuses_a_target_past_its_last_release() {
    let root = open("from=9.8(4)&to=9.20(3)").await;
    until("ok", || verdict(&root) == "ok").await;
    // Every model is offered, and none is chosen.
    let options = query_all(&root, "select#platform option");
    assert_eq!(options.len(), Platform::ALL.len() + 1);
    assert_eq!(attr(&options[0], "value"), "");
    assert!(query(&root, "[data-platform-limit]").is_none());

    choose_model(&root, "asa5525x");
    until("the model in the link", || {
        link_query().platform == Some(Platform::Asa5525x)
    })
    .await;
    until("no-path", || verdict(&root) == "no-path").await;
    let limit = get(&root, "[data-platform-limit]");
    assert_eq!(attr(&limit, "data-platform-limit"), "target");
    assert_eq!(attr(&limit, "data-platform"), "asa5525x");
    assert!(text(&limit).contains("up to 9.14"), "{}", text(&limit));
    assert!(
        query(&limit, "a[href^=\"https://www.cisco.com/\"]").is_some(),
        "its source"
    );
    // A target the model runs plans again.
    type_into(&root, "#to", "9.14(4)");
    until("ok", || verdict(&root) == "ok").await;
    assert!(query(&root, "[data-platform-limit]").is_none());

    // Opened from the link, the select shows the model.
    until("the new target in the link", || {
        link_query().to == "9.14(4)"
    })
    .await;
    let link = fragment();
    assert_eq!(link_query().platform, Some(Platform::Asa5525x));
    let root = open(link.trim_start_matches('#')).await;
    let select: HtmlSelectElement = get(&root, "select#platform").dyn_into().expect("a select");
    assert_eq!(select.value(), "asa5525x");
    // Back to no model: the key leaves the link.
    choose_model(&root, "");
    until("no model in the link", || !fragment().contains("platform=")).await;
    assert_eq!(link_query().platform, None);

    // The runbook's default image names follow the model's family and spelling.
    runbook_drawn(&root).await;
    until("the 5500-X name", || {
        value(&root, "#image-new-1") == "asa9-14-4-smp-k8.bin"
    })
    .await;
    // A Firepower 2100 from before 9.13 is upgraded in platform mode, without these fields.
    type_into(&root, "#from", "9.13(1)");
    until("the new start in the link", || {
        link_query().from == "9.13(1)"
    })
    .await;
    choose_model(&root, "fp2100");
    until("the Firepower 2100 name", || {
        query(&root, "#image-new-1").is_some()
            && value(&root, "#image-new-1") == "cisco-asa-fp2k.9.14.4.SPA"
    })
    .await;
    assert!(
        !fragment().contains("img="),
        "a default name is no setting: {}",
        fragment()
    );
}

/// Saved state is not all-or-nothing: a line that does not read is dropped and said, the plan
/// and the custom-list draft are kept; a record a newer version wrote is read as far as this
/// version knows it and is not saved over.
#[wasm_bindgen_test]
async fn saved_state_keeps_what_reads_and_a_newer_record_is_not_saved_over() {
    let storage = || {
        web_sys::window()
            .and_then(|w| w.local_storage().ok().flatten())
            .expect("storage")
    };
    let banner = |root: &Element| {
        query_all(root, "[data-banner=\"saved state\"]")
            .iter()
            .map(text)
            .collect::<Vec<_>>()
            .join(" | ")
    };
    frame().await;
    clear_storage();
    let v1 = "asa-planner-state v1\nfragment=from%3D9.8(4)%26to%3D9.12(4)\ncolour=red\n\
              list_draft=9.8(4)%2C%209.12(4)\nserver=a%4\nend";
    storage().set_item(STORAGE_KEY, v1).expect("saved");
    set_fragment("");
    let root = mount_page();
    until("the saved plan", || {
        query(&root, "[data-verdict]").is_some()
    })
    .await;
    assert_eq!(value(&root, "#from"), "9.8(4)");
    assert_eq!(value(&root, "#to"), "9.12(4)");
    let said = banner(&root);
    assert!(said.contains("(line 3: unknown key 'colour')"), "{said}");
    assert!(
        said.contains("(line 5 (server): bad escape at byte 2): it was kept as written"),
        "{said}"
    );
    assert!(said.contains("the rest was kept"), "{said}");
    let area: HtmlTextAreaElement = get(&root, "#custom-list").dyn_into().expect("a textarea");
    assert_eq!(area.value(), "9.8(4), 9.12(4)");

    // A newer version's record: read, said, and left as it is.
    frame().await;
    clear_storage();
    let v2 = "asa-planner-state v2\nfragment=from%3D9.8(4)%26to%3D9.12(4)\ntheme=dark\nend";
    storage().set_item(STORAGE_KEY, v2).expect("saved");
    set_fragment("");
    let root = mount_page();
    until("the saved plan", || {
        query(&root, "[data-verdict]").is_some()
    })
    .await;
    assert_eq!(value(&root, "#from"), "9.8(4)");
    let said = banner(&root);
    assert!(said.contains("newer version of the planner"), "{said}");
    assert!(said.contains("does not save over it"), "{said}");
    type_into(&root, "#to", "9.14(1)");
    until("the new plan in the address bar", || {
        fragment().contains("9.14(1)")
    })
    .await;
    frame().await;
    assert_eq!(
        storage().get_item(STORAGE_KEY).ok().flatten().as_deref(),
        Some(v2)
    );
    // A record of this version is written again on the next visit.
    clear_storage();
    set_fragment("from=9.8(4)&to=9.12(4)");
    let _root = mount_page();
    until("the state saved", || {
        storage().get_item(STORAGE_KEY).ok().flatten().is_some()
    })
    .await;
}

/// Page audit 3, item 2: a bad escape in the saved `fragment=` line dropped the saved plan
/// (the release fields came up empty) and storage was written over at once. The plan is read
/// with the escape as its own characters, the banner names the line, and the record stays as
/// it is until the person changes something.
#[wasm_bindgen_test]
async fn a_bad_escape_in_the_saved_plan_keeps_it_until_a_change() {
    let storage = || {
        web_sys::window()
            .and_then(|w| w.local_storage().ok().flatten())
            .expect("storage")
    };
    frame().await;
    clear_storage();
    let saved = "asa-planner-state v1\n\
                 fragment=from%3D9.8(4)%ZZ%26to%3D9.12(4)%26server%3D10.0.0.5\n\
                 link=from%3D9.8(4)%26to%3D9.12(4)%26server%3D10.0.0.5\n\
                 server=\nlist_draft=8.2(5)%2C9.1(7)\nend";
    storage().set_item(STORAGE_KEY, saved).expect("saved");
    set_fragment("");
    let root = mount_page();
    until("the saved plan", || {
        query(&root, "#to").is_some() && value(&root, "#to") == "9.12(4)"
    })
    .await;
    assert_eq!(value(&root, "#from"), "9.8(4)%ZZ");
    let said = query_all(&root, "[data-banner=\"saved state\"]")
        .iter()
        .map(text)
        .collect::<Vec<_>>()
        .join(" | ");
    assert!(
        said.contains("(line 2 (fragment): bad escape at byte 14): it was kept as written"),
        "{said}"
    );
    assert!(
        said.contains("left as it is until you change something"),
        "{said}"
    );
    for _ in 0..4 {
        frame().await;
    }
    assert_eq!(
        storage().get_item(STORAGE_KEY).ok().flatten().as_deref(),
        Some(saved),
        "not written over before a change"
    );
    type_into(&root, "#from", "9.8(4)");
    until("the mended plan saved", || {
        storage()
            .get_item(STORAGE_KEY)
            .ok()
            .flatten()
            .is_some_and(|s| s.contains("from%3D9.8(4)%26to%3D9.12(4)"))
    })
    .await;
}

/// A name that is only some release's default elsewhere is kept: with no model, 8.2(5) →
/// 9.2(4) is named in the ASA 5505's family (`asa924-k8.bin`), so the 5500-X's file typed for
/// 9.2(4) is a setting the link carries, not a default to drop.
#[wasm_bindgen_test]
async fn a_typed_image_name_is_kept_unless_it_is_this_plans_default() {
    let root = open("from=8.2(5)&to=9.2(4)").await;
    until("ok", || verdict(&root) == "ok").await;
    runbook_drawn(&root).await;
    let fields = query_all(&root, "input[data-image-key=\"9.2(4)\"]");
    let id = fields.last().expect("a 9.2(4) field").id();
    until("the plan's default name", || {
        value(&root, &format!("#{id}")) == "asa924-k8.bin"
    })
    .await;
    type_into(&root, &format!("#{id}"), "asa924-smp-k8.bin");
    until("the typed name in the link", || {
        link_query()
            .images
            .contains(&("9.2(4)".to_owned(), "asa924-smp-k8.bin".to_owned()))
    })
    .await;
    // Typed back to the plan's default: no setting.
    type_into(&root, &format!("#{id}"), "asa924-k8.bin");
    until("no name in the link", || {
        !link_query().images.iter().any(|(r, _)| r == "9.2(4)")
    })
    .await;
}

/// A server name the commands cannot use is kept where it was typed, across a reload (the
/// link and the saved state carry it), with the panel's message; the commands never hold it.
#[wasm_bindgen_test]
async fn a_refused_server_name_survives_a_reload_in_its_field() {
    let root = open("from=9.8(4)&to=9.12(4)").await;
    until("ok", || verdict(&root) == "ok").await;
    runbook_drawn(&root).await;
    type_into(&root, "#tftp-server", "10.0.0.1 x");
    until("the server in the link", || {
        link_query().server == "10.0.0.1 x"
    })
    .await;
    let link = fragment();
    let root = open(link.trim_start_matches('#')).await;
    runbook_drawn(&root).await;
    until("the field as typed", || {
        value(&root, "#tftp-server") == "10.0.0.1 x"
    })
    .await;
    until("the panel says why", || {
        text(&get(&root, "#runbook-names-msg")).contains("holds a blank")
    })
    .await;
    let field = get(&root, "#tftp-server");
    assert_eq!(attr(&field, "aria-invalid"), "true");
    assert_eq!(attr(&field, "aria-describedby"), "runbook-names-msg");
    for block in query_all(&root, ".runbook-panel pre[data-unit]") {
        assert!(!text(&block).contains("10.0.0.1 x"), "{}", text(&block));
    }
}

/// A server typed as a URL is refused like a name with a blank, by the server's own check: the
/// field is marked, the panel says why, and the commands show the placeholder.
#[wasm_bindgen_test]
async fn a_server_typed_as_a_url_is_marked_and_never_pasted() {
    let root = open("from=9.8(4)&to=9.12(4)").await;
    until("ok", || verdict(&root) == "ok").await;
    runbook_drawn(&root).await;
    type_into(&root, "#tftp-server", "tftp://10.0.0.1");
    until("the panel says why", || {
        text(&get(&root, "#runbook-names-msg")).contains("holds a scheme")
    })
    .await;
    assert_eq!(attr(&get(&root, "#tftp-server"), "aria-invalid"), "true");
    let blocks = query_all(&root, ".runbook-panel pre[data-unit]");
    assert!(blocks
        .iter()
        .any(|b| text(b).contains("tftp://<tftp-server>/")));
    for block in blocks {
        assert!(!text(&block).contains("tftp://tftp:"), "{}", text(&block));
    }
}
