//! What a fleet adds up to, built one line at a time: counts by verdict ([`Tally`]), pairs with
//! the same path ([`Group`]) and the releases to stage with the pairs that need them
//! ([`Image`]).

use super::{LineOutcome, PairPlan};
use crate::domain::plan::Verdict;
use crate::domain::platform::Platform;
use crate::domain::release::Release;
use crate::domain::runbook::Mode;
use std::collections::{BTreeMap, HashMap};

/// How many lines gave what. Constant size: the command line keeps it on every path.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct Tally {
    pub ok: u64,
    /// Of the `ok` pairs, those legal by Table 81-1 whose plan Cisco later said is not
    /// zero-downtime (a `not-zero-downtime` warning).
    pub not_zero_downtime: u64,
    pub same: u64,
    pub downgrade: u64,
    pub no_path: u64,
    /// Lines that were not planned ([`LineOutcome::Bad`]).
    pub bad_lines: u64,
}

impl Tally {
    pub fn add(&mut self, outcome: &LineOutcome) {
        match outcome {
            LineOutcome::Skipped => {}
            LineOutcome::Bad(_) => self.bad_lines += 1,
            LineOutcome::Planned(pair) => match pair.verdict {
                Verdict::Ok => {
                    self.ok += 1;
                    self.not_zero_downtime += u64::from(pair.not_zero_downtime());
                }
                Verdict::Same => self.same += 1,
                Verdict::Downgrade => self.downgrade += 1,
                Verdict::NoPath => self.no_path += 1,
                // A fleet plans only lines whose fields read, so a planned pair is never
                // invalid or empty; counted as bad should the session ever say so.
                Verdict::Invalid | Verdict::Empty => self.bad_lines += 1,
            },
        }
    }

    /// Pairs planned (every verdict).
    pub fn pairs(&self) -> u64 {
        self.ok + self.same + self.downgrade + self.no_path
    }

    /// Some pair has no zero-downtime path (no path, or a downgrade).
    pub fn some_without_path(&self) -> bool {
        self.downgrade + self.no_path > 0
    }
}

/// Pairs that take the same path: the same start, the same hops, the same failover mode (and,
/// for a mismatched pair, the same release on the other unit), so one change plan serves all.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Group {
    /// Where the plan starts, then where each hop lands.
    pub path: Vec<Release>,
    pub mode: Mode,
    /// The newer unit's release when the pairs are mismatched.
    pub other_unit: Option<String>,
    /// The hardware model of the pairs (`None`: no model given).
    pub platform: Option<Platform>,
    /// The share link of the group's first pair: its change plan.
    pub share: String,
    /// The names of the pairs, in input order.
    pub pairs: Vec<String>,
    /// Legal by Table 81-1, but Cisco later said a hop of the path is not zero-downtime (the
    /// same path, the same caveats: true of every pair of the group).
    pub not_zero_downtime: bool,
}

impl Group {
    pub fn hops(&self) -> usize {
        self.path.len().saturating_sub(1)
    }
}

/// A planned pair that takes no hop: already on the target, or without a zero-downtime path.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct PairWithoutHops {
    pub line: Option<u64>,
    pub name: String,
    pub units: Vec<String>,
    pub target: String,
    pub verdict: Verdict,
    /// The pair's own single-pair plan (its share link), which says why.
    pub share: String,
}

/// A release the fleet passes through (a hop lands on it) and the pairs that need its image.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Image<'a> {
    pub release: Release,
    pub pairs: Vec<&'a str>,
    /// The image files of that release the pairs need, one per model family (the default
    /// names, to check against Cisco's download page), in the order the groups came.
    pub files: Vec<String>,
}

/// What makes pairs one group: path, failover mode, the other unit's release, the model.
type GroupKey = (Vec<Release>, &'static str, Option<String>, Option<Platform>);

/// The counts, groups and images of a fleet, built one planned line at a time.
///
/// Memory: the name of each pair (and the releases of those without hops), plus one entry per
/// distinct path; a pair's plan is not kept.
#[derive(Default, Debug)]
pub struct Summary {
    pub tally: Tally,
    groups: Vec<Group>,
    /// Group key → index in `groups`.
    index: HashMap<GroupKey, usize>,
    /// Share link → its group (`None`: no hops). A link names one request, so one plan: a
    /// fleet's pair finds its group by its link, without building and hashing its path.
    by_share: HashMap<String, Option<usize>>,
    /// Release → the groups whose hops land on it, ascending.
    images: BTreeMap<Release, Vec<usize>>,
    without_hops: Vec<PairWithoutHops>,
}

impl Summary {
    pub fn add(&mut self, outcome: &LineOutcome) {
        self.tally.add(outcome);
        if let LineOutcome::Planned(pair) = outcome {
            self.add_pair(pair);
        }
    }

    /// Adds a pair with a path to its group; a pair without hops to those.
    fn add_pair(&mut self, pair: &PairPlan) {
        let group = match self.by_share.get(pair.share.as_str()) {
            Some(&group) => group,
            None => {
                let group = self.group_of(pair);
                if self.by_share.len() >= super::MEMO_LIMIT {
                    self.by_share.clear();
                }
                self.by_share.insert(pair.share.clone(), group);
                group
            }
        };
        let name = pair.name.clone().unwrap_or_default();
        match group.and_then(|g| self.groups.get_mut(g)) {
            Some(group) => group.pairs.push(name),
            None => self.without_hops.push(PairWithoutHops {
                line: pair.line,
                name,
                units: pair.units.clone(),
                target: pair.target.clone(),
                verdict: pair.verdict,
                share: pair.share.clone(),
            }),
        }
    }

    /// The index of the group of a pair's path, a new empty group if it is the first; `None`
    /// for a pair without hops.
    fn group_of(&mut self, pair: &PairPlan) -> Option<usize> {
        let path: Vec<Release> = pair.path().collect();
        let start = path.first()?.to_string();
        let other_unit = pair
            .units
            .iter()
            .find(|u| pair.units.len() > 1 && **u != start)
            .cloned();
        let key = (path, pair.mode.as_str(), other_unit, pair.platform);
        if let Some(&i) = self.index.get(&key) {
            return Some(i);
        }
        let i = self.groups.len();
        for &landing in key.0.iter().skip(1) {
            self.images.entry(landing).or_default().push(i);
        }
        self.groups.push(Group {
            path: key.0.clone(),
            mode: pair.mode,
            other_unit: key.2.clone(),
            platform: key.3,
            share: pair.share.clone(),
            pairs: Vec::new(),
            not_zero_downtime: pair.not_zero_downtime(),
        });
        self.index.insert(key, i);
        Some(i)
    }

    /// The groups in the order their first pair came.
    pub fn groups(&self) -> &[Group] {
        &self.groups
    }

    /// The planned pairs that take no hop, in input order.
    pub fn without_hops(&self) -> &[PairWithoutHops] {
        &self.without_hops
    }

    /// Every release a hop lands on, ascending, with the indices in [`Summary::groups`] of
    /// the groups that need it (the pairs of [`Summary::images`] without listing them).
    pub fn image_groups(&self) -> impl Iterator<Item = (Release, &[usize])> {
        self.images
            .iter()
            .map(|(&release, groups)| (release, groups.as_slice()))
    }

    /// Every release a hop lands on, ascending, with the pairs that need it (by group, in
    /// input order within a group).
    pub fn images(&self) -> impl Iterator<Item = Image<'_>> {
        self.images.iter().map(|(&release, groups)| Image {
            release,
            pairs: groups
                .iter()
                .flat_map(|&g| self.groups[g].pairs.iter().map(String::as_str))
                .collect(),
            files: self.files(release, groups),
        })
    }

    /// The image files of `release` that `groups` need: the name each group's runbook copies
    /// by default (its model's family, or with none the family of the models that run its
    /// whole path), each once, in group order.
    pub fn files(&self, release: Release, groups: &[usize]) -> Vec<String> {
        let mut files: Vec<String> = Vec::new();
        for g in groups.iter().filter_map(|&g| self.groups.get(g)) {
            let file = crate::domain::runbook::path_default_image(&g.path, g.platform, release);
            if !files.contains(&file) {
                files.push(file);
            }
        }
        files
    }
}
