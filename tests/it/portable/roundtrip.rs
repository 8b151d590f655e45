//! Must show: a 1,000-item gallery (images, Wix videos, texts, YouTube links) exported, then
//! imported into a second site, gives the same items in the same order, every field equal but
//! ids, media ids and dates, and media equal byte for byte (checked by exporting the copy too).

use super::*;

#[test]
fn a_thousand_items_exported_and_imported_into_another_site_come_out_the_same() {
    let sandbox = Sandbox::empty();
    let source = mixed_gallery(&sandbox, DEFAULT_TEST_SITE, "Portfolio", 1000);
    let out = tempfile::tempdir().unwrap();
    let first = out.path().join("portfolio");
    run(sandbox
        .cli()
        .args(["galleries", "export", &source])
        .arg(&first)
        .args(["--concurrency", "8"]))
    .success();

    let imported = run(sandbox
        .cli()
        .env("WIX_SITE_ID", OTHER_SITE)
        .args(["galleries", "import"])
        .arg(&first)
        .args(["--concurrency", "8", "-o", "id"]));
    imported.success();
    let copy = imported.stdout.trim().to_string();
    assert!(
        imported.stderr.contains("imported 1000 of 1000 item(s)"),
        "{}",
        imported.stderr
    );

    let original = sandbox.items_on_site(DEFAULT_TEST_SITE, &source);
    let copied = sandbox.items_on_site(OTHER_SITE, &copy);
    assert_eq!(copied.len(), 1000);
    for (position, (a, b)) in original.iter().zip(&copied).enumerate() {
        assert_eq!(comparable(b), comparable(a), "item {position}");
    }
    assert_renditions_of_its_own_media(&copied);
    // New media of the other site: ids differ from the source's wherever there is media.
    for (a, b) in original.iter().zip(&copied) {
        for info in ["/image/imageInfo/id", "/video/videoInfo/id"] {
            if let (Some(x), Some(y)) = (a.pointer(info), b.pointer(info)) {
                if x != "" {
                    assert_ne!(x, y, "{info} of {}", a["title"]);
                }
            }
        }
    }
    // The bytes: the copy exported in turn holds the same files, position by position.
    let second = out.path().join("copy");
    run(sandbox
        .cli()
        .env("WIX_SITE_ID", OTHER_SITE)
        .args(["galleries", "export", &copy])
        .arg(&second)
        .args(["--concurrency", "8"]))
    .success();
    let a = read_lines(&first.join("manifest.jsonl"));
    let b = read_lines(&second.join("manifest.jsonl"));
    assert_eq!(a.len(), 1000);
    let mut files = 0;
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(x["type"], y["type"]);
        assert_eq!(x["link"], y["link"]);
        assert_eq!(x["media"]["sha256"], y["media"]["sha256"], "{x} / {y}");
        assert_eq!(x["media"]["size"], y["media"]["size"]);
        if let Some(file) = y["media"]["file"].as_str() {
            assert_eq!(
                y["media"]["from"], "mediaManager",
                "the copy's media live in its site"
            );
            let mine = std::fs::read(second.join(file)).unwrap();
            let theirs = std::fs::read(first.join(x["media"]["file"].as_str().unwrap())).unwrap();
            assert_eq!(mine, theirs);
            files += 1;
        }
    }
    assert_eq!(files, 800, "600 images and 200 videos");
}
