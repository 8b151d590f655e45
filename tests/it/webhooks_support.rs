//! Helpers for the webhooks tests: a key pair made once per test run, tokens built by hand from
//! the spec (independently of the code under test, so a nesting mistake there cannot hide), a
//! `webhooks listen` process that reports its URL and output, and a one-shot loopback HTTP receiver.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use base64::Engine as _;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use rsa::pkcs8::{EncodePrivateKey, EncodePublicKey, LineEnding};
use serde_json::{json, Value};

use crate::common::cli_in;

pub struct TestKeys {
    pub name: &'static str,
    pub private_pem: String,
    pub public_pem: String,
}

impl TestKeys {
    /// Writes this pair's PEM files into `dir` (a test's temp home); returns (private, public).
    pub fn files_in(&self, dir: &Path) -> (PathBuf, PathBuf) {
        let private = dir.join(format!("{}-private.pem", self.name));
        let public = dir.join(format!("{}-public.pem", self.name));
        std::fs::write(&private, &self.private_pem).expect("write key");
        std::fs::write(&public, &self.public_pem).expect("write key");
        (private, public)
    }
}

fn make_keys(name: &'static str) -> TestKeys {
    let private = rsa::RsaPrivateKey::new(&mut rand::rngs::OsRng, 2048).expect("rsa key");
    let private_pem = private
        .to_pkcs8_pem(LineEnding::LF)
        .expect("pem")
        .to_string();
    let public_pem = private
        .to_public_key()
        .to_public_key_pem(LineEnding::LF)
        .expect("pem");
    TestKeys {
        name,
        private_pem,
        public_pem,
    }
}

/// The key pair most tests sign with (generated once per test run).
pub fn keys() -> &'static TestKeys {
    static KEYS: OnceLock<TestKeys> = OnceLock::new();
    KEYS.get_or_init(|| make_keys("main"))
}

/// A second, unrelated key pair ("wrong key" tests).
pub fn other_keys() -> &'static TestKeys {
    static KEYS: OnceLock<TestKeys> = OnceLock::new();
    KEYS.get_or_init(|| make_keys("other"))
}

/// Puts [`keys`] where the CLI looks for the sandbox's pair, so `home` needs no key generation.
pub fn install_sandbox_keys(home: &Path) {
    let data = home.join("data");
    std::fs::create_dir_all(&data).expect("data dir");
    std::fs::write(data.join("webhook-private-key.pem"), &keys().private_pem).expect("key");
    std::fs::write(data.join("webhook-public-key.pem"), &keys().public_pem).expect("key");
}

pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock")
        .as_secs() as i64
}

/// An envelope as in the reference's gallery_item_created example, with the given event id.
pub fn item_created_envelope(event_id: &str, gallery_id: &str) -> Value {
    json!({
        "id": event_id,
        "entityFqdn": "wix.pro_gallery.v2.gallery",
        "slug": "gallery_item_created",
        "entityId": gallery_id,
        "actionEvent": {"body": {"item": {
            "id": "a045b201-ee7d-447c-b0c3-746cba83253c",
            "title": "Some Title",
            "type": "IMAGE"
        }}},
        "eventTime": "2021-12-16T12:28:44.905701Z",
        "triggeredByAnonymizeRequest": false
    })
}

/// The claims Wix sends: every level below the top is a JSON string.
pub fn wix_claims(event_type: &str, envelope: &Value, iat: i64, exp: i64) -> Value {
    let identity = json!({"identityType": "WIX_USER", "wixUserId": "user-1"});
    let data = json!({
        "eventType": event_type,
        "instanceId": "instance-1",
        "data": envelope.to_string(),
        "identity": identity.to_string(),
    });
    json!({"data": data.to_string(), "iat": iat, "exp": exp})
}

pub fn rs256(claims: &Value, private_pem: &str) -> String {
    let key = EncodingKey::from_rsa_pem(private_pem.as_bytes()).expect("key");
    jsonwebtoken::encode(&Header::new(Algorithm::RS256), claims, &key).expect("sign")
}

/// A valid token for an item-created event with this id.
pub fn valid_token(event_id: &str) -> String {
    let envelope = item_created_envelope(event_id, "4937b26c-b9d3-4c43-b772-f1f3ba840b3d");
    let claims = wix_claims(
        "wix.pro_gallery.gallery_v2_gallery_item_created",
        &envelope,
        now(),
        now() + 600,
    );
    rs256(&claims, &keys().private_pem)
}

pub fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// Hostile and broken payloads, each with the verify exit code and listen HTTP status expected.
pub fn bad_payloads() -> Vec<(&'static str, String, i32, u16)> {
    let good = valid_token("bad-payload-base");
    let (head_and_claims, signature) = good.rsplit_once('.').expect("three parts");
    let claims_part = head_and_claims.split('.').nth(1).expect("claims");
    let envelope = item_created_envelope("e1", "g1");
    let claims = wix_claims(
        "wix.pro_gallery.gallery_v2_gallery_item_created",
        &envelope,
        now(),
        now() + 600,
    );

    // Forged: same header and signature, different claims.
    let forged_claims = wix_claims(
        "wix.pro_gallery.gallery_v2_gallery_item_created",
        &item_created_envelope("forged", "g-forged"),
        now(),
        now() + 600,
    );
    let forged = format!(
        "{}.{}.{signature}",
        head_and_claims.split('.').next().unwrap_or_default(),
        b64(forged_claims.to_string().as_bytes())
    );
    let wrong_key = rs256(&claims, &other_keys().private_pem);
    let alg_none = format!("{}.{claims_part}.", b64(br#"{"alg":"none","typ":"JWT"}"#));
    let hs256 = jsonwebtoken::encode(
        &Header::new(Algorithm::HS256),
        &claims,
        &EncodingKey::from_secret(keys().public_pem.as_bytes()),
    )
    .expect("hs256");
    let expired = rs256(
        &wix_claims(
            "wix.pro_gallery.gallery_v2_gallery_item_created",
            &envelope,
            now() - 7200,
            now() - 3600,
        ),
        &keys().private_pem,
    );
    let truncated = good[..good.len() - 20].to_string();
    let cut_before_signature = head_and_claims.to_string();
    let not_a_wix_event = rs256(
        &json!({"sub": "x", "exp": now() + 600}),
        &keys().private_pem,
    );
    vec![
        ("forged signature", forged, 4, 401),
        ("wrong key", wrong_key, 4, 401),
        ("alg none", alg_none, 4, 401),
        ("HS256 with the public key as secret", hs256, 4, 401),
        ("expired", expired, 4, 401),
        ("truncated signature", truncated, 4, 401),
        ("truncated to two parts", cut_before_signature, 2, 400),
        ("not a JWT", "hello, webhook".to_string(), 2, 400),
        (
            "JSON instead of a JWT",
            r#"{"data":"x"}"#.to_string(),
            2,
            400,
        ),
        ("empty", String::new(), 2, 400),
        ("signed but not a Wix event", not_a_wix_event, 2, 400),
    ]
}

/// A running `webhooks listen`; killed on drop.
pub struct Listener {
    child: Child,
    pub url: String,
    lines: Receiver<String>,
    stderr: Arc<Mutex<String>>,
}

impl Listener {
    /// `webhooks listen --addr 127.0.0.1:0 ARGS` in `home`.
    pub fn start(home: &Path, args: &[&str]) -> Listener {
        Listener::start_at(home, "127.0.0.1:0", args)
    }

    /// `webhooks listen --addr ADDR ARGS` in `home` (a pre-chosen port, for a listener that
    /// comes up after its sender).
    pub fn start_at(home: &Path, addr: &str, args: &[&str]) -> Listener {
        let mut child = cli_in(home)
            .args(["webhooks", "listen", "--addr", addr])
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn webhooks listen");
        let mut stderr = BufReader::new(child.stderr.take().expect("stderr"));
        let mut seen = String::new();
        let url = loop {
            let mut line = String::new();
            let read = stderr.read_line(&mut line).expect("read listen stderr");
            assert!(read > 0, "webhooks listen exited before listening: {seen}");
            seen.push_str(&line);
            if let Some(start) = line.find("http://") {
                let url = line[start..].split_whitespace().next().unwrap_or_default();
                break url.to_string();
            }
        };
        let stderr_text = Arc::new(Mutex::new(seen));
        let sink = stderr_text.clone();
        std::thread::spawn(move || {
            for line in stderr.lines().map_while(Result::ok) {
                sink.lock().expect("stderr").push_str(&format!("{line}\n"));
            }
        });
        let (tx, lines) = channel();
        let stdout = child.stdout.take().expect("stdout");
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        Listener {
            child,
            url,
            lines,
            stderr: stderr_text,
        }
    }

    /// POSTs `body` to the listener.
    pub fn post(&self, body: &[u8]) -> crate::common::ureq_like::Response {
        crate::common::ureq_like::Request::new("POST", &self.url)
            .raw_body("text/plain", body)
            .send()
    }

    /// The next stdout line, waiting up to 20 s.
    #[track_caller]
    pub fn next_line(&self) -> String {
        self.lines
            .recv_timeout(Duration::from_secs(20))
            .unwrap_or_else(|_| panic!("no event line from listen; stderr: {}", self.stderr()))
    }

    /// Stdout lines that arrive within `wait`.
    pub fn lines_within(&self, wait: Duration) -> Vec<String> {
        let deadline = Instant::now() + wait;
        let mut out = Vec::new();
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            match self.lines.recv_timeout(left) {
                Ok(line) => out.push(line),
                Err(_) => break,
            }
        }
        out
    }

    pub fn stderr(&self) -> String {
        self.stderr.lock().expect("stderr").clone()
    }

    /// SIGTERM, then the exit code, the stdout lines not yet read and the whole stderr.
    pub fn stop(mut self) -> (i32, Vec<String>, String) {
        let _ = std::process::Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let deadline = Instant::now() + Duration::from_secs(20);
        let code = loop {
            if let Some(status) = self.child.try_wait().expect("wait listen") {
                break status.code().unwrap_or(-1);
            }
            assert!(Instant::now() < deadline, "listen did not stop on SIGTERM");
            std::thread::sleep(Duration::from_millis(20));
        };
        let rest = self.lines_within(Duration::from_millis(300));
        std::thread::sleep(Duration::from_millis(100));
        (code, rest, self.stderr())
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A loopback HTTP server that answers `status` to every request and hands each request body
/// over the channel. Serves `count` requests, then stops.
pub fn receiver(status: u16, count: usize) -> (String, Receiver<(String, Vec<u8>)>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind receiver");
    let url = format!("http://{}/hook", listener.local_addr().expect("addr"));
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        for _ in 0..count {
            let Ok((mut stream, _)) = listener.accept() else {
                return;
            };
            let _ = stream.set_read_timeout(Some(Duration::from_secs(20)));
            let mut raw = Vec::new();
            let mut buf = [0u8; 8192];
            let (head, body_start) = loop {
                let Ok(n) = stream.read(&mut buf) else { return };
                if n == 0 {
                    return;
                }
                raw.extend_from_slice(&buf[..n]);
                if let Some(i) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
                    break (String::from_utf8_lossy(&raw[..i]).into_owned(), i + 4);
                }
            };
            let length: usize = head
                .lines()
                .filter_map(|l| l.split_once(':'))
                .find(|(k, _)| k.trim().eq_ignore_ascii_case("content-length"))
                .and_then(|(_, v)| v.trim().parse().ok())
                .unwrap_or(0);
            while raw.len() < body_start + length {
                let Ok(n) = stream.read(&mut buf) else { return };
                if n == 0 {
                    break;
                }
                raw.extend_from_slice(&buf[..n]);
            }
            let body = raw[body_start..].to_vec();
            let reply =
                format!("HTTP/1.1 {status} X\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
            let _ = stream.write_all(reply.as_bytes());
            if tx.send((head, body)).is_err() {
                return;
            }
        }
    });
    (url, rx)
}
