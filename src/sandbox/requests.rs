//! The request log behind `GET /_sandbox/requests`: every API request (not the `/_sandbox/*` admin
//! calls), oldest first, with its final status, lowercased headers (the `Authorization` value
//! masked: secrets never leave the process) and its body as parsed JSON, a string, or null. It
//! keeps the last 10,000 requests and at most 32 MiB of bodies, whichever is less, so no flood of
//! requests makes it grow without bound.

use std::collections::VecDeque;
use std::sync::Mutex;

use axum::http::HeaderMap;
use serde_json::{json, Map, Value};

/// Entries kept; older ones are dropped first.
const MAX_ENTRIES: usize = 10_000;

/// Body bytes kept across the log; older entries are dropped first once past it. Without it a
/// flood of 1 MiB requests would make the log hold gigabytes (10,000 entries of up to 1 MiB).
const MAX_BODY_BYTES_KEPT: usize = 32 * 1024 * 1024;

#[derive(Default)]
pub struct RequestLog {
    entries: Mutex<Entries>,
}

#[derive(Default)]
struct Entries {
    /// The last sequence number given.
    last: u64,
    /// `(sequence number, entry, body size)`, oldest first.
    kept: VecDeque<(u64, Value, usize)>,
    /// The body sizes of `kept`, summed.
    body_bytes: usize,
}

/// What replaces a credential in the log: the scheme word is kept (so a test can see whether a
/// client sent `Bearer`), the secret never is.
pub fn mask_authorization(value: &str) -> String {
    match value.split_once(' ') {
        Some((scheme, _)) if scheme.eq_ignore_ascii_case("bearer") => format!("{scheme} ****"),
        _ => "****".to_string(),
    }
}

impl RequestLog {
    /// Records a request (status 0 until `finish`) and returns its sequence number.
    pub fn start(
        &self,
        method: &str,
        path: &str,
        query: &str,
        headers: &HeaderMap,
        body: &[u8],
    ) -> u64 {
        let mut header_map = Map::new();
        for (name, value) in headers {
            let text = String::from_utf8_lossy(value.as_bytes()).into_owned();
            let text = if name.as_str() == "authorization" {
                mask_authorization(&text)
            } else {
                text
            };
            header_map.insert(name.as_str().to_string(), Value::String(text));
        }
        let size = body.len();
        let body = if body.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(body)
                .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(body).into_owned()))
        };
        let entry = json!({
            "method": method,
            "path": path,
            "query": query,
            "status": 0,
            "headers": header_map,
            "body": body,
        });
        let mut guard = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        let log = &mut *guard;
        log.last += 1;
        let seq = log.last;
        while log.kept.len() >= MAX_ENTRIES
            || (!log.kept.is_empty() && log.body_bytes + size > MAX_BODY_BYTES_KEPT)
        {
            if let Some((_, _, dropped)) = log.kept.pop_front() {
                log.body_bytes -= dropped;
            }
        }
        log.body_bytes += size;
        log.kept.push_back((seq, entry, size));
        seq
    }

    pub fn finish(&self, seq: u64, status: u16) {
        let mut guard = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        if let Some((_, entry, _)) = guard.kept.iter_mut().rev().find(|(s, _, _)| *s == seq) {
            entry["status"] = Value::from(status);
        }
    }

    pub fn snapshot(&self) -> Vec<Value> {
        let guard = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        guard.kept.iter().map(|(_, e, _)| e.clone()).collect()
    }

    pub fn clear(&self) {
        let mut guard = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        guard.kept.clear();
        guard.body_bytes = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_log_keeps_a_bounded_amount_of_body() {
        let log = RequestLog::default();
        let body = vec![b'x'; 1024 * 1024];
        for _ in 0..100 {
            log.start("POST", "/p", "", &HeaderMap::new(), &body);
        }
        let kept = log.snapshot().len();
        assert_eq!(kept, MAX_BODY_BYTES_KEPT / body.len());
        log.start("GET", "/small", "", &HeaderMap::new(), b"");
        assert_eq!(log.snapshot().last().unwrap()["path"], "/small");
        log.clear();
        for _ in 0..3 {
            log.start("POST", "/p", "", &HeaderMap::new(), &body);
        }
        assert_eq!(log.snapshot().len(), 3, "clearing frees the budget");
    }
}
