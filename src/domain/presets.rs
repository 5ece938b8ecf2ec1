//! Platform presets: which trains a platform runs, each exclusion citing its fact.
//!
//! The 8.x guide's major-release rule needs "the last minor release of 8.x", and which train
//! that is depends on the platform: 8.1, 8.5, 8.6 and 8.7 are platform trains, so on an ASA
//! 5500/5500-X the practical last 8.x minor is 8.4 (the ASA 9.1 release notes' upgrade-path
//! table goes from 8.4 to 9.x). A preset is the set of trains a platform runs, written as the
//! trains it leaves out, each with the Cisco document behind it. A platform's trains that no
//! source names (e.g. when the 5580 first shipped) are kept.

use super::platform::ASA_COMPATIBILITY;
use super::release::Train;
use super::sources::{Source, ADVISORY_1000V, LICENSE_ROADMAP};

/// A train left out by a preset, why, and the document that says so.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Exclusion {
    pub train: Train,
    pub reason: &'static str,
    pub source: Source,
    /// Commonly cited but not verified in a Cisco document: said wherever the exclusion
    /// shapes a plan (SPEC §5.1: an assumption is labelled, never silent).
    pub assumed: bool,
}

/// A named set of trains: every train of the catalog except the excluded ones.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Preset {
    /// URL value, e.g. `asa5500`.
    pub id: &'static str,
    pub label: &'static str,
    pub excluded: &'static [Exclusion],
    /// No single platform runs this set of trains: a what-if, which says so (SPEC §5).
    pub what_if: bool,
}

impl Preset {
    /// Why this preset leaves `train` out, or `None` when it keeps it.
    pub fn exclusion(&self, train: Train) -> Option<&'static Exclusion> {
        self.excluded.iter().find(|e| e.train == train)
    }

    /// For a what-if preset, the trains it keeps that no single platform runs together: the
    /// platform trains, which other presets leave out. `None` for a platform's preset.
    pub fn what_if_trains(&self) -> Option<Vec<Train>> {
        if !self.what_if {
            return None;
        }
        let mut trains: Vec<Train> = PRESETS
            .iter()
            .flat_map(|p| p.excluded.iter().map(|e| e.train))
            .filter(|t| self.exclusion(*t).is_none())
            .collect();
        trains.sort_unstable();
        trains.dedup();
        Some(trains)
    }
}

const fn train(major: u16, minor: u16) -> Train {
    Train { major, minor }
}

const ONLY_5580: Exclusion = Exclusion {
    train: train(8, 1),
    reason: "8.1 runs on the ASA 5580 only",
    source: LICENSE_ROADMAP,
    assumed: false,
};
const ONLY_ASASM: Exclusion = Exclusion {
    train: train(8, 5),
    reason: "8.5 runs on the ASA Services Module only",
    source: LICENSE_ROADMAP,
    assumed: false,
};
const PLATFORM_86: Exclusion = Exclusion {
    train: train(8, 6),
    reason: "8.6 is a platform train, grouped with 8.4 in Cisco's license roadmap; which \
             models run it is unverified",
    source: LICENSE_ROADMAP,
    assumed: false,
};
const ONLY_1000V: Exclusion = Exclusion {
    train: train(8, 7),
    reason: "8.7 runs on the ASA 1000V Cloud Firewall only",
    source: ADVISORY_1000V,
    assumed: false,
};

/// SPEC §5.1 lists "the 5585-X has no 8.3 [check]" among the facts to verify. It could not be
/// verified here (Cisco's compatibility guide was not readable), so it is applied as a labelled
/// assumption (`assumed`): the model's first train is taken to be 8.2 (itself assumed) and its
/// next 8.4, and a plan on a 5585-X neither passes through nor starts or ends in 8.3. The
/// reason says where to check it and how to plan through 8.3 if a box does run it (no model).
/// `data/reference/asa-facts.md` §1.6 says the same.
pub const NO_83_ON_5585X: Exclusion = Exclusion {
    train: train(8, 3),
    reason: "the ASA 5585-X is said not to run 8.3 (its first train is taken to be 8.2, and \
             its next 8.4); check Cisco's compatibility list, and choose no model to plan \
             through 8.3 if yours runs it",
    source: ASA_COMPATIBILITY,
    assumed: true,
};

/// All presets; the first is the default (ASA 5500 series: 8.4 is the last minor of 8.x).
pub const PRESETS: &[Preset] = &[
    Preset {
        id: "asa5500",
        label: "ASA 5500 / 5500-X (last 8.x minor: 8.4)",
        excluded: &[ONLY_5580, ONLY_ASASM, PLATFORM_86, ONLY_1000V],
        what_if: false,
    },
    Preset {
        id: "asa5580",
        label: "ASA 5580 (runs 8.1; last 8.x minor: 8.4)",
        excluded: &[ONLY_ASASM, PLATFORM_86, ONLY_1000V],
        what_if: false,
    },
    Preset {
        id: "asasm",
        label: "ASA Services Module (last 8.x minor: 8.5)",
        excluded: &[ONLY_5580, PLATFORM_86, ONLY_1000V],
        what_if: false,
    },
    Preset {
        id: "asa5500x",
        label: "ASA 5500-X (runs 8.6; last 8.x minor: 8.6)",
        excluded: &[ONLY_5580, ONLY_ASASM, ONLY_1000V],
        what_if: false,
    },
    Preset {
        id: "all",
        label: "All trains, a what-if: no single platform runs 8.1, 8.5, 8.6 and 8.7 (last 8.x \
                minor: 8.7)",
        excluded: &[],
        what_if: true,
    },
];

pub fn default_preset() -> &'static Preset {
    &PRESETS[0]
}

/// The preset with this URL value (ASCII case and surrounding blanks ignored).
pub fn find(id: &str) -> Option<&'static Preset> {
    let id = id.trim();
    PRESETS.iter().find(|p| p.id.eq_ignore_ascii_case(id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_leaves_out_the_platform_trains() {
        let p = default_preset();
        assert_eq!(p.id, "asa5500");
        let out: Vec<String> = p.excluded.iter().map(|e| e.train.to_string()).collect();
        assert_eq!(out, ["8.1", "8.5", "8.6", "8.7"]);
        assert_eq!(p.exclusion(train(8, 4)), None);
        assert!(p
            .excluded
            .iter()
            .all(|e| e.source.url.starts_with("https://") && !e.reason.contains("asa-facts")));
    }

    #[test]
    fn ids_are_unique_and_found() {
        for (i, p) in PRESETS.iter().enumerate() {
            assert_eq!(find(p.id), Some(p));
            assert!(PRESETS[..i].iter().all(|q| q.id != p.id));
        }
        assert_eq!(find(" ASASM "), Some(&PRESETS[2]));
        assert_eq!(find("asa9999"), None);
    }

    #[test]
    fn only_the_all_preset_is_a_what_if_and_its_label_names_the_platform_trains() {
        for p in PRESETS {
            assert_eq!(p.what_if, p.id == "all", "{}", p.id);
            assert_eq!(p.what_if_trains().is_some(), p.what_if, "{}", p.id);
        }
        let all = find("all")
            .and_then(Preset::what_if_trains)
            .unwrap_or_default();
        let names: Vec<String> = all.iter().map(Train::to_string).collect();
        assert_eq!(names, ["8.1", "8.5", "8.6", "8.7"]);
        let label = find("all").map(|p| p.label).unwrap_or_default();
        assert!(
            label.contains("what-if") && label.contains("8.1, 8.5, 8.6 and 8.7"),
            "{label}"
        );
    }
}
