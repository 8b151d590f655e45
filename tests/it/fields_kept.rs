//! Fields kept, not invented (issue 11, item 7), end to end through the CLI: Wix's system tags
//! survive `--tag` unless `--drop-system-tags`; a link's type and any window-name target are
//! kept; `secondaryMedia` and fields nobody knows survive `get -o json` → `add --from-file`, and
//! a delete → restore; media ids of every real form are accepted. And no-op edits (issue 12,
//! item 6): `items update` and `galleries update` that change nothing send nothing, say
//! "unchanged", exit 0 and print the object as it is, so no webhook event is made.

use serde_json::{json, Value};

use crate::cleanup_support::journal_path;
use crate::common::*;

/// A photo as real galleries hold it: system tags, an internal link with a named target,
/// `secondaryMedia` and a field this tool does not know.
fn real_photo() -> Value {
    json!({
        "title": "Dunes",
        "description": "Erg Chebbi",
        "image": {"type": "WIX_MEDIA", "imageInfo": {"id": "11062b_12703ed9a6574547bcaed22b1ce44eef~mv2.jpeg", "width": 4, "height": 3, "altText": "sand"}},
        "link": {"type": "INTERNAL", "url": "https://example.com/about", "text": "About", "target": "gallery-popup"},
        "tags": {"values": ["_fileOrigin_uploaded", "desert", "_unsplash_qWBg64lnD5Q"]},
        "secondaryMedia": {"image": {"imageInfo": {"id": "nsplsh_7157426736346c6e443551~mv2.jpg", "width": 10, "height": 20}, "focalPoint": {"x": 0.2, "y": 0.8}}},
        "aiCaption": {"text": "sand dunes at dawn", "model": 3}
    })
}

fn photo_gallery(sb: &Sandbox) -> (String, String) {
    let g = sb.gallery_with_items("Real", vec![real_photo(), text_item("note")]);
    let id = sb.item_ids(&g).remove(0);
    (g, id)
}

fn item(sb: &Sandbox, g: &str, id: &str) -> Value {
    sb.call_ok("GET", &format!("/galleries/{g}/items/{id}"), None)["item"].clone()
}

#[test]
fn tag_keeps_system_tags_unless_asked_to_drop_them() {
    let sb = Sandbox::empty();
    let (g, id) = photo_gallery(&sb);
    run(sb
        .cli()
        .args(["items", "update", &g, &id, "--tag", "sea", "--tag", "dawn"]))
    .success();
    assert_eq!(
        item(&sb, &g, &id)["tags"]["values"],
        json!([
            "_fileOrigin_uploaded",
            "_unsplash_qWBg64lnD5Q",
            "sea",
            "dawn"
        ])
    );
    // From a file too.
    let row = json!({"id": id, "tags": ["calm"]}).to_string();
    run_with_stdin(
        sb.cli()
            .args(["items", "update", &g, "--from-file", "-", "-o", "jsonl"]),
        Some(row.as_bytes()),
    )
    .success();
    assert_eq!(
        item(&sb, &g, &id)["tags"]["values"],
        json!(["_fileOrigin_uploaded", "_unsplash_qWBg64lnD5Q", "calm"])
    );
    // Removing one by name works as for any tag; --drop-system-tags replaces them all.
    run(sb.cli().args([
        "items",
        "update",
        &g,
        &id,
        "--remove-tag",
        "_unsplash_qWBg64lnD5Q",
    ]))
    .success();
    assert_eq!(
        item(&sb, &g, &id)["tags"]["values"],
        json!(["_fileOrigin_uploaded", "calm"])
    );
    run(sb.cli().args([
        "items",
        "update",
        &g,
        &id,
        "--tag",
        "only",
        "--drop-system-tags",
    ]))
    .success();
    assert_eq!(item(&sb, &g, &id)["tags"]["values"], json!(["only"]));
    // --drop-system-tags means nothing without --tag: a usage error, nothing sent.
    sb.clear_request_log();
    let bad = run(sb
        .cli()
        .args(["items", "update", &g, &id, "--drop-system-tags"]));
    bad.code(2);
    assert!(bad.stderr.contains("--tag"), "{}", bad.stderr);
    assert!(sb.request_log().is_empty());
}

#[test]
fn links_keep_their_type_and_take_any_window_name() {
    let sb = Sandbox::empty();
    let (g, id) = photo_gallery(&sb);
    run(sb
        .cli()
        .args(["items", "update", &g, &id, "--link-text", "Who we are"]))
    .success();
    let link = item(&sb, &g, &id)["link"].clone();
    assert_eq!(
        link,
        json!({"type": "INTERNAL", "url": "https://example.com/about", "text": "Who we are", "target": "gallery-popup"})
    );
    run(sb
        .cli()
        .args(["items", "update", &g, &id, "--link-target", "_top"]))
    .success();
    assert_eq!(item(&sb, &g, &id)["link"]["target"], "_top");
    let bad = run(sb
        .cli()
        .args(["items", "update", &g, &id, "--link-target", "two words"]));
    bad.code(2);
    // A new URL makes it an external link.
    run(sb.cli().args([
        "items",
        "update",
        &g,
        &id,
        "--link",
        "https://example.org/shop",
    ]))
    .success();
    let link = item(&sb, &g, &id)["link"].clone();
    assert_eq!(link["type"], "EXTERNAL");
    assert_eq!(link["target"], "_top");
}

#[test]
fn unknown_fields_and_secondary_media_survive_a_json_round_trip_and_a_restore() {
    let sb = Sandbox::empty();
    let (g, id) = photo_gallery(&sb);
    let original = item(&sb, &g, &id);
    // get -o json → add --from-file into another gallery: created as it was.
    let dump = run(sb.cli().args(["items", "get", &g, &id, "-o", "json"]));
    dump.success();
    let file = temp_file(sb.home.path(), "item.json", &dump.stdout);
    let other = sb.new_gallery("Copy");
    let added = run(sb.cli().args([
        "items",
        "add",
        &other,
        "--from-file",
        file.to_str().unwrap(),
        "-o",
        "json",
    ]));
    added.success();
    let copy = &sb.items(&other)[0];
    for field in [
        "title",
        "description",
        "image",
        "link",
        "tags",
        "secondaryMedia",
        "aiCaption",
    ] {
        assert_eq!(copy[field], original[field], "{field}");
    }
    // Delete and restore: everything but the id and dates comes back.
    let deleted = run(sb.cli().args(["items", "delete", &g, &id, "--yes"]));
    deleted.success();
    run(sb
        .cli()
        .args(["items", "restore", "--journal", &journal_path(&deleted)]))
    .success();
    let back = sb
        .items(&g)
        .into_iter()
        .find(|i| i["title"] == "Dunes")
        .expect("restored");
    let strip = |mut v: Value| {
        for key in ["id", "createdDate", "updatedDate"] {
            v.as_object_mut().unwrap().remove(key);
        }
        v
    };
    assert_eq!(strip(back), strip(original));
}

#[test]
fn media_ids_of_every_real_form_are_accepted() {
    let sb = Sandbox::empty();
    let g = sb.new_gallery("Ids");
    let ids = [
        "nsplsh_7157426736346c6e443551~mv2.jpg",
        "c55f98ed1a97626a07ba65d13654d039.jpg",
        "11062b_12703ed9a6574547bcaed22b1ce44eef~mv2.jpeg",
    ];
    let mut args = vec!["items", "add", &g];
    args.extend(ids);
    args.extend(["--width", "640", "--height", "480", "-o", "id"]);
    let out = run(sb.cli().args(&args));
    out.success();
    assert_eq!(out.lines().len(), 3);
    let shown: Vec<Value> = sb
        .items(&g)
        .iter()
        .map(|i| i["image"]["imageInfo"]["id"].clone())
        .collect();
    assert_eq!(shown, ids.map(Value::from));
}

#[test]
fn an_item_update_that_changes_nothing_sends_nothing_and_fires_no_event() {
    let sb = Sandbox::empty();
    let (g, id) = photo_gallery(&sb);
    let before = item(&sb, &g, &id);
    sb.clear_request_log();
    let events_before = sb.events().len();
    for args in [
        vec!["--title", "Dunes", "--description", "Erg Chebbi"],
        vec!["--alt", "sand"],
        vec!["--add-tag", "desert"],
        vec!["--remove-tag", "nothing-like-it"],
        vec!["--link-text", "About"],
        vec!["--tag", "desert"],
        vec!["--sort-order", &before["sortOrder"].to_string()],
    ] {
        let mut full = vec!["items", "update", &g, &id];
        full.extend(&args);
        full.extend(["-o", "json"]);
        let out = run(sb.cli().args(&full));
        out.success();
        assert_eq!(out.json(), before, "{args:?}: prints the item as it is");
        assert!(out.stderr.contains("unchanged"), "{args:?}: {}", out.stderr);
    }
    assert!(sb.writes().is_empty(), "{:?}", sb.writes());
    assert_eq!(sb.events().len(), events_before, "no event");
    // A real change after all this: one PATCH, one event.
    run(sb
        .cli()
        .args(["items", "update", &g, &id, "--title", "Dunes at dawn"]))
    .success();
    assert_eq!(sb.writes().len(), 1);
    let events = sb.events();
    assert_eq!(events.len(), events_before + 1);
    assert_eq!(events.last().unwrap()["type"], "ItemUpdated");
    // From a file: the row that changes nothing is skipped, the other is sent.
    let note = sb.item_ids(&g).remove(1);
    let rows = [
        json!({"id": id, "title": "Dunes at dawn"}),
        json!({"id": note, "title": "a note"}),
    ]
    .map(|r| r.to_string())
    .join("\n");
    let out = run_with_stdin(
        sb.cli()
            .args(["items", "update", &g, "--from-file", "-", "-o", "jsonl"]),
        Some(rows.as_bytes()),
    );
    out.success();
    let statuses: Vec<String> = out
        .lines()
        .iter()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["status"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(statuses, ["skipped", "updated"]);
    assert!(out.stderr.contains("unchanged"), "{}", out.stderr);
    assert_eq!(sb.writes().len(), 2);
    assert_eq!(sb.events().len(), events_before + 2);
}

#[test]
fn a_gallery_update_that_changes_nothing_sends_nothing_and_fires_no_event() {
    let sb = Sandbox::empty();
    let g = sb.gallery_with_items("Same", vec![text_item("a")]);
    let sort_order =
        sb.call_ok("GET", &format!("/galleries/{g}"), None)["gallery"]["sortOrder"].to_string();
    sb.clear_request_log();
    let events_before = sb.events().len();
    let out = run(sb.cli().args([
        "galleries",
        "update",
        &g,
        "--name",
        "Same",
        "--sort-order",
        &sort_order,
        "-o",
        "json",
    ]));
    out.success();
    assert_eq!(out.json()["name"], "Same");
    assert_eq!(out.json()["totalItems"], 1);
    assert!(out.stderr.contains("unchanged"), "{}", out.stderr);
    assert!(sb.writes().is_empty(), "{:?}", sb.writes());
    assert_eq!(sb.events().len(), events_before);
    run(sb
        .cli()
        .args(["galleries", "update", &g, "--name", "Other"]))
    .success();
    assert_eq!(sb.writes().len(), 1);
    assert_eq!(sb.events().last().unwrap()["type"], "GalleryUpdated");
}
