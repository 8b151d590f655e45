//! `items` verbs end to end against a sandbox server: paging and its request count, every way of
//! adding, update, delete, bulk delete in batches, and bad input that must send nothing.

use serde_json::{json, Value};

use crate::common::*;

const MEDIA_ID: &str = "11062b_12703ed9a6574547bcaed22b1ce44eef~mv2.jpeg";

fn item_count(sandbox: &Sandbox, gallery: &str) -> u64 {
    let resp = sandbox
        .request(
            "GET",
            &format!("/progallery/v2/galleries/{gallery}?itemLimit=1"),
        )
        .send();
    assert_eq!(resp.status, 200, "{}", resp.body);
    resp.json()["gallery"]["totalItems"].as_u64().unwrap()
}

#[test]
fn add_every_kind_then_get_update_delete() {
    let sandbox = Sandbox::empty();
    let g = sandbox.new_gallery("Items");

    let image = run(sandbox.cli().args([
        "items",
        "add",
        &g,
        MEDIA_ID,
        "--width",
        "1920",
        "--height",
        "1280",
        "--title",
        "Dunes",
        "--alt",
        "sand",
        "--tag",
        "desert",
        "--tag",
        "2026",
        "--link",
        "https://example.com/dunes",
        "-o",
        "json",
    ]));
    image.success();
    let image = image.json();
    assert_eq!(image["type"], "IMAGE");
    assert_eq!(image["image"]["imageInfo"]["id"], MEDIA_ID);
    assert_eq!(image["image"]["imageInfo"]["altText"], "sand");
    assert_eq!(image["image"]["imageInfo"]["width"], 1920);
    assert_eq!(image["tags"]["values"], json!(["desert", "2026"]));
    assert_eq!(image["link"]["url"], "https://example.com/dunes");
    let image_id = image["id"].as_str().unwrap().to_string();
    // What was sent: the wire shape of spec/api.md, galleryId in the body (the SDK habit).
    let sent = &sandbox.logged("POST", "/items")[0]["body"];
    assert_eq!(sent["galleryId"], g.as_str());
    assert_eq!(sent["item"]["image"]["type"], "WIX_MEDIA");

    let url = format!("https://static.wixstatic.com/media/{MEDIA_ID}");
    let by_url = run(sandbox.cli().args([
        "items",
        "add",
        &g,
        &url,
        "--width",
        "10",
        "--height",
        "20",
        "-o",
        "jsonl",
        // The same media again: skipped as already there, unless asked for.
        "--allow-duplicates",
    ]));
    by_url.success();
    let by_url: Value = serde_json::from_str(by_url.lines()[0]).unwrap();
    assert_eq!(by_url["image"]["imageInfo"]["id"], MEDIA_ID);

    let video = run(sandbox.cli().args([
        "items",
        "add",
        &g,
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "-o",
        "jsonl",
    ]));
    video.success();
    let video: Value = serde_json::from_str(video.lines()[0]).unwrap();
    assert_eq!(video["type"], "VIDEO");
    assert_eq!(video["video"]["type"], "YOUTUBE");

    let vimeo =
        run(sandbox
            .cli()
            .args(["items", "add", &g, "https://vimeo.com/76979871", "-o", "id"]));
    vimeo.success();

    let text = run(sandbox.cli().args([
        "items",
        "add",
        &g,
        "--text",
        "<p>Hello</p>",
        "--title",
        "Note",
        "-o",
        "id",
    ]));
    text.success();
    let text_id = text.stdout.trim().to_string();
    assert_eq!(item_count(&sandbox, &g), 5);

    // Bad input: one line, exit 2, nothing sent.
    sandbox.clear_request_log();
    for args in [
        vec![
            "items",
            "add",
            &g,
            "https://example.com/a.jpg",
            "--width",
            "1",
            "--height",
            "1",
        ],
        vec!["items", "add", &g, "--text", "<p/>", "--alt", "x"],
        vec!["items", "add", &g, "--text", "<p/>", "--link", "not a url"],
    ] {
        let run = run(sandbox.cli().args(&args));
        run.code(2);
        assert_eq!(
            run.stderr
                .lines()
                .filter(|l| l.starts_with("progallery: error"))
                .count(),
            1,
            "{args:?}"
        );
    }
    assert!(sandbox.request_log().is_empty());
    // Without a size, a media id is looked up in the Media Manager: this one is not there.
    let unknown = run(sandbox.cli().args([
        "items",
        "add",
        &g,
        "11062b_00000000000000000000000000000000~mv2.jpeg",
    ]));
    // Its only source failed: not a partial failure (3) but the failure's own code (1).
    unknown.code(1);
    assert!(
        unknown.stderr.contains("no media file"),
        "{}",
        unknown.stderr
    );

    let got = run(sandbox
        .cli()
        .args(["items", "get", &g, &image_id, "-o", "json"]));
    got.success();
    assert_eq!(got.json()["title"], "Dunes");

    let updated = run(sandbox.cli().args([
        "items",
        "update",
        &g,
        &image_id,
        "--title",
        "Dunes at dusk",
        "--alt",
        "orange sand",
        "-o",
        "json",
    ]));
    updated.success();
    assert_eq!(updated.json()["title"], "Dunes at dusk");
    assert_eq!(
        updated.json()["image"]["imageInfo"]["altText"],
        "orange sand"
    );
    assert_eq!(
        updated.json()["image"]["imageInfo"]["width"],
        1920,
        "the rest of the image is kept"
    );

    let alt_on_text = run(sandbox
        .cli()
        .args(["items", "update", &g, &text_id, "--alt", "x"]));
    alt_on_text.code(2);

    let refused = run(sandbox.cli().args(["items", "delete", &g, &text_id]));
    refused.code(2);
    let dry = run(sandbox
        .cli()
        .args(["items", "delete", &g, &text_id, "--dry-run", "-o", "id"]));
    dry.success();
    assert_eq!(dry.stdout.trim(), text_id);
    assert_eq!(item_count(&sandbox, &g), 5);
    let deleted = run(sandbox.cli().args(["items", "rm", &g, &text_id, "--yes"]));
    deleted.success();
    assert_eq!(item_count(&sandbox, &g), 4);
    let gone = run(sandbox.cli().args(["items", "get", &g, &text_id]));
    gone.code(5);
}

#[test]
fn items_table_and_tsv_columns() {
    let sandbox = Sandbox::empty();
    let g = sandbox.new_gallery("Items");
    run(sandbox
        .cli()
        .args(["items", "add", &g, "--text", "<p>Hi</p>", "--title", "Note"]))
    .success();
    let table = run(sandbox
        .cli()
        .env("PROGALLERY_FORCE_TTY", "1")
        .args(["items", "list", &g]));
    table.success();
    for column in ["ID", "TYPE", "TITLE", "MEDIA", "SORT ORDER", "CREATED"] {
        assert!(table.stdout.contains(column), "{}", table.stdout);
    }
    let tsv = run(sandbox.cli().args(["items", "ls", &g]));
    let cells: Vec<&str> = tsv.lines()[0].split('\t').collect();
    assert_eq!(cells.len(), 6);
    // A text item has no media: MEDIA is the URL of an image or video.
    assert_eq!(&cells[1..4], ["TEXT", "Note", ""]);
    assert!(cells[5].contains('T'), "RFC 3339: {}", cells[5]);
}

#[test]
fn list_all_uses_ceil_n_over_100_plus_1_requests_and_keeps_order() {
    let sandbox = Sandbox::empty();
    let g = sandbox.gallery_with_items("Big", text_items(250));
    sandbox.clear_request_log();
    let all = run(sandbox
        .cli()
        .args(["items", "list", &g, "--all", "-o", "jsonl"]));
    all.success();
    let titles: Vec<String> = all
        .lines()
        .iter()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["title"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(titles.len(), 250);
    assert_eq!(
        titles,
        (0..250).map(|i| format!("item {i}")).collect::<Vec<_>>()
    );
    let log = sandbox.request_log();
    assert_eq!(log.len(), 4, "1 get-gallery + 3 pages: {log:?}");
    assert!(log
        .iter()
        .filter(|r| r["path"].as_str().unwrap().ends_with("/items"))
        .all(|r| r["query"].to_string().contains("itemLimit=100")));

    let page = run(sandbox.cli().args([
        "items", "list", &g, "--limit", "7", "--offset", "3", "-o", "json",
    ]));
    page.success();
    let page = page.json();
    assert_eq!(page.as_array().unwrap().len(), 7);
    assert_eq!(page[0]["title"], "item 3");
    run(sandbox.cli().args(["items", "list", &g, "--limit", "101"])).code(2);
    run(sandbox.cli().args(["items", "list", &g, "--limit", "0"])).code(2);

    let json_all = run(sandbox
        .cli()
        .args(["items", "list", &g, "--all", "-o", "json"]));
    assert_eq!(
        json_all.json().as_array().unwrap().len(),
        250,
        "json is one array of every item"
    );
}

#[test]
fn add_from_json_and_jsonl_files_and_round_trip() {
    let sandbox = Sandbox::empty();
    let source = sandbox.gallery_with_items("Source", text_items(3));
    let target = sandbox.new_gallery("Items");
    let dump = run(sandbox
        .cli()
        .args(["items", "list", &source, "--all", "-o", "json"]));
    dump.success();
    let file = temp_file(sandbox.home.path(), "items.json", &dump.stdout);
    let added = run(sandbox
        .cli()
        .args(["items", "add", &target, "--from-file"])
        .arg(&file)
        .args(["-o", "id"]));
    added.success();
    assert_eq!(added.lines().len(), 3);
    assert_eq!(item_count(&sandbox, &target), 3);

    let jsonl = "{\"title\":\"a\",\"text\":{\"html\":\"<p>a</p>\"}}\n\n{\"title\":\"b\",\"video\":{\"type\":\"YOUTUBE\",\"videoInfo\":{\"url\":\"https://youtu.be/x\"}}}\n";
    let added = run_with_stdin(
        sandbox
            .cli()
            .args(["items", "add", &target, "--from-file", "-", "-o", "id"]),
        Some(jsonl.as_bytes()),
    );
    added.success();
    assert_eq!(added.lines().len(), 2);
    assert_eq!(item_count(&sandbox, &target), 5);

    // A bad line anywhere: exit 2 naming it, and nothing at all is sent.
    sandbox.clear_request_log();
    let bad = "{\"text\":{\"html\":\"ok\"}}\n{\"text\": \n";
    let run1 = run_with_stdin(
        sandbox
            .cli()
            .args(["items", "add", &target, "--from-file", "-"]),
        Some(bad.as_bytes()),
    );
    run1.code(2);
    assert!(run1.stderr.contains("line 2"), "{}", run1.stderr);
    let two_kinds = "[{\"text\":{\"html\":\"x\"},\"video\":{}}]";
    let run2 = run_with_stdin(
        sandbox
            .cli()
            .args(["items", "add", &target, "--from-file", "-"]),
        Some(two_kinds.as_bytes()),
    );
    run2.code(2);
    assert!(
        run2.stderr.contains("exactly one of image, video or text"),
        "{}",
        run2.stderr
    );
    assert!(sandbox.request_log().is_empty());
}

#[test]
fn bulk_delete_in_batches_of_at_most_1000() {
    let sandbox = Sandbox::empty();
    let g = sandbox.gallery_with_items("Many", text_items(1203));
    let ids = run(sandbox
        .cli()
        .args(["items", "list", &g, "--all", "-o", "id"]));
    ids.success();
    assert_eq!(ids.lines().len(), 1203);
    let keep = ids.lines()[0].to_string();
    let to_delete: String = ids.lines()[1..].iter().map(|l| format!("{l}\n")).collect();
    // A stranger id is reported as not found, not as an error.
    let stranger = "99999999-9999-4999-8999-999999999999";
    let input = format!("# ids to go\n{to_delete}{stranger}\n");

    sandbox.clear_request_log();
    let refused = bulk_delete_ids(&sandbox, &g, input.as_bytes(), &[]);
    refused.code(2);
    let dry = bulk_delete_ids(&sandbox, &g, input.as_bytes(), &["--dry-run"]);
    dry.success();
    assert!(
        dry.stderr.contains("would delete 1202 item(s)")
            && dry.stderr.contains("1 id(s) are not in the gallery"),
        "{}",
        dry.stderr
    );
    assert!(
        sandbox.request_log().iter().all(|r| r["method"] == "GET"),
        "no write without --yes or with --dry-run"
    );

    let done = bulk_delete_ids(&sandbox, &g, input.as_bytes(), &["--yes", "-o", "jsonl"]);
    done.success();
    assert!(
        done.stderr.contains("deleted 1202 of 1203"),
        "{}",
        done.stderr
    );
    assert!(
        done.stderr.contains("1 skipped (already gone)"),
        "{}",
        done.stderr
    );
    let outcomes = done.json_lines();
    assert_eq!(outcomes.len(), 1203);
    let stranger_outcome = outcomes.iter().find(|o| o["id"] == stranger).unwrap();
    assert_eq!(stranger_outcome["status"], "skipped");
    let batches = sandbox.logged("POST", "/items/delete");
    let mut sizes: Vec<usize> = batches
        .iter()
        .map(|b| b["body"]["itemIds"].as_array().unwrap().len())
        .collect();
    sizes.sort_unstable();
    // The stranger is not sent: the selection already knows it is not there.
    assert_eq!(sizes, vec![202, 1000]);
    assert_eq!(item_count(&sandbox, &g), 1);
    let left = run(sandbox.cli().args(["items", "list", &g, "-o", "id"]));
    assert_eq!(left.stdout.trim(), keep);

    // Ids as arguments; a bad id in a file names its line; nothing sent.
    sandbox.clear_request_log();
    let bad = bulk_delete_ids(&sandbox, &g, b"\nnot-a-guid\n", &["--yes"]);
    bad.code(2);
    assert!(bad.stderr.contains("line 2"), "{}", bad.stderr);
    assert!(sandbox.request_log().is_empty());
    let by_args = run(sandbox
        .cli()
        .args(["items", "bulk-delete", &g, &keep, "--yes", "-o", "id"]));
    by_args.success();
    assert_eq!(by_args.stdout.trim(), keep);
    assert_eq!(item_count(&sandbox, &g), 0);
}
