//! Native benchmarks of the domain core (SPEC §12 budgets): parsing every spelling of the
//! built-in releases, all-pairs plans over the built-in catalog under either rule set (budget
//! ≤ 50 ms each: `plan/all_pairs_builtin` for Table 81-1, `plan/all_pairs_builtin_guide_9x` for
//! Cisco's 9.x guidance), and the graph
//! layout at 300 / 2,000 / 10,000 releases (budget ≤ 20 ms for 2,000 in wasm; native is the
//! lower bound), and the page's fleet view on 1,000 pairs: the CSV planned and its markup written
//! (budget: the table drawn within 100 ms of applying, in the page; native is the lower
//! bound), and 1 MB of pasted unit output read (`show/parse_1mb`, budget < 20 ms). Run with `cargo xtask bench` (prints the medians) or `cargo bench --bench domain`.

use asa_planner::domain::catalog::Catalog;
use asa_planner::domain::fleet::{sample_csv, PlannedFleet};
use asa_planner::domain::layout::layout;
use asa_planner::domain::plan::plan_with;
use asa_planner::domain::presets::default_preset;
use asa_planner::domain::query::PlanQuery;
use asa_planner::domain::release::Release;
use asa_planner::domain::rules::RuleSet;
use asa_planner::domain::show;
use asa_planner::view::fleet_html;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;
use std::time::Duration;

/// Every release of the built-in catalog in each of Cisco's three spellings (and the two of a
/// maintenance release): `8.4(7)30`, `8.4(7.30)`, `8.4.7.30`; `8.2(5)`, `8.2.5`.
fn spellings(catalog: &Catalog) -> Vec<String> {
    let mut out = Vec::new();
    for e in catalog.entries() {
        let Release {
            major,
            minor,
            maintenance,
            interim,
        } = e.release;
        out.push(e.release.to_string());
        match interim {
            Some(i) => {
                out.push(format!("{major}.{minor}({maintenance}.{i})"));
                out.push(format!("{major}.{minor}.{maintenance}.{i}"));
            }
            None => out.push(format!("{major}.{minor}.{maintenance}")),
        }
    }
    out
}

/// `n` ascending synthetic releases: trains of 20, minors 0–19 under ever higher majors.
fn synthetic(n: usize) -> Vec<Release> {
    (0..n)
        .map(|i| {
            let train = i / 20;
            let (major, minor) = ((1 + train / 20) as u16, (train % 20) as u16);
            let k = i % 20;
            Release::new(
                major,
                minor,
                (k / 4 + 1) as u16,
                (k % 4 != 0).then_some(k as u16),
            )
        })
        .collect()
}

fn parse(c: &mut Criterion) {
    let texts = spellings(&Catalog::builtin());
    let mut group = c.benchmark_group("parse");
    group.throughput(Throughput::Elements(texts.len() as u64));
    group.bench_function("builtin_spellings", |b| {
        b.iter(|| {
            let mut ok = 0usize;
            for t in &texts {
                ok += usize::from(black_box(t.as_str()).parse::<Release>().is_ok());
            }
            ok
        })
    });
    group.finish();
}

fn all_pairs(c: &mut Criterion) {
    let preset = default_preset();
    let catalog = Catalog::builtin().retain_trains(|t| preset.exclusion(t).is_none());
    let releases: Vec<Release> = catalog.entries().iter().map(|e| e.release).collect();
    let mut group = c.benchmark_group("plan");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(8));
    group.throughput(Throughput::Elements(
        (releases.len() * releases.len()) as u64,
    ));
    for (rules, id) in [
        (RuleSet::Table811, "all_pairs_builtin"),
        (RuleSet::Guide9x, "all_pairs_builtin_guide_9x"),
    ] {
        group.bench_function(id, |b| {
            b.iter(|| {
                let mut hops = 0usize;
                for &from in &releases {
                    for &to in &releases {
                        hops += plan_with(rules, &catalog, black_box(from), black_box(to), &[])
                            .hops
                            .len();
                    }
                }
                hops
            })
        });
    }
    group.finish();
}

fn layouts(c: &mut Criterion) {
    let mut group = c.benchmark_group("layout");
    for n in [300, 2_000, 10_000] {
        let releases = synthetic(n);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &releases, |b, r| {
            b.iter(|| layout(black_box(r)))
        });
    }
    group.finish();
}

/// What the fleet view does when "Plan the fleet" is pressed, but the browser's part: every line
/// read and planned, then the bad lines' and the results' markup written.
fn fleet_view(c: &mut Criterion) {
    let mut group = c.benchmark_group("fleet");
    let csv = sample_csv(1_000);
    group.throughput(Throughput::Elements(1_000));
    group.bench_function("view_1000", |b| {
        b.iter(|| {
            let fleet = PlannedFleet::plan(PlanQuery::default(), black_box(&csv));
            (
                fleet_html::errors(&fleet.errors),
                fleet_html::results(&fleet),
            )
        })
    });
    group.finish();
}

/// SPEC §14: 1 MB of pasted `show failover` / `show failover state` / `show version` output
/// (this project's samples, repeated) read into a snapshot (budget < 20 ms native).
fn show_output(c: &mut Criterion) {
    let samples = [
        include_str!("../tests/fixtures/show/as-healthy.txt"),
        include_str!("../tests/fixtures/show/exec-mate.txt"),
        include_str!("../tests/fixtures/show/state-table.txt"),
        include_str!("../tests/fixtures/show/aa-with-version.txt"),
        include_str!("../tests/fixtures/show/more-crlf.txt"),
    ];
    let mut text = String::new();
    while text.len() < 1 << 20 {
        for s in samples {
            text.push_str(s);
        }
    }
    let mut group = c.benchmark_group("show");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("parse_1mb", |b| b.iter(|| show::parse(black_box(&text))));
    group.finish();
}

criterion_group!(benches, parse, all_pairs, layouts, fleet_view, show_output);
criterion_main!(benches);
