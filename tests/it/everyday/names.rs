//! Galleries by name: exact, then ignoring case, unique or exit 2 with the candidates; a GUID is
//! an id (no lookup), and a gallery named like one is pointed at when its "id" is not found; a
//! missing gallery is never asked for off a terminal, and is picked from a list on one;
//! completion offers the cached names.

use crate::common::terminal::Terminal;
use crate::common::*;

const LOOKS_LIKE_A_GUID: &str = "0b57f2a0-0c4e-4e0b-9a3e-6a1d2f3c4b5d";

fn site() -> (Sandbox, String, String, String) {
    let sandbox = Sandbox::empty();
    let trip = sandbox.gallery_with_items("Trip", vec![text_item("hello")]);
    let lower = sandbox.new_gallery("trip ");
    let archive = sandbox.new_gallery("Archive");
    sandbox.new_gallery("Twins");
    sandbox.new_gallery("Twins");
    sandbox.new_gallery(LOOKS_LIKE_A_GUID);
    (sandbox, trip, lower, archive)
}

#[test]
fn a_unique_name_works_exactly_or_ignoring_case_wherever_a_gallery_is_expected() {
    let (sandbox, trip, _, archive) = site();
    let out = run(sandbox.cli().args(["items", "list", "Trip", "-o", "id"]));
    out.success();
    assert_eq!(out.lines(), sandbox.item_ids(&trip));
    // Ignoring case, when only one gallery matches so.
    let out = run(sandbox
        .cli()
        .args(["galleries", "get", "ARCHIVE", "-o", "id"]));
    out.success();
    assert_eq!(out.stdout.trim(), archive);
    // The id still works, with no lookup: one request, the get.
    sandbox.clear_request_log();
    run(sandbox
        .cli()
        .args(["galleries", "get", &archive, "-o", "id"]))
    .success();
    assert_eq!(sandbox.request_log().len(), 1);
    // Writes too: rename by name, then the old name is unknown.
    run(sandbox
        .cli()
        .args(["galleries", "update", "archive", "--name", "Old stuff"]))
    .success();
    let out = run(sandbox.cli().args([
        "items",
        "add",
        "Old stuff",
        "--text",
        "<p>x</p>",
        "-o",
        "id",
    ]));
    out.success();
    assert_eq!(
        sandbox.item_ids(&archive),
        vec![out.stdout.trim().to_string()]
    );
}

#[test]
fn ambiguous_and_unknown_names_exit_2_listing_the_candidates_and_send_no_write() {
    let (sandbox, trip, lower, _) = site();
    sandbox.clear_request_log();
    // Two galleries with the same exact name.
    let out = run(sandbox
        .cli()
        .args(["items", "bulk-delete", "Twins", "--all", "--yes"]));
    out.code(2);
    let twins: Vec<String> = sandbox.call_ok("GET", "/galleries?limit=10", None)["galleries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|g| g["name"] == "Twins")
        .map(|g| g["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        out.stderr,
        format!(
            "progallery: error: 2 galleries are named \"Twins\": \"Twins\" {}, \"Twins\" {}\n\
             hint: pass the id of the one you mean\n",
            twins[0], twins[1]
        )
    );
    // "TRIP" is "Trip" and "trip " ignoring case? Only "Trip": the other has a trailing space.
    let out = run(sandbox.cli().args(["items", "list", "TRIP", "-o", "id"]));
    out.success();
    assert_eq!(out.lines(), sandbox.item_ids(&trip));
    // Unknown: the near names with their ids.
    let out = run(sandbox.cli().args(["items", "list", "tri"]));
    out.code(2);
    assert_eq!(
        out.stderr,
        format!(
            "progallery: error: no gallery is named \"tri\" (and it is not an id)\n\
             hint: the site has \"Trip\" {trip}, \"trip \" {lower}: pass one of these names (quoted) or an id\n"
        )
    );
    assert_eq!(out.stdout, "");
    assert!(sandbox.writes().is_empty(), "{:?}", sandbox.writes());
}

#[test]
fn a_name_that_looks_like_a_guid_is_taken_as_an_id_and_the_miss_points_at_it() {
    let (sandbox, _, _, _) = site();
    let named = sandbox.call_ok("GET", "/galleries?limit=10", None)["galleries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["name"] == LOOKS_LIKE_A_GUID)
        .map(|g| g["id"].as_str().unwrap().to_string())
        .unwrap();
    let out = run(sandbox.cli().args(["galleries", "get", LOOKS_LIKE_A_GUID]));
    out.code(5);
    assert!(
        out.stderr.contains(&format!(
            "hint: no gallery has the id {LOOKS_LIKE_A_GUID}, but one is named so: its id is {named}"
        )),
        "{}",
        out.stderr
    );
    // A GUID that is nobody's id nor name keeps the usual not-found hint.
    let out = run(sandbox
        .cli()
        .args(["galleries", "get", "1b57f2a0-0c4e-4e0b-9a3e-6a1d2f3c4b5d"]));
    out.code(5);
    assert!(!out.stderr.contains("named so"), "{}", out.stderr);
}

#[test]
fn a_missing_gallery_is_never_asked_for_off_a_terminal() {
    let (sandbox, _, _, _) = site();
    sandbox.clear_request_log();
    let out = run(sandbox.cli().args(["items", "list"]));
    out.code(2);
    assert_eq!(
        out.stderr,
        "progallery: error: no gallery given (a list to pick from is offered only on a terminal)\n\
         hint: give a gallery's id or name: `progallery galleries list` shows them\n"
    );
    let out = run(sandbox.cli().env("PROGALLERY_FORCE_TTY", "1").args([
        "--no-input",
        "galleries",
        "delete",
        "--yes",
    ]));
    out.code(2);
    assert!(
        out.stderr
            .starts_with("progallery: error: no gallery given, and --no-input forbids asking\n"),
        "{}",
        out.stderr
    );
    assert!(sandbox.request_log().is_empty());
}

#[test]
fn on_a_terminal_a_missing_gallery_is_picked_from_a_list() {
    let (sandbox, _, _, archive) = site();
    let mut cmd = sandbox.cli();
    cmd.args(["galleries", "get", "-o", "id"]);
    let terminal = Terminal::spawn(cmd);
    terminal.wait_for_text("Which gallery?");
    terminal.wait_for_text(&format!("Archive  {archive}"));
    // Down twice (Trip, "trip ", Archive in creation order), then Enter.
    terminal.type_line("\x1b[B\x1b[B");
    let (status, shown) = terminal.finish();
    assert!(status.success(), "{shown}");
    assert!(shown.contains(&archive), "{shown}");
}

#[test]
fn completion_offers_cached_names_without_asking_the_service() {
    let (sandbox, _, _, _) = site();
    // Listing every gallery caches their names (owner-only).
    run(sandbox.cli().args(["galleries", "list", "--all"])).success();
    let cache = sandbox.home.path().join("data/gallery-names.json");
    assert_eq!(mode(&cache), 0o600);
    sandbox.clear_request_log();
    let out = run(sandbox.cli().env("COMPLETE", "fish").args([
        "--",
        "progallery",
        "items",
        "list",
        "tr",
    ]));
    out.success();
    let names: Vec<&str> = out.lines();
    assert!(
        names.iter().any(|l| l.starts_with("Trip\t")),
        "{}",
        out.stdout
    );
    assert!(
        names.iter().any(|l| l.starts_with("trip \t")),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("Archive"), "{}", out.stdout);
    // Bash inserts candidates as they are: spaces come escaped.
    let out = run(sandbox
        .cli()
        .env("COMPLETE", "bash")
        .env("_CLAP_COMPLETE_INDEX", "3")
        .args(["--", "progallery", "items", "list", "tr"]));
    out.success();
    assert!(
        out.stdout.split('\n').any(|c| c == "trip\\ "),
        "{:?}",
        out.stdout
    );
    assert!(
        sandbox.request_log().is_empty(),
        "a Tab never calls the service"
    );
}
