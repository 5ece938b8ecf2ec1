//! The fleet view's page (`fleet.html`): mounts `asa_planner::ui::fleet_page` on `<body>`.
//! Only meaningful in the browser; natively it says where the fleet is planned instead.

#[cfg(target_arch = "wasm32")]
fn main() {
    asa_planner::ui::fleet_page::start_page();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    eprintln!("asa-fleet is the page's fleet view (fleet.html); on the command line use `asa-planner fleet`");
    std::process::ExitCode::from(2)
}
