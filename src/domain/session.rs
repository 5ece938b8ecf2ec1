//! Everything the page shows, derived from one `PlanQuery`: the active catalog, the parsed
//! fields with their messages, the plan and its notes. The UI renders this and nothing else.
//!
//! Where each message goes: a release field's own problem (empty, does not parse, unknown train)
//! is in its [`Field::error`]; everything else that a person must act on (preset, trains, custom
//! list, via overrides, why there is no path) is a [`Message`] with its [`Origin`]; what a
//! person should know about a valid plan (rule source, unit parity, the mixed-version window,
//! one-way releases) is in [`Session::notes`].

use super::catalog::Catalog;
use super::custom_list::{self, ListError};
use super::plan::{self, Hop, Plan, Verdict};
use super::presets::{self, Preset, PRESETS};
use super::query::PlanQuery;
use super::release::{Release, Train};
use super::rules::RuleSet;

/// Where an input came from, so its message is shown next to it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Origin {
    From,
    From2,
    To,
    Via,
    Releases,
    Trains,
    Preset,
    Fragment,
    Storage,
}

#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Message {
    pub origin: Origin,
    pub text: String,
}

/// One release field as interpreted. `release` is `Some` exactly when `error` is `None` and
/// the text is not blank.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct Field {
    pub text: String,
    pub release: Option<Release>,
    /// Parse error or unknown train, worded for a person (names the nearest trains).
    pub error: Option<String>,
    /// Marks such as "not in catalog", "withdrawn by Cisco".
    pub marks: Vec<String>,
}

/// A train of the base catalog and whether it is on, with the reason when a preset left it out.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct TrainState {
    pub train: Train,
    pub enabled: bool,
    pub excluded_by_preset: Option<&'static str>,
}

#[derive(Clone, PartialEq, Debug)]
pub struct Session {
    /// Built-in catalog or the custom list, before trains are switched off.
    pub base: Catalog,
    /// What the rules run on.
    pub catalog: Catalog,
    pub custom: bool,
    pub trains: Vec<TrainState>,
    pub from: Field,
    pub from2: Option<Field>,
    pub to: Field,
    pub verdict: Verdict,
    pub plan: Option<Plan>,
    /// The rule set the plan follows (`rules=` of the query).
    pub rules: RuleSet,
    /// The other rule set's answer to the same request (SPEC §3: shown beside the verdict);
    /// `None` when there is no plan (a field is empty or invalid).
    pub other: Option<OtherAnswer>,
    /// Plan-level notes: rule source, unit parity and the mixed-version window, one-way releases.
    pub notes: Vec<String>,
    /// Errors and notices, each with where it came from.
    pub messages: Vec<Message>,
    pub list_errors: Vec<ListError>,
}

/// What the rule set not in force says about the same request.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct OtherAnswer {
    pub rules: RuleSet,
    pub verdict: Verdict,
    /// The number of hops (0 unless the verdict is `ok`).
    pub hops: usize,
    /// The releases of its plan from the start to the target (empty unless `ok`).
    pub path: Vec<Release>,
    /// Why it has no plan (the direct hop's reason) when the verdict is not `ok`.
    pub why: Option<String>,
}

/// Which rules a plan follows (SPEC §5: say which rule source a plan follows).
pub const RULE_SOURCE: &str =
    "Rules: Cisco ASA 5500 Series Configuration Guide (8.x), chapter 81, \
    Table 81-1 — later Cisco guides publish per-version upgrade-path tables for 9.x; check the \
    target's release notes";

/// The seed's parity paragraph, said of every plan with hops.
pub const MIXED_VERSIONS: &str = "The two units run different releases between the steps of \
    each hop; failover still works (Cisco: version parity is not needed during the upgrade), and \
    both end on the same major and minor release";

/// asa-facts §1.2: Cisco's one-way note for 9.24.
pub const ONE_WAY_924: &str = "After upgrading to 9.24 you cannot downgrade to an earlier \
    version, and later versions must be reached through 9.24 (Cisco's 9.24 release notes; the \
    note sits in the ASA Virtual bootloader row, so it may apply to ASA Virtual only: \
    asa-facts §1.2)";

/// The first train Cisco's one-way note applies to.
const ONE_WAY_TRAIN: Train = Train {
    major: 9,
    minor: 24,
};

/// How many trains an "unknown train" error names.
const NEAREST: usize = 2;

impl Session {
    /// The plan's hops (none unless the verdict is `ok`).
    pub fn hops(&self) -> &[Hop] {
        self.plan
            .as_ref()
            .map(|p| p.hops.as_slice())
            .unwrap_or_default()
    }

    /// The releases typed in the fields that parse: current, other unit, target.
    pub fn typed(&self) -> [Option<Release>; 3] {
        [
            self.from.release,
            self.from2.as_ref().and_then(|f| f.release),
            self.to.release,
        ]
    }

    /// The releases a graph of this session shows, ascending: every release of the active
    /// catalog, interim builds only with `interim`, except the newest of a train that has
    /// nothing else (so no train disappears) and those typed or on the plan. Used by the page
    /// and by the benchmark's static page, which must draw the same nodes.
    pub fn drawn_releases(&self, interim: bool) -> Vec<Release> {
        let catalog = &self.catalog;
        let mut drawn = Vec::with_capacity(catalog.entries().len());
        for &train in catalog.trains() {
            let entries = catalog.train_entries(train);
            let before = drawn.len();
            drawn.extend(
                entries
                    .iter()
                    .map(|e| e.release)
                    .filter(|r| interim || !r.is_interim()),
            );
            if drawn.len() == before {
                drawn.extend(entries.last().map(|e| e.release));
            }
        }
        let planned = self.hops().iter().flat_map(|h| [h.from, h.to]);
        drawn.extend(
            self.typed()
                .into_iter()
                .flatten()
                .chain(planned)
                .filter(|r| catalog.has_train(r.train())),
        );
        drawn.sort_unstable();
        drawn.dedup();
        drawn
    }
}

/// Derives the session for `query`. Total: never panics, whatever the query holds.
///
/// The base catalog is the built-in one, or the custom list when `query.releases` is given
/// (presets do not filter a custom list); the active catalog is the base without the trains the
/// preset or the explicit train set switch off. A field is invalid when it does not parse or its
/// train is unknown to the base catalog; a train that exists but is switched off gives `no-path`
/// with a message saying how to switch it on. With a mismatched pair the plan starts from the
/// older unit and a note says what the other unit does.
pub fn analyse(query: &PlanQuery) -> Session {
    let mut messages = Vec::new();
    let (base, custom, list_errors) = match &query.releases {
        Some(list) => {
            let (catalog, errors) = custom_list::parse(&list.join("\n"));
            if catalog.entries().is_empty() {
                messages.push(Message {
                    origin: Origin::Releases,
                    text: "the custom release list has no release that reads: enter releases \
                           such as 9.8(4), 9.12(4), or clear the list to use the built-in catalog"
                        .to_string(),
                });
            }
            (catalog, true, errors)
        }
        None => (Catalog::builtin(), false, Vec::new()),
    };
    let preset = choose_preset(query.preset.as_deref(), &mut messages);
    let explicit = explicit_trains(query.trains.as_deref(), &base, &mut messages);
    let enabled = |t: Train| match &explicit {
        Some(set) => set.binary_search(&t).is_ok(),
        None => custom || preset.exclusion(t).is_none(),
    };
    let trains: Vec<TrainState> = base
        .trains()
        .iter()
        .map(|&train| TrainState {
            train,
            enabled: enabled(train),
            excluded_by_preset: if custom {
                None
            } else {
                preset.exclusion(train)
            },
        })
        .collect();
    let catalog = base.retain_trains(enabled);

    let from = field(
        &query.from,
        &base,
        Some("enter the current release, e.g. 9.8(4)"),
    );
    let to = field(
        &query.to,
        &base,
        Some("enter the target release, e.g. 9.12(4)"),
    );
    let from2 = query.from2.as_deref().map(|text| field(text, &base, None));
    let via = via_releases(&query.via, &base, &mut messages);

    let mut session = Session {
        base,
        catalog,
        custom,
        trains,
        from,
        from2,
        to,
        verdict: Verdict::Invalid,
        plan: None,
        rules: query.rules,
        other: None,
        notes: Vec::new(),
        messages,
        list_errors,
    };
    let fields = [
        Some(&session.from),
        Some(&session.to),
        session.from2.as_ref(),
    ];
    if fields.iter().flatten().any(|f| f.error.is_some()) {
        return session;
    }
    let (Some(first), Some(to)) = (session.from.release, session.to.release) else {
        return session;
    };
    let second = session
        .from2
        .as_ref()
        .and_then(|f| f.release)
        .filter(|&r| r != first);
    let start = second.map_or(first, |r| r.min(first));

    let plan = plan::plan_with(query.rules, &session.catalog, start, to, &via);
    session.other = Some(other_answer(
        &session.catalog,
        query.rules.other(),
        start,
        to,
        &via,
    ));
    for (release, why) in &plan.unused_via {
        session.messages.push(Message {
            origin: Origin::Via,
            text: format!("via {release} is not used: {why}"),
        });
    }
    if plan.verdict == Verdict::NoPath {
        explain_no_path(&mut session, preset, explicit.is_some(), start, to, &via);
    }
    if let Some(other) = second {
        session.notes.push(parity(first, other, start));
        if plan.verdict == Verdict::Ok {
            session
                .notes
                .push(other_unit(&session.catalog, &plan, first.max(other)));
        }
    }
    if plan.verdict == Verdict::Ok {
        session.notes.push(MIXED_VERSIONS.to_string());
        if plan.hops.iter().any(|h| h.to.train() >= ONE_WAY_TRAIN) {
            session.notes.push(ONE_WAY_924.to_string());
        }
    }
    session.notes.push(match query.rules {
        RuleSet::Table811 => RULE_SOURCE.to_string(),
        RuleSet::Guide9x => format!("Rules: {}", RuleSet::Guide9x.basis()),
    });
    session.verdict = plan.verdict;
    session.plan = Some(plan);
    session
}

/// The plan of `start → to` under `rules` (the rule set not in force), in short.
fn other_answer(
    catalog: &Catalog,
    rules: RuleSet,
    start: Release,
    to: Release,
    via: &[Release],
) -> OtherAnswer {
    let plan = plan::plan_with(rules, catalog, start, to, via);
    let ok = plan.verdict == Verdict::Ok;
    OtherAnswer {
        rules,
        verdict: plan.verdict,
        hops: plan.hops.len(),
        path: plan
            .hops
            .first()
            .map(|h| h.from)
            .into_iter()
            .chain(plan.hops.iter().map(|h| h.to))
            .collect(),
        why: plan.direct.err().filter(|_| !ok).map(|b| b.to_string()),
    }
}

/// The preset asked for; an unknown id is reported and the default used. A blank id is the
/// default, silently.
fn choose_preset(id: Option<&str>, messages: &mut Vec<Message>) -> &'static Preset {
    let Some(id) = id.filter(|id| !id.trim().is_empty()) else {
        return presets::default_preset();
    };
    presets::find(id).unwrap_or_else(|| {
        let ids: Vec<&str> = PRESETS.iter().map(|p| p.id).collect();
        let default = presets::default_preset();
        messages.push(Message {
            origin: Origin::Preset,
            text: format!(
                "unknown preset \"{}\": use one of {}; using {}",
                shorten(id.trim()),
                ids.join(", "),
                default.id
            ),
        });
        default
    })
}

/// The explicit train set, sorted, with trains the base catalog does not have reported.
fn explicit_trains(
    trains: Option<&[Train]>,
    base: &Catalog,
    messages: &mut Vec<Message>,
) -> Option<Vec<Train>> {
    // Sorted as the trains' `.0` releases (same order): the wasm then has one sort, of
    // releases, instead of a second one for trains.
    let mut firsts: Vec<Release> = trains?
        .iter()
        .map(|t| Release::new(t.major, t.minor, 0, None))
        .collect();
    firsts.sort_unstable();
    firsts.dedup();
    let set: Vec<Train> = firsts.into_iter().map(Release::train).collect();
    let unknown: Vec<String> = set
        .iter()
        .filter(|t| !base.has_train(**t))
        .map(Train::to_string)
        .collect();
    if !unknown.is_empty() {
        let plural = if unknown.len() == 1 {
            "train"
        } else {
            "trains"
        };
        messages.push(Message {
            origin: Origin::Trains,
            text: format!(
                "{plural} {} not in the catalog: ignored",
                unknown.join(", ")
            ),
        });
    }
    Some(set)
}

/// Interprets one release field against the base catalog. `empty` is the hint for a blank
/// field; `None` means a blank field is simply absent (the second unit).
fn field(text: &str, base: &Catalog, empty: Option<&str>) -> Field {
    let mut field = Field {
        text: text.to_string(),
        ..Field::default()
    };
    if text.trim().is_empty() {
        field.error = empty.map(str::to_string);
        return field;
    }
    match interpret(text, base) {
        Ok(release) => {
            match base.get(release) {
                None => field.marks.push("not in catalog".to_string()),
                Some(e) if e.withdrawn => {
                    field
                        .marks
                        .push("withdrawn by Cisco (never recommended)".to_string());
                }
                Some(_) => {}
            }
            field.release = Some(release);
        }
        Err(message) => field.error = Some(message),
    }
    field
}

/// A release whose train the base catalog knows, or the message saying why not.
fn interpret(text: &str, base: &Catalog) -> Result<Release, String> {
    let release: Release = text.parse().map_err(|e| format!("{e}"))?;
    let train = release.train();
    if base.has_train(train) {
        return Ok(release);
    }
    let nearest: Vec<String> = base
        .nearest_trains(train, NEAREST)
        .iter()
        .map(Train::to_string)
        .collect();
    Err(if nearest.is_empty() {
        format!("no train {train} in the catalog")
    } else {
        format!(
            "no train {train} in the catalog (nearest: {})",
            nearest.join(", ")
        )
    })
}

/// The via overrides that read; the others are reported.
fn via_releases(texts: &[String], base: &Catalog, messages: &mut Vec<Message>) -> Vec<Release> {
    let mut via = Vec::with_capacity(texts.len());
    for text in texts.iter().filter(|t| !t.trim().is_empty()) {
        match interpret(text, base) {
            Ok(release) => via.push(release),
            Err(why) => messages.push(Message {
                origin: Origin::Via,
                text: format!("via \"{}\" is not used: {why}", shorten(text.trim())),
            }),
        }
    }
    via
}

/// Says why nothing connects the two releases and how to change that.
fn explain_no_path(
    session: &mut Session,
    preset: &Preset,
    explicit: bool,
    start: Release,
    to: Release,
    via: &[Release],
) {
    let mut ends = vec![start.train(), to.train()];
    ends.dedup();
    for train in ends.into_iter().filter(|t| !session.catalog.has_train(*t)) {
        let message = if explicit || session.custom {
            Message {
                origin: Origin::Trains,
                text: format!("train {train} is switched off: switch it on to plan through it"),
            }
        } else {
            let reason = preset.exclusion(train).unwrap_or("it is switched off");
            let with: Vec<&str> = PRESETS
                .iter()
                .filter(|p| p.exclusion(train).is_none())
                .map(|p| p.id)
                .collect();
            Message {
                origin: Origin::Preset,
                text: format!(
                    "train {train} is left out by the preset {}: {reason}. Switch {train} on \
                     under trains, or choose a preset that has it ({})",
                    preset.id,
                    with.join(", ")
                ),
            }
        };
        session.messages.push(message);
    }
    let trains = session.catalog.trains();
    let inner = trains
        .iter()
        .filter(|t| **t > start.train() && **t < to.train());
    for &train in inner {
        if session.catalog.recommended(train).is_none() && !via.iter().any(|r| r.train() == train) {
            session.messages.push(Message {
                origin: Origin::Via,
                text: format!(
                    "train {train} has only withdrawn releases, which are never recommended: \
                     to go through it anyway, pick one of them as the via release for {train}"
                ),
            });
        }
    }
}

/// Cisco: both units should run the same major and minor release in the long run.
fn parity(first: Release, other: Release, start: Release) -> String {
    let (a, b) = if first < other {
        (first, other)
    } else {
        (other, first)
    };
    let which = if a.train() == b.train() {
        format!(
            "The units run different releases of the same train ({a} and {b}): fine for \
             failover, which needs the same major and minor release"
        )
    } else {
        format!(
            "The units run different major or minor releases ({a} and {b}): Cisco recommends \
             the same major and minor release on both units in the long run, so bring them \
             together as soon as possible"
        )
    };
    format!("{which}. The plan starts from the older unit, {start}")
}

/// What the newer unit of a mismatched pair does while the plan runs from the older one: it
/// takes the same hops, except those that would take it backwards.
fn other_unit(catalog: &Catalog, plan: &Plan, other: Release) -> String {
    let joins = plan.hops.iter().position(|h| h.to > other);
    let Some(k) = joins else {
        let target = plan.hops.last().map_or(other, |h| h.to);
        return if target == other {
            format!("The other unit already runs the target {other}: it takes no hop")
        } else {
            format!(
                "The other unit, on {other}, is ahead of the target {target}: loading {target} \
                 on it would be a downgrade, which has no zero-downtime path. Choose {other} or \
                 later as the target, or plan that unit's downgrade separately"
            )
        };
    };
    let hop = &plan.hops[k];
    let how = match super::rules::judge(catalog, other, hop.to) {
        Ok(rule) => format!("{other} → {}, a {} hop", hop.to, rule.as_str()),
        Err(block) => format!("{other} → {}, which is blocked: {block}", hop.to),
    };
    if k == 0 {
        return format!("The other unit, on {other}, takes the same hops: its first is {how}");
    }
    let landed = plan.hops[0].to;
    if landed == other {
        return format!(
            "The other unit already runs {other}, where hop 1 lands: it skips hop 1 and joins at \
             hop 2: {how}"
        );
    }
    let span = if k == 1 {
        "hop 1".to_string()
    } else {
        format!("hops 1–{k}")
    };
    format!(
        "The other unit, on {other}, is ahead of {landed}, where hop 1 lands: loading {landed} \
         on it would be a downgrade. Leave it on {other} during {span} (upgrade only the older \
         unit, as the standby); it joins at hop {}: {how}",
        k + 1
    )
}

/// A text from the URL, cut for quoting in a message.
fn shorten(text: &str) -> String {
    match text.char_indices().nth(40) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}
