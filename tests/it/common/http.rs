//! HTTP from the tests to a sandbox, a listener or any loopback server, through reqwest's
//! blocking client: a small builder that keeps the tests' call sites short (set or drop a header,
//! a JSON or raw body) and a fully read answer. No HTTP is parsed here.

use std::sync::OnceLock;
use std::time::Duration;

use serde_json::Value;

use super::CEILING;

/// One client for the whole test binary. Connections are not pooled: servers come and go on
/// reused ports, and a kept-alive connection to a stopped one must not be picked up later.
fn client() -> &'static reqwest::blocking::Client {
    static CLIENT: OnceLock<reqwest::blocking::Client> = OnceLock::new();
    CLIENT.get_or_init(|| {
        reqwest::blocking::Client::builder()
            .no_proxy()
            .pool_max_idle_per_host(0)
            .timeout(CEILING)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("the tests' HTTP client")
    })
}

pub struct Request {
    method: reqwest::Method,
    url: String,
    headers: Vec<(String, String)>,
    body: Option<Vec<u8>>,
    timeout: Option<Duration>,
}

impl Request {
    pub fn new(method: &str, url: &str) -> Request {
        Request {
            method: method.parse().expect("an HTTP method"),
            url: url.to_string(),
            headers: Vec::new(),
            body: None,
            timeout: None,
        }
    }

    /// Sets a header, replacing an earlier value of the same name.
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
        self.body = Some(body.to_vec());
        self.header("Content-Type", content_type)
    }

    /// A shorter ceiling than the usual one, for a test whose failure would be a long wait.
    pub fn timeout(mut self, limit: Duration) -> Request {
        self.timeout = Some(limit);
        self
    }

    #[track_caller]
    pub fn send(self) -> Response {
        let what = format!("{} {}", self.method, self.url);
        self.try_send().unwrap_or_else(|e| panic!("{what}: {e}"))
    }

    /// [`Request::send`] for a request whose connection may be cut under it (an injected fault):
    /// the error as text instead of a panic.
    pub fn try_send(self) -> Result<Response, String> {
        let what = format!("{} {}", self.method, self.url);
        let mut request = client().request(self.method, &self.url);
        for (name, value) in &self.headers {
            request = request.header(name, value);
        }
        if let Some(body) = self.body {
            request = request.body(body);
        }
        if let Some(limit) = self.timeout {
            request = request.timeout(limit);
        }
        let response = request.send().map_err(|e| format!("{e:?}"))?;
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let raw = response
            .bytes()
            .map_err(|e| format!("{what}: reading the answer: {e:?}"))?
            .to_vec();
        Ok(Response {
            status,
            headers,
            body: String::from_utf8_lossy(&raw).into_owned(),
            raw,
        })
    }
}

/// A whole answer.
pub struct Response {
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    /// The body as text (lossy), for messages and JSON.
    pub body: String,
    /// The body's bytes, for binary answers.
    pub raw: Vec<u8>,
}

impl Response {
    #[track_caller]
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body)
            .unwrap_or_else(|e| panic!("body is not JSON ({e}): {}", self.body))
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}
