//! The contact sheet in a real browser: `index.html` of an export opened in headless Chromium
//! (Debian's `chromium`, which `.ci/run` installs), offline, and checked as rendered — every
//! thumbnail decoded (its `naturalWidth` above 0), the cards in gallery order, the alt-text badge
//! shown on exactly the images without alt text.
//!
//! The page is not changed: a copy of it beside it (so its relative paths hold) gets a script
//! that, once everything has loaded, writes what the browser rendered into the DOM, which
//! `--dump-dom` then prints. Without Chromium the test says so loudly and passes, unless it runs
//! in CI (`CI=true`), where a missing Chromium is a failure.

use std::process::{Command, Stdio};

use wait_timeout::ChildExt;

use super::*;

/// What the browser saw, written into the page once it has loaded.
const PROBE: &str = r#"<script>
window.addEventListener('load', () => {
  const images = [...document.images].map(img => ({
    src: img.getAttribute('src'), complete: img.complete, width: img.naturalWidth,
    shown: img.getBoundingClientRect().width }));
  const cards = [...document.querySelectorAll('figure')].map(figure => ({
    title: figure.querySelector('.title').textContent,
    type: figure.dataset.type,
    badge: [...figure.querySelectorAll('.badge')].some(b => getComputedStyle(b).display !== 'none' && b.getBoundingClientRect().height > 0) }));
  const out = document.createElement('pre');
  out.id = 'probe';
  out.textContent = JSON.stringify({ images, cards });
  document.body.appendChild(out);
});
</script>"#;

/// Chromium, or `None` when it is not installed (a failure in CI).
fn chromium() -> Option<std::path::PathBuf> {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join("chromium"))
            .find(|p| p.is_file())
    });
    if found.is_none() {
        let in_ci = std::env::var("CI").is_ok_and(|v| v == "true");
        assert!(
            !in_ci,
            "chromium is not installed, and CI=true: `.ci/run` installs it (apt-get install -y chromium)"
        );
        eprintln!(
            "\n\n*** SKIPPED: the contact sheet browser test needs Chromium (`apt-get install chromium`); \
             it is not installed here. In CI (CI=true) this is a failure. ***\n"
        );
    }
    found
}

/// Opens `page` in headless Chromium and returns the DOM after load.
fn rendered(browser: &Path, page: &Path) -> String {
    let profile = tempfile::tempdir().unwrap();
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--virtual-time-budget=10000",
            "--dump-dom",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start chromium");
    let stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || std::io::read_to_string(stdout).unwrap_or_default());
    let status = match child.wait_timeout(CEILING).unwrap() {
        Some(status) => status,
        None => {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium did not finish within {CEILING:?}");
        }
    };
    let dom = reader.join().unwrap();
    assert!(status.success(), "chromium failed ({status}): {dom}");
    dom
}

/// The probe's JSON out of the dumped DOM.
fn probe(dom: &str) -> Value {
    let start = dom.find("<pre id=\"probe\">").expect("the probe ran") + "<pre id=\"probe\">".len();
    let end = start + dom[start..].find("</pre>").unwrap();
    let text = dom[start..end]
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

#[test]
fn the_contact_sheet_renders_every_thumbnail_offline_in_chromium() {
    let Some(browser) = chromium() else {
        return;
    };
    let sandbox = Sandbox::empty();
    let files: Vec<Value> = MOUNTAINS
        .iter()
        .chain([&DUNES])
        .enumerate()
        .map(|(k, bytes)| {
            upload(
                &sandbox,
                DEFAULT_TEST_SITE,
                &format!("p{k}.jpg"),
                "image/jpeg",
                bytes,
            )
        })
        .collect();
    let clip = upload(&sandbox, DEFAULT_TEST_SITE, "clip.mp4", "video/mp4", VIDEO);
    let image = |k: usize, title: &str, alt: Option<&str>| {
        let mut info =
            json!({"id": files[k]["id"], "url": files[k]["url"], "width": 480, "height": 270});
        if let Some(alt) = alt {
            info["altText"] = json!(alt);
        }
        json!({"title": title, "description": format!("About {title}"), "image": {"type": "WIX_MEDIA", "imageInfo": info}})
    };
    let g = sandbox.gallery_with_items(
        "Atlas <Mountains> & dunes",
        vec![
            image(4, "Dunes at dusk", Some("Orange dunes under a low sun")),
            image(0, "Morning ridge", None),
            json!({"title": "Clip", "video": {"type": "WIX_MEDIA", "videoInfo": {
                "id": clip["id"], "url": clip["url"],
                "posters": [{"id": files[1]["id"], "url": files[1]["url"], "width": 480, "height": 270}]}}}),
            json!({"title": "A note", "text": {"html": "<p>Shot on <b>film</b> &amp; scanned</p>"}}),
            image(2, "Noon", Some("Peaks at noon")),
            json!({"title": "Talk", "video": {"type": "YOUTUBE", "videoInfo": {"url": "https://www.youtube.com/watch?v=x"}}}),
            image(3, "Evening", None),
        ],
    );
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().join("atlas");
    run(sandbox.cli().args(["galleries", "export", &g]).arg(&dir)).success();
    let page = std::fs::read_to_string(dir.join("index.html")).unwrap();
    assert!(
        !page.contains("<script"),
        "the sheet itself needs no script"
    );
    let probed = dir.join("index.probe.html");
    std::fs::write(&probed, page.replace("</body>", &format!("{PROBE}</body>"))).unwrap();

    let seen = probe(&rendered(&browser, &probed));
    let images = seen["images"].as_array().unwrap();
    // Four images and the video's poster; the text and the YouTube link have none.
    assert_eq!(images.len(), 5, "{seen}");
    for img in images {
        assert_eq!(img["complete"], true, "{img}");
        assert!(img["width"].as_u64().unwrap() > 0, "not decoded: {img}");
        assert!(img["shown"].as_f64().unwrap() > 0.0, "not laid out: {img}");
    }
    let cards = seen["cards"].as_array().unwrap();
    let titles: Vec<&str> = cards.iter().map(|c| c["title"].as_str().unwrap()).collect();
    assert_eq!(
        titles,
        [
            "Dunes at dusk",
            "Morning ridge",
            "Clip",
            "A note",
            "Noon",
            "Talk",
            "Evening"
        ]
    );
    let badged: Vec<&str> = cards
        .iter()
        .filter(|c| c["badge"] == true)
        .map(|c| c["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        badged,
        ["Morning ridge", "Evening"],
        "the images without alt text"
    );
    let types: Vec<&str> = cards.iter().map(|c| c["type"].as_str().unwrap()).collect();
    assert_eq!(
        types,
        ["IMAGE", "IMAGE", "VIDEO", "TEXT", "IMAGE", "VIDEO", "IMAGE"]
    );
}
