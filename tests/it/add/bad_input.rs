//! Bad sources: each is reported with its source, the others go on, the run exits 3 listing the
//! failures, and running it again adds only what is missing, in its place. Sources that are not
//! anything at all are a usage error before anything is sent.

use super::*;

#[test]
fn bad_sources_fail_alone_and_a_rerun_adds_only_what_is_missing() {
    let sandbox = Sandbox::empty();
    let g = sandbox.new_gallery("Media");
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "1-good.png", &png(8, 8, 500));
    write(d, "2-empty.png", b"");
    write(d, "3-notes.txt", b"hello");
    write(
        d,
        "4-corrupt.jpg",
        b"\xFF\xD8\xFF garbage without a frame header",
    );
    write(d, "5-large.gif", &gif(9, 9, 40_000));
    write(d, "7-good.bmp", &bmp(7, 7, 500));
    std::os::unix::fs::symlink(d.join("nowhere.png"), d.join("6-dangling.png")).unwrap();
    sandbox.set_media_settings(serde_json::json!({ "maxUploadBytes": 20_000 }));
    let unknown_media = "0a1b2c_00000000000000000000000000000000~mv2.jpg";
    let names = [
        "1-good.png",
        "2-empty.png",
        "3-notes.txt",
        "4-corrupt.jpg",
        "5-large.gif",
        "6-dangling.png",
        "7-good.bmp",
    ];
    let mut cmd = sandbox.cli();
    cmd.current_dir(d)
        .args(["items", "add", &g])
        .args(names)
        .arg(unknown_media)
        .args(["-o", "id"]);
    let first = run(&mut cmd);
    first.code(3);
    assert_eq!(
        first.lines().len(),
        2,
        "the good ones are added and printed"
    );
    assert_eq!(titles(&sandbox.items(&g)), ["1-good", "7-good"]);
    let err = &first.stderr;
    for (source, why) in [
        ("2-empty.png", "empty"),
        ("3-notes.txt", "not a supported image or video"),
        // Accepted by the upload, then not processed (FAILED), as Wix does in post processing.
        ("4-corrupt.jpg", "could not process the upload (FAILED)"),
        ("5-large.gif", "size limit"),
        ("6-dangling.png", "cannot read the file"),
        (unknown_media, "no media file"),
    ] {
        assert!(
            err.lines().any(|l| l.contains(source) && l.contains(why)),
            "{source}: {why} not reported in:\n{err}"
        );
    }
    assert!(
        err.contains("added 2 of 8 item(s)") && err.contains("6 failed"),
        "{err}"
    );

    // Fix two of them and run the very same command: only those are added, each in its place.
    sandbox.set_media_settings(serde_json::json!({ "maxUploadBytes": 1_000_000 }));
    write(d, "2-empty.png", &png(2, 2, 10));
    sandbox.clear_request_log();
    let second = run(&mut cmd);
    second.code(3);
    assert_eq!(
        titles(&sandbox.items(&g)),
        ["1-good", "2-empty", "5-large", "7-good"]
    );
    assert_eq!(
        sandbox.logged("PUT", "/_sandbox/upload/").len(),
        3,
        "the corrupt file is tried again, nothing else"
    );
    assert!(
        second.stderr.contains("added 2 of 8 item(s)"),
        "{}",
        second.stderr
    );
    assert!(
        second.stderr.contains("2 already there"),
        "{}",
        second.stderr
    );
}

#[test]
fn sources_that_are_nothing_and_bad_flags_send_nothing() {
    let sandbox = Sandbox::empty();
    let g = sandbox.new_gallery("Media");
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.png", &png(2, 2, 1));
    let a = dir.path().join("a.png").to_string_lossy().into_owned();
    let empty_dir = dir.path().join("empty");
    std::fs::create_dir(&empty_dir).unwrap();
    let empty = empty_dir.to_string_lossy().into_owned();
    sandbox.clear_request_log();
    for args in [
        vec!["no-such-file.png"],
        vec![a.as_str(), "not a thing"],
        vec![a.as_str(), "--position", "middle"],
        vec![a.as_str(), "--focal-point", "2,0"],
        vec![a.as_str(), "--link", "mailto:x@y.z"],
        vec![a.as_str(), "--width", "10", "--height", "10"],
        vec![a.as_str(), a.as_str(), "--sort-order", "5"],
        vec!["https://youtu.be/x", "--alt", "x"],
        vec![empty.as_str()],
    ] {
        let out = run(sandbox.cli().args(["items", "add", &g]).args(&args));
        out.code(2);
        assert_eq!(
            out.stderr
                .lines()
                .filter(|l| l.starts_with("progallery: error"))
                .count(),
            1,
            "{args:?}: {}",
            out.stderr
        );
    }
    assert!(
        sandbox.request_log().is_empty(),
        "{:?}",
        sandbox.request_log()
    );
}
