//! Test harness: start `progallery sandbox serve` on an ephemeral loopback port, run the CLI
//! against it in a temporary home, and read the sandbox's state back over HTTP.
#![allow(dead_code)]

pub mod fake_server;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use assert_cmd::cargo::CommandCargoExt;
use serde_json::Value;

/// A `sandbox serve` process on 127.0.0.1:<ephemeral>, killed on drop.
pub struct Sandbox {
    child: Child,
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
        let home = tempfile::tempdir().expect("temp home");
        Sandbox::start_in(home, args)
    }

    pub fn start_in(home: tempfile::TempDir, args: &[&str]) -> Sandbox {
        let mut child = Command::cargo_bin("progallery")
            .expect("binary")
            .args(["sandbox", "serve", "--addr", "127.0.0.1:0"])
            .args(args)
            .env_clear_test_env(home.path())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn sandbox serve");
        let stdout = child.stdout.take().expect("stdout");
        let mut line = String::new();
        BufReader::new(stdout)
            .read_line(&mut line)
            .expect("read sandbox url");
        let base_url = line.trim().to_string();
        assert!(
            base_url.starts_with("http://127.0.0.1:"),
            "sandbox serve printed {base_url:?} instead of its URL"
        );
        Sandbox {
            child,
            base_url,
            home,
        }
    }

    /// The CLI, pointed at this sandbox, in this sandbox's temporary home, with a test API key.
    pub fn cli(&self) -> Command {
        let mut cmd = cli_in(self.home.path());
        cmd.env("PROGALLERY_BASE_URL", &self.base_url)
            .env("WIX_API_KEY", TEST_API_KEY)
            .env("WIX_SITE_ID", DEFAULT_TEST_SITE);
        cmd
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base_url, path)
    }

    /// A raw HTTP request to the sandbox, with auth and the test site unless given otherwise.
    pub fn request(&self, method: &str, path: &str) -> ureq_like::Request {
        ureq_like::Request::new(method, &self.url(path))
            .header("Authorization", TEST_API_KEY)
            .header("wix-site-id", DEFAULT_TEST_SITE)
    }

    /// The sandbox's request log (`GET /_sandbox/requests`).
    pub fn request_log(&self) -> Vec<Value> {
        let resp = ureq_like::Request::new("GET", &self.url("/_sandbox/requests")).send();
        assert_eq!(resp.status, 200, "request log: {}", resp.body);
        resp.json()
            .as_array()
            .cloned()
            .expect("request log is an array")
    }

    pub fn clear_request_log(&self) {
        let resp = ureq_like::Request::new("DELETE", &self.url("/_sandbox/requests")).send();
        assert_eq!(resp.status, 200, "clear request log: {}", resp.body);
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub const TEST_API_KEY: &str = "IST.test-key-0123456789abcdef-SECRET";
pub const DEFAULT_TEST_SITE: &str = "11111111-2222-3333-4444-555555555555";

/// The CLI with a clean environment rooted at `home`: no real config or data dir is touched.
pub fn cli_in(home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("progallery").expect("binary");
    cmd.env_clear_test_env(home).stdin(Stdio::null());
    cmd
}

pub trait TestEnv {
    fn env_clear_test_env(&mut self, home: &Path) -> &mut Self;
}

impl TestEnv for Command {
    fn env_clear_test_env(&mut self, home: &Path) -> &mut Self {
        self.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", home)
            .env("XDG_CONFIG_HOME", home.join(".config"))
            .env("XDG_DATA_HOME", home.join(".local/share"))
            .env("PROGALLERY_CONFIG_DIR", home.join("config"))
            .env("PROGALLERY_DATA_DIR", home.join("data"))
            .env("NO_COLOR", "1")
    }
}

/// Output of a finished CLI run.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}): {}", self.stdout))
    }

    pub fn lines(&self) -> Vec<&str> {
        self.stdout.lines().collect()
    }

    #[track_caller]
    pub fn success(&self) -> &Self {
        assert_eq!(
            self.code, 0,
            "stdout: {}\nstderr: {}",
            self.stdout, self.stderr
        );
        self
    }

    #[track_caller]
    pub fn code(&self, code: i32) -> &Self {
        assert_eq!(
            self.code, code,
            "stdout: {}\nstderr: {}",
            self.stdout, self.stderr
        );
        self
    }
}

/// Runs a command to completion (with a 120 s guard) and collects its output.
pub fn run(cmd: &mut Command) -> Run {
    run_with_stdin(cmd, None)
}

pub fn run_with_stdin(cmd: &mut Command, stdin: Option<&[u8]>) -> Run {
    use std::io::Write;
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    if stdin.is_some() {
        cmd.stdin(Stdio::piped());
    }
    let mut child = cmd.spawn().expect("spawn progallery");
    // Written from a thread so a large input cannot deadlock against the child's output. The
    // child may exit without reading it all (e.g. on a bad flag): a broken pipe is its choice,
    // not a test failure.
    let writer = stdin.map(|input| {
        let mut pipe = child.stdin.take().expect("stdin");
        let input = input.to_vec();
        std::thread::spawn(move || match pipe.write_all(&input) {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => panic!("write stdin: {e}"),
            _ => {}
        })
    });
    let output = wait_with_timeout(child, Duration::from_secs(120));
    if let Some(writer) = writer {
        writer.join().expect("stdin writer");
    }
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

fn wait_with_timeout(child: Child, limit: Duration) -> std::process::Output {
    let id = child.id();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    match rx.recv_timeout(limit) {
        Ok(output) => output.expect("wait for progallery"),
        Err(_) => {
            let _ = Command::new("kill").arg("-9").arg(id.to_string()).status();
            panic!("progallery did not finish within {limit:?}");
        }
    }
}

pub fn temp_file(dir: &Path, name: &str, contents: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("write temp file");
    path
}

/// A tiny blocking HTTP/1.1 client over std, so tests can talk to the sandbox directly without
/// going through the code under test.
pub mod ureq_like {
    use std::io::{Read, Write};
    use std::net::TcpStream;
    use std::time::Duration;

    use serde_json::Value;

    pub struct Request {
        method: String,
        host: String,
        path: String,
        headers: Vec<(String, String)>,
        body: Vec<u8>,
    }

    pub struct Response {
        pub status: u16,
        pub headers: Vec<(String, String)>,
        pub body: String,
        /// The body as received (after de-chunking), for binary responses.
        pub raw: Vec<u8>,
    }

    impl Response {
        pub fn json(&self) -> Value {
            serde_json::from_str(&self.body)
                .unwrap_or_else(|e| panic!("body is not JSON ({e}): {}", self.body))
        }

        pub fn header(&self, name: &str) -> Option<&str> {
            self.headers
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.as_str())
        }
    }

    impl Request {
        pub fn new(method: &str, url: &str) -> Request {
            let rest = url.strip_prefix("http://").expect("http url");
            let (host, path) = match rest.find('/') {
                Some(i) => (&rest[..i], &rest[i..]),
                None => (rest, "/"),
            };
            Request {
                method: method.to_string(),
                host: host.to_string(),
                path: path.to_string(),
                headers: Vec::new(),
                body: Vec::new(),
            }
        }

        pub fn header(mut self, name: &str, value: &str) -> Request {
            self.headers.retain(|(k, _)| !k.eq_ignore_ascii_case(name));
            self.headers.push((name.to_string(), value.to_string()));
            self
        }

        pub fn without_header(mut self, name: &str) -> Request {
            self.headers.retain(|(k, _)| !k.eq_ignore_ascii_case(name));
            self
        }

        pub fn json(self, body: &Value) -> Request {
            self.raw_body("application/json", body.to_string().as_bytes())
        }

        pub fn raw_body(mut self, content_type: &str, body: &[u8]) -> Request {
            self.body = body.to_vec();
            self.header("Content-Type", content_type)
        }

        pub fn send(self) -> Response {
            let mut stream = TcpStream::connect(&self.host).expect("connect to sandbox");
            stream
                .set_read_timeout(Some(Duration::from_secs(60)))
                .unwrap();
            let mut head = format!(
                "{} {} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\nContent-Length: {}\r\n",
                self.method,
                self.path,
                self.host,
                self.body.len()
            );
            for (k, v) in &self.headers {
                head.push_str(&format!("{k}: {v}\r\n"));
            }
            head.push_str("\r\n");
            stream.write_all(head.as_bytes()).unwrap();
            stream.write_all(&self.body).unwrap();
            let mut raw = Vec::new();
            stream.read_to_end(&mut raw).expect("read response");
            parse_response(&raw)
        }
    }

    fn parse_response(raw: &[u8]) -> Response {
        let split = raw
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("response head");
        let head = String::from_utf8_lossy(&raw[..split]).into_owned();
        let mut body = raw[split + 4..].to_vec();
        let mut lines = head.split("\r\n");
        let status_line = lines.next().unwrap();
        let status: u16 = status_line
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .expect("status code");
        let headers: Vec<(String, String)> = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
            .collect();
        let chunked = headers.iter().any(|(k, v)| {
            k.eq_ignore_ascii_case("transfer-encoding") && v.eq_ignore_ascii_case("chunked")
        });
        if chunked {
            body = dechunk(&body);
        }
        Response {
            status,
            headers,
            body: String::from_utf8_lossy(&body).into_owned(),
            raw: body,
        }
    }

    fn dechunk(mut data: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        while let Some(eol) = data.windows(2).position(|w| w == b"\r\n") {
            let size_text = String::from_utf8_lossy(&data[..eol]);
            let size =
                usize::from_str_radix(size_text.trim().split(';').next().unwrap(), 16).unwrap_or(0);
            data = &data[eol + 2..];
            if size == 0 || data.len() < size {
                break;
            }
            out.extend_from_slice(&data[..size]);
            data = &data[(size + 2).min(data.len())..];
        }
        out
    }
}
