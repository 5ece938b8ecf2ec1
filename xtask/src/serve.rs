//! `cargo xtask serve`: installs what is missing, then `trunk serve` of the planner's page on
//! http://127.0.0.1:8080 (the fleet view's page, `fleet.html`, is a second Trunk target:
//! `cargo xtask dist` builds both).

use crate::{dist, fix, shell, tools};
use xshell::cmd;

const ADDRESS: &str = "127.0.0.1:8080";

pub fn run() -> Result<(), String> {
    tools::ensure_build_tools()?;
    dist::fetch()?;
    println!("The planner will be at http://{ADDRESS}/ once built (Ctrl-C stops it; reload the page after edits).");
    println!(
        "The fleet view is a page of its own (fleet.html, its own Trunk target): `trunk serve \
         fleet.html --port 8081 --offline` serves it alone; `cargo xtask dist` builds both."
    );
    let sh = shell()?;
    let serve = cmd!(sh, "trunk serve --offline --locked").run();
    // Trunk names a port already taken itself ("error binding to 127.0.0.1:8080").
    serve.map_err(fix("trunk stopped: the messages above say why"))
}
