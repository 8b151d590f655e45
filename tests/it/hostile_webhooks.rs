//! The webhook receiver holds under abuse (issue 14, class 5): tokens not valid yet (`nbf` or
//! `iat` in the future) are refused like expired ones, with a small clock-skew allowance, by
//! `verify` and `listen`; a hundred stalled connections do not delay a real delivery; stalled
//! headers and bodies are timed out; a body is refused on its announced size before it is read.
//! Raw TCP stands in for the stalled and lying peers, which no HTTP client will play.

use std::io::{Read, Write};
use std::net::TcpStream;

use serde_json::{json, Value};

use crate::common::*;
use crate::webhooks_support::{
    install_sandbox_keys, item_created_envelope, keys, now, rs256, valid_token, wix_claims,
    Listener,
};

const ITEM_CREATED: &str = "wix.pro_gallery.gallery_v2_gallery_item_created";

/// A signed item-created event with these time claims (`nbf` only when given).
fn token_at(id: &str, iat: i64, exp: i64, nbf: Option<i64>) -> String {
    let mut claims = wix_claims(ITEM_CREATED, &item_created_envelope(id, "g-time"), iat, exp);
    if let Some(nbf) = nbf {
        claims["nbf"] = json!(nbf);
    }
    rs256(&claims, &keys().private_pem)
}

/// The listener's `host:port`.
fn addr_of(listener: &Listener) -> String {
    listener
        .url
        .trim_start_matches("http://")
        .split('/')
        .next()
        .unwrap()
        .to_string()
}

/// Sends `bytes` on a new connection and reads until the server closes it (or the ceiling).
fn raw_exchange(addr: &str, bytes: &[u8]) -> String {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream.set_read_timeout(Some(CEILING)).unwrap();
    stream.write_all(bytes).unwrap();
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    String::from_utf8_lossy(&answer).into_owned()
}

#[test]
fn tokens_not_valid_yet_are_refused_with_a_small_skew_allowance() {
    let home = tempfile::tempdir().unwrap();
    install_sandbox_keys(home.path());
    let t = now();
    let cases = [
        (
            "nbf in ten minutes",
            token_at("nbf-future", t, t + 1200, Some(t + 600)),
            false,
            "nbf is in the future",
        ),
        (
            "issued in ten minutes",
            token_at("iat-future", t + 600, t + 1200, None),
            false,
            "not valid yet",
        ),
        (
            "expired ten minutes ago",
            token_at("expired", t - 1200, t - 600, None),
            false,
            "expired",
        ),
        (
            "nbf 30 s ahead (skew)",
            token_at("nbf-skew", t, t + 600, Some(t + 30)),
            true,
            "",
        ),
        (
            "issued 30 s ahead (skew)",
            token_at("iat-skew", t + 30, t + 600, None),
            true,
            "",
        ),
        (
            "expired 30 s ago (skew)",
            token_at("exp-skew", t - 600, t - 30, None),
            true,
            "",
        ),
    ];
    for (name, token, valid, says) in &cases {
        let out = run_with_stdin(
            cli_in(home.path()).args(["webhooks", "verify", "-"]),
            Some(token.as_bytes()),
        );
        if *valid {
            out.success();
        } else {
            assert_one_error_and_a_hint(name, &out, 4, says);
        }
    }
    let listener = Listener::start(home.path(), &["-o", "jsonl"]);
    for (name, token, valid, _) in &cases {
        let answer = listener.post(token.as_bytes());
        let expected = if *valid { 200 } else { 401 };
        assert_eq!(answer.status, expected, "{name}: {}", answer.body);
    }
    let (code, printed, stderr) = listener.stop();
    assert_eq!(code, 0);
    let ids: Vec<Value> = printed
        .iter()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["data"]["id"].clone())
        .collect();
    assert_eq!(
        ids,
        [json!("nbf-skew"), json!("iat-skew"), json!("exp-skew")]
    );
    assert!(stderr.contains("3 accepted"), "{stderr}");
    assert!(stderr.contains("3 refused"), "{stderr}");
}

#[test]
fn a_hundred_stalled_connections_do_not_delay_a_real_delivery() {
    let home = tempfile::tempdir().unwrap();
    install_sandbox_keys(home.path());
    // A long read timeout: the stalled peers are certainly still connected when the delivery
    // comes, so nothing but the receiver's design lets it through.
    let listener = Listener::start(home.path(), &["-o", "jsonl", "--read-timeout", "3600"]);
    let addr = addr_of(&listener);
    let mut stalled = Vec::new();
    for i in 0..100 {
        let mut stream = TcpStream::connect(&addr).unwrap();
        match i % 10 {
            // Connected, nothing sent.
            0 => {}
            // Half the headers.
            1 => stream
                .write_all(b"POST /webhooks HTTP/1.1\r\nHost: x\r\n")
                .unwrap(),
            // Headers promising 1000 bytes of body, ten sent: the kind that used to take one of
            // 64 request slots each, so 80 of them shut every delivery out.
            _ => stream
                .write_all(
                    b"POST /webhooks HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n0123456789",
                )
                .unwrap(),
        }
        stalled.push(stream);
    }
    let answer = listener.post(valid_token("through-the-crowd").as_bytes());
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert_eq!(answer.json()["status"], json!("accepted"));
    let event: Value = serde_json::from_str(&listener.next_line()).unwrap();
    assert_eq!(event["data"]["id"], json!("through-the-crowd"));
    // The stalled peers were held open all along: none was closed to make room.
    for stream in &stalled {
        stream.set_nonblocking(true).unwrap();
        let mut byte = [0u8; 1];
        let closed = matches!((&*stream).read(&mut byte), Ok(0));
        assert!(!closed, "a stalled connection was closed");
    }
    // Stopped while they are still connected (and mid-request, under an hour of read timeout):
    // the stop does not wait for them beyond its grace.
    let (code, _, stderr) = listener.stop();
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("1 accepted"), "{stderr}");
    drop(stalled);
}

#[test]
fn stalled_headers_and_bodies_are_timed_out_and_sizes_refused_before_reading() {
    let home = tempfile::tempdir().unwrap();
    install_sandbox_keys(home.path());
    let listener = Listener::start(home.path(), &["-o", "jsonl", "--read-timeout", "1"]);
    let addr = addr_of(&listener);
    // Headers that never end: the connection is closed.
    let answer = raw_exchange(&addr, b"POST /webhooks HTTP/1.1\r\nHost: x\r\n");
    assert!(!answer.contains("200 OK"), "{answer}");
    // A body that never comes: 408.
    let answer = raw_exchange(
        &addr,
        b"POST /webhooks HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n0123456789",
    );
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    // 2 MiB announced, nothing sent: refused on the announcement alone.
    let answer = raw_exchange(
        &addr,
        b"POST /webhooks HTTP/1.1\r\nHost: x\r\nContent-Length: 2097152\r\nConnection: close\r\n\r\n",
    );
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    // A chunked body that grows past the cap: cut off, 413.
    let mut chunked = b"POST /webhooks HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n".to_vec();
    for _ in 0..20 {
        chunked.extend_from_slice(b"10000\r\n");
        chunked.extend_from_slice(&[b'a'; 0x10000]);
        chunked.extend_from_slice(b"\r\n");
    }
    let answer = raw_exchange(&addr, &chunked);
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    // A body cut off by the sender: 400, and nothing printed.
    {
        let token = valid_token("cut-short");
        let mut stream = TcpStream::connect(&addr).unwrap();
        let head = format!(
            "POST /webhooks HTTP/1.1\r\nHost: x\r\nContent-Length: {}\r\n\r\n",
            token.len()
        );
        stream.write_all(head.as_bytes()).unwrap();
        stream
            .write_all(&token.as_bytes()[..token.len() / 2])
            .unwrap();
        stream.shutdown(std::net::Shutdown::Write).unwrap();
        stream.set_read_timeout(Some(CEILING)).unwrap();
        let mut answer = String::new();
        let _ = stream.read_to_string(&mut answer);
        assert!(!answer.contains("accepted"), "{answer}");
    }
    // Still serving, and only the real delivery printed.
    let answer = listener.post(valid_token("after-the-abuse").as_bytes());
    assert_eq!(answer.status, 200, "{}", answer.body);
    let (code, printed, stderr) = listener.stop();
    assert_eq!(code, 0);
    assert_eq!(printed.len(), 1, "{printed:?}");
    assert!(printed[0].contains("after-the-abuse"));
    assert!(stderr.contains("1 accepted"), "{stderr}");
}

#[test]
fn odd_paths_are_refused_and_a_percent_encoded_one_works() {
    let home = tempfile::tempdir().unwrap();
    install_sandbox_keys(home.path());
    for path in [
        "hooks", "/{id}", "/{*rest}", "/a b", "/a?b", "/a#b", "/a/../b", "/é",
    ] {
        let out = run(cli_in(home.path()).args([
            "webhooks",
            "listen",
            "--addr",
            "127.0.0.1:0",
            "--path",
            path,
        ]));
        assert_one_error_and_a_hint(path, &out, 2, "--path");
    }
    let listener = Listener::start(
        home.path(),
        &["-o", "jsonl", "--path", "/hooks/%7Bid%7D/:x"],
    );
    assert!(
        listener.url.ends_with("/hooks/%7Bid%7D/:x"),
        "{}",
        listener.url
    );
    let answer = listener.post(valid_token("odd-path").as_bytes());
    assert_eq!(answer.status, 200, "{}", answer.body);
    let other = crate::common::http::Request::new("POST", &listener.url.replace("/:x", "/y"))
        .raw_body("text/plain", valid_token("elsewhere").as_bytes())
        .send();
    assert_eq!(other.status, 404);
    let (code, printed, _) = listener.stop();
    assert_eq!(code, 0);
    assert_eq!(printed.len(), 1);
}
