//! The request log behind `GET /_sandbox/requests`: every API request (not the `/_sandbox/*` admin
//! calls), oldest first, with its final status, lowercased headers (the `Authorization` value
//! masked: secrets never leave the process) and its body as parsed JSON, a string, or null.

use std::collections::VecDeque;
use std::sync::Mutex;

use axum::http::HeaderMap;
use serde_json::{json, Map, Value};

/// Entries kept; older ones are dropped first.
const MAX_ENTRIES: usize = 10_000;

#[derive(Default)]
pub struct RequestLog {
    entries: Mutex<(u64, VecDeque<(u64, Value)>)>,
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
        let (next, entries) = &mut *guard;
        *next += 1;
        let seq = *next;
        if entries.len() >= MAX_ENTRIES {
            entries.pop_front();
        }
        entries.push_back((seq, entry));
        seq
    }

    pub fn finish(&self, seq: u64, status: u16) {
        let mut guard = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        if let Some((_, entry)) = guard.1.iter_mut().rev().find(|(s, _)| *s == seq) {
            entry["status"] = Value::from(status);
        }
    }

    pub fn snapshot(&self) -> Vec<Value> {
        let guard = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        guard.1.iter().map(|(_, e)| e.clone()).collect()
    }

    pub fn clear(&self) {
        self.entries
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .1
            .clear();
    }
}
