//! The page's fleet view without a browser: a real fleet CSV read by the shared reader, planned
//! whole ([`PlannedFleet`]), its markup's hooks (`view::fleet_html`), hostile names kept as
//! text, bad lines kept with their numbers, and exports byte-identical to the command line's.

#![cfg(not(target_arch = "wasm32"))]

mod util;

use asa_planner::domain::fleet::PlannedFleet;
use asa_planner::domain::query::PlanQuery;
use asa_planner::domain::rules::RuleSet;
use asa_planner::view::{fleet_export, fleet_html};
use std::process::Command;
use util::{fixture_path, markup_lines, read, select};

fn defaults(target: &str) -> PlanQuery {
    PlanQuery {
        to: target.to_string(),
        ..PlanQuery::default()
    }
}

/// The fixture fleet planned as the page plans it, with the fleet-wide target 9.1(7).
fn fixture_fleet() -> PlannedFleet {
    PlannedFleet::plan(defaults("9.1(7)"), &read(&fixture_path("fleet.csv")))
}

/// Every container element the view writes is closed as often as it is opened.
#[track_caller]
fn assert_balanced(html: &str) {
    for tag in [
        "div", "p", "ul", "li", "table", "tbody", "tr", "td", "th", "section", "label", "select",
        "a",
    ] {
        let open =
            html.matches(&format!("<{tag}>")).count() + html.matches(&format!("<{tag} ")).count();
        assert_eq!(open, html.matches(&format!("</{tag}>")).count(), "<{tag}>");
    }
}

#[test]
fn each_planned_pair_is_a_row_with_its_verdict_hops_and_own_plan() {
    let html = fleet_html::results(&fixture_fleet());
    assert_balanced(&html);
    let rows: Vec<(String, String, String, String)> = select(&html, "tr[data-pair]")
        .iter()
        .map(|a| {
            let v = |n| a.attr(n).unwrap_or("?").to_string();
            (
                v("data-line"),
                v("data-name"),
                v("data-verdict"),
                v("data-hops"),
            )
        })
        .collect();
    let expected = [
        ("2", "edge-1", "ok", "3"),
        ("3", "edge \"2\", lab", "ok", "3"),
        // From 9.1(1) there is no zero-downtime path under the default rules (CSCuh25271).
        ("4", "dc-core", "no-path", "0"),
        ("7", "old", "downgrade", "0"),
        ("8", "done", "same", "0"),
        ("9", "asa5580", "no-path", "0"),
    ];
    let expected: Vec<_> = expected
        .iter()
        .map(|(a, b, c, d)| (a.to_string(), b.to_string(), c.to_string(), d.to_string()))
        .collect();
    assert_eq!(rows, expected);
    assert_eq!(select(&html, "table.fleet-table[data-fleet]").len(), 1);
    // The name links to the pair's single-pair plan: its share link, escaped in the attribute.
    assert!(html.contains(
        "<a href=\"#from=9.1(1)&amp;from2=9.1(2)&amp;to=9.2(4)&amp;mode=active-active\">dc-core</a>"
    ));
    assert!(html.contains("<td>8.2(5) → 8.3(2) → 8.4(7) → 9.1(7)</td>"));
    let counts = &select(&html, "p.fleet-counts")[0];
    for (name, n) in [
        ("data-pairs", "6"),
        ("data-ok", "2"),
        ("data-same", "1"),
        ("data-downgrade", "1"),
        ("data-no-path", "2"),
        ("data-bad-lines", "1"),
    ] {
        assert_eq!(counts.attr(name), Some(n), "{name}");
    }
    // The sentence's wording is the snapshot's.
    assert!(
        counts.text.starts_with("6 pairs planned: "),
        "{}",
        counts.text
    );
    insta::assert_snapshot!("fleet_results", markup_lines(&html));
}

#[test]
fn pairs_with_the_same_path_are_grouped_and_images_list_their_pairs() {
    let html = fleet_html::results(&fixture_fleet());
    let groups = select(&html, "section.fleet-group");
    let groups: Vec<(Option<&str>, Option<&str>)> = groups
        .iter()
        .map(|g| (g.attr("data-hops"), g.attr("data-mode")))
        .collect();
    assert_eq!(groups, [(Some("3"), Some("active-standby"))]);
    // The group says its path, mode and size, links its change plan and names its pairs.
    assert_eq!(
        select(&html, "section.fleet-group > h3")[0].text,
        "Group 1: 8.2(5) → 8.3(2) → 8.4(7) → 9.1(7) (Active/Standby, 3 hops, 2 pairs)"
    );
    assert_eq!(
        select(&html, "section.fleet-group > p > a")[0].attr("href"),
        Some("#from=8.2(5)&to=9.1(7)")
    );
    let names: Vec<String> = select(&html, "section.fleet-group details[open] li[data-name]")
        .iter()
        .map(|li| li.get("data-name").to_string())
        .collect();
    assert_eq!(names, ["edge-1", "edge \"2\", lab"]);
    let images: Vec<(String, String)> = select(&html, "tr[data-release]")
        .iter()
        .map(|a| {
            let v = |n| a.attr(n).unwrap_or("?").to_string();
            (v("data-release"), v("data-pairs"))
        })
        .collect();
    let expected = [("8.3(2)", "2"), ("8.4(7)", "2"), ("9.1(7)", "2")];
    let expected: Vec<_> = expected
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(images, expected);
    assert!(html.contains("<h3>Images to stage</h3><table data-fleet-images>"));
    // Each image's row: the release, the file, how many pairs need it, their names open.
    let row = "table[data-fleet-images] tr[data-release=\"8.3(2)\"]";
    assert_eq!(select(&html, &format!("{row} > th"))[0].text, "8.3(2)");
    assert_eq!(
        select(&html, &format!("{row} code[data-file]"))[0].text,
        "asa832-k8.bin"
    );
    assert_eq!(
        select(&html, &format!("{row} details[open]"))[0].text,
        "Pair names (2)edge-1, edge \"2\", lab"
    );
}

#[test]
fn bad_lines_are_reported_by_line_and_field_and_the_others_plan() {
    // A blank line, a quoted name over two lines and CRLF line ends: numbers as an editor shows.
    let text = "name,unit1\r\n\r\n\"two\nlines\",8.2(\r\nok,8.4(7)\r\nx,,,,,,,extra\r\n,9.0(4)\n";
    let fleet = PlannedFleet::plan(defaults("9.1(7)"), text);
    assert_eq!(fleet.pairs.len(), 1);
    assert_eq!(fleet.pairs[0].line, Some(5));
    let html = fleet_html::errors(&fleet.errors);
    assert_balanced(&html);
    let lines: Vec<(String, String)> = select(&html, "li")
        .iter()
        .map(|a| {
            let v = |n| a.attr(n).unwrap_or("?").to_string();
            (v("data-line"), v("data-field"))
        })
        .collect();
    let expected = [
        ("3", "unit1"),
        ("6", "unit1"),
        ("6", "extra"),
        ("7", "name"),
    ];
    let expected: Vec<_> = expected
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(lines, expected);
    assert!(html.starts_with(
        "<div class=\"fleet-errors\" role=\"alert\"><h3>Lines not planned</h3><ul data-fleet-errors>\
         <li data-line=\"3\" data-field=\"unit1\">line 3, field unit1: release ends too early: the \
         maintenance number is missing at position 5</li>"
    ));
    // No bad line, no list.
    assert_eq!(fleet_html::errors(&[]), "");
}

#[test]
fn a_fleet_wide_setting_that_cannot_be_used_is_reported_and_nothing_plans() {
    let fleet = PlannedFleet::plan(defaults("9.1("), "edge-1,8.2(5)\n");
    assert!(fleet.pairs.is_empty());
    assert!(fleet_html::setting_error(&fleet.errors, "target", "9.1(").is_some());
    assert!(!fleet_html::results(&fleet).contains("data-fleet>"));
}

/// Page audit 3, item 3: the fleet-wide target's error sat under "Lines not planned" as
/// "target: unexpected character 'x' …", without the value or the field's label. It goes next
/// to the field, quoting the value; the lines that fall back to it are still said by line.
#[test]
fn the_fleet_wide_target_s_error_is_said_next_to_its_field() {
    let fleet = PlannedFleet::plan(
        defaults("9.12(4)x"),
        "edge-1,8.2(5)\nedge-2,9.8(4),,9.12(4)\n",
    );
    assert_eq!(fleet.pairs.len(), 1);
    let html = fleet_html::errors(&fleet.errors);
    assert!(!html.contains("data-setting"), "{html}");
    assert!(!html.contains(">target:"), "{html}");
    assert!(
        html.contains("<li data-line=\"1\" data-field=\"target\">line 1, field target: empty"),
        "{html}"
    );
    assert_eq!(
        fleet_html::setting_error(&fleet.errors, "target", " 9.12(4)x").as_deref(),
        Some(
            "Target for lines without one '9.12(4)x': unexpected character 'x' at position 8 \
             after the release. The lines without their own are not planned."
        )
    );
    assert_eq!(fleet_html::setting_error(&fleet.errors, "preset", ""), None);
    // The shell has the place, hidden, for the page to fill.
    let shell = fleet_html::shell(&Default::default());
    assert!(
        shell.contains(
            "<p class=\"fleet-setting-error\" role=\"alert\" hidden id=\"fleet-target-error\" \
             data-fleet-setting-error=\"target\"></p>"
        ),
        "{shell}"
    );
}

#[test]
fn hostile_names_and_fields_stay_text() {
    let text = "\"<script>alert(1)</script>\",8.2(5)\n\
                \"x\"\" onmouseover=\"\"alert(2)\",8.4(7)\n\
                y,<img src=x onerror=alert(3)>\n";
    let fleet = PlannedFleet::plan(defaults("9.1(7)"), text);
    let html = format!(
        "{}{}",
        fleet_html::errors(&fleet.errors),
        fleet_html::results(&fleet)
    );
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("<img"), "{html}");
    assert!(!html.contains("\" onmouseover"), "{html}");
    assert!(html.contains("data-name=\"&lt;script&gt;alert(1)&lt;/script&gt;\""));
    assert!(html.contains(">&lt;script&gt;alert(1)&lt;/script&gt;</a>"));
    assert!(html.contains("data-name=\"x&quot; onmouseover=&quot;alert(2)\""));
    // The bad release is named by its first character, escaped.
    assert!(html.contains(
        "<li data-line=\"3\" data-field=\"unit1\">line 3, field unit1: unexpected character \
         &#39;&lt;&#39; at position 1"
    ));
    // Every row's attributes read back as the names given.
    let names: Vec<String> = select(&html, "tr[data-pair]")
        .iter()
        .filter_map(|a| a.attr("data-name").map(str::to_string))
        .collect();
    assert_eq!(
        names,
        ["<script>alert(1)</script>", "x\" onmouseover=\"alert(2)"]
    );
}

/// Runs `asa-planner fleet <fixture> --target 9.1(7) --format <format>`: its standard output.
fn cli(format: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_asa-planner"))
        .args(["fleet", &fixture_path("fleet.csv").to_string_lossy()])
        .args(["--target", "9.1(7)", "--format", format])
        .output()
        .expect("the binary runs");
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn the_page_exports_what_the_command_line_writes() {
    let fleet = fixture_fleet();
    assert_eq!(fleet.json(), read(&fixture_path("fleet.json")));
    assert_eq!(fleet.json(), cli("json"));
    assert_eq!(fleet.csv(), cli("csv"));
    assert_eq!(
        fleet_export::fleet(&fleet.summary, &fleet.errors),
        cli("markdown")
    );
    // Issue #20 item 10: the other rule set's hops, the caveats and the warnings appended.
    assert!(fleet.csv().starts_with(
        "line,name,unit1,unit2,target,mode,preset,rules,verdict,hops,path,share,\
         other_rules_hops,caveats,warnings,reason\n\
         2,edge-1,8.2(5),,9.1(7),active-standby,asa5500,guide-9x,ok,3,\
         8.2(5) → 8.3(2) → 8.4(7) → 9.1(7),#from=8.2(5)&to=9.1(7),4,\
         migration-8.3 migration-8.4 migration-9.0 migration-9.1,\
         avoids-path-table-stop check-planning-page,\n\
         3,\"edge \"\"2\"\", lab\",8.2(5)"
    ));
    assert!(fleet
        .csv()
        .contains(",9.1(1),9.1(2),9.2(4),active-active,asa5500,guide-9x,no-path,0,,"));
    assert!(fleet.csv().contains(
        ",1,,no-path parity outage-plan,\"No zero-downtime path from 9.1(1) to 9.2(4): "
    ));
}

/// Runs the command line as above with `--link-base URL`.
fn cli_linked(format: &str, base: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_asa-planner"))
        .args(["fleet", &util::fixture_arg("fleet.csv")])
        .args([
            "--target",
            "9.1(7)",
            "--format",
            format,
            "--link-base",
            base,
        ])
        .output()
        .expect("the binary runs");
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// Issue #20 item 11: the page's exports link to its own address, whole links a ticket can
/// carry, as the command line writes them with `--link-base`.
#[test]
fn the_page_exports_whole_links_as_the_command_line_with_a_link_base() {
    let fleet = fixture_fleet();
    let base = "https://tools.example.net/asa/";
    let (json, csv) = (fleet.json_linked(Some(base)), fleet.csv_linked(Some(base)));
    assert_eq!(json, cli_linked("json", base));
    assert_eq!(csv, cli_linked("csv", base));
    assert_eq!(
        fleet_export::fleet_linked(&fleet.summary, &fleet.errors, Some(base)),
        cli_linked("markdown", base)
    );
    assert!(csv.contains(",https://tools.example.net/asa/#from=8.2(5)&to=9.1(7),"));
    assert!(!csv.contains(",#from="), "no bare fragment left in the CSV");
    assert!(json.contains("\"share\":\"https://tools.example.net/asa/#from=8.2(5)&to=9.1(7)\""));
    // Without a base they are the plain exports.
    assert_eq!(fleet.json_linked(None), fleet.json());
    assert_eq!(fleet.csv_linked(None), fleet.csv());
}

#[test]
fn the_fleet_wide_rule_set_reaches_every_pair() {
    let fleet = PlannedFleet::plan(
        PlanQuery {
            to: "9.12(4)".into(),
            rules: RuleSet::Table811,
            ..PlanQuery::default()
        },
        "a,9.8(4)\nb,9.8(4),,9.16(4)\n",
    );
    let rules: Vec<&str> = fleet.pairs.iter().map(|p| p.rules).collect();
    assert_eq!(rules, ["table-81-1", "table-81-1"]);
    assert!(fleet.pairs[0].share.contains("rules=table-81-1"));
}

#[test]
fn the_shell_puts_the_saved_fleet_back_as_text_with_its_settings_chosen() {
    use asa_planner::domain::fleet::saved::SavedFleet;
    let saved = SavedFleet {
        target: "9.1(7)\" autofocus onfocus=\"x".into(),
        rules: "guide-9x".into(),
        preset: "asa5580".into(),
        platform: "fp2100".into(),
        csv: "\nfirst line blank</textarea><script>x</script>\n".into(),
    };
    let html = fleet_html::shell(&saved);
    // The parser drops the one line break written after the tag, never the text's own.
    assert!(html.contains(
        "data-fleet-input rows=\"12\" spellcheck=\"false\" autocomplete=\"off\">\n\nfirst line \
         blank&lt;/textarea&gt;&lt;script&gt;x&lt;/script&gt;\n</textarea>"
    ));
    assert!(!html.contains("<script"));
    assert!(html.contains(
        "data-fleet-target spellcheck=\"false\" value=\"9.1(7)&quot; autofocus onfocus=&quot;x\">"
    ));
    assert!(html.contains("<option value=\"guide-9x\" selected>"));
    assert!(html.contains("<option value=\"asa5580\" selected>"));
    assert!(html.contains("<option value=\"fp2100\" selected>Firepower 2100 (9.8 to 9.20)"));
    assert_eq!(select(&html, "[selected]").len(), 3);
    for hook in [
        "<button type=\"button\" data-fleet-apply>",
        "<input type=\"file\" accept=\".csv,text/csv,text/plain\" data-fleet-file>",
        "<button type=\"button\" data-fleet-export=\"csv\">",
        "<button type=\"button\" data-fleet-export=\"json\">",
        "<button type=\"button\" data-fleet-export=\"markdown\">",
        "<div class=\"fleet-error-area\" data-fleet-error-area></div>",
        "<div data-fleet-results></div>",
        "<a href=\"#\" data-fleet-single>",
        "<code>name,unit1,unit2,target,mode,preset,platform</code>",
        "<select data-fleet-platform><option value=\"\">Any model (no range check)</option>",
    ] {
        assert!(html.contains(hook), "{hook}");
    }
    // The box and its bad lines sit side by side inside the view: every element closes.
    assert!(html.contains("<div class=\"fleet-input\"><div class=\"fleet-box\">"));
    assert_balanced(&html);
    // Nothing saved: the defaults are chosen.
    let empty = fleet_html::shell(&SavedFleet::default());
    // Issue #20 item 4: the fleet view's default rule set is the guidance by release era.
    assert!(empty.contains("<option value=\"guide-9x\" selected>"));
    assert!(empty.contains("<option value=\"\" selected>The default (ASA 5500"));
}

#[test]
fn a_long_table_is_drawn_first_rows_then_the_rest_in_order() {
    let fleet = fixture_fleet();
    let all = fleet_html::results(&fleet);
    assert!(!all.contains("aria-busy"));
    let first = fleet_html::results_first(&fleet, 2);
    assert_balanced(&first);
    assert!(first.contains("<table class=\"fleet-table\" data-fleet aria-busy=\"true\">"));
    assert_eq!(select(&first, "tr[data-pair]").len(), 2);
    // The bodies appended after (at the table's end) make the whole table, in order.
    let rest = fleet_html::rows(&fleet.pairs[2..]);
    assert_balanced(&rest);
    assert!(rest.starts_with("<tbody>") && rest.ends_with("</tbody>"));
    let joined = first.replacen("</table>", &format!("{rest}</table>"), 1);
    let joined = joined.replacen(" aria-busy=\"true\"", "", 1);
    let rows = |html: &str| -> Vec<_> {
        select(html, "table[data-fleet] tr[data-pair]")
            .into_iter()
            .map(|r| (r.attrs, r.text))
            .collect()
    };
    assert_eq!(rows(&joined), rows(&all));
    assert_eq!(joined.replacen("</tbody><tbody>", "", 1), all);
    // Asking for more rows than there are draws them all, not busy.
    assert_eq!(fleet_html::results_first(&fleet, 1_000), all);
}

#[test]
fn a_thousand_rows_come_in_bodies_of_fifty_in_order() {
    let text: String = (0..1_000).map(|i| format!("fw-{i},8.4(7)\n")).collect();
    let fleet = PlannedFleet::plan(defaults("9.1(7)"), &text);
    let html = fleet_html::results(&fleet);
    assert_balanced(&html);
    assert!(!html.contains("aria-busy"));
    let bodies = select(&html, "table[data-fleet] > tbody");
    assert_eq!(bodies.len(), 1_000 / fleet_html::ROWS_PER_BODY);
    assert_eq!(
        select(
            &html,
            "table[data-fleet] > tbody:first-of-type > tr[data-pair]"
        )
        .len(),
        fleet_html::ROWS_PER_BODY
    );
    let names: Vec<String> = select(&html, "table[data-fleet] tr[data-pair]")
        .iter()
        .map(|r| r.attr("data-name").unwrap_or_default().to_string())
        .collect();
    let expected: Vec<String> = (0..1_000).map(|i| format!("fw-{i}")).collect();
    assert_eq!(names, expected);
    // A fleet of 51 rows: a full body, then one of one row.
    let html = fleet_html::rows(&fleet.pairs[..51]);
    assert_eq!(html.matches("<tbody>").count(), 2);
    assert!(html.ends_with("</td></tr></tbody>"));
}

#[test]
fn long_name_lists_start_folded_short_ones_open() {
    // 30 pairs on one path: the group's names and each image's names are folded; one pair's
    // are open.
    let text: String = (0..30).map(|i| format!("fw-{i},8.4(7)\n")).collect();
    let html = fleet_html::results(&PlannedFleet::plan(defaults("9.1(7)"), &text));
    assert!(
        html.contains("<details><summary>Pair names (30)</summary>"),
        "{html}"
    );
    assert!(!html.contains("<details open>"), "{html}");
    let one = fleet_html::results(&PlannedFleet::plan(defaults("9.1(7)"), "fw-0,8.4(7)\n"));
    assert!(
        one.contains("<details open><summary>Pair names (1)</summary>"),
        "{one}"
    );
    assert!(!one.contains("<details><summary>"), "{one}");
}

/// SPEC §13: a pair without a zero-downtime path says why in the CSV and the Markdown, in the
/// words of its own plan with Cisco's link, and keeps its own plan's link; the other rule set's
/// hop count is never bare where Cisco later said a hop of it is not zero-downtime.
#[test]
fn a_pair_without_a_zero_downtime_path_says_why_in_the_exports() {
    let base = "https://tools.example.net/asa/";
    let guide = "https://www.cisco.com/c/en/us/td/docs/security/asa/asa92/configuration/general/\
                 asa-general-cli/admin-swconfig.html";
    let why = "No zero-downtime path from 9.1(1) to 9.1(7): from 9.1(1) Cisco gives no \
               zero-downtime path to 9.1(2) or later (CSCuh25271, CSCug88962): Cisco says to \
               upgrade to 9.1(2) first, which reloads both units at once (an outage), then to go \
               on with zero-downtime upgrades. Under Table 81-1 of Cisco's 8.x configuration \
               guide: 1 hop (9.1(1) → 9.1(7)), but Cisco later said this hop is not \
               zero-downtime (CSCuh25271).";
    let fleet = PlannedFleet::plan(defaults("9.1(7)"), "edge-1,9.1(1)\nedge-2,9.1(2)\n");

    let csv = fleet.csv_linked(Some(base));
    let rows: Vec<&str> = csv.lines().collect();
    assert!(
        rows[0].ends_with(",other_rules_hops,caveats,warnings,reason"),
        "{csv}"
    );
    assert!(
        rows[1].ends_with(&format!(",1,,no-path outage-plan,\"{why} ({guide})\"")),
        "{csv}"
    );
    assert!(
        rows[2].ends_with(",1,,,"),
        "a plain zero-downtime path: {csv}"
    );

    let md = fleet_export::fleet_linked(&fleet.summary, &fleet.errors, Some(base));
    let row = format!(
        "| 1 | [edge-1](<{base}#from=9.1(1)&to=9.1(7)>) | 9.1(1) | 9.1(7) | no-path | {why} \
         (Source: [Cisco ASA 9.2 CLI configuration guide: Upgrade Path]({guide})) |"
    );
    assert!(md.lines().any(|l| l == row), "missing {row:?} in\n{md}");

    // Under Table 81-1 the pair plans, but is never counted or written as zero-downtime.
    let table = PlannedFleet::plan(
        PlanQuery {
            rules: RuleSet::Table811,
            ..defaults("9.1(7)")
        },
        "edge-1,9.1(1)\n",
    );
    assert!(table
        .csv()
        .lines()
        .nth(1)
        .is_some_and(|row| row.ends_with(&format!(
            ",not-zero-downtime outage-plan,\"Legal by Table 81-1 from 9.1(1) to 9.1(7) in 1 hop, \
         but Cisco later said this hop (9.1(1) → 9.1(7)) is not zero-downtime (CSCuh25271): \
         this is not a zero-downtime upgrade as planned. Under Cisco's guidance by release era: \
         no zero-downtime path (from 9.1(1) Cisco gives no zero-downtime path to 9.1(2) or later \
         (CSCuh25271, CSCug88962): Cisco says to upgrade to 9.1(2) first, which reloads both \
         units at once (an outage), then to go on with zero-downtime upgrades). ({guide})\""
        ))));
    let md = fleet_export::fleet(&table.summary, &table.errors);
    assert!(
        md.contains(
            "1 pair planned: 0 with a zero-downtime path and 1 legal by Table 81-1 but not \
             zero-downtime in 1 group, 0 already on the target"
        ),
        "{md}"
    );
    // The page's table says it in the pair's row, never "zero-downtime path".
    let html = fleet_html::results(&table);
    let row = select(&html, "tr[data-pair][data-name='edge-1']");
    assert_eq!(row.len(), 1, "{html}");
    assert!(
        row[0]
            .text
            .contains("legal by Table 81-1, but not zero-downtime"),
        "{}",
        row[0].text
    );
    assert!(
        !row[0].text.contains("zero-downtime path"),
        "{}",
        row[0].text
    );
    // Counted apart for scripts too: the page's hook and the JSON's counts.
    let counts = &select(&html, "p.fleet-counts")[0];
    assert_eq!(counts.attr("data-ok"), Some("1"));
    assert_eq!(counts.attr("data-not-zero-downtime"), Some("1"));
    let json = table.json();
    assert!(
        json.contains("\"ok\":1,") && json.contains("\"not-zero-downtime\":1}"),
        "{json}"
    );
    // Its group's heading too, on the page and in the Markdown's change plan.
    let said = "Group 1: 9.1(1) → 9.1(7) (Active/Standby, 1 hop, 1 pair): legal by Table 81-1, \
                but not zero-downtime";
    assert!(html.contains(said), "{html}");
    assert!(md.contains(said), "{md}");
}
