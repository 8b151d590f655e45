//! Helpers for the webhooks tests: a key pair made once per test run, tokens built by hand from
//! the spec (independently of the code under test, so a nesting mistake there cannot hide), a
//! `webhooks listen` process that reports its URL and output, and a loopback webhook receiver.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use base64::Engine as _;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use rsa::pkcs8::{EncodePrivateKey, EncodePublicKey, LineEnding};
use serde_json::{json, Value};

use crate::common::fake_server::{Answer, FakeServer};
use crate::common::http::{Request, Response};
use crate::common::{cli_in, Process, Signal};

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
        write_private_key(&private, &self.private_pem);
        std::fs::write(&public, &self.public_pem).expect("write key");
        (private, public)
    }
}

/// Writes a private key owner-only, as the CLI requires of a key file (a private key others can
/// read is refused).
pub fn write_private_key(path: &Path, pem: &str) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::write(path, pem).expect("write key");
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600)).expect("chmod key");
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
    write_private_key(&data.join("webhook-private-key.pem"), &keys().private_pem);
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

/// A running `webhooks listen`; stopped with SIGTERM when dropped.
pub struct Listener {
    process: Process,
    pub url: String,
}

impl Listener {
    /// `webhooks listen --addr 127.0.0.1:0 ARGS` in `home`.
    pub fn start(home: &Path, args: &[&str]) -> Listener {
        Listener::start_at(home, "127.0.0.1:0", args)
    }

    /// `webhooks listen --addr ADDR ARGS` in `home` (a pre-chosen port, for a listener that
    /// comes up after its sender).
    pub fn start_at(home: &Path, addr: &str, args: &[&str]) -> Listener {
        let process = Process::spawn(
            cli_in(home)
                .args(["webhooks", "listen", "--addr", addr])
                .args(args),
        );
        // Its URL is printed once it listens (after its signal handlers are in place).
        let url = loop {
            let line = process.next_stderr_line();
            if let Some(start) = line.find("http://") {
                let url = line[start..].split_whitespace().next().unwrap_or_default();
                break url.to_string();
            }
        };
        Listener { process, url }
    }

    /// POSTs `body` to the listener.
    pub fn post(&self, body: &[u8]) -> Response {
        Request::new("POST", &self.url)
            .raw_body("text/plain", body)
            .send()
    }

    /// The next stdout line.
    #[track_caller]
    pub fn next_line(&self) -> String {
        self.process.next_line()
    }

    /// SIGTERM, then the exit code, the stdout lines not yet read and the whole stderr.
    #[track_caller]
    pub fn stop(self) -> (i32, Vec<String>, String) {
        self.stop_with(Signal::Terminate)
    }

    /// [`Listener::stop`] with another signal.
    #[track_caller]
    pub fn stop_with(self, signal: Signal) -> (i32, Vec<String>, String) {
        let run = self.process.stop(signal);
        let rest = run.stdout.lines().map(str::to_string).collect();
        (run.code, rest, run.stderr)
    }
}

/// A loopback webhook receiver answering `status` to every request; read what it got with
/// `next_request`. Its URL ends in `/hook`.
pub fn receiver(status: u16) -> (String, FakeServer) {
    let server = FakeServer::start(move |_, _| Answer::raw(status, "text/plain", b"ok"));
    (format!("{}/hook", server.base_url), server)
}
