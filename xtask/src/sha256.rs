//! SHA-256 digests in the two spellings xtask writes, on the `sha2` and `base64` crates: hex for
//! names (the build id, the stylesheet bundle's name, the npm lockfile stamps) and
//! `sha256-<base64>` for Subresource Integrity and the CSP's inline-script hashes.

use base64::prelude::{Engine as _, BASE64_STANDARD};
use sha2::{Digest as _, Sha256};

/// The digest of `data` in lower-case hex (64 digits).
pub fn hex(data: &[u8]) -> String {
    // Two digits a byte with std's formatting: not worth a crate of its own.
    Sha256::digest(data)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// `sha256-<base64>` of `data` (standard alphabet, padded), as an `integrity` attribute and a
/// CSP hash source (inside quotes) write it.
pub fn integrity(data: &[u8]) -> String {
    format!("sha256-{}", BASE64_STANDARD.encode(Sha256::digest(data)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_is_the_fips_digest() {
        assert_eq!(
            hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn integrity_of_known_script() {
        // `echo -n 'alert(1)' | openssl dgst -sha256 -binary | base64`
        assert_eq!(
            integrity(b"alert(1)"),
            "sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI="
        );
    }
}
