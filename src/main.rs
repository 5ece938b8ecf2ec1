//! Entry point: in the browser, mount the app; natively, the command line (`asa-planner plan`,
//! `asa-planner fleet`, see `src/cli/`).

#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(target_arch = "wasm32")]
fn main() {
    asa_planner::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}
