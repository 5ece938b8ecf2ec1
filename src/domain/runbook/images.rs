//! The file names a plan's hops use: the server, each release's image (typed, else the
//! default of the model's family) and the ASDM image, and the minutes per reload.

use super::HopImages;
use crate::domain::plan::Hop;
use crate::domain::platform::{self, ImageFamily, Platform};
use crate::domain::release::Release;

/// What the commands name as the TFTP server until the person types one.
pub const SERVER_PLACEHOLDER: &str = "<tftp-server>";

/// The key an ASDM image name is kept under among the typed image names (a key no release
/// spelling can take), so that both are saved the same way.
pub fn asdm_key(release: Release) -> String {
    format!("{ASDM_KEY_PREFIX}{release}")
}

/// What [`asdm_key`] puts before the release.
pub const ASDM_KEY_PREFIX: &str = "asdm ";

/// Why a typed TFTP server or file name is not used. The runbook pastes it into command lines
/// as one word: a blank or a line break inside it would start another command (a shared link
/// or a saved state could otherwise put any command into a pasted block).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum NameProblem {
    /// A blank inside the name.
    Blank,
    /// A control character (a line break, a tab …) inside the name.
    Control,
    /// A character that shows as nothing (a zero-width space, a byte order mark, a direction
    /// mark …): the unit would take a name other than the one a person reads.
    Invisible,
    /// An image name with a path (`disk0:/asa9.bin`, `images/asa9.bin`): the runbook writes
    /// `disk0:/` and the server before the name itself, so the unit would be told
    /// `disk0:/disk0:/asa9.bin`.
    Path,
    /// A server with a scheme or a device before it (`tftp://10.0.0.5`, `tftp:10.0.0.5`,
    /// `disk0:`): the runbook writes `tftp://` itself.
    Scheme,
    /// A server that is an IPv6 address without brackets: in a URL the address goes in
    /// brackets (`tftp://[2001:db8::5]/…`, RFC 3986), or its colons read as a port.
    Ipv6,
    /// A server with no host before its folder (`/images`), an empty folder (`10.0.0.5//x`)
    /// or a backslash: the copy would read from no host, or from a path the server does not
    /// have.
    Folder,
}

/// The problem of `name` as typed (blanks around it do not count), if any.
pub fn name_problem(name: &str) -> Option<NameProblem> {
    let name = name.trim();
    if name.chars().any(char::is_control) {
        Some(NameProblem::Control)
    } else if name.chars().any(crate::domain::release::invisible) {
        Some(NameProblem::Invisible)
    } else if name.chars().any(char::is_whitespace) {
        Some(NameProblem::Blank)
    } else {
        None
    }
}

/// The problem of a typed image file name: [`name_problem`]'s, or a path in it.
pub fn file_problem(name: &str) -> Option<NameProblem> {
    name_problem(name).or_else(|| {
        name.trim()
            .contains(['/', '\\', ':'])
            .then_some(NameProblem::Path)
    })
}

/// The problem of a typed TFTP server: [`name_problem`]'s, or anything but a host (a name, an
/// IPv4 address or a bracketed IPv6 one, a port after it) and, if any, a folder after it:
/// `10.0.0.5/images`
/// is fine (the copy reads from there), and so are slashes after it (dropped:
/// [`server_or_placeholder`]). An empty server is no server (the placeholder stands).
pub fn server_problem(server: &str) -> Option<NameProblem> {
    if let Some(problem) = name_problem(server) {
        return Some(problem);
    }
    let server = server.trim();
    if server.is_empty() {
        return None;
    }
    let kept = server.trim_end_matches('/');
    let host = kept.split('/').next().unwrap_or_default();
    // A port after the host (`10.0.0.5:69`, `[2001:db8::5]:69`) is part of a URL's host.
    let host = match host.rsplit_once(':') {
        Some((name, port))
            if (!name.contains(':') || name.ends_with(']'))
                && !port.is_empty()
                && port.bytes().all(|b| b.is_ascii_digit()) =>
        {
            name
        }
        _ => host,
    };
    let bracketed = host
        .strip_prefix('[')
        .and_then(|h| h.strip_suffix(']'))
        .is_some_and(|h| h.parse::<std::net::Ipv6Addr>().is_ok());
    if server.contains("://")
        || (host.contains(':') && !bracketed && host.parse::<std::net::Ipv6Addr>().is_err())
    {
        Some(NameProblem::Scheme)
    } else if host.parse::<std::net::Ipv6Addr>().is_ok() {
        Some(NameProblem::Ipv6)
    } else if host.is_empty() || kept.contains("//") || kept.contains('\\') {
        Some(NameProblem::Folder)
    } else {
        None
    }
}

/// A typed name the runbook does not use, and why: the server (`key` empty), or an image
/// name under its key (a canonical release, or [`asdm_key`] of one).
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct UnusedName {
    pub key: String,
    pub name: String,
    pub problem: NameProblem,
}

/// Every typed name [`hop_images`] leaves out because of its [`NameProblem`], server first.
pub fn unused_names(server: &str, typed: &[(String, String)]) -> Vec<UnusedName> {
    std::iter::once((String::new(), server))
        .chain(typed.iter().map(|(k, v)| (k.clone(), v.as_str())))
        .filter_map(|(key, name)| {
            let problem = if key.is_empty() {
                server_problem(name)
            } else {
                file_problem(name)
            };
            problem.map(|problem| UnusedName {
                key,
                name: name.to_owned(),
                problem,
            })
        })
        .collect()
}

/// Why a typed image name may not be the file it is typed for. The name is still used: a
/// renamed file can read as anything, and the person knows their files; the page's runbook
/// panel and the command line's outputs say the doubt where they show the name.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ImageDoubt {
    /// The name reads as another release (`release_text::image_release`): `asa821-k8.bin`
    /// typed as the image of 9.12(4).
    OtherRelease(Release),
    /// The name reads as no release and has no image file ending ([`IMAGE_ENDINGS`]):
    /// `notes.txt`.
    NotAnImage,
    /// Typed as an ASA image, the name reads as an ASDM image (`asdm-7181.bin`): a unit told
    /// to boot it would not boot the release (the two fields swapped?).
    AsdmFile,
    /// Typed as the ASDM image, the name reads as the ASA image of this release
    /// (`asa9-12-4-smp-k8.bin`): ASDM would not load from it.
    AsaFile(Release),
}

/// The endings of ASA and ASDM image files (ASCII case ignored): `.bin`, Firepower and Secure
/// Firewall `.SPA` (`.SPA.csp`), `.pkg`, and the virtual appliance's disk images.
pub const IMAGE_ENDINGS: [&str; 8] = [
    ".bin", ".spa", ".csp", ".pkg", ".qcow2", ".zip", ".ova", ".vhd.bz2",
];

/// The doubt about `name` typed under `key` (a canonical release, or [`asdm_key`] of one), if
/// any. An ASDM image's name carries ASDM's own version, so it is checked only for its ending
/// and for reading as an ASA image; an ASA image's name, for reading as an ASDM image.
pub fn image_doubt(key: &str, name: &str) -> Option<ImageDoubt> {
    let name = name.trim();
    if name.is_empty() {
        return None;
    }
    // The file's own name, after a typed path (`disk0:/asdm-7181.bin`).
    let file = name.rsplit(['/', ':']).next().unwrap_or(name);
    let asdm = key.starts_with(ASDM_KEY_PREFIX);
    if asdm {
        if let Some(read) = crate::domain::release_text::image_release(file) {
            return Some(ImageDoubt::AsaFile(read));
        }
    } else if file
        .get(..4)
        .is_some_and(|p| p.eq_ignore_ascii_case("asdm"))
    {
        return Some(ImageDoubt::AsdmFile);
    }
    let ends = |e: &str| {
        name.len()
            .checked_sub(e.len())
            .and_then(|at| name.get(at..))
            .is_some_and(|t| t.eq_ignore_ascii_case(e))
    };
    let image_ending = IMAGE_ENDINGS.iter().any(|e| ends(e));
    let read = match key.strip_prefix(ASDM_KEY_PREFIX) {
        Some(_) => None,
        None => crate::domain::release_text::image_release(name),
    };
    match (read, key.parse::<Release>()) {
        (Some(read), Ok(release)) if read != release => Some(ImageDoubt::OtherRelease(read)),
        (Some(_), _) => None,
        (None, _) if image_ending => None,
        (None, _) => Some(ImageDoubt::NotAnImage),
    }
}

/// A typed image name the commands use although it may not be the file it is typed for.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct DoubtfulName {
    /// A canonical release, or [`asdm_key`] of one.
    pub key: String,
    pub name: String,
    pub doubt: ImageDoubt,
}

/// Every typed name the commands use ([`typed_name`]: the last under its key) that has an
/// [`ImageDoubt`], in the order the keys were first typed.
pub fn doubtful_names(typed: &[(String, String)]) -> Vec<DoubtfulName> {
    let mut keys: Vec<&str> = Vec::new();
    for (key, _) in typed {
        if !keys.contains(&key.as_str()) {
            keys.push(key);
        }
    }
    keys.into_iter()
        .filter_map(|key| {
            let name = typed_name(typed, key)?;
            image_doubt(key, name).map(|doubt| DoubtfulName {
                key: key.to_owned(),
                name: name.to_owned(),
                doubt,
            })
        })
        .collect()
}

/// The most "minutes per reload" read: a day. A reload takes minutes; a larger number is a
/// slip of the keyboard, and an estimate of it (`about 71582788 h`) helps no one.
pub const MAX_MINUTES_PER_RELOAD: u32 = 24 * 60;

/// The person's "minutes per reload" as a number, when what they typed is a whole number of
/// minutes above zero and at most [`MAX_MINUTES_PER_RELOAD`] (anything else gives no estimate;
/// the page says why: `view::words::minutes_refused`).
pub fn minutes_per_reload(typed: &str) -> Option<u32> {
    typed
        .trim()
        .parse()
        .ok()
        .filter(|m| (1..=MAX_MINUTES_PER_RELOAD).contains(m))
}

/// Each hop's file names: the server and the names the person typed (`typed`, keyed by
/// canonical release, ASDM images under [`asdm_key`]), else [`SERVER_PLACEHOLDER`] and
/// the plan's default image ([`plan_default_image`]). The page and its
/// later-loaded runbook both derive them here.
pub fn hop_images(
    hops: &[Hop],
    server: &str,
    typed: &[(String, String)],
    platform: Option<Platform>,
) -> Vec<HopImages> {
    let find = |key: &str| typed_name(typed, key);
    let image = |r: Release| {
        find(&r.to_string()).map_or_else(|| plan_default_image(hops, platform, r), str::to_owned)
    };
    let server = server_or_placeholder(server);
    hops.iter()
        .map(|h| HopImages {
            server: server.to_owned(),
            old_image: image(h.from),
            new_image: image(h.to),
            asdm_image: find(&asdm_key(h.to)).unwrap_or_default().to_owned(),
        })
        .collect()
}

/// The name typed last under `key`, when the commands can use it. A name with a blank, a
/// control character or a path is never pasted ([`file_problem`]) and an empty one is no name:
/// either way the default stands (the page says why: [`unused_names`]).
pub fn typed_name<'a>(typed: &'a [(String, String)], key: &str) -> Option<&'a str> {
    typed
        .iter()
        .rev()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.trim())
        .filter(|v| !v.is_empty() && file_problem(v).is_none())
}

/// The TFTP server the commands name: the one typed, when they can use it, else
/// [`SERVER_PLACEHOLDER`]. A slash after it is dropped: the commands write one before the
/// file (`tftp://10.0.0.5/` would give `tftp://10.0.0.5//asa9.bin`).
pub fn server_or_placeholder(server: &str) -> &str {
    match server.trim().trim_end_matches('/') {
        s if s.is_empty() || server_problem(s).is_some() => SERVER_PLACEHOLDER,
        s => s,
    }
}

/// The image file name of `release` in a plan whose hops use `images` (parallel to `hops`):
/// the name given for a hop landing on or starting from it, else the default image of
/// `platform`'s family.
pub fn image_of(
    hops: &[Hop],
    images: &[HopImages],
    release: Release,
    platform: Option<Platform>,
) -> String {
    hops.iter()
        .zip(images)
        .find_map(|(hop, i)| {
            if hop.to == release {
                Some(i.new_image.clone())
            } else if hop.from == release {
                Some(i.old_image.clone())
            } else {
                None
            }
        })
        .unwrap_or_else(|| plan_default_image(hops, platform, release))
}

/// The default image file name of `release` in the plan `hops`, one family for the whole
/// plan: the chosen model's; with no model, the family of every model that runs all the
/// plan's releases where they share one ([`plan_family`]), else the guess of
/// [`platform::plan_image`] (the page then says the names are a guess).
pub fn plan_default_image(hops: &[Hop], platform: Option<Platform>, release: Release) -> String {
    let path: Vec<Release> = hops.iter().flat_map(|h| [h.from, h.to]).collect();
    path_default_image(&path, platform, release)
}

/// [`plan_default_image`] for a plan given as the releases it passes through (a fleet
/// group's path), so that the fleet's images to stage name the files its runbooks copy.
pub fn path_default_image(
    path: &[Release],
    platform: Option<Platform>,
    release: Release,
) -> String {
    let mut releases = path.to_vec();
    releases.push(release);
    match (platform, platform::shared_family(&releases)) {
        (None, Some(family)) => family.file(release),
        _ => {
            let top = releases.iter().copied().fold(release, Release::max);
            platform::plan_image(platform, top, release)
        }
    }
}

/// With no model chosen: the one image family of the models that run every release of the
/// plan (`release` included), if they share one ([`platform::shared_family`]).
pub fn plan_family(hops: &[Hop], release: Release) -> Option<ImageFamily> {
    let mut releases: Vec<Release> = hops.iter().flat_map(|h| [h.from, h.to]).collect();
    releases.push(release);
    platform::shared_family(&releases)
}

/// A plausible default image file name for a release when no model is chosen (the person edits
/// it), e.g. `asa847-30-k8.bin` for 8.4(7)30, `asa9101-smp-k8.bin` for 9.10(1),
/// `asa9-12-4-72-smp-k8.bin` for 9.12(4)72.
///
/// Cisco's naming: numbers run together up to 9.10 while the maintenance number is a single
/// digit, dashed otherwise; the interim build follows a dash. Releases from 9.2 on get the
/// `-smp` suffix of the 5500-X images; earlier ones the plain `-k8.bin` of the ASA 5500 series.
/// A chosen model names its own family ([`platform::default_image`]): the page says to check
/// every name against Cisco's download page.
pub fn default_image(release: Release) -> String {
    platform::default_image(None, release)
}
