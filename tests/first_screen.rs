//! index.html's first screen (painted before any script runs) is what `view::first_screen`
//! writes today: regenerate it with `cargo xtask first-screen` when this fails.

mod util;

use asa_planner::view::first_screen;
use util::select;

fn index() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/index.html")).expect("index.html")
}

#[test]
fn index_html_holds_the_current_first_screen() {
    let index = index();
    let shown = first_screen::in_page(&index).expect("index.html has the first-screen markers");
    assert_eq!(
        shown,
        first_screen::html(),
        "index.html's first screen is stale: run `cargo xtask first-screen`"
    );
}

#[test]
fn the_first_screen_is_the_empty_planner_with_its_examples() {
    let html = first_screen::html();
    assert_eq!(select(&html, "[data-verdict=empty]").len(), 1, "{html}");
    assert_eq!(select(&html, "[data-verdict]").len(), 1);
    assert!(html.contains(first_screen::SHELL_ATTR));
    assert!(html.contains("<h1>ASA zero-downtime upgrade planner</h1>"));
    for (fragment, _) in asa_planner::view::words::EXAMPLES {
        let href = format!("href=\"#{}\"", fragment.replace('&', "&amp;"));
        assert!(html.contains(&href), "{href} in {html}");
    }
    // The explanation's `show version` is code, as on the page.
    assert!(html.contains("<code>show version</code>"), "{html}");
}

#[test]
fn stale_or_missing_markers_are_found() {
    assert_eq!(first_screen::in_page("<body></body>"), None);
    assert_eq!(first_screen::write_into("<body></body>"), None);
    let page = format!(
        "<body>{}<p>old</p>{}</body>",
        first_screen::BEGIN,
        first_screen::END
    );
    assert_eq!(first_screen::in_page(&page), Some("<p>old</p>"));
    let written = first_screen::write_into(&page).expect("markers");
    assert_eq!(
        first_screen::in_page(&written),
        Some(first_screen::html().as_str())
    );
    // Writing twice changes nothing.
    assert_eq!(
        first_screen::write_into(&written).as_deref(),
        Some(written.as_str())
    );
}
