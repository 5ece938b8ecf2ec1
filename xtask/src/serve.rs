//! `cargo xtask serve`: installs what is missing, then `trunk serve` of the planner's page on
//! http://127.0.0.1:8080 (the fleet view's page, `fleet.html`, is a second Trunk target:
//! `cargo xtask dist` builds both).

use crate::{dist, fix, shell, tools};
use std::net::TcpStream;
use xshell::cmd;

const ADDRESS: &str = "127.0.0.1:8080";

pub fn run() -> Result<(), String> {
    tools::ensure_build_tools()?;
    dist::fetch()?;
    if TcpStream::connect(ADDRESS).is_ok() {
        return Err(format!(
            "something already listens on {ADDRESS}; stop it (or the other `trunk serve`) first"
        ));
    }
    println!("The planner will be at http://{ADDRESS}/ once built (Ctrl-C stops it; reload the page after edits).");
    println!(
        "The fleet view is a page of its own (fleet.html, its own Trunk target): `trunk serve \
         fleet.html --port 8081 --offline` serves it alone; `cargo xtask dist` builds both."
    );
    let sh = shell()?;
    let serve = cmd!(sh, "trunk serve --offline --locked").run();
    serve.map_err(fix(
        "run `cargo xtask serve` again to install trunk if it is missing",
    ))
}
