//! `--from-file` manifests: CSV and JSONL rows (source, title, description, alt, link, tags,
//! sortOrder), paths relative to the manifest, checked whole before anything is sent.

use super::*;

#[test]
fn csv_manifest_with_errors_sends_nothing_then_adds_in_order() {
    let sandbox = Sandbox::empty();
    let g = sandbox.new_gallery("Media");
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "pics/one.png", &png(100, 50, 10));
    write(d, "pics/two.jpg", &jpeg(30, 60, 10));
    write(d, "pics/three.gif", &gif(7, 8, 10));
    let bad = "source,title,sortOrder,colour\n";
    std::fs::write(d.join("bad1.csv"), bad).unwrap();
    let bad = "source,title,tags,sortOrder,link,focalPoint\n\
               pics/one.png,One,,abc,,\n\
               pics/nope.png,Nope,,,,\n\
               pics/two.jpg,Two,,,ftp://x,\n\
               ,Nothing,,,,\n\
               pics/three.gif,Three,,,,1.5;2\n";
    std::fs::write(d.join("bad2.csv"), bad).unwrap();
    sandbox.clear_request_log();
    let one = run(sandbox
        .cli()
        .args(["items", "add", &g, "--from-file"])
        .arg(d.join("bad1.csv")));
    one.code(2);
    assert!(
        one.stderr.contains("line 1, column colour: unknown column"),
        "{}",
        one.stderr
    );
    let two = run(sandbox
        .cli()
        .args(["items", "add", &g, "--from-file"])
        .arg(d.join("bad2.csv")));
    two.code(2);
    for expected in [
        "line 2, column sortOrder",
        "line 3, column source",
        "line 4, column link",
        "line 5, column source: missing",
        "line 6, column focalPoint",
        "5 problem(s), nothing was sent",
    ] {
        assert!(
            two.stderr.contains(expected),
            "{expected} in:\n{}",
            two.stderr
        );
    }
    assert!(
        sandbox.request_log().is_empty(),
        "nothing may be sent for a bad manifest"
    );

    let good = "source,title,description,alt,link,tags,sortOrder\r\n\
                pics/two.jpg,\"Two, the second\",A jpeg,tall,https://example.com/2,\"a, b\",\r\n\
                pics/one.png,,,,,,\r\n\
                https://youtu.be/abc,Clip,,,,,\r\n\
                pics/three.gif,Three,,,,,-5\r\n";
    std::fs::write(d.join("good.csv"), good).unwrap();
    // Run from elsewhere: paths are relative to the manifest.
    let other = tempfile::tempdir().unwrap();
    let added = run(sandbox
        .cli()
        .current_dir(other.path())
        .args(["items", "add", &g, "--from-file"])
        .arg(d.join("good.csv"))
        .args(["--tag", "from-flags", "-o", "id"]));
    added.success();
    assert_eq!(added.lines().len(), 4);
    let items = sandbox.items(&g);
    // The explicit sortOrder (-5) puts Three first; the others keep manifest order.
    assert_eq!(titles(&items), ["Three", "Two, the second", "one", "Clip"]);
    let two = &items[1];
    assert_eq!(two["description"], "A jpeg");
    assert_eq!(two["image"]["imageInfo"]["altText"], "tall");
    assert_eq!(two["image"]["imageInfo"]["height"], 60);
    assert_eq!(two["link"]["url"], "https://example.com/2");
    assert_eq!(two["tags"]["values"], serde_json::json!(["a", "b"]));
    assert_eq!(
        items[2]["tags"]["values"],
        serde_json::json!(["from-flags"]),
        "flags fill what a row leaves out"
    );
    assert_eq!(items[0]["sortOrder"], -5.0);
}

#[test]
fn jsonl_manifest_mixes_rows_text_and_whole_items() {
    let sandbox = Sandbox::empty();
    let g = sandbox.new_gallery("Media");
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.webp", &webp(64, 32, 10));
    let rows = format!(
        "{}\n{}\n\n{}\n",
        serde_json::json!({"source": "a.webp", "title": "A", "focalPoint": {"x": 0.1, "y": 0.9}, "tags": ["x"]}),
        serde_json::json!({"text": "<p>Hi</p>", "title": "Note"}),
        serde_json::json!({"title": "Whole", "video": {"type": "YOUTUBE", "videoInfo": {"url": "https://youtu.be/w"}}}),
    );
    std::fs::write(dir.path().join("m.jsonl"), &rows).unwrap();
    let added = run(sandbox
        .cli()
        .args(["items", "add", &g, "--from-file"])
        .arg(dir.path().join("m.jsonl"))
        .args(["-o", "jsonl"]));
    added.success();
    let items = sandbox.items(&g);
    assert_eq!(titles(&items), ["A", "Note", "Whole"]);
    assert_eq!(items[0]["image"]["focalPoint"]["y"], 0.9);
    assert_eq!(items[1]["text"]["html"], "<p>Hi</p>");
    // Again: all three recognised (content hash, text, video link), nothing created.
    sandbox.clear_request_log();
    let again = run(sandbox
        .cli()
        .args(["items", "add", &g, "--from-file"])
        .arg(dir.path().join("m.jsonl")));
    again.success();
    assert_eq!(sandbox.logged("POST", "/items").len(), 0);
    assert!(again.stderr.contains("3 already there"), "{}", again.stderr);
}

#[test]
fn csv_manifest_quoting_bom_and_bad_bytes() {
    let sandbox = Sandbox::empty();
    let g = sandbox.new_gallery("Media");
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "a.png", &png(20, 10, 10));
    // Bytes that are not UTF-8 (Latin-1 "é"), from a file and from stdin: exit 2, the line and
    // column named, nothing sent.
    let latin1 = b"source,title\na.png,ok\na.png,caf\xe9\n";
    std::fs::write(d.join("latin1.csv"), latin1).unwrap();
    sandbox.clear_request_log();
    let from_file = run(sandbox
        .cli()
        .args(["items", "add", &g, "--from-file"])
        .arg(d.join("latin1.csv")));
    from_file.code(2);
    assert!(
        from_file
            .stderr
            .contains("line 3, column title: not valid UTF-8"),
        "{}",
        from_file.stderr
    );
    let from_stdin = run_with_stdin(
        sandbox
            .cli()
            .current_dir(d)
            .args(["items", "add", &g, "--from-file", "-"]),
        Some(latin1),
    );
    from_stdin.code(2);
    assert!(
        from_stdin
            .stderr
            .contains("stdin line 3, column title: not valid UTF-8"),
        "{}",
        from_stdin.stderr
    );
    // A row longer than the header (an unquoted comma) and an unclosed quote.
    std::fs::write(d.join("ragged.csv"), "source,title\na.png,Hello, world\n").unwrap();
    let ragged = run(sandbox
        .cli()
        .args(["items", "add", &g, "--from-file"])
        .arg(d.join("ragged.csv")));
    ragged.code(2);
    assert!(
        ragged
            .stderr
            .contains("line 2: 3 fields but the header names 2 columns"),
        "{}",
        ragged.stderr
    );
    std::fs::write(d.join("open.csv"), "source,title\na.png,\"Hello\n").unwrap();
    let open = run(sandbox
        .cli()
        .args(["items", "add", &g, "--from-file"])
        .arg(d.join("open.csv")));
    open.code(2);
    assert!(
        open.stderr
            .contains("line 2: a quoted field is never closed"),
        "{}",
        open.stderr
    );
    assert!(
        sandbox.request_log().is_empty(),
        "nothing may be sent for a bad manifest"
    );

    // A byte-order mark (as spreadsheets save it), CRLF, and a quoted title holding a comma, a
    // line break and a doubled quote.
    let good = "\u{feff}Source,Title,Alt Text\r\na.png,\"Dunes, at dusk\r\nsaid \"\"hi\"\"\",\r\n";
    std::fs::write(d.join("good.csv"), good).unwrap();
    let added = run(sandbox
        .cli()
        .args(["items", "add", &g, "--from-file"])
        .arg(d.join("good.csv"))
        .args(["-o", "id"]));
    added.success();
    let items = sandbox.items(&g);
    assert_eq!(titles(&items), ["Dunes, at dusk\r\nsaid \"hi\""]);
    assert_ne!(
        items[0]["image"]["imageInfo"]["altText"], "",
        "an empty cell is not given"
    );
}
