//! A `progallery sandbox serve` process per test, with the shortcuts the tests share: requests
//! with the test key and site, the sandbox's own admin endpoints, and one helper per fixture.
//! Everything here reads and writes the sandbox over HTTP, never through the code under test.

use std::path::Path;
use std::process::Command;

use assert_cmd::cargo::CommandCargoExt;
use serde_json::{json, Value};

use super::http::{Request, Response};
use super::process::{wait_for, Process, Run, Signal};
use super::{cli_at, TestEnv, DEFAULT_TEST_SITE, TEST_API_KEY};

/// The gallery API's path prefix.
pub const API: &str = "/progallery/v2";

/// A `sandbox serve` process on 127.0.0.1:<ephemeral>. Dropping it stops it as a user would
/// (SIGTERM) and fails the test unless it exits 0: a sandbox that cannot stop cleanly, or leaves
/// its temporary media directory behind, is a bug the tests must see.
pub struct Sandbox {
    process: Option<Process>,
    pub base_url: String,
    /// Temporary home for this server (its data dir, and a home for the CLI runs against it).
    pub home: tempfile::TempDir,
}

impl Sandbox {
    /// An in-memory sandbox seeded with the reference examples.
    pub fn start() -> Sandbox {
        Sandbox::start_with(&["--memory"])
    }

    /// An in-memory sandbox with no seed data.
    pub fn empty() -> Sandbox {
        Sandbox::start_with(&["--memory", "--no-seed"])
    }

    /// `sandbox serve --addr 127.0.0.1:0` plus `args` (e.g. `--memory`, `--fail-rate 0.2`).
    pub fn start_with(args: &[&str]) -> Sandbox {
        Sandbox::start_in(tempfile::tempdir().expect("temp home"), args)
    }

    pub fn start_in(home: tempfile::TempDir, args: &[&str]) -> Sandbox {
        Sandbox::start_in_env(home, args, &[])
    }

    /// [`Sandbox::start_in`] with extra environment variables for the server.
    pub fn start_in_env(home: tempfile::TempDir, args: &[&str], env: &[(&str, &Path)]) -> Sandbox {
        let mut cmd = Command::cargo_bin("progallery").expect("binary");
        cmd.args(["sandbox", "serve", "--addr", "127.0.0.1:0"])
            .args(args)
            .env_clear_test_env(home.path())
            .stdin(std::process::Stdio::null());
        for (name, value) in env {
            cmd.env(name, value);
        }
        let process = Process::spawn(&mut cmd);
        // Its first line, once it accepts connections.
        let base_url = process.next_line().trim().to_string();
        assert!(
            base_url.starts_with("http://127.0.0.1:"),
            "sandbox serve printed {base_url:?} instead of its URL; stderr: {}",
            process.stderr()
        );
        Sandbox {
            process: Some(process),
            base_url,
            home,
        }
    }

    /// Stops the server with `signal` and returns how it ended (its stdout after the URL line).
    #[track_caller]
    pub fn stop_with(mut self, signal: Signal) -> Run {
        self.process.take().expect("running").stop(signal)
    }

    /// The server's process id (to count its file descriptors in /proc, say).
    pub fn pid(&self) -> u32 {
        self.process.as_ref().expect("running").id()
    }

    /// Ends the server at once (SIGKILL), as a crash would.
    pub fn kill(mut self) {
        self.process.take().expect("running").kill();
    }

    /// The CLI, pointed at this sandbox, in this sandbox's temporary home, with a test API key.
    pub fn cli(&self) -> Command {
        cli_at(self.home.path(), &self.base_url)
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base_url, path)
    }

    /// A request to the sandbox, with auth and the test site unless given otherwise.
    pub fn request(&self, method: &str, path: &str) -> Request {
        Request::new(method, &self.url(path))
            .header("Authorization", TEST_API_KEY)
            .header("wix-site-id", DEFAULT_TEST_SITE)
    }

    /// A request to one of the sandbox's own endpoints (`/_sandbox/...`), with the test key: a
    /// sandbox started with `--api-key` requires it there too (the others ignore it).
    pub fn admin(&self, method: &str, path: &str) -> Request {
        Request::new(method, &self.url(path)).header("Authorization", TEST_API_KEY)
    }

    /// `method` on the gallery API (`path` after [`API`]), with an optional JSON body.
    pub fn call(&self, method: &str, path: &str, body: Option<Value>) -> Response {
        let request = self.request(method, &format!("{API}{path}"));
        match body {
            Some(body) => request.json(&body).send(),
            None => request.send(),
        }
    }

    /// [`Sandbox::call`] that must answer 200; its JSON.
    #[track_caller]
    pub fn call_ok(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let response = self.call(method, path, body);
        assert_eq!(response.status, 200, "{method} {path}: {}", response.body);
        response.json()
    }

    #[track_caller]
    fn admin_json(&self, method: &str, path: &str, body: Option<&Value>) -> Value {
        let mut request = self.admin(method, path);
        if let Some(body) = body {
            request = request.json(body);
        }
        let response = request.send();
        assert_eq!(response.status, 200, "{method} {path}: {}", response.body);
        response.json()
    }

    /// The sandbox's request log (`GET /_sandbox/requests`), oldest first.
    #[track_caller]
    pub fn request_log(&self) -> Vec<Value> {
        self.admin_json("GET", "/_sandbox/requests", None)
            .as_array()
            .cloned()
            .expect("the request log is an array")
    }

    #[track_caller]
    pub fn clear_request_log(&self) {
        self.admin_json("DELETE", "/_sandbox/requests", None);
    }

    /// Logged requests with this method whose path contains `fragment`.
    #[track_caller]
    pub fn logged(&self, method: &str, fragment: &str) -> Vec<Value> {
        self.request_log()
            .into_iter()
            .filter(|r| {
                r["method"] == method && r["path"].as_str().unwrap_or_default().contains(fragment)
            })
            .collect()
    }

    /// Logged write requests (anything but GET).
    #[track_caller]
    pub fn writes(&self) -> Vec<Value> {
        self.request_log()
            .into_iter()
            .filter(|r| !is_read(r))
            .collect()
    }

    /// The sandbox's event log (`GET /_sandbox/events`), oldest first.
    #[track_caller]
    pub fn events(&self) -> Vec<Value> {
        self.admin_json("GET", "/_sandbox/events", None)
            .as_array()
            .cloned()
            .expect("the event log is an array")
    }

    /// Webhook targets and their delivery counters (`GET /_sandbox/webhooks`).
    #[track_caller]
    pub fn webhooks_status(&self) -> Value {
        self.admin_json("GET", "/_sandbox/webhooks", None)
    }

    /// Changes the injected faults (`PUT /_sandbox/faults`, a partial update); the faults now.
    #[track_caller]
    pub fn set_faults(&self, faults: Value) -> Value {
        self.admin_json("PUT", "/_sandbox/faults", Some(&faults))
    }

    /// Changes the media limits (`PUT /_sandbox/media-settings`, a partial update); the limits
    /// now.
    #[track_caller]
    pub fn set_media_settings(&self, settings: Value) -> Value {
        self.admin_json("PUT", "/_sandbox/media-settings", Some(&settings))
    }

    /// Runs `cmd` (the CLI against this sandbox) with every request slowed by `latency_ms`, and
    /// interrupts it as Ctrl-C would (SIGINT) once its first POST has reached the sandbox; asserts
    /// exit 130, lifts the latency again, and returns how the run ended.
    #[track_caller]
    pub fn ctrl_c_at_first_post(&self, cmd: &mut Command, latency_ms: u64) -> Run {
        self.set_faults(json!({ "latencyMs": latency_ms }));
        self.clear_request_log();
        let child = Process::spawn(cmd);
        wait_for("the first POST", || {
            self.request_log().iter().any(|r| r["method"] == "POST")
        });
        let out = child.stop(Signal::Interrupt);
        out.code(130);
        self.set_faults(json!({ "latencyMs": 0 }));
        out
    }

    // ---- fixtures ----------------------------------------------------------------------------

    /// A new empty gallery in the test site; its id.
    #[track_caller]
    pub fn new_gallery(&self, name: &str) -> String {
        self.create_gallery(DEFAULT_TEST_SITE, json!({ "name": name }))
    }

    /// A new gallery in the test site holding `items` (each as create-item takes it, in this
    /// order); its id.
    #[track_caller]
    pub fn gallery_with_items(&self, name: &str, items: Vec<Value>) -> String {
        self.gallery_on_site(DEFAULT_TEST_SITE, name, items)
    }

    /// [`Sandbox::gallery_with_items`] in another site.
    #[track_caller]
    pub fn gallery_on_site(&self, site: &str, name: &str, items: Vec<Value>) -> String {
        self.create_gallery(site, json!({"name": name, "items": items}))
    }

    #[track_caller]
    fn create_gallery(&self, site: &str, gallery: Value) -> String {
        let response = self
            .request("POST", &format!("{API}/galleries"))
            .header("wix-site-id", site)
            .json(&json!({ "gallery": gallery }))
            .send();
        assert_eq!(response.status, 200, "create gallery: {}", response.body);
        response.json()["gallery"]["id"]
            .as_str()
            .expect("gallery id")
            .to_string()
    }

    /// A new gallery of `count` generated image items ("Generated item N"), made by the
    /// sandbox's own fast path (`POST /_sandbox/generate`); its id.
    #[track_caller]
    pub fn generated_gallery(&self, count: u64) -> String {
        let response = self
            .request("POST", "/_sandbox/generate")
            .json(&json!({ "count": count }))
            .send();
        assert_eq!(response.status, 200, "generate: {}", response.body);
        response.json()["galleryId"]
            .as_str()
            .expect("generated gallery id")
            .to_string()
    }

    /// Adds `item` to a gallery; the item as created.
    #[track_caller]
    pub fn add_item(&self, gallery: &str, item: Value) -> Value {
        self.call_ok(
            "POST",
            &format!("/galleries/{gallery}/items"),
            Some(json!({ "item": item })),
        )["item"]
            .clone()
    }

    /// Every item of a gallery, in gallery order.
    #[track_caller]
    pub fn items(&self, gallery: &str) -> Vec<Value> {
        self.items_on_site(DEFAULT_TEST_SITE, gallery)
    }

    /// Every item of a gallery of `site`, in gallery order.
    #[track_caller]
    pub fn items_on_site(&self, site: &str, gallery: &str) -> Vec<Value> {
        let mut all = Vec::new();
        loop {
            let path = format!(
                "{API}/galleries/{gallery}/items?itemOffset={}&itemLimit=100",
                all.len()
            );
            let response = self
                .request("GET", &path)
                .header("wix-site-id", site)
                .send();
            assert_eq!(response.status, 200, "GET {path}: {}", response.body);
            let page = response.json()["items"]
                .as_array()
                .cloned()
                .unwrap_or_default();
            let done = page.len() < 100;
            all.extend(page);
            if done {
                return all;
            }
        }
    }

    /// The titles of every item of a gallery, in gallery order.
    #[track_caller]
    pub fn titles(&self, gallery: &str) -> Vec<String> {
        super::titles(&self.items(gallery))
    }

    /// The ids of every item of a gallery, in gallery order.
    #[track_caller]
    pub fn item_ids(&self, gallery: &str) -> Vec<String> {
        self.items(gallery)
            .iter()
            .map(|i| i["id"].as_str().expect("item id").to_string())
            .collect()
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        let Some(mut process) = self.process.take() else {
            return;
        };
        let stopped = process.terminate();
        if std::thread::panicking() {
            return;
        }
        match stopped {
            Some((status, _, stderr)) => assert!(
                status.success(),
                "sandbox serve did not stop cleanly on SIGTERM ({status}): {stderr}"
            ),
            None => panic!(
                "sandbox serve did not stop on SIGTERM; killed. stderr: {}",
                process.stderr()
            ),
        }
    }
}

/// Item bodies for create-item, one of each kind.
pub fn image_item(title: &str) -> Value {
    json!({
        "title": title,
        "image": {
            "type": "WIX_MEDIA",
            "imageInfo": {"id": "11062b_abc~mv2.jpg", "url": "https://static.wixstatic.com/media/11062b_abc~mv2.jpg", "width": 640, "height": 480}
        }
    })
}

pub fn video_item(title: &str) -> Value {
    json!({
        "title": title,
        "video": {"type": "YOUTUBE", "videoInfo": {"id": "", "url": "https://www.youtube.com/watch?v=x"}, "duration": "20000"}
    })
}

pub fn text_item(title: &str) -> Value {
    json!({"title": title, "text": {"html": "<p>hi</p>", "css": {"width": 420}}})
}

/// `count` text items titled "item 0", "item 1", …, each with its own HTML.
pub fn text_items(count: usize) -> Vec<Value> {
    (0..count)
        .map(|i| json!({ "title": format!("item {i}"), "text": { "html": format!("<p>{i}</p>") } }))
        .collect()
}

#[track_caller]
pub fn ok(response: Response) -> Value {
    assert_eq!(response.status, 200, "body: {}", response.body);
    response.json()
}

/// Asserts an `applicationError` body with `code` and the `x-wix-request-id` header.
#[track_caller]
pub fn assert_app_error(response: &Response, status: u16, code: &str) {
    assert_eq!(response.status, status, "body: {}", response.body);
    let body = response.json();
    assert_eq!(
        body["details"]["applicationError"]["code"], code,
        "body: {body}"
    );
    assert!(
        body["message"].as_str().unwrap_or("").starts_with(code),
        "body: {body}"
    );
    assert!(
        response.header("x-wix-request-id").is_some(),
        "no request id header"
    );
}

/// Asserts a 400 `validationError` naming `field` (exactly) and returns its violation.
#[track_caller]
pub fn assert_violation(response: &Response, field: &str) -> Value {
    assert_eq!(response.status, 400, "body: {}", response.body);
    let body = response.json();
    assert!(
        body["message"]
            .as_str()
            .unwrap_or("")
            .starts_with("INVALID_ARGUMENT"),
        "body: {body}"
    );
    let list = body["details"]["validationError"]["fieldViolations"]
        .as_array()
        .cloned()
        .unwrap_or_else(|| panic!("no fieldViolations: {body}"));
    list.into_iter()
        .find(|v| v["field"] == field)
        .unwrap_or_else(|| panic!("no violation for {field}: {body}"))
}

/// Calls that change nothing on the service: GET and HEAD, and the POSTs that only read (the
/// Media Manager's bulk get-files and download URLs, Site Search).
fn is_read(request: &Value) -> bool {
    let path = request["path"].as_str().unwrap_or("");
    match request["method"].as_str().unwrap_or("") {
        "GET" | "HEAD" => true,
        "POST" => {
            path.ends_with("/files/get-files")
                || path.ends_with("/files/generate-file-download-url")
                || path.ends_with("/site-search/v1/search")
        }
        _ => false,
    }
}
