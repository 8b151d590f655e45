//! `galleries import`: the Editor note and `-o id`, a kill after half the items and a rerun that
//! adds only what is missing, `--into` a gallery that holds items (asks, or needs --yes), an
//! incomplete export refused before anything is sent, and the rehearsal of a real site's export on
//! the embedded `--sandbox`.

use super::*;

/// Exports `gallery` of `site` into `dir`.
#[track_caller]
fn export(sandbox: &Sandbox, site: &str, gallery: &str, dir: &Path) {
    run(sandbox
        .cli()
        .env("WIX_SITE_ID", site)
        .args(["galleries", "export", gallery])
        .arg(dir))
    .success();
}

#[test]
fn killed_after_half_the_items_a_rerun_adds_the_rest_and_nothing_twice() {
    let sandbox = Sandbox::empty();
    let source = mixed_gallery(&sandbox, DEFAULT_TEST_SITE, "Source", 200);
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().join("export");
    export(&sandbox, DEFAULT_TEST_SITE, &source, &dir);
    // Slow creates down, so the kill lands in the middle.
    sandbox.set_faults(json!({"latencyMs": 40}));
    let mut cmd = sandbox.cli();
    cmd.env("WIX_SITE_ID", OTHER_SITE)
        .args(["galleries", "import"])
        .arg(&dir)
        .args(["-o", "id"]);
    let import = Process::spawn(&mut cmd);
    let mut target = String::new();
    wait_for("the import to have created half the items", || {
        let galleries = galleries_of(&sandbox, OTHER_SITE);
        match galleries.first() {
            Some(gallery) if gallery["totalItems"].as_u64().unwrap_or(0) >= 100 => {
                target = gallery["id"].as_str().unwrap().to_string();
                true
            }
            _ => false,
        }
    });
    import.kill();
    sandbox.set_faults(json!({"latencyMs": 0}));
    let partial = sandbox.items_on_site(OTHER_SITE, &target).len();
    assert!((100..200).contains(&partial), "{partial} items when killed");

    let rerun = run(sandbox
        .cli()
        .env("WIX_SITE_ID", OTHER_SITE)
        .args(["galleries", "import"])
        .arg(&dir)
        .args(["-o", "id"]));
    rerun.success();
    assert_eq!(rerun.stdout.trim(), target, "the same gallery, resumed");
    assert!(
        rerun.stderr.contains("resuming the import"),
        "{}",
        rerun.stderr
    );
    assert_eq!(
        galleries_of(&sandbox, OTHER_SITE).len(),
        1,
        "no second gallery"
    );
    let copied = sandbox.items_on_site(OTHER_SITE, &target);
    let original = sandbox.items_on_site(DEFAULT_TEST_SITE, &source);
    assert_eq!(copied.len(), 200, "nothing missing, nothing twice");
    let titles = |items: &[Value]| -> Vec<String> {
        items
            .iter()
            .map(|i| i["title"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(titles(&copied), titles(&original));
    // The id map names every item once, old → new.
    let map = read_lines(&dir.join("idmap.jsonl"));
    let mut mapped: Vec<(String, String)> = map
        .iter()
        .filter(|l| l["kind"] == "item")
        .map(|l| {
            (
                l["old"].as_str().unwrap().to_string(),
                l["new"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    mapped.sort();
    mapped.dedup();
    assert_eq!(mapped.len(), 200);
    let new_ids: std::collections::HashSet<&str> =
        copied.iter().map(|i| i["id"].as_str().unwrap()).collect();
    assert!(mapped.iter().all(|(_, new)| new_ids.contains(new.as_str())));
    // A third run sends no write at all.
    sandbox.clear_request_log();
    let third = run(sandbox
        .cli()
        .env("WIX_SITE_ID", OTHER_SITE)
        .args(["galleries", "import"])
        .arg(&dir));
    third.success();
    assert!(
        third.stderr.contains("imported 0 of 200 item(s)"),
        "{}",
        third.stderr
    );
    assert!(sandbox.writes().is_empty(), "{:?}", sandbox.writes());
}

#[test]
fn a_new_gallery_comes_with_the_editor_note_and_into_a_full_one_needs_yes() {
    let sandbox = Sandbox::start();
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().join("seeded");
    export(&sandbox, SEED_SITE, SEEDED, &dir);
    let first = run(sandbox
        .cli()
        .args(["galleries", "import"])
        .arg(&dir)
        .args(["-o", "id"]));
    first.success();
    let made = first.stdout.trim().to_string();
    assert!(
        first
            .stderr
            .contains("does not show on the live site until"),
        "{}",
        first.stderr
    );
    assert!(
        first
            .stderr
            .contains(&format!("imported 4 of 4 item(s) into gallery {made}")),
        "{}",
        first.stderr
    );
    assert!(first.stderr.contains("old → new ids: "), "{}", first.stderr);
    let copied = sandbox.items(&made);
    let seeded = sandbox.items_on_site(SEED_SITE, SEEDED);
    let kept: Vec<Value> = copied.iter().map(comparable).collect();
    let source: Vec<Value> = seeded.iter().map(comparable).collect();
    assert_eq!(kept, source, "every field but ids, media ids and dates");
    assert_renditions_of_its_own_media(&copied);

    // --into a gallery that holds items: off a terminal, --yes or nothing.
    let full = sandbox.gallery_with_items("Editor's", text_items(2));
    sandbox.clear_request_log();
    let refused = run(sandbox
        .cli()
        .args(["galleries", "import"])
        .arg(&dir)
        .args(["--into", &full]));
    assert_one_error_and_a_hint("a gallery with items", &refused, 2, "holds 2 item(s)");
    assert!(
        refused.stderr.contains("hint: add --yes"),
        "{}",
        refused.stderr
    );
    assert!(sandbox.writes().is_empty());
    let filled = run(sandbox
        .cli()
        .args(["galleries", "import"])
        .arg(&dir)
        .args(["--into", &full, "--yes", "-o", "id"]));
    filled.success();
    assert_eq!(filled.stdout.trim(), full);
    assert!(!filled.stderr.contains("does not show on the live site"));
    let titles: Vec<String> = sandbox
        .items(&full)
        .iter()
        .map(|i| i["title"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        titles,
        [
            "item 0",
            "item 1",
            "Some Title",
            "Video",
            "Mountainous Landscape",
            "Text Item 1"
        ],
        "after what the gallery held, in their order"
    );
    // Resuming into it asks nothing: it is this import's own gallery now.
    run(sandbox
        .cli()
        .args(["galleries", "import"])
        .arg(&dir)
        .args(["--into", &full]))
    .success();
    assert_eq!(sandbox.items(&full).len(), 6);
    // On a terminal, a "no" changes nothing.
    let other = sandbox.gallery_with_items("Other", text_items(1));
    let declined = run_with_stdin(
        sandbox
            .cli()
            .env("PROGALLERY_FORCE_TTY", "1")
            .args(["galleries", "import"])
            .arg(&dir)
            .args(["--into", &other]),
        Some(b"n\n"),
    );
    declined.code(130);
    assert_eq!(sandbox.items(&other).len(), 1);
}

#[test]
fn an_incomplete_export_is_refused_before_anything_is_sent() {
    let sandbox = Sandbox::start();
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().join("seeded");
    export(&sandbox, SEED_SITE, SEEDED, &dir);
    std::fs::remove_file(dir.join("media/0001-some-title.jpeg")).unwrap();
    sandbox.clear_request_log();
    let refused = run(sandbox.cli().args(["galleries", "import"]).arg(&dir));
    refused.code(2);
    assert!(
        refused.stderr.contains("1 item(s) lack their media file"),
        "{}",
        refused.stderr
    );
    assert!(
        refused.stderr.contains("media/0001-some-title.jpeg"),
        "{}",
        refused.stderr
    );
    assert!(
        refused
            .stderr
            .contains("hint: run the same `galleries export` again"),
        "{}",
        refused.stderr
    );
    assert!(
        sandbox.request_log().is_empty(),
        "nothing sent, not even a read"
    );
    // A manifest (from elsewhere) naming a file outside the folder: refused, nothing read or sent.
    let secret = temp_file(out.path(), "secret.jpg", "not for upload");
    let manifest = std::fs::read_to_string(dir.join("manifest.jsonl"))
        .unwrap()
        .replace("media/0001-some-title.jpeg", "../secret.jpg");
    std::fs::write(dir.join("manifest.jsonl"), manifest).unwrap();
    let outside = run(sandbox.cli().args(["galleries", "import"]).arg(&dir));
    outside.code(2);
    assert!(
        outside.stderr.contains("not a path inside the export"),
        "{}",
        outside.stderr
    );
    assert!(sandbox.request_log().is_empty());
    assert!(secret.exists());
    let not_an_export = run(sandbox.cli().args(["galleries", "import"]).arg(out.path()));
    not_an_export.code(2);
    assert!(
        not_an_export.stderr.contains("gallery.json"),
        "{}",
        not_an_export.stderr
    );
}

#[test]
fn an_export_of_another_site_rehearses_on_the_embedded_sandbox() {
    // The "real site": a sandbox server with a mixed gallery; the rehearsal: `--sandbox`.
    let site = Sandbox::empty();
    let source = mixed_gallery(&site, DEFAULT_TEST_SITE, "Shop", 30);
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().join("shop");
    export(&site, DEFAULT_TEST_SITE, &source, &dir);
    let home = tempfile::tempdir().unwrap();
    let rehearsal = run(cli_in(home.path())
        .args(["--sandbox", "galleries", "import"])
        .arg(&dir)
        .args(["-o", "id"]));
    rehearsal.success();
    let made = rehearsal.stdout.trim().to_string();
    let listed =
        run(cli_in(home.path()).args(["--sandbox", "items", "list", &made, "--all", "-o", "json"]));
    listed.success();
    let listed_items = listed.json().as_array().cloned().unwrap();
    assert_renditions_of_its_own_media(&listed_items);
    let copied: Vec<Value> = listed_items.iter().map(comparable).collect();
    let original: Vec<Value> = site
        .items_on_site(DEFAULT_TEST_SITE, &source)
        .iter()
        .map(comparable)
        .collect();
    assert_eq!(copied, original);
    // Its media are the embedded sandbox's own now (new ids), not the other site's.
    let media_of = |items: &[Value]| -> std::collections::HashSet<String> {
        items
            .iter()
            .filter_map(|i| i.pointer("/image/imageInfo/id").and_then(Value::as_str))
            .map(str::to_string)
            .collect()
    };
    let theirs = media_of(&site.items_on_site(DEFAULT_TEST_SITE, &source));
    let ours = media_of(listed.json().as_array().unwrap());
    assert!(
        !ours.is_empty() && ours.is_disjoint(&theirs),
        "{ours:?} {theirs:?}"
    );
}
