//! Concurrent writers lose nothing (issue 14, item 1): 32 progallery processes × 10 writes each
//! on one gallery, against `sandbox serve` and the embedded `--sandbox`, under both readings of a
//! duplicate sortOrder. Half of them add 10 items each (at the front or the back: their planned
//! numbers collide with each other's); the other half add a tag to each of the same 10 items
//! (read-modify-write edits of shared items). Afterwards every write that reported success is
//! there, every reported failure is not, no failure is about a sortOrder, and each adder's items
//! are in its input order. Adders against `sandbox serve` run in homes of their own (as on other
//! machines, so nothing local keeps them apart); the taggers share one (one machine, several
//! terminals), as the embedded sandbox's writers must (its database lives there). A second test
//! starts the same folder twice at once: each file is added once.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::process::Command;

use serde_json::{json, Value};

use crate::common::*;

const ADDERS: usize = 16;
const TAGGERS: usize = 16;
const WRITES: usize = 10;

/// Where the writers write: a served sandbox or the embedded one (in `shared`'s data dir).
enum Target<'a> {
    Served(&'a Sandbox),
    Embedded { reading: &'static str },
}

struct Scenario<'a> {
    target: Target<'a>,
    /// The home the taggers (and, embedded, everyone) share.
    shared: tempfile::TempDir,
    gallery: String,
    /// The 10 items every tagger edits.
    targets: Vec<String>,
    /// Extra global flags for every writer (e.g. `--retries 2` under faults).
    flags: Vec<&'static str>,
}

impl<'a> Scenario<'a> {
    fn cli(&self, home: &Path) -> Command {
        let mut cmd = match &self.target {
            Target::Served(sb) => cli_at(home, &sb.base_url),
            Target::Embedded { reading } => {
                let mut cmd = cli_in(home);
                cmd.env("PROGALLERY_SANDBOX", "1")
                    .env("PROGALLERY_SANDBOX_DUPLICATE_SORT_ORDER", reading);
                cmd
            }
        };
        cmd.args(&self.flags);
        cmd
    }

    /// A gallery of 10 items whose numbers mix epoch seconds and milliseconds.
    fn new(target: Target<'a>, flags: Vec<&'static str>) -> Scenario<'a> {
        let shared = tempfile::tempdir().unwrap();
        let mut scenario = Scenario {
            target,
            shared,
            gallery: String::new(),
            targets: Vec::new(),
            flags,
        };
        let items: Vec<Value> = (0..WRITES)
            .map(|i| {
                let order = if i % 2 == 0 {
                    1_600_000_000.0 + i as f64
                } else {
                    1_600_000_000_000.0 + i as f64
                };
                json!({"title": format!("shared {i}"), "sortOrder": order, "text": {"html": format!("<p>shared {i}</p>")}})
            })
            .collect();
        let file = temp_file(
            scenario.shared.path(),
            "gallery.json",
            &json!({"name": "Busy", "items": items}).to_string(),
        );
        let made = run(scenario
            .cli(scenario.shared.path())
            .args(["galleries", "create", "--from-file"])
            .arg(&file)
            .args(["-o", "id"]));
        made.success();
        scenario.gallery = made.stdout.trim().to_string();
        scenario.targets = scenario.items().iter().map(id).collect();
        assert_eq!(scenario.targets.len(), WRITES);
        scenario
    }

    fn items(&self) -> Vec<Value> {
        match &self.target {
            Target::Served(sb) => sb.items(&self.gallery),
            Target::Embedded { .. } => {
                let listed = run(self.cli(self.shared.path()).args([
                    "items",
                    "list",
                    &self.gallery,
                    "--all",
                    "-o",
                    "json",
                ]));
                listed.success();
                listed.json().as_array().cloned().unwrap_or_default()
            }
        }
    }
}

fn id(item: &Value) -> String {
    item["id"].as_str().unwrap_or_default().to_string()
}

fn title_of(adder: usize, n: usize) -> String {
    format!("w{adder:02}-{n}")
}

/// What the 32 writers reported, and the gallery afterwards, checked against each other.
/// Returns how many writes reported failure.
fn run_writers(scenario: &Scenario) -> usize {
    run_writers_then(scenario, || {})
}

/// [`run_writers`], calling `settle` once every writer has finished (before anything is read).
fn run_writers_then(scenario: &Scenario, settle: impl FnOnce()) -> usize {
    let homes: Vec<tempfile::TempDir> = (0..ADDERS).map(|_| tempfile::tempdir().unwrap()).collect();
    let mut running = Vec::new();
    for (adder, own_home) in homes.iter().enumerate() {
        let rows: String = (0..WRITES)
            .map(|n| {
                let title = title_of(adder, n);
                json!({"text": format!("<p>{title}</p>"), "title": title}).to_string() + "\n"
            })
            .collect();
        let home = match scenario.target {
            Target::Served(_) => own_home.path(),
            Target::Embedded { .. } => scenario.shared.path(),
        };
        let position = if adder % 2 == 0 { "first" } else { "last" };
        let mut cmd = scenario.cli(home);
        cmd.args([
            "items",
            "add",
            &scenario.gallery,
            "--from-file",
            "-",
            "--position",
            position,
            "-o",
            "jsonl",
        ]);
        running.push(Process::spawn_with_stdin(&mut cmd, Some(rows.as_bytes())));
    }
    for tagger in 0..TAGGERS {
        let rows: String = scenario
            .targets
            .iter()
            .map(|target| {
                json!({"id": target, "addTags": [format!("t{tagger:02}")]}).to_string() + "\n"
            })
            .collect();
        let mut cmd = scenario.cli(scenario.shared.path());
        cmd.args([
            "items",
            "update",
            &scenario.gallery,
            "--from-file",
            "-",
            "-o",
            "jsonl",
        ]);
        running.push(Process::spawn_with_stdin(&mut cmd, Some(rows.as_bytes())));
    }
    let runs: Vec<Run> = running.into_iter().map(Process::finish).collect();
    settle();
    let items = scenario.items();
    let by_title: HashMap<String, &Value> = items
        .iter()
        .map(|i| (i["title"].as_str().unwrap_or_default().to_string(), i))
        .collect();
    assert_eq!(
        by_title.len(),
        items.len(),
        "a title twice: something was added twice"
    );
    let position: HashMap<String, usize> =
        items.iter().enumerate().map(|(k, i)| (id(i), k)).collect();
    let mut failures = 0;
    for (writer, run) in runs.iter().enumerate() {
        assert!(
            [0, 3, 6].contains(&run.code),
            "writer {writer}: exit {}\n{}",
            run.code,
            run.stderr
        );
        let outcomes = run.json_lines();
        let errors = outcomes
            .iter()
            .filter_map(|o| o["error"].as_str())
            .chain([run.stderr.as_str()]);
        for error in errors {
            for complaint in ["sortOrder", "SORT_ORDER", "answered 409", "HTTP 409"] {
                assert!(
                    !error.contains(complaint),
                    "writer {writer} failed over a sortOrder: {error}"
                );
            }
        }
        if writer < ADDERS {
            // Every title reported added is there, with the id reported; any other is not.
            let mut added_at = Vec::new();
            for n in 0..WRITES {
                let title = title_of(writer, n);
                let source = format!("stdin line {}", n + 1);
                let outcome = outcomes.iter().find(|o| o["source"] == source.as_str());
                match outcome.map(|o| o["status"].as_str().unwrap_or_default()) {
                    Some("added") => {
                        let there = by_title.get(&title).unwrap_or_else(|| {
                            panic!("writer {writer}: {title} reported added, not there")
                        });
                        assert_eq!(id(there), outcome.unwrap()["id"].as_str().unwrap());
                        added_at.push(position[&id(there)]);
                    }
                    other => {
                        failures += 1;
                        assert!(
                            !by_title.contains_key(&title),
                            "writer {writer}: {title} reported {other:?}, yet it is there"
                        );
                    }
                }
            }
            assert!(
                added_at.windows(2).all(|w| w[0] < w[1]),
                "writer {writer}: items out of input order: {added_at:?}: {:?}\n{}",
                added_at
                    .iter()
                    .map(|k| (items[*k]["title"].clone(), items[*k]["sortOrder"].clone()))
                    .collect::<Vec<_>>(),
                run.stderr
            );
        } else {
            let tag = format!("t{:02}", writer - ADDERS);
            for (n, target) in scenario.targets.iter().enumerate() {
                let item = items
                    .iter()
                    .find(|i| &id(i) == target)
                    .expect("shared item");
                let tags: HashSet<&str> = item["tags"]["values"]
                    .as_array()
                    .map(|v| v.iter().filter_map(Value::as_str).collect())
                    .unwrap_or_default();
                let outcome = outcomes
                    .get(n)
                    .map(|o| o["status"].as_str().unwrap_or_default());
                match outcome {
                    Some("updated") => assert!(
                        tags.contains(tag.as_str()),
                        "writer {writer}: tag {tag} of item {n} reported done, lost: {tags:?}"
                    ),
                    other => {
                        failures += 1;
                        assert!(
                            !tags.contains(tag.as_str()),
                            "writer {writer}: tag {tag} of item {n} reported {other:?}, yet there"
                        );
                    }
                }
            }
        }
    }
    failures
}

#[test]
fn thirty_two_writers_on_a_served_sandbox_lose_nothing_under_both_readings() {
    for reading in ["reject", "accept"] {
        let sb = Sandbox::start_with(&["--memory", "--no-seed", "--duplicate-sort-order", reading]);
        let scenario = Scenario::new(Target::Served(&sb), Vec::new());
        let failures = run_writers(&scenario);
        assert_eq!(failures, 0, "{reading}: nothing fails without faults");
        assert_eq!(scenario.items().len(), WRITES + ADDERS * WRITES);
        if reading == "reject" {
            // The adders' planned numbers collided; each refusal cost one request, not an item.
            let refused = sb
                .request_log()
                .iter()
                .filter(|r| r["method"] == "POST" && r["status"] == 409)
                .count();
            assert!(refused > 0, "the scenario made no collision at all");
        }
    }
}

#[test]
fn thirty_two_writers_under_faults_report_exactly_what_landed() {
    // One request in ten answered 503 before anything is done, two attempts each: some writes
    // fail for real. Those must be absent, the others present.
    let sb = Sandbox::start_with(&["--memory", "--no-seed"]);
    let scenario = Scenario::new(Target::Served(&sb), vec!["--retries", "2"]);
    sb.set_faults(json!({"failRate": 0.1}));
    run_writers_then(&scenario, || {
        sb.set_faults(json!({"failRate": 0}));
    });
    // Without a fault that fired, the run above would only repeat the faultless test.
    assert!(
        sb.request_log().iter().any(|r| r["status"] == 503),
        "no fault was injected"
    );
}

#[test]
fn thirty_two_writers_on_the_embedded_sandbox_lose_nothing_under_both_readings() {
    for reading in ["reject", "accept"] {
        let scenario = Scenario::new(Target::Embedded { reading }, Vec::new());
        let failures = run_writers(&scenario);
        assert_eq!(failures, 0, "{reading}: nothing fails without faults");
        assert_eq!(scenario.items().len(), WRITES + ADDERS * WRITES);
    }
}

#[test]
fn the_same_folder_added_twice_at_once_adds_each_file_once() {
    let sb = Sandbox::empty();
    let g = sb.new_gallery("Folder");
    let home = &sb.home;
    let folder = home.path().join("photos");
    std::fs::create_dir(&folder).unwrap();
    for n in 0..12u16 {
        std::fs::write(
            folder.join(format!("img{n:02}.png")),
            media::png(8 + u32::from(n), 8, 64),
        )
        .unwrap();
    }
    let start = || {
        let mut cmd = sb.cli();
        cmd.args(["items", "add", &g])
            .arg(&folder)
            .args(["-o", "jsonl"]);
        Process::spawn(&mut cmd)
    };
    let (first, second) = (start(), start());
    let runs = [first.finish(), second.finish()];
    for run in &runs {
        run.success();
    }
    let items = sb.items(&g);
    assert_eq!(items.len(), 12, "each file once");
    let statuses: Vec<String> = runs
        .iter()
        .flat_map(Run::json_lines)
        .map(|o| o["status"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(statuses.iter().filter(|s| *s == "added").count(), 12);
    assert_eq!(statuses.iter().filter(|s| *s == "present").count(), 12);
    let uploads = sb.logged("POST", "generate-upload-url");
    assert_eq!(uploads.len(), 12, "uploaded once each");
}
