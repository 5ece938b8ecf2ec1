//! Entry point: in the browser, mount the app; natively there is nothing to run (the domain is a
//! library, exercised by `cargo test`).

fn main() {
    #[cfg(target_arch = "wasm32")]
    asa_planner::ui::start();
}
