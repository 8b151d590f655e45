//! `items update` (flags and --from-file), `items move` and `items reorder` end to end: the
//! fields that change, the order afterwards, and how few updates it took.

use serde_json::json;

use crate::common::*;

/// A photo with alt text, a link and tags, then a text item; the gallery and the photo's id.
fn image_gallery(sandbox: &Sandbox) -> (String, String) {
    let gallery = sandbox.gallery_with_items(
        "E",
        vec![
            json!({
                "title": "Photo",
                "image": {"imageInfo": {"id": "11062b_12703ed9a6574547bcaed22b1ce44eef~mv2.jpeg", "width": 4, "height": 3, "altText": "old"}},
                "link": {"type": "EXTERNAL", "url": "https://example.com/a", "target": "_blank"},
                "tags": {"values": ["keep", "drop"]}
            }),
            json!({"title": "Note", "text": {"html": "<p/>"}}),
        ],
    );
    let first = sandbox.item_ids(&gallery).remove(0);
    (gallery, first)
}

#[test]
fn update_one_item_by_parts() {
    let sandbox = Sandbox::empty();
    let (g, photo) = image_gallery(&sandbox);
    let out = run(sandbox.cli().args([
        "items",
        "update",
        &g,
        &photo,
        "--add-tag",
        "new",
        "--remove-tag",
        "drop",
        "--alt",
        "fresh",
        "--focal-point",
        "0.5,0.1",
        "--link-text",
        "See",
        "-o",
        "json",
    ]));
    out.success();
    let item = out.json();
    assert_eq!(item["tags"]["values"], json!(["keep", "new"]));
    assert_eq!(item["image"]["imageInfo"]["altText"], "fresh");
    assert_eq!(
        item["image"]["imageInfo"]["width"], 4,
        "the rest of the image is kept"
    );
    assert_eq!(item["image"]["focalPoint"]["y"], 0.1);
    assert_eq!(
        item["link"]["url"], "https://example.com/a",
        "the link keeps its URL"
    );
    assert_eq!(item["link"]["text"], "See");
    let cleared =
        run(sandbox
            .cli()
            .args(["items", "update", &g, &photo, "--clear-link", "-o", "json"]));
    cleared.success();
    assert!(cleared.json().get("link").is_none(), "{}", cleared.stdout);
    // Nothing to change, or alt text on a text item: usage errors.
    let note = sandbox.item_ids(&g).remove(1);
    run(sandbox.cli().args(["items", "update", &g, &photo])).code(2);
    run(sandbox
        .cli()
        .args(["items", "update", &g, &note, "--alt", "x"]))
    .code(2);
}

#[test]
fn update_many_from_a_file() {
    let sandbox = Sandbox::empty();
    let g = sandbox.gallery_with_items("Many", text_items(6));
    let all = sandbox.item_ids(&g);
    let bad = format!(
        "{}\n{}\n{}\n",
        json!({"id": all[0], "title": "ok"}),
        json!({"id": "nope", "title": "x"}),
        json!({"id": all[1], "colour": "red"}),
    );
    sandbox.clear_request_log();
    let out = run_with_stdin(
        sandbox
            .cli()
            .args(["items", "update", &g, "--from-file", "-"]),
        Some(bad.as_bytes()),
    );
    out.code(2);
    assert!(out.stderr.contains("line 2, field id"), "{}", out.stderr);
    assert!(
        out.stderr.contains("line 3, field colour"),
        "{}",
        out.stderr
    );
    assert!(sandbox.request_log().is_empty());

    let mut edits: Vec<String> = all
        .iter()
        .enumerate()
        .map(|(i, id)| {
            json!({"id": id, "description": format!("d{i}"), "addTags": ["bulk"]}).to_string()
        })
        .collect();
    edits.push(json!({"id": "00000000-0000-4000-8000-000000000000", "title": "ghost"}).to_string());
    let out = run_with_stdin(
        sandbox
            .cli()
            .args(["items", "update", &g, "--from-file", "-", "-o", "id"]),
        Some(edits.join("\n").as_bytes()),
    );
    out.code(3);
    assert_eq!(out.lines(), all, "updated items print in file order");
    assert!(out.stderr.contains("line 7"), "{}", out.stderr);
    let items = sandbox.items(&g);
    assert!(items
        .iter()
        .enumerate()
        .all(|(i, it)| it["description"] == format!("d{i}").as_str()
            && it["tags"]["values"] == json!(["bulk"])));
}

#[test]
fn move_to_ends_and_between_with_renumbering_when_there_is_no_room() {
    let sandbox = Sandbox::empty();
    let g = sandbox.gallery_with_items("M", text_items(5));
    let before = sandbox.item_ids(&g);
    let moved = run(sandbox
        .cli()
        .args(["items", "move", &g, &before[4], "--first", "-o", "id"]));
    moved.success();
    assert_eq!(moved.stdout.trim(), before[4]);
    run(sandbox
        .cli()
        .args(["items", "move", &g, &before[0], "--last"]))
    .success();
    run(sandbox
        .cli()
        .args(["items", "move", &g, &before[2], "--after", &before[3]]))
    .success();
    run(sandbox
        .cli()
        .args(["items", "move", &g, &before[1], "--before", &before[4]]))
    .success();
    assert_eq!(
        titles(&sandbox.items(&g)),
        ["item 1", "item 4", "item 3", "item 2", "item 0"]
    );

    // Two neighbours one double apart: moving between them spreads the fewest items apart.
    let t = sandbox.gallery_with_items(
        "T",
        vec![
            json!({"title": "a", "sortOrder": 1.0, "text": {"html": "a"}}),
            json!({"title": "b", "sortOrder": 1.0000000000000002, "text": {"html": "b"}}),
            json!({"title": "c", "sortOrder": 50.0, "text": {"html": "c"}}),
            json!({"title": "z", "sortOrder": 100.0, "text": {"html": "z"}}),
        ],
    );
    let t_ids = sandbox.item_ids(&t);
    sandbox.clear_request_log();
    let out = run(sandbox
        .cli()
        .args(["items", "move", &t, &t_ids[3], "--after", &t_ids[0]]));
    out.success();
    assert!(
        out.stderr.contains("spreading 1 item(s) apart"),
        "{}",
        out.stderr
    );
    assert_eq!(titles(&sandbox.items(&t)), ["a", "z", "b", "c"]);
    assert_eq!(sandbox.logged("PATCH", "/items/").len(), 2);
    // Unknown neighbour: not found; next to itself: usage.
    run(sandbox.cli().args([
        "items",
        "move",
        &t,
        &t_ids[0],
        "--before",
        "00000000-0000-4000-8000-000000000000",
    ]))
    .code(5);
    run(sandbox
        .cli()
        .args(["items", "move", &t, &t_ids[0], "--before", &t_ids[0]]))
    .code(2);
}

#[test]
fn reorder_moves_only_what_is_out_of_place() {
    let sandbox = Sandbox::empty();
    let g = sandbox.gallery_with_items("R", text_items(8));
    let current = sandbox.item_ids(&g);
    // Move two items: the rest already agree with the wanted order.
    let mut wanted = current.clone();
    let last = wanted.remove(7);
    wanted.insert(1, last);
    wanted.swap(4, 5);
    let list = wanted.join("\n") + "\n";
    sandbox.clear_request_log();
    let dry = run_with_stdin(
        sandbox.cli().args([
            "items",
            "reorder",
            &g,
            "--ids-from",
            "-",
            "--dry-run",
            "-o",
            "id",
        ]),
        Some(list.as_bytes()),
    );
    dry.success();
    assert_eq!(dry.lines().len(), 2);
    assert!(sandbox.request_log().iter().all(|r| r["method"] == "GET"));
    let out = run_with_stdin(
        sandbox
            .cli()
            .args(["items", "reorder", &g, "--ids-from", "-"]),
        Some(list.as_bytes()),
    );
    out.success();
    assert_eq!(sandbox.item_ids(&g), wanted);
    assert_eq!(
        sandbox.logged("PATCH", "/items/").len(),
        2,
        "fewest updates"
    );
    // A list that leaves items out, or names strangers: usage errors, nothing sent.
    sandbox.clear_request_log();
    let partial = wanted[..3].join("\n");
    let out = run_with_stdin(
        sandbox
            .cli()
            .args(["items", "reorder", &g, "--ids-from", "-"]),
        Some(partial.as_bytes()),
    );
    out.code(2);
    assert!(out.stderr.contains("leaves out 5"), "{}", out.stderr);
    assert!(sandbox.request_log().iter().all(|r| r["method"] == "GET"));
}
