//! `galleries copy`: between two saved profiles (two sites of one sandbox server), streamed
//! through a temporary folder that is gone afterwards, a rerun that adds nothing, and `--keep DIR`
//! into an existing gallery.

use super::*;

/// A config file with profile `staging` for `OTHER_SITE` on `sandbox` (the current profile's
/// credentials come from the environment the harness sets).
fn staging_profile(sandbox: &Sandbox) {
    write_config(
        sandbox.home.path(),
        &format!(
            "[profiles.staging]\napi_key = \"{TEST_API_KEY}\"\nsite_id = \"{OTHER_SITE}\"\nbase_url = \"{}\"\n",
            sandbox.base_url
        ),
    );
}

#[test]
fn a_copy_streams_into_the_other_site_and_a_rerun_adds_nothing() {
    let sandbox = Sandbox::empty();
    staging_profile(&sandbox);
    let source = mixed_gallery(&sandbox, DEFAULT_TEST_SITE, "Trip", 40);
    let copy_to_staging = |cmd: &mut std::process::Command| {
        let out = run(cmd.args([
            "galleries",
            "copy",
            &source,
            "--to-profile",
            "staging",
            "-o",
            "id",
        ]));
        out.success();
        out
    };
    let tmp = tempfile::tempdir().unwrap();
    let copied = copy_to_staging(sandbox.cli().env("TMPDIR", tmp.path()));
    let target = copied.stdout.trim().to_string();
    assert!(
        copied
            .stderr
            .contains("does not show on the live site until"),
        "{}",
        copied.stderr
    );
    let original = sandbox.items_on_site(DEFAULT_TEST_SITE, &source);
    let copy = sandbox.items_on_site(OTHER_SITE, &target);
    let a: Vec<Value> = original.iter().map(comparable).collect();
    let b: Vec<Value> = copy.iter().map(comparable).collect();
    assert_eq!(a, b);
    assert_renditions_of_its_own_media(&copy);
    // No file is left behind: each went through the temporary folder and was removed.
    assert_eq!(names_in(tmp.path()), Vec::<String>::new());
    // The map that makes a rerun safe is in the data dir.
    let copies = names_in(&sandbox.home.path().join("data/copies"));
    assert_eq!(copies.len(), 1, "{copies:?}");

    sandbox.clear_request_log();
    let again = copy_to_staging(&mut sandbox.cli());
    assert_eq!(again.stdout.trim(), target);
    assert!(sandbox.writes().is_empty(), "{:?}", sandbox.writes());
    assert_eq!(sandbox.items_on_site(OTHER_SITE, &target).len(), 40);

    // An unknown profile: exit 2 naming it, nothing read.
    let unknown = run(sandbox
        .cli()
        .args(["galleries", "copy", &source, "--to-profile", "nope"]));
    assert_one_error_and_a_hint(
        "an unknown profile",
        &unknown,
        2,
        "no profile named \"nope\"",
    );
}

#[test]
fn keep_writes_a_full_export_and_fills_an_existing_gallery() {
    let sandbox = Sandbox::empty();
    staging_profile(&sandbox);
    let source = mixed_gallery(&sandbox, DEFAULT_TEST_SITE, "Trip", 12);
    let existing = sandbox.gallery_on_site(OTHER_SITE, "Made in the Editor", vec![]);
    let out = tempfile::tempdir().unwrap();
    let keep = out.path().join("kept");
    let copied = run(sandbox
        .cli()
        .args([
            "galleries",
            "copy",
            &source,
            "--to-profile",
            "staging",
            "--into",
            &existing,
        ])
        .arg("--keep")
        .arg(&keep)
        .args(["-o", "id"]));
    copied.success();
    assert_eq!(copied.stdout.trim(), existing);
    assert!(!copied.stderr.contains("does not show on the live site"));
    assert_eq!(
        names_in(&keep),
        [
            "gallery.json",
            "idmap.jsonl",
            "index.html",
            "manifest.jsonl",
            "media"
        ]
    );
    assert_eq!(sandbox.items_on_site(OTHER_SITE, &existing).len(), 12);
}

#[test]
fn a_copy_by_name_and_one_by_id_share_one_map_so_the_rerun_adds_nothing() {
    let sandbox = Sandbox::empty();
    staging_profile(&sandbox);
    // A name with a '/' in it: the map's file is named after the gallery's id, never its name.
    let source = mixed_gallery(&sandbox, DEFAULT_TEST_SITE, "Trip/2024", 3);
    let copy = |gallery: &str| {
        let out = run(sandbox.cli().args([
            "galleries",
            "copy",
            gallery,
            "--to-profile",
            "staging",
            "-o",
            "id",
        ]));
        out.success();
        out.stdout.trim().to_string()
    };
    let target = copy("Trip/2024");
    assert_eq!(sandbox.items_on_site(OTHER_SITE, &target).len(), 3);
    sandbox.clear_request_log();
    assert_eq!(copy(&source), target);
    assert!(sandbox.writes().is_empty(), "{:?}", sandbox.writes());
    let copies = names_in(&sandbox.home.path().join("data/copies"));
    assert_eq!(copies.len(), 1, "{copies:?}");
    assert!(
        copies[0].ends_with(&format!("-{source}.jsonl")),
        "{copies:?}"
    );
}
