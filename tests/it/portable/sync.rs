//! `items sync`: a folder of 200 images into a gallery; then 10 changed, 5 added, 5 removed and 3
//! renamed (to change the order): one run applies exactly those changes, the next sends no write.
//! Also: the plan and --dry-run, --yes off a terminal, --max-delete, the undo of removals, the
//! sidecar metadata and an order file.

use super::*;

/// A distinct small JPEG for file `n` (`version` changes its content).
fn picture(n: usize, version: u8) -> Vec<u8> {
    let mut bytes = jpeg(100 + n as u16, 80, 64);
    bytes.extend_from_slice(&[version; 16]);
    bytes
}

fn write_picture(dir: &Path, name: &str, n: usize, version: u8) {
    std::fs::write(dir.join(name), picture(n, version)).unwrap();
}

/// Writes (method, path kind) of every write the sandbox logged, sorted, to compare as a whole.
fn writes_by_kind(sandbox: &Sandbox) -> Vec<(String, String)> {
    let mut kinds: Vec<(String, String)> = sandbox
        .writes()
        .iter()
        .map(|w| {
            let path = w["path"].as_str().unwrap();
            let kind = if path.contains("generate-upload-url") {
                "generate-upload-url"
            } else if path.starts_with("/_sandbox/upload/") {
                "upload"
            } else if path.ends_with("/items/delete") {
                "bulk-delete"
            } else if path.ends_with("/items") {
                "create-item"
            } else if path.contains("/items/") {
                "update-item"
            } else {
                path
            };
            (w["method"].as_str().unwrap().to_string(), kind.to_string())
        })
        .collect();
    kinds.sort();
    kinds
}

/// `items sync GALLERY DIR` with `flags`.
fn sync(sandbox: &Sandbox, gallery: &str, dir: &Path, flags: &[&str]) -> Run {
    run(sandbox
        .cli()
        .args(["items", "sync", gallery])
        .arg(dir)
        .args(flags))
}

fn count(kinds: &[(String, String)], method: &str, kind: &str) -> usize {
    kinds
        .iter()
        .filter(|(m, k)| m == method && k == kind)
        .count()
}

#[test]
fn two_hundred_images_then_exactly_the_changes_then_no_write() {
    let sandbox = Sandbox::empty();
    let g = sandbox.new_gallery("Folder");
    let folder = tempfile::tempdir().unwrap();
    let dir = folder.path();
    for n in 1..=200 {
        write_picture(dir, &format!("img-{n:03}.jpg"), n, 0);
    }
    let first = sync(&sandbox, &g, dir, &["--yes", "-o", "jsonl"]);
    first.success();
    assert!(first.stderr.contains("200 to add"), "{}", first.stderr);
    let items = sandbox.items(&g);
    assert_eq!(items.len(), 200);
    assert_eq!(titles(&items)[..3], ["img-001", "img-002", "img-003"]);
    let before: std::collections::HashMap<String, Value> = items
        .iter()
        .map(|i| (i["title"].as_str().unwrap().to_string(), i.clone()))
        .collect();

    // 10 changed, 5 added, 5 removed, 3 renamed to sort last.
    for n in (10..=100).step_by(10) {
        write_picture(dir, &format!("img-{n:03}.jpg"), n, 1);
    }
    for n in 201..=205 {
        write_picture(dir, &format!("new-{n}.jpg"), n, 0);
    }
    for n in [3, 33, 133, 155, 199] {
        std::fs::remove_file(dir.join(format!("img-{n:03}.jpg"))).unwrap();
    }
    for n in [5, 15, 25] {
        std::fs::rename(
            dir.join(format!("img-{n:03}.jpg")),
            dir.join(format!("zz-{n:03}.jpg")),
        )
        .unwrap();
    }
    // The plan first, with nothing sent but reads.
    sandbox.clear_request_log();
    let planned = sync(&sandbox, &g, dir, &["--delete", "--dry-run", "-o", "json"]);
    planned.success();
    let steps = planned.json();
    let actions = |action: &str| -> usize {
        steps
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["action"] == action)
            .count()
    };
    assert_eq!(
        (
            actions("add"),
            actions("replace"),
            actions("delete"),
            actions("move"),
            actions("update")
        ),
        (5, 10, 5, 3, 0),
        "{steps}"
    );
    assert!(sandbox.writes().is_empty());

    let second = sync(&sandbox, &g, dir, &["--delete", "--yes", "-o", "jsonl"]);
    second.success();
    let kinds = writes_by_kind(&sandbox);
    assert_eq!(
        count(&kinds, "POST", "generate-upload-url"),
        15,
        "{kinds:?}"
    );
    assert_eq!(count(&kinds, "PUT", "upload"), 15, "{kinds:?}");
    assert_eq!(count(&kinds, "POST", "create-item"), 5, "{kinds:?}");
    assert_eq!(
        count(&kinds, "PATCH", "update-item"),
        13,
        "10 replaced, 3 moved: {kinds:?}"
    );
    assert_eq!(count(&kinds, "POST", "bulk-delete"), 1, "{kinds:?}");
    assert_eq!(
        kinds.len(),
        15 + 15 + 5 + 13 + 1,
        "nothing else was written: {kinds:?}"
    );
    let deleted = sandbox.logged("POST", "/items/delete");
    assert_eq!(deleted[0]["body"]["itemIds"].as_array().unwrap().len(), 5);

    // The gallery now follows the folder, name by name.
    let after = sandbox.items(&g);
    let mut names: Vec<String> = names_in(dir)
        .into_iter()
        .filter(|n| n.ends_with(".jpg"))
        .map(|n| n.trim_end_matches(".jpg").to_string())
        .collect();
    names.sort();
    let expected: Vec<String> = names
        .iter()
        .map(|n| {
            n.strip_prefix("zz-")
                .map_or(n.clone(), |k| format!("img-{k}"))
        })
        .collect();
    assert_eq!(
        titles(&after),
        expected,
        "renamed items keep their title, in their new place"
    );
    // Changed files replaced the media, keeping the item and its metadata; the others untouched.
    for item in &after {
        let title = item["title"].as_str().unwrap();
        let Some(old) = before.get(title) else {
            assert!(title.starts_with("new-"), "{title}");
            continue;
        };
        assert_eq!(item["id"], old["id"], "{title}: the same item");
        let n: usize = title[4..].parse().unwrap();
        let changed = n % 10 == 0 && n <= 100;
        let same_media = item["image"]["imageInfo"]["id"] == old["image"]["imageInfo"]["id"];
        assert_eq!(!same_media, changed, "{title}");
    }

    // Nothing changed since: no write at all.
    sandbox.clear_request_log();
    let third = sync(&sandbox, &g, dir, &["--delete", "--yes"]);
    third.success();
    assert!(third.stderr.contains("nothing to do"), "{}", third.stderr);
    assert!(sandbox.writes().is_empty(), "{:?}", sandbox.writes());
}

#[test]
fn removals_need_delete_stay_under_the_budget_and_can_be_undone() {
    let sandbox = Sandbox::empty();
    let g = sandbox.new_gallery("Folder");
    let folder = tempfile::tempdir().unwrap();
    let dir = folder.path();
    for n in 1..=6 {
        write_picture(dir, &format!("p{n}.jpg"), n, 0);
    }
    sync(&sandbox, &g, dir, &["--yes"]).success();
    for n in [2, 4, 6] {
        std::fs::remove_file(dir.join(format!("p{n}.jpg"))).unwrap();
    }
    // Without --delete the items stay, and the plan says so.
    sandbox.clear_request_log();
    let kept = sync(&sandbox, &g, dir, &["--yes"]);
    kept.success();
    assert!(
        kept.stderr.contains("--delete removes such items"),
        "{}",
        kept.stderr
    );
    assert!(sandbox.writes().is_empty());
    // Over the budget: refused whole.
    let over = sync(
        &sandbox,
        &g,
        dir,
        &["--delete", "--max-delete", "2", "--yes"],
    );
    over.code(2);
    assert!(
        over.stderr.contains("more than --max-delete 2"),
        "{}",
        over.stderr
    );
    assert!(sandbox.writes().is_empty());
    // Off a terminal, --yes is needed.
    let unasked = sync(&sandbox, &g, dir, &["--delete"]);
    unasked.code(2);
    assert!(
        unasked.stderr.contains("without --yes"),
        "{}",
        unasked.stderr
    );
    assert!(sandbox.writes().is_empty());
    // On a terminal, it asks.
    let declined = run_with_stdin(
        sandbox
            .cli()
            .env("PROGALLERY_FORCE_TTY", "1")
            .args(["items", "sync", &g])
            .arg(dir)
            .arg("--delete"),
        Some(b"n\n"),
    );
    declined.code(130);
    assert!(declined.stderr.contains("delete"), "{}", declined.stderr);
    assert!(sandbox.writes().is_empty());
    let removed = sync(&sandbox, &g, dir, &["--delete", "--yes"]);
    removed.success();
    assert_eq!(titles(&sandbox.items(&g)), ["p1", "p3", "p5"]);
    let undo = removed
        .stderr
        .lines()
        .find_map(|l| l.split("items restore --journal ").nth(1))
        .expect("the undo command")
        .trim()
        .to_string();
    run(sandbox.cli().args(["items", "restore", "--journal", &undo])).success();
    assert_eq!(
        titles(&sandbox.items(&g)),
        ["p1", "p2", "p3", "p4", "p5", "p6"]
    );
}

#[test]
fn metadata_from_a_sidecar_and_order_from_an_order_file() {
    let sandbox = Sandbox::empty();
    let g = sandbox.new_gallery("Shop");
    let folder = tempfile::tempdir().unwrap();
    let dir = folder.path();
    for (n, name) in ["a.jpg", "b.jpg", "c.jpg"].iter().enumerate() {
        write_picture(dir, name, n, 0);
    }
    std::fs::write(
        dir.join("metadata.csv"),
        "source,title,description,alt,tags\na.jpg,Alpha,First,Letter A,\"x, y\"\nc.jpg,Gamma,,,\n",
    )
    .unwrap();
    std::fs::write(dir.join("order.txt"), "# wanted order\nc.jpg\na.jpg\n").unwrap();
    sync(&sandbox, &g, dir, &["--yes"]).success();
    let items = sandbox.items(&g);
    assert_eq!(
        titles(&items),
        ["Gamma", "Alpha", "b"],
        "order file first, then by name"
    );
    assert_eq!(items[1]["description"], "First");
    assert_eq!(items[1]["image"]["imageInfo"]["altText"], "Letter A");
    assert_eq!(items[1]["tags"]["values"], json!(["x", "y"]));

    // A metadata change is an update of that item only; a bad row is exit 2 before anything.
    std::fs::write(
        dir.join("metadata.csv"),
        "source,title,description,alt,tags\na.jpg,Alpha,First,Letter A (new),\"x, y\"\nc.jpg,Gamma,,,\n",
    )
    .unwrap();
    sandbox.clear_request_log();
    let updated = sync(&sandbox, &g, dir, &["--yes", "-o", "jsonl"]);
    updated.success();
    let writes = sandbox.writes();
    assert_eq!(writes.len(), 1, "{writes:?}");
    assert_eq!(writes[0]["method"], "PATCH");
    assert_eq!(
        writes[0]["body"]["item"]["image"]["imageInfo"]["altText"],
        "Letter A (new)"
    );
    std::fs::write(
        dir.join("metadata.csv"),
        "source,title,sortOrder\na.jpg,A,5\n",
    )
    .unwrap();
    sandbox.clear_request_log();
    let bad = sync(&sandbox, &g, dir, &["--yes"]);
    bad.code(2);
    assert!(bad.stderr.contains("column sortOrder"), "{}", bad.stderr);
    assert!(sandbox.writes().is_empty());
}
