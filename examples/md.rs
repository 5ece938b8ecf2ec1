use asa_planner::domain::query::PlanQuery;
use asa_planner::domain::session::analyse;
use asa_planner::view::export::{markdown, Extras};
fn main() {
    let f = std::env::args().nth(1).unwrap();
    let q: PlanQuery = f.parse().unwrap();
    println!(
        "{}",
        markdown(
            &analyse(&q),
            &Extras {
                minutes_per_reload: Some(20),
                made_on: Some("2026-12-01"),
                ..Default::default()
            },
            &format!("https://x/#{q}")
        )
    );
}
