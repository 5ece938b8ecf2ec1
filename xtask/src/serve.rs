//! `cargo xtask serve`: installs what is missing, then `trunk serve` of the planner's page on
//! http://127.0.0.1:8080, printing the URL once the page answers (the fleet view's page,
//! `fleet.html`, is a second Trunk target: `cargo xtask dist` builds both).

use crate::{dist, repo_root, tools};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

const ADDRESS: &str = "127.0.0.1:8080";

pub fn run() -> Result<(), String> {
    tools::ensure_build_tools()?;
    dist::fetch()?;
    if TcpStream::connect(ADDRESS).is_ok() {
        return Err(format!(
            "something already listens on {ADDRESS}; stop it (or the other `trunk serve`) first"
        ));
    }
    println!("$ trunk serve --offline --locked");
    let mut child = std::process::Command::new("trunk")
        .args(["serve", "--offline", "--locked"])
        .current_dir(repo_root())
        .spawn()
        .map_err(|e| {
            format!("could not start trunk: {e} (run `cargo xtask serve` again to install it)")
        })?;
    // The first build takes a while; poll until the page answers or trunk exits.
    loop {
        if let Some(status) = child.try_wait().map_err(|e| format!("trunk: {e}"))? {
            return Err(format!("`trunk serve` exited ({status}) before the page was up"));
        }
        if page_answers() {
            println!("\nThe planner is up at http://{ADDRESS}/  (Ctrl-C stops it; reload the page after edits)");
            println!(
                "The fleet view is a page of its own (fleet.html, its own Trunk target): `trunk serve \
                 fleet.html --port 8081 --offline` serves it alone; `cargo xtask dist` builds both."
            );
            break;
        }
        std::thread::sleep(Duration::from_millis(500));
    }
    let status = child.wait().map_err(|e| format!("trunk: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`trunk serve` exited ({status})"))
    }
}

/// Whether `GET /` answers 200 with the page.
fn page_answers() -> bool {
    let Ok(mut stream) = TcpStream::connect(ADDRESS) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let request = format!("GET / HTTP/1.0\r\nHost: {ADDRESS}\r\n\r\n");
    if stream.write_all(request.as_bytes()).is_err() {
        return false;
    }
    let mut response = String::new();
    let _ = stream.read_to_string(&mut response);
    response.starts_with("HTTP/1.1 200") || response.starts_with("HTTP/1.0 200")
}
