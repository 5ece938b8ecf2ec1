//! Cisco's public documents the planner's rules, caveats and procedures rest on. Everything a
//! person reads cites one of these by title and link, never this project's own files.

/// A public document: its title as Cisco gives it and where to read it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Source {
    pub title: &'static str,
    pub url: &'static str,
}

/// How sure the planner is of a fact: H read verbatim in a Cisco document, M read in material
/// that copies Cisco, L a single third-party source or an inference.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Confidence {
    High,
    Medium,
    Low,
}

impl Confidence {
    /// `H` | `M` | `L`.
    pub fn letter(self) -> &'static str {
        match self {
            Confidence::High => "H",
            Confidence::Medium => "M",
            Confidence::Low => "L",
        }
    }
}

/// The seed: the 8.x configuration guide's chapter 81 (Table 81-1 and the Active/Standby
/// steps). Cisco's tech note 111867 walks through the same procedure.
pub const GUIDE_8X: Source = Source {
    title: "Cisco ASA 5500 Series Configuration Guide using the CLI (8.x), ch. 81 \
            \"Performing Zero Downtime Upgrades for Failover Pairs\" (as walked through in \
            Cisco tech note 111867)",
    url: "https://www.cisco.com/c/zh_cn/support/docs/security/asa-5500-x-series-next-generation-firewalls/111867-asa-failover-upgrade.html",
};

/// The ASA 9.2 CLI configuration guide's "Upgrade Path": zero-downtime exceptions
/// (CSCug88962, CSCuh25271) and the list of configuration migrations from 8.0 to 9.2.
pub const GUIDE_92_UPGRADE: Source = Source {
    title: "Cisco ASA 9.2 CLI configuration guide: Upgrade Path",
    url: "https://www.cisco.com/c/en/us/td/docs/security/asa/asa92/configuration/general/asa-general-cli/admin-swconfig.html",
};

/// The 8.3 migration guide: NAT and access lists rewritten; applied too when going straight
/// to 8.4.
pub const MIGRATION_83: Source = Source {
    title: "Cisco ASA 5500 Migration to Version 8.3",
    url: "https://www.cisco.com/c/en/us/td/docs/security/asa/asa83/upgrading/migrating.epub",
};

/// The ASA 9.1 release notes' upgrade-path table (current → first upgrade to → then), read in
/// a third-party copy: Cisco's page was not retrievable.
pub const PATH_TABLE_91: Source = Source {
    title: "Cisco ASA 9.1 release notes: upgrade path table (a third-party copy)",
    url: "https://github.com/tunupgh/tunupgh.github.io/blob/HEAD/_posts/2015-03-02-cisco-asa-upgrade-path.markdown",
};

/// The current upgrade guide's planning page: per-version guidelines between the starting and
/// the ending version, and Cisco's own upgrade-path table.
pub const UPGRADE_PLANNING: Source = Source {
    title: "Cisco Secure Firewall ASA Upgrade Guide: Planning Your Upgrade",
    url: "https://www.cisco.com/c/en/us/td/docs/security/asa/upgrade/asa-upgrade/planning.html",
};

/// The 9.24 "New Features" page: the one-way note.
pub const NEW_FEATURES_924: Source = Source {
    title: "Cisco Secure Firewall ASA 9.24 General Operations Configuration Guide: New Features",
    url: "https://www.cisco.com/c/en/us/td/docs/security/asa/asa924/configuration/general/asa-924-general-config/intro-intro.html",
};

/// Cisco Security Cloud Control's ASA HA upgrade workflow: "near-zero downtime".
pub const SCC_HA_UPGRADE: Source = Source {
    title: "Cisco Security Cloud Control: Workflow for Upgrading an ASA HA Pair",
    url: "https://ci.manage.security.cisco.com/content/docs/c-workflow-for-upgrading-an-asa-ha-pair.html",
};

/// Cisco's ASA license roadmap: which platform runs 8.1 and 8.5.
pub const LICENSE_ROADMAP: Source = Source {
    title: "Cisco ASA license roadmap",
    url: "https://www.cisco.com/c/en/us/td/docs/security/asa/roadmap/licenseroadmap.html",
};

/// The ASA 1000V advisory naming 8.7 as that platform's software.
pub const ADVISORY_1000V: Source = Source {
    title: "Cisco security advisory cisco-sa-20130116-asa1000v",
    url: "https://tools.cisco.com/security/center/content/CiscoSecurityAdvisory/cisco-sa-20130116-asa1000v",
};

/// Where the image files and their MD5 checksums are published.
pub const SOFTWARE_DOWNLOAD: Source = Source {
    title: "Cisco Software Download: Adaptive Security Appliance (ASA) Software",
    url: "https://software.cisco.com/download/home",
};

/// The command reference's `failover exec` (A–H, "fa – fd"): remote commands on the mate,
/// which both units must support; commands that would prompt need `/noconfirm`.
pub const CMD_FAILOVER_EXEC: Source = Source {
    title: "Cisco Secure Firewall ASA Series Command Reference, A-H Commands: failover exec",
    url: "https://www.cisco.com/c/en/us/td/docs/security/asa/asa-cli-reference/A-H/asa-command-ref-A-H/m_fa-fd.html",
};

/// The command reference's "so – st" page: `software authenticity` (image signing) added in
/// 9.3(2), the release the runbook takes as the first with `verify /sha-512`.
pub const CMD_SOFTWARE_AUTHENTICITY: Source = Source {
    title: "Cisco Secure Firewall ASA Series Command Reference, S Commands: software authenticity",
    url: "https://www.cisco.com/c/en/us/td/docs/security/asa/asa-cli-reference/S/asa-command-ref-S/so-st-commands.html",
};

/// The ASA 8.4 configuration guide's transparent-mode interface chapter, whose context mode
/// guideline reads that the ASA 5505 does not support multiple context mode.
pub const ASA5505_NO_CONTEXTS: Source = Source {
    title: "Cisco ASA 5500 Series Configuration Guide using the CLI, 8.4: Interfaces in \
            transparent mode, guidelines and limitations",
    url: "https://www.cisco.com/en/US/docs/security/asa/asa84/configuration/guide/interface_complete_transparent.html",
};

/// The ASA 9.1 failover chapter: Active/Active failover is available only in multiple
/// context mode.
pub const ACTIVE_ACTIVE_NEEDS_CONTEXTS: Source = Source {
    title: "Cisco ASA Series General Operations CLI Configuration Guide, 9.1: Failover",
    url: "https://cisco.com/en/US/docs/security/asa/asa91/configuration/general/ha_failover.html",
};
