//! Hardware models (SPEC §5.1): a person knows their box, not its train set.
//!
//! Each family has its first and last release train (each bound with its source and confidence,
//! or marked as an assumption: "commonly cited, not verified here"), its image file family (the
//! runbook's default image names follow it, the version spelled as that family spells it), its
//! procedure kind, and the train preset it implies for 7.x/8.x. The table is checked against
//! `data/reference/asa-platforms.json` by `tests/platform.rs`, so the data a person can read and
//! the data the planner uses do not drift.
//!
//! ```
//! use asa_planner::domain::platform::Platform;
//! let p: Platform = " ASA5525X ".parse().unwrap();
//! assert_eq!(p.as_str(), "asa5525x");
//! assert_eq!(p.last().map(|b| b.train.to_string()), Some("9.14".to_string()));
//! assert!("asa9999".parse::<Platform>().is_err());
//! ```

use super::presets::{self, Exclusion};
use super::release::{Release, Train};
use super::sources::{Confidence, Source, LICENSE_ROADMAP};
use std::fmt;
use std::str::FromStr;

/// A hardware family of SPEC §5.1.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub enum Platform {
    Asa5505,
    Asa5510,
    Asa5580,
    Asa5512x,
    Asa5525x,
    Asa5585x,
    Asa5506x,
    Asasm,
    Fp1000,
    Fp2100,
    Fp3100,
    Fp4200,
    Fp4100,
    Asav,
    Isa3000,
}

/// What a train bound rests on.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Basis {
    /// Read in a public document, with how sure that reading is.
    Read {
        source: Source,
        confidence: Confidence,
    },
    /// Commonly cited, not verified here: offered as a labelled assumption the person can
    /// change (pick another model, or none).
    Assumed,
}

/// A first or last train of a model, and what says so.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Bound {
    pub train: Train,
    pub basis: Basis,
}

impl Bound {
    /// The document behind the bound, if any.
    pub fn source(&self) -> Option<Source> {
        match self.basis {
            Basis::Read { source, .. } => Some(source),
            Basis::Assumed => None,
        }
    }

    pub fn is_assumed(&self) -> bool {
        self.basis == Basis::Assumed
    }
}

/// How a family names its image files (SPEC §6, facts §1.5).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ImageFamily {
    /// `asa<version>-k8.bin` (ASA 5505, 5510–5550, 5580).
    Legacy,
    /// `asa<version>-smp-k8.bin` (ASA 5512-X…5555-X, 5585-X, ASA Services Module, ASA Virtual).
    Smp,
    /// `asa<version>-lfbff-k8.SPA` (ASA 5506-X/5508-X/5516-X, ISA 3000).
    Lfbff,
    /// `cisco-asa-fp1k.<dotted>.SPA`.
    Fp1k,
    /// `cisco-asa-fp2k.<dotted>.SPA`.
    Fp2k,
    /// `cisco-asa-fp3k.<dotted>.SPA`.
    Fp3k,
    /// `cisco-asa-fp4200.<dotted>.SPA`.
    Fp4200,
    /// `cisco-asa.<dotted>.SPA.csp` (Firepower 4100/9300, installed through FXOS).
    Csp,
}

impl ImageFamily {
    /// The family's id in `data/reference/asa-platforms.json`.
    pub fn as_str(self) -> &'static str {
        match self {
            ImageFamily::Legacy => "legacy",
            ImageFamily::Smp => "smp",
            ImageFamily::Lfbff => "lfbff",
            ImageFamily::Fp1k => "fp1k",
            ImageFamily::Fp2k => "fp2k",
            ImageFamily::Fp3k => "fp3k",
            ImageFamily::Fp4200 => "fp4200",
            ImageFamily::Csp => "csp",
        }
    }

    /// The default file name of `release` in this family, the version spelled as the family
    /// spells it: `asa9101-smp-k8.bin`, `asa9-12-4-37-smp-k8.bin`, `cisco-asa-fp2k.9.16.4.SPA`.
    pub fn file(self, release: Release) -> String {
        let (prefix, suffix, dotted) = match self {
            ImageFamily::Legacy => ("asa", "-k8.bin", false),
            ImageFamily::Smp => ("asa", "-smp-k8.bin", false),
            ImageFamily::Lfbff => ("asa", "-lfbff-k8.SPA", false),
            ImageFamily::Fp1k => ("cisco-asa-fp1k.", ".SPA", true),
            ImageFamily::Fp2k => ("cisco-asa-fp2k.", ".SPA", true),
            ImageFamily::Fp3k => ("cisco-asa-fp3k.", ".SPA", true),
            ImageFamily::Fp4200 => ("cisco-asa-fp4200.", ".SPA", true),
            ImageFamily::Csp => ("cisco-asa.", ".SPA.csp", true),
        };
        let version = if dotted {
            dotted_version(release)
        } else {
            bin_version(release)
        };
        format!("{prefix}{version}{suffix}")
    }
}

/// The version token of the `asa…` files: run together up to 9.10 while the maintenance number
/// is one digit (`asa9101`, `asa847-30`), dashed from 9.12 (`asa9-12-4-37`); the interim build
/// follows a dash.
pub fn bin_version(release: Release) -> String {
    let Release {
        major,
        minor,
        maintenance,
        interim,
    } = release;
    let mut v = if (major, minor) <= (9, 10) && maintenance < 10 {
        format!("{major}{minor}{maintenance}")
    } else {
        format!("{major}-{minor}-{maintenance}")
    };
    if let Some(i) = interim {
        v.push_str(&format!("-{i}"));
    }
    v
}

/// The dotted version token of the `.SPA` families: `9.16.4`, `9.16.4.85`.
pub fn dotted_version(release: Release) -> String {
    let Release {
        major,
        minor,
        maintenance,
        interim,
    } = release;
    match interim {
        Some(i) => format!("{major}.{minor}.{maintenance}.{i}"),
        None => format!("{major}.{minor}.{maintenance}"),
    }
}

/// How the ASA software of a model is upgraded (SPEC §5.1).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Procedure {
    /// `boot system` on the ASA itself, with the old image as a fallback line.
    BootSystem,
    /// A single `boot system` line, which unpacks the image package when entered (Firepower
    /// 1000, 2100 in appliance mode, Secure Firewall 3100 and 4200). `platform_mode`: the model
    /// also runs in platform mode, where the ASA is upgraded through FXOS instead.
    ///
    /// Read (H): Cisco's FXOS compatibility page says these models use FXOS only as an
    /// underlying operating system carried inside the ASA image bundle, so there is no separate
    /// FXOS step in appliance mode. Not read here: the single-line and unpack-on-entry
    /// behaviour of `boot system`, and whether a second (fallback) line is refused; the notice
    /// links [`BOOT_SYSTEM_COMMAND`] for the person to check (facts §1.6).
    SingleBootLine { platform_mode: bool },
    /// Through FXOS or the chassis manager (Firepower 4100/9300): the ASA command-line runbook
    /// does not apply.
    Fxos,
}

impl Procedure {
    /// `boot-system` | `single-boot-line` | `fxos`.
    pub fn as_str(self) -> &'static str {
        match self {
            Procedure::BootSystem => "boot-system",
            Procedure::SingleBootLine { .. } => "single-boot-line",
            Procedure::Fxos => "fxos",
        }
    }
}

/// Everything known about one family.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Facts {
    pub platform: Platform,
    pub id: &'static str,
    pub label: &'static str,
    pub first: Bound,
    /// `None`: still current (no last train).
    pub last: Option<Bound>,
    pub image: ImageFamily,
    pub procedure: Procedure,
    /// The train preset the model implies for 7.x/8.x (`presets::find`).
    pub preset: &'static str,
}

const fn t(major: u16, minor: u16) -> Train {
    Train { major, minor }
}

const fn assumed(major: u16, minor: u16) -> Bound {
    Bound {
        train: t(major, minor),
        basis: Basis::Assumed,
    }
}

const fn read(major: u16, minor: u16, source: Source, confidence: Confidence) -> Bound {
    Bound {
        train: t(major, minor),
        basis: Basis::Read { source, confidence },
    }
}

/// The ASA 9.17 "New Features" page: "We introduced the ASA for the Secure Firewall 3110, 3120,
/// 3130, and 3140."
pub const NEW_FEATURES_917: Source = Source {
    title: "Cisco ASA 9.17 General Operations Configuration Guide: New Features",
    url: "https://cisco.com/c/en/us/td/docs/security/asa/asa917/configuration/general/asa-917-general-config/intro-intro.html",
};

/// Whether the model runs multiple context mode (and so Active/Active failover, which needs
/// it). Only the ASA 5505 is known not to, from Cisco's own guideline
/// ([`crate::domain::sources::ASA5505_NO_CONTEXTS`]); for every other model nothing is claimed.
pub fn has_contexts(platform: Platform) -> bool {
    platform != Platform::Asa5505
}

/// Cisco's ASA compatibility guide: the models and releases each runs (not readable here; the
/// page links it for the person to check the assumed bounds).
pub const ASA_COMPATIBILITY: Source = Source {
    title: "Cisco Secure Firewall ASA Compatibility",
    url: "https://www.cisco.com/c/en/us/td/docs/security/asa/compatibility/asamatrx.html",
};

/// The FXOS upgrade guide's compatibility page: on the Firepower 4100/9300, FXOS first, then
/// the ASA, in steps each FXOS release supports.
pub const FXOS_UPGRADE_COMPATIBILITY: Source = Source {
    title: "Cisco Firepower 4100/9300 FXOS Upgrade Guide: Compatibility",
    url: "https://www.cisco.com/c/en/us/td/docs/security/firepower/fxos/upgrade/b_FXOSUpgrade/compatibility.html",
};

/// The FXOS chassis manager guide (2.16), image management: on the Firepower 4100/9300,
/// changing an ASA logical device's startup version upgrades the ASA to that version and keeps
/// its configuration (read in Cisco's page, H).
pub const FXOS_IMAGE_MANAGEMENT: Source = Source {
    title: "Cisco Firepower 4100/9300 FXOS Chassis Manager Configuration Guide, 2.16: Image Management",
    url: "https://www.cisco.com/c/en/us/td/docs/security/firepower/fxos/fxos2160/web-guide/b_GUI_FXOS_ConfigGuide_216/image_management.html",
};

/// The ASA upgrade guide: per-model procedures (appliance mode, FXOS, chassis manager).
pub const ASA_UPGRADE_GUIDE: Source = Source {
    title: "Cisco Secure Firewall ASA Upgrade Guide",
    url: "https://www.cisco.com/c/en/us/td/docs/security/asa/upgrade/asa-upgrade.html",
};

/// The ASA command reference, `boot system`: how many lines a model takes and what entering
/// one does.
pub const BOOT_SYSTEM_COMMAND: Source = Source {
    title: "Cisco Secure Firewall ASA Series Command Reference, A-H Commands: boot system",
    url: "https://www.cisco.com/c/en/us/td/docs/security/asa/asa-cli-reference/A-H/asa-command-ref-A-H/b-commands.html",
};

/// Cisco's ASA 9.13 release notes: where appliance mode on the Firepower 2100 is said to have
/// come, with ASA 9.13(1). Not checked here against its text: the notice that cites it labels
/// the fact an assumption.
pub const RELEASE_NOTES_913: Source = Source {
    title: "Cisco Secure Firewall ASA Release Notes, 9.13(x)",
    url: "https://www.cisco.com/c/en/us/td/docs/security/asa/asa913/release/notes/asarn913.html",
};

/// Cisco's ASA upgrade guide, chapter "Upgrade the Firepower 2100" (platform mode; read in its
/// Chinese edition, H, facts §4.3): the ASA bundle is installed through FXOS or the chassis
/// manager, the standby unit first, then the upgraded unit is made active, then the former
/// active is upgraded.
pub const FP2100_PLATFORM_MODE_UPGRADE: Source = Source {
    title: "Cisco Secure Firewall ASA Upgrade Guide: Upgrade the Firepower 2100 (platform mode)",
    url: "https://www.cisco.com/c/zh_cn/td/docs/security/asa/upgrade/asa-upgrade/asa-upgrade_chapter_01.html",
};

/// The first train in which a model that also runs platform mode (the Firepower 2100) runs in
/// appliance mode: ASA 9.13(1), per [`RELEASE_NOTES_913`] (assumed: commonly cited, not verified
/// here). Before it the 2100 runs only in platform mode, and a pair upgraded from 9.12 or
/// earlier stays in platform mode unless converted, so a plan starting before it follows the
/// FXOS path ([`ProcedureNotice::PlatformModeOnly`]).
pub const APPLIANCE_MODE_FROM: Bound = assumed(9, 13);

/// Every family, in the order of SPEC §5.1.
pub const FACTS: [Facts; 15] = [
    Facts {
        platform: Platform::Asa5505,
        id: "asa5505",
        label: "ASA 5505",
        first: assumed(7, 2),
        last: Some(assumed(9, 2)),
        image: ImageFamily::Legacy,
        procedure: Procedure::BootSystem,
        preset: "asa5500",
    },
    Facts {
        platform: Platform::Asa5510,
        id: "asa5510",
        label: "ASA 5510/5520/5540/5550",
        first: assumed(7, 0),
        last: Some(assumed(9, 1)),
        image: ImageFamily::Legacy,
        procedure: Procedure::BootSystem,
        preset: "asa5500",
    },
    Facts {
        platform: Platform::Asa5580,
        id: "asa5580",
        label: "ASA 5580",
        first: read(8, 1, LICENSE_ROADMAP, Confidence::Low),
        last: Some(assumed(9, 1)),
        image: ImageFamily::Legacy,
        procedure: Procedure::BootSystem,
        preset: "asa5580",
    },
    Facts {
        platform: Platform::Asa5512x,
        id: "asa5512x",
        label: "ASA 5512-X/5515-X",
        first: assumed(8, 6),
        last: Some(assumed(9, 12)),
        image: ImageFamily::Smp,
        procedure: Procedure::BootSystem,
        preset: "asa5500x",
    },
    Facts {
        platform: Platform::Asa5525x,
        id: "asa5525x",
        label: "ASA 5525-X/5545-X/5555-X",
        first: assumed(8, 6),
        last: Some(assumed(9, 14)),
        image: ImageFamily::Smp,
        procedure: Procedure::BootSystem,
        preset: "asa5500x",
    },
    Facts {
        platform: Platform::Asa5585x,
        id: "asa5585x",
        label: "ASA 5585-X",
        first: assumed(8, 2),
        last: Some(assumed(9, 12)),
        image: ImageFamily::Smp,
        procedure: Procedure::BootSystem,
        preset: "asa5500",
    },
    Facts {
        platform: Platform::Asa5506x,
        id: "asa5506x",
        label: "ASA 5506-X/5508-X/5516-X (and H/W variants)",
        first: assumed(9, 3),
        last: Some(assumed(9, 16)),
        image: ImageFamily::Lfbff,
        procedure: Procedure::BootSystem,
        preset: "asa5500",
    },
    Facts {
        platform: Platform::Asasm,
        id: "asasm",
        label: "ASA Services Module",
        first: read(8, 5, LICENSE_ROADMAP, Confidence::Low),
        last: Some(assumed(9, 12)),
        image: ImageFamily::Smp,
        procedure: Procedure::BootSystem,
        preset: "asasm",
    },
    Facts {
        platform: Platform::Fp1000,
        id: "fp1000",
        label: "Firepower 1000",
        first: assumed(9, 13),
        last: None,
        image: ImageFamily::Fp1k,
        procedure: Procedure::SingleBootLine {
            platform_mode: false,
        },
        preset: "asa5500",
    },
    Facts {
        platform: Platform::Fp2100,
        id: "fp2100",
        label: "Firepower 2100",
        first: assumed(9, 8),
        last: Some(assumed(9, 20)),
        image: ImageFamily::Fp2k,
        procedure: Procedure::SingleBootLine {
            platform_mode: true,
        },
        preset: "asa5500",
    },
    Facts {
        platform: Platform::Fp3100,
        id: "fp3100",
        label: "Secure Firewall 3100",
        first: read(9, 17, NEW_FEATURES_917, Confidence::High),
        last: None,
        image: ImageFamily::Fp3k,
        procedure: Procedure::SingleBootLine {
            platform_mode: false,
        },
        preset: "asa5500",
    },
    Facts {
        platform: Platform::Fp4200,
        id: "fp4200",
        label: "Secure Firewall 4200",
        first: assumed(9, 20),
        last: None,
        image: ImageFamily::Fp4200,
        procedure: Procedure::SingleBootLine {
            platform_mode: false,
        },
        preset: "asa5500",
    },
    Facts {
        platform: Platform::Fp4100,
        id: "fp4100",
        label: "Firepower 4100/9300",
        first: assumed(9, 4),
        last: None,
        image: ImageFamily::Csp,
        procedure: Procedure::Fxos,
        preset: "asa5500",
    },
    Facts {
        platform: Platform::Asav,
        id: "asav",
        label: "ASA Virtual",
        first: assumed(9, 2),
        last: None,
        image: ImageFamily::Smp,
        procedure: Procedure::BootSystem,
        preset: "asa5500",
    },
    Facts {
        platform: Platform::Isa3000,
        id: "isa3000",
        label: "ISA 3000",
        first: assumed(9, 4),
        last: None,
        image: ImageFamily::Lfbff,
        procedure: Procedure::BootSystem,
        preset: "asa5500",
    },
];

impl Platform {
    /// Every family, in the order of SPEC §5.1 (the order a model `<select>` lists them).
    pub const ALL: [Platform; 15] = [
        Platform::Asa5505,
        Platform::Asa5510,
        Platform::Asa5580,
        Platform::Asa5512x,
        Platform::Asa5525x,
        Platform::Asa5585x,
        Platform::Asa5506x,
        Platform::Asasm,
        Platform::Fp1000,
        Platform::Fp2100,
        Platform::Fp3100,
        Platform::Fp4200,
        Platform::Fp4100,
        Platform::Asav,
        Platform::Isa3000,
    ];

    pub fn facts(self) -> &'static Facts {
        // FACTS is in the order of ALL (checked by a test), so the index is the position.
        &FACTS[self as usize]
    }

    /// The share-link and CSV id, e.g. `asa5525x`.
    pub fn as_str(self) -> &'static str {
        self.facts().id
    }

    /// The family's name for a person, e.g. "ASA 5525-X/5545-X/5555-X".
    pub fn label(self) -> &'static str {
        self.facts().label
    }

    pub fn first(self) -> Bound {
        self.facts().first
    }

    /// `None` when the family is still current.
    pub fn last(self) -> Option<Bound> {
        self.facts().last
    }

    pub fn image(self) -> ImageFamily {
        self.facts().image
    }

    pub fn procedure(self) -> Procedure {
        self.facts().procedure
    }

    /// The train preset the model implies for 7.x/8.x.
    pub fn preset(self) -> &'static str {
        self.facts().preset
    }

    /// Whether the model runs releases of `train`: within its first and last train, and not
    /// left out by the preset it implies for 7.x/8.x ([`Platform::exclusion`]). This holds
    /// whatever preset or train set a person chooses: those can narrow the model's trains,
    /// never widen them (SPEC §5.1: no plan passes through a release the model cannot run).
    pub fn runs(self, train: Train) -> bool {
        self.in_range(train) && self.exclusion(train).is_none()
    }

    /// Why the model does not run `train` although it lies within its first and last train:
    /// the preset the model implies leaves it out (8.6 on an ASA 5580), with that preset's
    /// reason and source. `None` outside the range, where the bounds say why.
    pub fn exclusion(self, train: Train) -> Option<&'static Exclusion> {
        if !self.in_range(train) {
            return None;
        }
        presets::find(self.preset())
            .and_then(|p| p.exclusion(train))
            .or_else(|| self.own_exclusions().iter().find(|e| e.train == train))
    }

    /// Trains of the model's range that its preset keeps but the model itself is said not to
    /// run (SPEC §5.1's facts to check), each a labelled assumption with where to check it.
    fn own_exclusions(self) -> &'static [Exclusion] {
        match self {
            Platform::Asa5585x => &[presets::NO_83_ON_5585X],
            _ => &[],
        }
    }

    /// Whether `train` lies within the model's first and last train.
    fn in_range(self, train: Train) -> bool {
        train >= self.first().train && self.last().is_none_or(|l| train <= l.train)
    }

    /// Why the model cannot run `release`, if it cannot: the bound it falls outside of, or,
    /// inside the range, the exclusion of its train (8.3 on a 5585-X, 8.6 on a 5505). Either
    /// refuses the request the same way (SPEC §5.1): a preset or train set cannot widen a
    /// model, so no switch would bring the train back.
    pub fn limit(self, release: Release) -> Option<Limit> {
        let train = release.train();
        if train < self.first().train {
            return Some(Limit::BelowFirst(self.first()));
        }
        match self.last() {
            Some(last) if train > last.train => Some(Limit::AboveLast(last)),
            _ => self.exclusion(train).map(Limit::NotRun),
        }
    }

    /// Every family with its id and label, for a model choice (`<option value=id>label`).
    pub fn choices() -> impl Iterator<Item = (&'static str, &'static str)> {
        FACTS.iter().map(|f| (f.id, f.label))
    }

    /// The ids, comma separated: what an error about an unknown id lists.
    pub fn ids() -> String {
        let ids: Vec<&str> = FACTS.iter().map(|f| f.id).collect();
        ids.join(", ")
    }
}

/// Why a model cannot run a release: it falls outside one end of the model's range, or its
/// train, inside the range, is one the model does not run.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Limit {
    BelowFirst(Bound),
    AboveLast(Bound),
    /// Inside the range, a train the model does not run: the exclusion says why, with its
    /// source and whether it is an assumption.
    NotRun(&'static Exclusion),
}

impl Limit {
    /// The bound the release falls outside of (`None` for a train the model does not run).
    pub fn bound(self) -> Option<Bound> {
        match self {
            Limit::BelowFirst(b) | Limit::AboveLast(b) => Some(b),
            Limit::NotRun(_) => None,
        }
    }

    /// The document the fact was read in, if any (an assumed bound has none).
    pub fn source(self) -> Option<Source> {
        match self {
            Limit::BelowFirst(b) | Limit::AboveLast(b) => b.source(),
            Limit::NotRun(e) => Some(e.source),
        }
    }

    /// Whether the fact is an assumption ("commonly cited, not verified here").
    pub fn is_assumed(self) -> bool {
        match self {
            Limit::BelowFirst(b) | Limit::AboveLast(b) => b.is_assumed(),
            Limit::NotRun(e) => e.assumed,
        }
    }

    /// How sure the reading is, for a fact read with a confidence (`None` for an assumption
    /// and for an exclusion, which carries none).
    pub fn confidence(self) -> Option<Confidence> {
        match self.bound().map(|b| b.basis) {
            Some(Basis::Read { confidence, .. }) => Some(confidence),
            _ => None,
        }
    }
}

impl fmt::Display for Platform {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A model id that is not one of [`Platform::ALL`].
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct UnknownPlatform {
    pub text: String,
}

impl fmt::Display for UnknownPlatform {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut text: String = self.text.chars().take(40).collect();
        if self.text.chars().count() > 40 {
            text.push('…');
        }
        write!(
            f,
            "'{text}' is not a model id: use one of {}",
            Platform::ids()
        )
    }
}

impl std::error::Error for UnknownPlatform {}

impl FromStr for Platform {
    type Err = UnknownPlatform;

    /// An id, any ASCII case, blanks around it ignored; `-` and `_` inside are ignored too
    /// (`ASA5525-X` reads as `asa5525x`).
    fn from_str(text: &str) -> Result<Platform, UnknownPlatform> {
        let key: String = text
            .trim()
            .chars()
            .filter(|c| *c != '-' && *c != '_')
            .map(|c| c.to_ascii_lowercase())
            .collect();
        FACTS
            .iter()
            .find(|f| f.id == key)
            .map(|f| f.platform)
            .ok_or_else(|| UnknownPlatform {
                text: text.trim().chars().filter(|c| !c.is_control()).collect(),
            })
    }
}

/// The default image file name of `release` on `platform`; with no model chosen, the ASA
/// 5500/5500-X guess: `-k8.bin` before 9.2, `-smp-k8.bin` from 9.2 on.
pub fn default_image(platform: Option<Platform>, release: Release) -> String {
    match platform {
        Some(p) => p.image().file(release),
        None if (release.major, release.minor) >= (9, 2) => ImageFamily::Smp.file(release),
        None => ImageFamily::Legacy.file(release),
    }
}

/// The default image file name of `release` in a plan whose highest release is `top`. A
/// chosen model names its own family. With no model the plan keeps one family throughout, so
/// that a hop's `no boot system` line names the image the unit really boots: a pair that
/// reaches 9.2 or later is an ASA 5500-X or newer (`-smp-k8.bin` for every release), any
/// other the ASA 5500 series (`-k8.bin`).
pub fn plan_image(platform: Option<Platform>, top: Release, release: Release) -> String {
    match platform {
        Some(p) => p.image().file(release),
        None if (top.major, top.minor) >= (9, 2) => ImageFamily::Smp.file(release),
        None => ImageFamily::Legacy.file(release),
    }
}

/// The image family of the models that run every one of `releases` (their trains), when
/// those models share one family; `None` when no model runs them all, or the models that do
/// name their files in more than one family (then [`plan_image`]'s guess stands).
pub fn shared_family(releases: &[Release]) -> Option<ImageFamily> {
    let mut families = Platform::ALL
        .iter()
        .filter(|p| releases.iter().all(|r| p.runs(r.train())))
        .map(|p| p.image());
    let first = families.next()?;
    families.all(|f| f == first).then_some(first)
}

/// What the runbook shows about how a model is upgraded, beyond the ASA command-line steps.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ProcedureNotice {
    /// Firepower 4100/9300: upgraded through FXOS or the chassis manager; FXOS first to a
    /// release that supports both the running and the target ASA, then the ASA (standby
    /// first), in steps. The ASA command-line runbook is not shown.
    Fxos { platform: Platform },
    /// A single `boot system` line that unpacks the image when entered: no fallback line.
    /// `platform_mode`: in platform mode (Firepower 2100) the FXOS path applies instead.
    SingleBootLine {
        platform: Platform,
        platform_mode: bool,
    },
    /// A model that also runs platform mode (Firepower 2100), on a plan that starts before
    /// appliance mode came ([`APPLIANCE_MODE_FROM`]): the pair is in platform mode, upgraded
    /// through FXOS or the chassis manager. The ASA command-line runbook is not shown (SPEC
    /// §5.1: the page does not pretend it applies).
    PlatformModeOnly { platform: Platform },
}

impl ProcedureNotice {
    /// The notice for `platform` on a plan that starts at `start` (none for the `boot system`
    /// with fallback kind). A model that also runs platform mode, on a plan starting before
    /// [`APPLIANCE_MODE_FROM`], is on the FXOS path; with no start known, its usual notice.
    pub fn of(platform: Option<Platform>, start: Option<Release>) -> Option<ProcedureNotice> {
        let platform = platform?;
        match platform.procedure() {
            Procedure::BootSystem => None,
            Procedure::SingleBootLine {
                platform_mode: true,
            } if start.is_some_and(|r| r.train() < APPLIANCE_MODE_FROM.train) => {
                Some(ProcedureNotice::PlatformModeOnly { platform })
            }
            Procedure::SingleBootLine { platform_mode } => Some(ProcedureNotice::SingleBootLine {
                platform,
                platform_mode,
            }),
            Procedure::Fxos => Some(ProcedureNotice::Fxos { platform }),
        }
    }

    /// `fxos` | `single-boot-line` | `platform-mode`: the page's `data-procedure` and the
    /// JSON's `procedure`.
    pub fn as_str(self) -> &'static str {
        match self {
            ProcedureNotice::Fxos { .. } => "fxos",
            ProcedureNotice::SingleBootLine { .. } => "single-boot-line",
            ProcedureNotice::PlatformModeOnly { .. } => "platform-mode",
        }
    }

    /// Whether the ASA command-line runbook applies at all (not on the FXOS path).
    pub fn cli_runbook_applies(self) -> bool {
        matches!(self, ProcedureNotice::SingleBootLine { .. })
    }

    /// The documents the notice links.
    pub fn sources(self) -> Vec<Source> {
        match self {
            ProcedureNotice::Fxos { .. } => vec![
                FXOS_UPGRADE_COMPATIBILITY,
                FXOS_IMAGE_MANAGEMENT,
                ASA_UPGRADE_GUIDE,
            ],
            ProcedureNotice::SingleBootLine {
                platform_mode: true,
                ..
            } => vec![
                BOOT_SYSTEM_COMMAND,
                FP2100_PLATFORM_MODE_UPGRADE,
                ASA_UPGRADE_GUIDE,
            ],
            ProcedureNotice::SingleBootLine { .. } => vec![BOOT_SYSTEM_COMMAND],
            ProcedureNotice::PlatformModeOnly { .. } => vec![
                FP2100_PLATFORM_MODE_UPGRADE,
                RELEASE_NOTES_913,
                ASA_UPGRADE_GUIDE,
            ],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facts_are_in_the_order_of_all() {
        for (i, p) in Platform::ALL.iter().enumerate() {
            assert_eq!(FACTS[i].platform, *p);
            assert_eq!(p.facts().id.parse::<Platform>(), Ok(*p));
        }
    }
}
