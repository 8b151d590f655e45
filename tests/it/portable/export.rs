//! `galleries export`: the folder it writes (gallery.json as the service answers, media named in
//! gallery order, the manifest, the contact sheet), a rerun that fetches nothing twice, media that
//! is not in the site's Media Manager fetched from its own URL, failures, refusals and `--all`.

use super::*;

/// `galleries export WHAT DIR` (a gallery or `--all`) of the seeded site, then `flags`.
fn export_seed_site(sandbox: &Sandbox, what: &str, dir: &Path, flags: &[&str]) -> Run {
    run(sandbox
        .cli()
        .env("WIX_SITE_ID", SEED_SITE)
        .args(["galleries", "export", what])
        .arg(dir)
        .args(flags))
}

#[test]
fn the_seeded_gallery_exports_offline_and_a_rerun_fetches_nothing() {
    let sandbox = Sandbox::start();
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().join("seeded");
    // The seeded gallery into `dir`, as a fresh request log sees it.
    let export = |extra: &[&str]| {
        sandbox.clear_request_log();
        let out = export_seed_site(&sandbox, SEEDED, &dir, extra);
        out.success();
        out
    };
    let run1 = export(&["-o", "json"]);
    let printed = run1.json();
    assert_eq!(printed["galleryId"], SEEDED);
    assert_eq!(printed["items"], 4);
    assert_eq!(printed["files"], 4);
    assert_eq!(printed["failed"], 0);
    assert!(
        run1.stderr.contains(&format!("exported gallery {SEEDED}")),
        "{}",
        run1.stderr
    );
    assert_eq!(
        names_in(&dir),
        ["gallery.json", "index.html", "manifest.jsonl", "media"]
    );
    assert_eq!(
        names_in(&dir.join("media")),
        [
            "0001-some-title.jpeg",
            "0002-video.poster.jpg",
            "0003-mountainous-landscape.mp4",
            "0003-mountainous-landscape.poster.jpg",
        ]
    );
    // gallery.json: exactly what the service answers for the gallery and its items.
    let gallery = read_json(&dir.join("gallery.json"))["gallery"].clone();
    let served = ok(sandbox
        .request("GET", &format!("{API}/galleries/{SEEDED}?itemLimit=100"))
        .header("wix-site-id", SEED_SITE)
        .send())["gallery"]
        .clone();
    assert_eq!(gallery, served);
    // The manifest: one line per item, in order, each file's media id, size and SHA-256.
    let manifest = read_lines(&dir.join("manifest.jsonl"));
    let types: Vec<&str> = manifest
        .iter()
        .map(|l| l["type"].as_str().unwrap())
        .collect();
    assert_eq!(types, ["IMAGE", "VIDEO", "VIDEO", "TEXT"]);
    assert_eq!(
        manifest[1]["link"],
        "https://www.youtube.com/watch?v=NCtzkaL2t_Y&ab_channel=TheBeatlesVEVO"
    );
    assert!(
        manifest[1].get("media").is_none(),
        "a YouTube video keeps its link"
    );
    let image = &manifest[0]["media"];
    assert_eq!(
        image["mediaId"],
        "11062b_12703ed9a6574547bcaed22b1ce44eef~mv2.jpeg"
    );
    assert_eq!(image["from"], "mediaManager");
    let bytes = std::fs::read(dir.join(image["file"].as_str().unwrap())).unwrap();
    assert_eq!(image["size"], bytes.len());
    assert_eq!(image["sha256"], sha256_hex(&bytes));
    assert_eq!(
        manifest[2]["media"]["mediaId"],
        "11062b_20125b6ebe434abd96c4d7773634d1db"
    );
    assert!(manifest[3].get("media").is_none() && manifest[3].get("error").is_none());
    let sheet = std::fs::read_to_string(dir.join("index.html")).unwrap();
    assert!(
        sheet.contains("src=\"media/0001-some-title.jpeg\""),
        "{sheet}"
    );
    assert_eq!(
        sandbox.logged("POST", "generate-file-download-url").len(),
        4
    );

    // A rerun keeps every intact file: no download URL is asked for again.
    export(&[]);
    assert!(sandbox
        .logged("POST", "generate-file-download-url")
        .is_empty());
    assert_eq!(read_lines(&dir.join("manifest.jsonl")), manifest);

    // A damaged file is fetched again, and only that one.
    let damaged = dir.join("media/0001-some-title.jpeg");
    std::fs::write(&damaged, b"not the picture").unwrap();
    export(&[]);
    assert_eq!(
        sandbox.logged("POST", "generate-file-download-url").len(),
        1
    );
    assert_eq!(std::fs::read(&damaged).unwrap(), bytes);
    assert!(sandbox.writes().iter().all(|w| w["path"]
        .as_str()
        .unwrap()
        .ends_with("generate-file-download-url")));
}

#[test]
fn media_outside_the_media_manager_is_fetched_from_its_url_and_failures_are_listed() {
    let sandbox = Sandbox::empty();
    // A file of another site: not in this site's Media Manager, but public at its URL, as stock
    // media is at static.wixstatic.com.
    let elsewhere = upload(&sandbox, OTHER_SITE, "dunes.jpg", "image/jpeg", DUNES);
    let own = upload(
        &sandbox,
        DEFAULT_TEST_SITE,
        "m.jpg",
        "image/jpeg",
        MOUNTAINS[0],
    );
    let info =
        |file: &Value| json!({"id": file["id"], "url": file["url"], "width": 480, "height": 320});
    let g = sandbox.gallery_with_items(
        "Mixed",
        vec![
            json!({"title": "Own", "image": {"type": "WIX_MEDIA", "imageInfo": info(&own)}}),
            json!({"title": "Stock", "image": {"type": "WIX_MEDIA", "imageInfo": info(&elsewhere)}}),
            json!({"title": "Gone", "image": {"type": "WIX_MEDIA", "imageInfo": {
                "id": "0a1b2c_00000000000000000000000000000000~mv2.jpg",
                "url": format!("{}/_sandbox/media/0a1b2c_00000000000000000000000000000000~mv2.jpg", sandbox.base_url),
                "width": 10, "height": 10}}}),
        ],
    );
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().join("mixed");
    let result = run(sandbox.cli().args(["galleries", "export", &g]).arg(&dir));
    result.code(3);
    assert!(
        result.stderr.contains("progallery: warning: failed: item")
            && result.stderr.contains("0003-gone"),
        "{}",
        result.stderr
    );
    assert!(
        result.stderr.contains("1 file(s) failed"),
        "{}",
        result.stderr
    );
    assert!(
        result.stderr.contains("hint: run the same export again"),
        "{}",
        result.stderr
    );
    let manifest = read_lines(&dir.join("manifest.jsonl"));
    assert_eq!(manifest[0]["media"]["from"], "mediaManager");
    assert_eq!(manifest[1]["media"]["from"], "url");
    assert_eq!(
        std::fs::read(dir.join(manifest[1]["media"]["file"].as_str().unwrap())).unwrap(),
        DUNES
    );
    assert!(
        manifest[2]["error"].as_str().unwrap().contains("404"),
        "{}",
        manifest[2]
    );
    // The sheet still shows what is there, and says what is not.
    let sheet = std::fs::read_to_string(dir.join("index.html")).unwrap();
    assert!(sheet.contains("Not downloaded"), "{sheet}");
}

#[test]
fn no_media_writes_the_json_alone_and_other_folders_are_refused() {
    let sandbox = Sandbox::start();
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().join("json-only");
    export_seed_site(&sandbox, SEEDED, &dir, &["--no-media", "-o", "id"]).success();
    assert_eq!(names_in(&dir), ["gallery.json"]);
    assert!(sandbox
        .logged("POST", "generate-file-download-url")
        .is_empty());

    // The same folder for another gallery, or a folder of other things: refused, nothing written.
    let other = export_seed_site(&sandbox, SEEDED_SIMPLE, &dir, &[]);
    assert_one_error_and_a_hint(
        "another gallery's export",
        &other,
        2,
        &format!("holds the export of gallery {SEEDED}"),
    );
    let busy = out.path().join("busy");
    std::fs::create_dir(&busy).unwrap();
    std::fs::write(busy.join("notes.txt"), "mine").unwrap();
    let refused = export_seed_site(&sandbox, SEEDED, &busy, &[]);
    refused.code(2);
    assert!(
        refused.stderr.contains("is not empty and holds no export"),
        "{}",
        refused.stderr
    );
    assert_eq!(names_in(&busy), ["notes.txt"]);
    // A gallery that does not exist: exit 5, nothing written.
    let missing = run(sandbox
        .cli()
        .args([
            "galleries",
            "export",
            "4c1e2a9e-5b7d-4c1e-9a2f-6d8e0b4c7a31",
        ])
        .arg(out.path().join("missing")));
    missing.code(5);
    assert!(!out.path().join("missing").exists());
}

#[test]
fn all_exports_every_gallery_into_a_folder_of_its_own() {
    let sandbox = Sandbox::start();
    let out = tempfile::tempdir().unwrap();
    let result = export_seed_site(&sandbox, "--all", out.path(), &["-o", "jsonl"]);
    result.success();
    let lines = result.json_lines();
    assert_eq!(lines.len(), 2);
    assert_eq!(
        names_in(out.path()),
        ["gallery-e481d9b4", "index.html", "simple-gallery-a59d43f0"]
    );
    let simple = out.path().join("simple-gallery-a59d43f0");
    assert_eq!(
        names_in(&simple.join("media")),
        ["0001-i-m-an-image-title.jpeg"]
    );
    let top = std::fs::read_to_string(out.path().join("index.html")).unwrap();
    assert!(
        top.contains("href=\"simple-gallery-a59d43f0/index.html\">Simple Gallery</a>"),
        "{top}"
    );
}

#[test]
fn a_file_the_media_manager_will_not_name_comes_from_its_url_without_credentials() {
    use crate::common::fake_server::{Answer, FakeServer};
    const G: &str = "4c1e2a9e-5b7d-4c1e-9a2f-6d8e0b4c7a31";
    // Wix does not document its answer for stock media: a 400 must read like a 404.
    let server = FakeServer::start(|seen, _| {
        let host = seen.header("host").unwrap_or_default().to_string();
        match (seen.method.as_str(), seen.path()) {
            ("GET", path) if path == format!("{API}/galleries/{G}") => Answer::json(
                200,
                &json!({"gallery": {"id": G, "name": "Stock", "totalItems": 1, "items": [{
                    "id": "a045b201-ee7d-447c-b0c3-746cba83253c", "title": "Sea", "sortOrder": 1, "type": "IMAGE",
                    "image": {"type": "WIX_MEDIA", "imageInfo": {
                        "id": "nsplsh_4d4d4d~mv2.jpg", "url": format!("http://{host}/media/nsplsh_4d4d4d~mv2.jpg"),
                        "width": 480, "height": 320}}}]}})
                .to_string(),
            ),
            ("POST", "/site-media/v1/files/generate-file-download-url") => Answer::json(
                400,
                r#"{"message": "INVALID_ARGUMENT: fileId", "details": {"validationError": {"fieldViolations": [{"field": "fileId", "description": "unknown file"}]}}}"#,
            ),
            ("GET", "/media/nsplsh_4d4d4d~mv2.jpg") => Answer::raw(200, "image/jpeg", DUNES),
            _ => Answer::json(404, "{}"),
        }
    })
    .expect_requests(3);
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("stock");
    let result = run(cli_at(home.path(), &server.base_url)
        .args(["galleries", "export", G])
        .arg(&dir));
    result.success();
    let manifest = read_lines(&dir.join("manifest.jsonl"));
    assert_eq!(manifest[0]["media"]["from"], "url");
    assert_eq!(
        std::fs::read(dir.join("media/0001-sea.jpg")).unwrap(),
        DUNES
    );
    let seen = server.requests();
    let media = seen
        .iter()
        .find(|r| r.path().starts_with("/media/"))
        .unwrap();
    assert_eq!(
        media.header("authorization"),
        None,
        "no credential to a media URL"
    );
    assert_eq!(media.header("wix-site-id"), None);
    let api = seen.iter().find(|r| r.path().starts_with(API)).unwrap();
    assert_eq!(api.header("authorization"), Some(TEST_API_KEY));
}

/// A FIFO named `gallery.json` in the folder (no writer ever opens it) is refused at once, not
/// waited on: the run finishing is part of the proof.
#[cfg(unix)]
#[test]
fn a_fifo_in_place_of_gallery_json_is_refused_at_once() {
    let sandbox = Sandbox::start();
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().join("odd");
    std::fs::create_dir(&dir).unwrap();
    let fifo =
        std::ffi::CString::new(dir.join("gallery.json").as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: mkfifo(3) reads a NUL-terminated path and touches nothing else.
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0, "mkfifo");
    sandbox.clear_request_log();
    let refused = export_seed_site(&sandbox, SEEDED, &dir, &[]);
    refused.code(2);
    assert!(
        refused.stderr.contains("is not an export of progallery"),
        "{}",
        refused.stderr
    );
    assert!(refused.stderr.contains("hint: "), "{}", refused.stderr);
    assert!(refused.stdout.is_empty());
    assert_eq!(names_in(&dir), ["gallery.json"]);
}
