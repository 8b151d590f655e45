//! Local files and folders: name order, formats and sizes from the Media Manager, progress by
//! items and bytes, order under concurrency, and a re-run that uploads nothing.

use serde_json::Value;

use super::*;

#[test]
fn folder_in_name_order_every_format_then_rerun_skips_everything() {
    let sandbox = Sandbox::empty();
    let g = sandbox.new_gallery("Media");
    let dir = tempfile::tempdir().unwrap();
    let photos = dir.path().join("photos");
    write(&photos, "img10.png", &png(10, 11, 3000));
    write(&photos, "img2.jpg", &jpeg(20, 21, 5000));
    write(&photos, "img1.gif", &gif(30, 31, 100));
    write(&photos, "b.bmp", &bmp(40, -41, 20_000));
    write(&photos, "sub/a.webp", &webp(50, 51, 700));
    write(&photos, "notes.txt", b"not media");
    write(&photos, ".hidden.png", &png(1, 1, 1));

    let added = run(sandbox
        .cli()
        .env("PROGALLERY_FORCE_TTY", "1")
        .args(["items", "add", &g])
        .arg(&photos)
        .args(["--recursive", "--tag", "trip", "-o", "jsonl"]));
    added.success();
    // Sorted by name, numbers as numbers, subfolder in its place by name.
    let items = sandbox.items(&g);
    assert_eq!(titles(&items), ["b", "img1", "img2", "img10", "a"]);
    assert_eq!(
        image_sizes(&items),
        [(40, 41), (30, 31), (20, 21), (10, 11), (50, 51)]
    );
    assert!(items.iter().all(|i| i["tags"]["values"][0] == "trip"));
    let sorts: Vec<f64> = items
        .iter()
        .map(|i| i["sortOrder"].as_f64().unwrap())
        .collect();
    assert!(sorts.windows(2).all(|w| w[0] < w[1]), "{sorts:?}");
    // stdout: one outcome per source in input order, each with the item as the service
    // returned it.
    let outcomes = added.json_lines();
    assert!(
        outcomes
            .iter()
            .all(|o| o["status"] == "added" && o["id"] == o["item"]["id"]),
        "{outcomes:?}"
    );
    let printed: Vec<Value> = outcomes.iter().map(|o| o["item"].clone()).collect();
    assert_eq!(titles(&printed), ["b", "img1", "img2", "img10", "a"]);
    let sources: Vec<&str> = outcomes
        .iter()
        .map(|o| o["source"].as_str().unwrap())
        .collect();
    assert!(
        sources[0].ends_with("photos/b.bmp") && sources[4].ends_with("photos/sub/a.webp"),
        "{sources:?}"
    );
    // Progress on stderr (a terminal here): items and bytes.
    assert!(added.stderr.contains("adding items "), "{}", added.stderr);
    assert!(added.stderr.contains("KiB"), "{}", added.stderr);
    assert!(
        added.stderr.contains("added 5 of 5 item(s)"),
        "{}",
        added.stderr
    );
    assert_eq!(sandbox.logged("PUT", "/_sandbox/upload/").len(), 5);
    // The upload went without the API key: the URL's token is the credential.
    let puts = sandbox.logged("PUT", "/_sandbox/upload/");
    assert!(
        puts.iter()
            .all(|p| p["headers"].get("authorization").is_none()),
        "{puts:?}"
    );

    // Again: everything is recognised (from the hash cache), nothing uploaded or created.
    sandbox.clear_request_log();
    let again = run(sandbox.cli().args(["items", "add", &g]).arg(&photos).args([
        "--recursive",
        "-o",
        "id",
    ]));
    again.success();
    assert_eq!(
        again.lines().len(),
        5,
        "skipped items still print their ids"
    );
    assert!(again.stderr.contains("5 already there"), "{}", again.stderr);
    assert_eq!(sandbox.logged("POST", "generate-upload-url").len(), 0);
    assert_eq!(sandbox.logged("POST", "/items").len(), 0);

    // Without the cache (another machine): recognised from the Media Manager's own hashes (MD5,
    // compared with the files'), asked for all at once.
    std::fs::remove_dir_all(sandbox.home.path().join("data/media-cache")).unwrap();
    sandbox.clear_request_log();
    let fresh = run(sandbox.cli().args(["items", "add", &g]).arg(&photos).args([
        "--recursive",
        "-o",
        "id",
    ]));
    fresh.success();
    assert!(fresh.stderr.contains("5 already there"), "{}", fresh.stderr);
    assert_eq!(sandbox.logged("POST", "/files/get-files").len(), 1);
    assert_eq!(sandbox.logged("GET", "get-file-by-id").len(), 0);
    assert_eq!(sandbox.logged("PUT", "/_sandbox/upload/").len(), 0);
    assert_eq!(sandbox.items(&g).len(), 5);

    // A copy of one file under another name, added on its own: same content, skipped.
    write(&photos, "copy.png", &png(10, 11, 3000));
    let copy = run(sandbox
        .cli()
        .args(["items", "add", &g])
        .arg(photos.join("copy.png")));
    copy.success();
    assert!(
        copy.stderr.contains("already in the gallery"),
        "{}",
        copy.stderr
    );
    assert_eq!(sandbox.items(&g).len(), 5);
}

#[test]
fn order_is_input_order_under_concurrency_and_positions_apply() {
    let sandbox = Sandbox::start_with(&["--memory", "--no-seed", "--latency", "20"]);
    let g = sandbox.new_gallery("Media");
    let dir = tempfile::tempdir().unwrap();
    // The first file is by far the largest, so it finishes last.
    let mut args: Vec<String> = Vec::new();
    for i in 0..10 {
        let extra = if i == 0 { 3_000_000 } else { 100 + i };
        let name = format!("p{i:02}.png");
        write(dir.path(), &name, &png(5 + i as u32, 5, extra));
        args.push(dir.path().join(&name).to_string_lossy().into_owned());
    }
    let added = run(sandbox.cli().args(["items", "add", &g]).args(&args).args([
        "--concurrency",
        "8",
        "-o",
        "id",
    ]));
    added.success();
    let expected: Vec<String> = (0..10).map(|i| format!("p{i:02}")).collect();
    assert_eq!(titles(&sandbox.items(&g)), expected);
    // Printed in input order too.
    let ids: Vec<String> = sandbox
        .items(&g)
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(added.lines(), ids);
    // Creates really ran concurrently: the big upload was still going while others finished.
    let log = sandbox.request_log();
    let first_create = log
        .iter()
        .position(|r| r["method"] == "POST" && r["path"].as_str().unwrap().ends_with("/items"))
        .unwrap();
    let puts_before = log[..first_create]
        .iter()
        .filter(|r| r["method"] == "PUT")
        .count();
    assert!(puts_before >= 2, "uploads ran one at a time");

    // --position first / before:ID put new items there, in input order.
    write(dir.path(), "x1.gif", &gif(3, 3, 11));
    write(dir.path(), "x2.gif", &gif(3, 4, 12));
    let first = run(sandbox
        .cli()
        .args(["items", "add", &g])
        .arg(dir.path().join("x1.gif"))
        .arg(dir.path().join("x2.gif"))
        .args(["--position", "first"]));
    first.success();
    let third = &ids[2];
    write(dir.path(), "y.gif", &gif(9, 9, 13));
    let before = run(sandbox
        .cli()
        .args(["items", "add", &g])
        .arg(dir.path().join("y.gif"))
        .args(["--position", &format!("before:{third}"), "--title", "Y"]));
    before.success();
    let order = titles(&sandbox.items(&g));
    assert_eq!(&order[..6], ["x1", "x2", "p00", "p01", "Y", "p02"]);
}

#[test]
fn one_file_with_every_metadata_flag_prints_one_object() {
    let sandbox = Sandbox::empty();
    let g = sandbox.new_gallery("Media");
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "Dune Sea.jpg", &jpeg(1920, 1280, 100));
    let added = run(sandbox
        .cli()
        .args(["items", "add", &g])
        .arg(dir.path().join("Dune Sea.jpg"))
        .args([
            "--description",
            "Erg Chebbi",
            "--alt",
            "sand",
            "--focal-point",
            "0.25,0.75",
            "--link",
            "https://example.com/dunes",
            "--link-text",
            "More",
            "--link-target",
            "_self",
            "--tag",
            "desert",
            "--tag",
            "2026",
            "-o",
            "json",
        ]));
    added.success();
    let item = added.json();
    assert_eq!(item["title"], "Dune Sea", "title defaults to the file name");
    assert_eq!(item["description"], "Erg Chebbi");
    let info = &item["image"]["imageInfo"];
    assert_eq!(
        (info["width"].as_u64(), info["height"].as_u64()),
        (Some(1920), Some(1280))
    );
    assert_eq!(info["altText"], "sand");
    assert!(info["id"].as_str().unwrap().ends_with("~mv2.jpg"), "{info}");
    assert_eq!(item["image"]["focalPoint"]["x"], 0.25);
    assert_eq!(item["link"]["text"], "More");
    assert_eq!(item["link"]["target"], "_self");
    assert_eq!(
        item["tags"]["values"],
        serde_json::json!(["desert", "2026"])
    );
    // The Media Manager holds exactly these bytes.
    let file = sandbox
        .request(
            "GET",
            &format!(
                "/site-media/v1/files/get-file-by-id?fileId={}",
                info["id"].as_str().unwrap()
            ),
        )
        .send()
        .json();
    assert_eq!(file["file"]["hash"], md5_hex(&jpeg(1920, 1280, 100)));
}

#[test]
fn a_video_file_becomes_a_video_item() {
    let sandbox = Sandbox::empty();
    let g = sandbox.new_gallery("Media");
    let dir = tempfile::tempdir().unwrap();
    let mut mp4 = b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2".to_vec();
    mp4.extend(filler(5000, 9));
    // No extension: the first bytes say what it is.
    write(dir.path(), "clip", &mp4);
    let added = run(sandbox
        .cli()
        .args(["items", "add", &g])
        .arg(dir.path().join("clip"))
        .args(["-o", "json"]));
    added.success();
    let item = added.json();
    assert_eq!(item["type"], "VIDEO");
    assert_eq!(item["video"]["type"], "WIX_MEDIA");
    let id = item["video"]["videoInfo"]["id"].as_str().unwrap();
    assert!(!id.contains("~mv2"), "a video id: {id}");
    // Added again: recognised by its content, like an image.
    let again = run(sandbox
        .cli()
        .args(["items", "add", &g])
        .arg(dir.path().join("clip")));
    again.success();
    assert!(
        again.stderr.contains("already in the gallery"),
        "{}",
        again.stderr
    );
    assert_eq!(sandbox.items(&g).len(), 1);
}

#[test]
fn ctrl_c_stops_starting_new_files_and_reports_what_was_added() {
    // Three slow round trips per file, one file at a time: the interrupt lands mid-run.
    let sandbox = Sandbox::start_with(&["--memory", "--no-seed", "--latency", "100"]);
    let g = sandbox.new_gallery("Media");
    let dir = tempfile::tempdir().unwrap();
    for i in 0..30u32 {
        write(
            dir.path(),
            &format!("s{i:02}.gif"),
            &gif(3, 3 + i as u16, 10),
        );
    }
    let child = Process::spawn(
        sandbox
            .cli()
            .args(["items", "add", &g])
            .arg(dir.path())
            .args(["--concurrency", "1", "-o", "id"]),
    );
    // Interrupt once the first item is in the gallery.
    wait_for("the first item to be created", || {
        sandbox
            .logged("POST", &format!("/galleries/{g}/items"))
            .iter()
            .any(|r| r["status"] == 200)
    });
    let output = child.stop(Signal::Interrupt);
    let stderr = &output.stderr;
    assert_eq!(output.code, 130, "{stderr}");
    assert!(stderr.contains("interrupted: added"), "{stderr}");
    assert!(
        stderr.contains("hint: run the same command again to add the rest"),
        "{stderr}"
    );
    let printed = output.stdout.lines().count();
    assert!((1..30).contains(&printed), "{printed} printed; {stderr}");
    assert_eq!(
        sandbox.items(&g).len(),
        printed,
        "what was reported is what happened"
    );
}
