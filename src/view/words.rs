//! Every sentence a person reads about a plan, written once: the page (`plan_html`,
//! `runbook_html`, the verdict) and the Markdown export use these, so a verdict, a hop note or
//! a warning cannot say one thing on screen and another in the change ticket. Sentences may
//! hold `backtick` spans (commands); each medium renders them its own way. Sources come apart
//! from the text, so each medium can link them.

use crate::domain::plan::{HopNote, Verdict};
use crate::domain::release::{Release, Train};
use crate::domain::rules::{Block, Rule, RuleSet};
use crate::domain::session::{HopFacts, HopWarning, Mark, Note, Session};
use crate::domain::sources::{
    Source, GUIDE_8X, GUIDE_92_UPGRADE, PATH_TABLE_91, SCC_HA_UPGRADE, UPGRADE_PLANNING,
};

/// The rule in words.
pub fn rule(rule: Rule) -> &'static str {
    match rule {
        Rule::Maintenance => "maintenance release upgrade (same train)",
        Rule::Minor => "minor release upgrade (next train)",
        Rule::Major => "major release upgrade (last minor to the next major)",
        Rule::Direct => "direct upgrade (no exception of Cisco's 9.x guidance applies)",
    }
}

/// A hop note in words.
pub fn hop_note(note: &HopNote) -> String {
    match note {
        HopNote::NotInCatalog(r) => format!("{r} is not in the catalog: planned as if listed."),
        HopNote::Withdrawn(r) => {
            format!("{r} was withdrawn by Cisco: never recommended; choose another release.")
        }
        HopNote::PreRelease(r) => format!(
            "{r} is a pre-release build (listed by Cisco advisories, never orderable): never \
             recommended; choose another release."
        ),
    }
}

/// A typed release's mark.
pub fn mark(mark: Mark) -> &'static str {
    match mark {
        Mark::NotInCatalog => "not in catalog",
        Mark::Withdrawn => "withdrawn by Cisco (never recommended)",
        Mark::PreRelease => "pre-release build, never orderable (never recommended)",
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Trains as a list: "7.1", "8.3, 8.4 and 9.0".
pub fn trains(list: &[Train]) -> String {
    let names: Vec<String> = list.iter().map(Train::to_string).collect();
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => names.concat(),
    }
}

/// The verdict in one sentence, naming the release the plan starts from.
pub fn verdict(session: &Session) -> String {
    let start = session.start.map(|r| r.to_string()).unwrap_or_default();
    let to = session
        .to
        .release
        .map(|r| r.to_string())
        .unwrap_or_default();
    match session.verdict {
        Verdict::Ok => {
            let hops = plural(session.hops().len(), "hop", "hops");
            let doubted = not_zero_downtime(session);
            let mut text = if doubted.is_empty() {
                format!("Zero-downtime upgrade from {start} to {to} in {hops}.")
            } else {
                // SPEC §3.3: legal by the table, never read as a plain zero-downtime upgrade.
                let (which, bugs) = doubted_hops(session, &doubted);
                let mut text = format!(
                    "Legal by Table 81-1 from {start} to {to} in {hops}, but Cisco later said \
                     {which} not zero-downtime ({bugs}): this is not a zero-downtime upgrade as \
                     planned."
                );
                if let Some(other) = other_rules(session) {
                    text.push(' ');
                    text.push_str(&other);
                }
                text
            };
            if let Some(Note::TrainsOff(off)) = session
                .notes
                .iter()
                .find(|n| matches!(n, Note::TrainsOff(_)))
            {
                text.push_str(&format!(
                    " It holds only if {} {} not exist for your platform.",
                    trains(off),
                    if off.len() == 1 { "does" } else { "do" }
                ));
            }
            text
        }
        Verdict::Same if session.from2.is_some() => {
            format!("Nothing to do: both units already run {to}.")
        }
        Verdict::Same => format!("Nothing to do: the pair already runs {to}."),
        Verdict::Downgrade => match session.past_target {
            Some((unit, on)) if session.from2.is_some() => format!(
                "No zero-downtime path: the {} runs {on}, past the target {to}; taking it \
                 to {to} is a downgrade, which needs an outage.",
                unit.label()
            ),
            _ => format!(
                "No zero-downtime path: {to} is older than {start}; a downgrade needs an outage."
            ),
        },
        Verdict::NoPath => match no_path_reason(session) {
            // SPEC §3.2: an exception's no-path names the bug and what Cisco says instead.
            Some(why) => format!("No zero-downtime path from {start} to {to}: {why}."),
            None => format!(
                "No zero-downtime path from {start} to {to} with the trains in use; switch \
                 trains on or change the preset."
            ),
        },
        Verdict::Empty => "Enter the release the pair runs now (the first line of `show version`) \
            and the target release, or open an example below."
            .to_owned(),
        Verdict::Invalid => {
            "Check the releases entered: see the messages under the fields.".to_owned()
        }
    }
}

/// The hops (0-based) that carry a caveat of Cisco's saying the hop is not zero-downtime
/// (SPEC §3.3; only Table 81-1 plans such hops).
pub fn not_zero_downtime(session: &Session) -> Vec<usize> {
    session
        .hop_facts
        .iter()
        .enumerate()
        .filter(|(_, f)| f.caveats.iter().any(|c| c.blocking()))
        .map(|(i, _)| i)
        .collect()
}

/// "this hop is" / "hop 2 (8.4(5) → 8.4(6)) is" / "hops 1 and 3 are", and the bugs named.
fn doubted_hops(session: &Session, doubted: &[usize]) -> (String, String) {
    let hops = session.hops();
    let which = match doubted {
        [i] if hops.len() == 1 => format!("this hop ({} → {}) is", hops[*i].from, hops[*i].to),
        [i] => format!("hop {} ({} → {}) is", i + 1, hops[*i].from, hops[*i].to),
        _ => {
            let n: Vec<String> = doubted.iter().map(|i| (i + 1).to_string()).collect();
            format!("hops {} are", n.join(", "))
        }
    };
    let mut bugs: Vec<&str> = doubted
        .iter()
        .filter_map(|&i| session.hop_facts.get(i))
        .flat_map(|f| f.caveats.iter().filter(|c| c.blocking()))
        .filter_map(|c| c.bug())
        .collect();
    bugs.sort_unstable();
    bugs.dedup();
    (which, bugs.join(", "))
}

/// Why there is no path when one of Cisco's exceptions is the cause (under the guidance by
/// release era): the exception's reason, naming the bug and what Cisco says instead.
fn no_path_reason(session: &Session) -> Option<String> {
    if session.rules != RuleSet::Guide9x {
        return None;
    }
    let (start, to) = (session.start?, session.to.release?);
    let reason = crate::domain::rules::exception(start, to)?.reason_for(start, to);
    let off = session.messages.iter().any(|m| {
        matches!(
            m.origin,
            crate::domain::session::Origin::Trains | crate::domain::session::Origin::Preset
        )
    });
    Some(if off {
        format!("{reason}; and some trains are switched off: switch them on or change the preset")
    } else {
        reason
    })
}

/// The other rule set's answer in a sentence: "Under Cisco's 9.x upgrade guidance: 1 hop
/// (9.8(4) → 9.20(3))." or why it has none.
pub fn other_rules(session: &Session) -> Option<String> {
    let other = session.other.as_ref()?;
    let label = other.rules.label();
    Some(match other.verdict {
        Verdict::Ok => {
            let path: Vec<String> = other.path.iter().map(Release::to_string).collect();
            format!(
                "Under {label}: {} ({}).",
                plural(other.hops, "hop", "hops"),
                path.join(" → ")
            )
        }
        Verdict::Same => format!("Under {label}: nothing to do either."),
        _ => match &other.why {
            Some(why) => format!("Under {label}: no zero-downtime path ({why})."),
            None => format!("Under {label}: no zero-downtime path."),
        },
    })
}

/// The blocked direct hop from the plan's start to the target, with its reason (none when the
/// direct hop is legal, or there is nothing to upgrade or only a downgrade).
pub fn direct_blocked(session: &Session) -> Option<String> {
    let plan = session.plan.as_ref()?;
    let (start, to) = (session.start?, session.to.release?);
    // The verdict already gives an exception's reason for a no-path: not said twice.
    if session.verdict == Verdict::NoPath && no_path_reason(session).is_some() {
        return None;
    }
    match &plan.direct {
        Err(block) if !matches!(block, Block::Same | Block::Downgrade) => Some(format!(
            "Why not in one hop: {start} → {to} directly is not zero-downtime: {block}."
        )),
        _ => None,
    }
}

/// Which units a hop reloads, from which release.
pub fn reloads(facts: &HopFacts) -> String {
    let units: Vec<String> = facts
        .reloads
        .iter()
        .map(|u| format!("the {} (from {})", u.unit.label(), u.from))
        .collect();
    match (&facts.reloads[..], facts.stays) {
        ([_], Some((other, on))) => format!(
            "Reloads {} only: the {} already runs {on} and stays on it.",
            units[0],
            other.label()
        ),
        ([a, b], _) if a.from == b.from => format!("Reloads both units (from {}).", a.from),
        _ => format!("Reloads {}.", units.join(" and ")),
    }
}

/// A hop warning in words.
pub fn warning(warning: &HopWarning) -> String {
    match warning {
        HopWarning::TrainsOff(off) => {
            let (it, them, does) = if off.len() == 1 {
                ("it", "it", "does")
            } else {
                ("they", "them", "do")
            };
            format!(
                "Passes over {}, switched off by hand or missing from your list, though Cisco \
                 released {them}: this hop is legal only if {it} {does} not exist for your \
                 platform (Table 81-1: you cannot skip a minor release).",
                trains(off)
            )
        }
        HopWarning::PresetLeavesOut(exclusions) => {
            // Each reason is beside its train switch; the sources follow this sentence.
            let passed: Vec<Train> = exclusions.iter().map(|e| e.train).collect();
            format!(
                "Passes over {}, which the platform preset leaves out.",
                trains(&passed)
            )
        }
        HopWarning::JoinBlocked { unit, from, block } => format!(
            "The {} joins this hop from {from}, which is not a zero-downtime hop: {block}.",
            unit.label()
        ),
        HopWarning::CheckPlanningPage => "This hop spans more than one train: check your start \
            release on Cisco's planning page (the 9.x rule rests on a 2013 note; later \
            exceptions or interim stops may exist)."
            .to_owned(),
        HopWarning::AvoidsPathTableStop { stop } => format!(
            "From this hop's start Cisco's 9.1 path table stops at {stop}, but its CSCug88962 \
             note says landing on {stop} is not zero-downtime: this plan goes another way."
        ),
    }
}

/// A warning in words with its sources' links written out (plain text and table cells).
pub fn warning_with_links(warning: &HopWarning) -> String {
    let urls: Vec<&str> = warning_sources(warning).iter().map(|s| s.url).collect();
    if urls.is_empty() {
        self::warning(warning)
    } else {
        format!("{} ({})", self::warning(warning), urls.join(", "))
    }
}

/// The documents a warning rests on.
pub fn warning_sources(warning: &HopWarning) -> Vec<Source> {
    match warning {
        HopWarning::TrainsOff(_) | HopWarning::JoinBlocked { .. } => vec![GUIDE_8X],
        HopWarning::CheckPlanningPage => vec![UPGRADE_PLANNING],
        HopWarning::AvoidsPathTableStop { .. } => vec![PATH_TABLE_91, GUIDE_92_UPGRADE],
        HopWarning::PresetLeavesOut(exclusions) => {
            let mut sources: Vec<Source> = exclusions.iter().map(|e| e.source).collect();
            sources.dedup();
            sources
        }
    }
}

/// A plan note in words.
pub fn note(note: &Note) -> String {
    match note {
        Note::RuleSource(RuleSet::Guide9x) => format!("Rules: {}.", RuleSet::Guide9x.basis()),
        Note::RuleSource(RuleSet::Table811) => {
            "Rules: Table 81-1 of Cisco's 8.x configuration guide. Later Cisco \
            guides publish their own upgrade paths for 9.x: check your start release there."
                .to_owned()
        }
        Note::NearZeroDowntime => "Cisco calls this near-zero downtime: a brief interruption or \
            a few dropped packets may occur during each failover."
            .to_owned(),
        Note::MixedVersions => "The two units run different releases between the steps of each \
            hop: failover still works (Cisco: version parity is not needed during the upgrade), \
            and both end on the same release."
            .to_owned(),
        Note::Parity {
            older,
            newer,
            same_train,
        } => {
            let which = if *same_train {
                format!("different releases of one train ({older} and {newer})")
            } else {
                format!("different major or minor releases ({older} and {newer})")
            };
            format!(
                "The units run {which}. Cisco recommends the same version on both units: bring \
                 them together as soon as possible. The plan starts from the older unit, {older}."
            )
        }
        Note::NewerUnit { unit, on, joins } => {
            let unit = unit.label();
            match joins {
                None => format!(
                    "The {unit} already runs {on}: every hop reloads the other unit only, as the \
                     standby."
                ),
                Some(1) => format!("The {unit}, on {on}, joins at hop 1 from its own release."),
                Some(2) => format!(
                    "The {unit}, on {on}, is already at or past where hop 1 lands: that hop \
                     reloads the other unit only, as the standby; the {unit} joins at hop 2."
                ),
                Some(k) => format!(
                    "The {unit}, on {on}, is already at or past where hops 1–{} land: those hops \
                     reload the other unit only, as the standby; the {unit} joins at hop {k}.",
                    k - 1
                ),
            }
        }
        Note::FarApart { apart } => format!(
            "The units are {apart} legal hops apart. Cisco supports mixed versions during an \
             upgrade (one hop at a time): check that `show failover` is healthy before the \
             first hop, and upgrade the older unit first."
        ),
        Note::TrainsOff(off) => format!(
            "This plan passes over {}, which Cisco released: it holds only if {} not exist \
             for your platform.",
            trains(off),
            if off.len() == 1 {
                "that train does"
            } else {
                "those trains do"
            }
        ),
        Note::Exception(e) => format!(
            "About {} ({}): {}.",
            e.basis,
            confidence(e.confidence.letter()),
            e.note.trim_end_matches('.')
        ),
        Note::OutagePlan {
            from,
            outage_to,
            then,
            then_holds,
        } => {
            let mut text = format!(
                "Outage plan (not zero-downtime), Cisco's own way from {from}: first {from} → \
                 {outage_to} reloading both units at once, a traffic outage (CSCuh25271: there \
                 is no workaround for a zero-downtime upgrade from 9.1(1); CSCug88962: 9.1(2) \
                 is not a zero-downtime landing)."
            );
            if !then.is_empty() && *then_holds {
                let path: Vec<String> = std::iter::once(outage_to)
                    .chain(then)
                    .map(Release::to_string)
                    .collect();
                text.push_str(&format!(
                    " Then zero-downtime hops under Cisco's guidance by release era: {}.",
                    path.join(" → ")
                ));
            } else if !then_holds {
                text.push_str(&format!(
                    " From {outage_to} there is no zero-downtime path on to the target either."
                ));
            }
            text.push_str(" Never reload both units straight to a later release from 9.1(1).");
            text
        }
    }
}

/// The documents a note rests on.
pub fn note_sources(note: &Note) -> Vec<Source> {
    match note {
        Note::RuleSource(rules) => rules.sources().to_vec(),
        Note::NearZeroDowntime => vec![SCC_HA_UPGRADE],
        Note::MixedVersions | Note::Parity { .. } | Note::FarApart { .. } => vec![GUIDE_8X],
        Note::NewerUnit { .. } | Note::TrainsOff(_) => Vec::new(),
        Note::OutagePlan { .. } => vec![GUIDE_92_UPGRADE],
        Note::Exception(e) => vec![e.source],
    }
}

/// A hop's title: "Hop 2: 8.3(2) → 8.4(7)".
pub fn hop_title(n: usize, from: Release, to: Release) -> String {
    format!("Hop {n}: {from} → {to}")
}

/// The person's estimate of a hop's duration: two reloads, or one for a one-unit hop.
pub fn estimate(minutes_per_reload: u32, reloads: usize) -> String {
    let total = minutes_per_reload.saturating_mul(reloads as u32);
    format!(
        "About {} ({} × your estimate of {} a reload).",
        minutes(total),
        reloads,
        minutes(minutes_per_reload)
    )
}

/// "1 minute", "45 minutes", "2 h 10 min".
pub fn minutes(m: u32) -> String {
    match m {
        1 => "1 minute".to_owned(),
        m if m < 120 => format!("{m} minutes"),
        m => format!("{} h {:02} min", m / 60, m % 60),
    }
}

/// One line under the title: what the page is for.
pub const PURPOSE: &str = "Plans a zero-downtime software upgrade of a Cisco ASA failover pair: \
    the shortest chain of legal hops, the graph of releases, and a runbook with the exact CLI. \
    The current release is on the first line of `show version`.";

/// Example plans offered on an empty page: a share fragment and what it shows.
pub const EXAMPLES: [(&str, &str); 3] = [
    (
        "from=8.2(5)&to=9.1(7)",
        "8.2(5) → 9.1(7): one 8.x train at a time to 8.4, then one hop into 9.x",
    ),
    (
        "from=9.8(4)&to=9.20(3)",
        "9.8(4) → 9.20(3): a 9.x upgrade in one hop",
    ),
    (
        "from=8.4(7)&from2=8.3(2)&to=9.0(4)&mode=active-active",
        "A mismatched Active/Active pair: 8.3(2) and 8.4(7) → 9.0(4)",
    ),
];

/// Labels for the parts of a runbook.
pub const BEFORE_FIRST_HOP: &str = "Before the first hop";
/// The runbook section without a plan.
pub const RUNBOOK_NEEDS_PLAN: &str = "The runbook appears when there is a plan.";
pub const BEFORE_THIS_HOP: &str = "Before this hop";
pub const PRECHECKS: &str = "Pre-checks";
pub const STEPS: &str = "Steps";
pub const AFTER_THIS_HOP: &str = "After this hop";
pub const NO_RETURN: &str = "Point of no return";
pub const EXPECTED: &str = "Expected";
pub const CHECK: &str = "Check";
pub const RECONSTRUCTED: &str = "These Active/Active steps are reconstructed from the structure \
    of the 8.x guide's Active/Active section, not quoted from it: check them against Cisco's \
    text.";
pub const IMAGE_NAMES: &str = "Image names are defaults for the ASA 5500/5500-X families: \
    check each against Cisco's download page for your platform.";

/// A caveat's heading: "9.23(1) — configuration change".
pub fn caveat_heading(release: Release, kind_label: &str) -> String {
    format!("{release}: {kind_label}")
}

/// "confidence H" with what it means.
pub fn confidence(letter: &str) -> String {
    let meaning = match letter {
        "H" => "read in Cisco's document",
        "M" => "Cisco's text as copied by others",
        _ => "a single source or an inference",
    };
    format!("confidence {letter}: {meaning}")
}

/// Fleets (SPEC §13): the headings and sentences the page's fleet view and the fleet's
/// Markdown both show.
pub mod fleet {
    use super::plural;
    use crate::domain::fleet::{Group, Tally};
    use crate::domain::plan::Verdict;

    pub const TITLE: &str = "ASA fleet upgrade plan";
    pub const IMAGES: &str = "Images to stage";
    pub const WITHOUT_PATH: &str = "Without a zero-downtime path";
    pub const SAME: &str = "Already on the target";
    pub const NOT_PLANNED: &str = "Lines not planned";

    /// The page's fleet view: its heading, the way back, the CSV format and its controls.
    pub const VIEW_TITLE: &str = "Fleet: plan many failover pairs at once";
    pub const SINGLE_PAIR: &str = "Back to the single-pair planner";
    pub const FORMAT: &str = "One pair a line:";
    pub const FORMAT_DETAILS: &str = "Everything after unit1 is optional: unit2 only when the \
        second unit runs another release; mode is active-standby (the default) or \
        active-active; preset as below. The settings below apply where a line gives none. A \
        first line naming the fields is a header. Quote a field that holds a comma, a quote or a \
        line break (RFC 4180: \"edge, 1\"; a quote inside is doubled).";
    pub const TARGET: &str = "Target for lines without one";
    pub const RULES: &str = "Rule set";
    pub const PRESET: &str = "Preset for lines without one";
    pub const DEFAULT_PRESET: &str = "The default";
    pub const BOX: &str = "Fleet (CSV)";
    pub const UPLOAD: &str = "Or load a .csv file into the box:";
    pub const APPLY: &str = "Plan the fleet";
    pub const FILE_UNREADABLE: &str = "The file could not be read: the box is unchanged.";
    pub const EXPORT_FAILED: &str = "This browser refused the download.";
    /// The export buttons: the format (the hook value) and the label.
    pub const EXPORTS: [(&str, &str); 3] = [
        ("csv", "Download CSV"),
        ("json", "Download JSON"),
        ("markdown", "Download Markdown"),
    ];

    /// The counts in one sentence: "7 pairs planned: 5 with a zero-downtime path in 3 groups,
    /// 1 already on the target, 1 without a zero-downtime path. 1 line not planned."
    pub fn counts(t: &Tally, groups: usize) -> String {
        format!(
            "{} planned: {} with a zero-downtime path in {}, {} already on the target, {} \
             without a zero-downtime path. {}.",
            plural(t.pairs() as usize, "pair", "pairs"),
            t.ok,
            plural(groups, "group", "groups"),
            t.same,
            t.downgrade + t.no_path,
            plural(
                t.bad_lines as usize,
                "line not planned",
                "lines not planned"
            ),
        )
    }

    /// A group's heading: "Group 2: 8.4(7) → 9.0(4) (Active/Standby, 1 hop, 3 pairs)".
    pub fn group_title(n: usize, group: &Group) -> String {
        let path: Vec<String> = group.path.iter().map(|r| r.to_string()).collect();
        format!(
            "Group {n}: {} ({}, {}, {})",
            path.join(" → "),
            group.mode.label(),
            plural(group.hops(), "hop", "hops"),
            plural(group.pairs.len(), "pair", "pairs"),
        )
    }

    /// The summary of a folded list of pair names: "Pair names (3)".
    pub fn pair_names(count: usize) -> String {
        format!("Pair names ({count})")
    }

    /// A pair's verdict in a few words (the table's cell; the pair's own plan says why).
    pub fn verdict(verdict: Verdict) -> &'static str {
        match verdict {
            Verdict::Ok => "zero-downtime path",
            Verdict::Same => "already on the target",
            Verdict::Downgrade => "downgrade: needs an outage",
            Verdict::NoPath => "no zero-downtime path",
            Verdict::Invalid | Verdict::Empty => "not planned",
        }
    }
}
