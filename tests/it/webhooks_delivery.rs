//! The sandbox's delivery guarantees: a target that is down never slows the API and gets every
//! event, in order per gallery, once it is up; retries keep each gallery in order and the event
//! id; an event failing past the retry window is dropped without blocking its gallery for good.

use std::collections::{HashMap, HashSet};
use std::net::TcpListener;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::webhooks_sandbox_support::*;
use crate::webhooks_support::*;

#[test]
fn a_target_that_is_down_slows_nothing_and_gets_every_event_in_order_once_it_is_up() {
    let home = tempfile::tempdir().unwrap();
    install_sandbox_keys(home.path());
    // A free port nobody listens on yet.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("http://127.0.0.1:{port}/webhooks");
    let listen_home = tempfile::tempdir().unwrap();
    install_sandbox_keys(listen_home.path());
    let sandbox = sandbox_delivering_to(home, &[&url], &[]);

    let mut slowest = Duration::ZERO;
    let mut timed = |method: &str, path: &str, body: Option<Value>| {
        let started = Instant::now();
        let answer = call(&sandbox, method, path, body);
        slowest = slowest.max(started.elapsed());
        answer
    };
    let mut galleries = Vec::new();
    for name in ["A", "B"] {
        let g = timed(
            "POST",
            "/galleries",
            Some(json!({"gallery": {"name": name}})),
        )["gallery"]["id"]
            .as_str()
            .unwrap()
            .to_string();
        galleries.push(g);
    }
    for round in 0..3 {
        for g in &galleries {
            timed(
                "POST",
                &format!("/galleries/{g}/items"),
                Some(image_item(&format!("r{round}"))),
            );
        }
    }
    for g in &galleries {
        timed(
            "PATCH",
            &format!("/galleries/{g}"),
            Some(json!({"gallery": {"name": "renamed"}})),
        );
    }
    assert!(
        slowest < Duration::from_secs(1),
        "an API call took {slowest:?} with the target down"
    );
    let total = 2 + 6 + 2;
    wait_for("failed attempts to be retried", || {
        let target = &webhooks_status(&sandbox)["targets"][0];
        target["failing"] == json!(true) && target["retries"].as_u64().unwrap_or(0) >= 3
    });
    let target = &webhooks_status(&sandbox)["targets"][0];
    assert_eq!(target["delivered"], json!(0));
    assert_eq!(target["pending"], json!(total));
    // Reads and writes still answer at once while deliveries keep failing.
    let started = Instant::now();
    call(&sandbox, "GET", "/galleries", None);
    assert!(started.elapsed() < Duration::from_secs(1));

    let listener = Listener::start_at(
        listen_home.path(),
        &format!("127.0.0.1:{port}"),
        &["-o", "jsonl"],
    );
    assert_eq!(listener.url, url);
    let got = events(&listener, total);
    let ids: HashSet<&str> = got
        .iter()
        .map(|e| e["data"]["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), total);
    let log = sandbox_event_log(&sandbox);
    for g in &galleries {
        let sent: Vec<_> = log.iter().filter(|k| &k.0 == g).cloned().collect();
        let received: Vec<_> = got.iter().map(key_of).filter(|k| &k.0 == g).collect();
        assert_eq!(received, sent, "gallery {g}: delivered out of order");
        assert_eq!(sent.len(), 5);
    }
    wait_for("the counters to settle", || {
        let target = &webhooks_status(&sandbox)["targets"][0];
        target["delivered"] == json!(total)
            && target["pending"] == json!(0)
            && target["failing"] == json!(false)
    });
}

#[test]
fn retries_keep_each_gallery_in_order_and_the_event_id() {
    // Every third request fails, so most events see a retry somewhere in the run.
    let total = 2 * 6;
    let (url, attempts) = flaky_receiver(|n, _| n % 3 == 0, total);
    let home = tempfile::tempdir().unwrap();
    install_sandbox_keys(home.path());
    let sandbox = sandbox_delivering_to(home, &[&url], &[]);
    let galleries: Vec<String> = ["A", "B"]
        .iter()
        .map(|name| {
            call(
                &sandbox,
                "POST",
                "/galleries",
                Some(json!({"gallery": {"name": name}})),
            )["gallery"]["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    for round in 0..4 {
        for g in &galleries {
            call(
                &sandbox,
                "POST",
                &format!("/galleries/{g}/items"),
                Some(image_item(&format!("r{round}"))),
            );
        }
    }
    for g in &galleries {
        call(
            &sandbox,
            "PATCH",
            &format!("/galleries/{g}"),
            Some(json!({"gallery": {"name": "renamed"}})),
        );
    }

    // (status, gallery, event id, key) of every attempt, in arrival order.
    let mut seen = Vec::new();
    let mut delivered = HashSet::new();
    while delivered.len() < total {
        let (status, body) = attempts
            .recv_timeout(Duration::from_secs(20))
            .expect("an attempt");
        let (_, _, inner, envelope) = decode_by_hand(&body);
        let event = json!({"eventType": inner["eventType"], "data": envelope});
        let id = envelope["id"].as_str().unwrap().to_string();
        if status == 200 {
            delivered.insert(id.clone());
        }
        seen.push((status, key_of(&event), id));
    }
    assert!(
        seen.iter().any(|(status, _, _)| *status == 503),
        "some attempts failed"
    );
    let log = sandbox_event_log(&sandbox);
    for g in &galleries {
        let sent: Vec<_> = log.iter().filter(|k| &k.0 == g).cloned().collect();
        assert_eq!(sent.len(), 6);
        let tries: Vec<_> = seen.iter().filter(|(_, k, _)| &k.0 == g).collect();
        // Attempts of one gallery walk its events in order, moving on only after a success, and
        // a retried event keeps its id.
        let mut position = 0;
        let mut id_of = HashMap::new();
        for (i, (status, key, id)) in tries.iter().enumerate() {
            assert_eq!(
                key, &sent[position],
                "gallery {g}: attempt {i} out of order: {tries:?}"
            );
            assert_eq!(
                id_of.entry(position).or_insert(id.clone()),
                id,
                "retry changed the event id"
            );
            if *status == 200 {
                position += 1;
            }
        }
        assert_eq!(
            position,
            sent.len(),
            "gallery {g}: not everything delivered"
        );
    }
}

#[test]
fn an_event_failing_past_the_retry_window_is_dropped_and_the_next_one_of_its_gallery_goes() {
    // The receiver refuses the "doomed" gallery's created event forever, and takes anything else.
    let (url, attempts) = flaky_receiver(
        |_, body| decode_by_hand(body).3["createdEvent"]["entity"]["name"] == json!("doomed"),
        1,
    );
    let home = tempfile::tempdir().unwrap();
    install_sandbox_keys(home.path());
    let sandbox = sandbox_delivering_to(home, &[&url], &["--webhook-give-up-ms", "400"]);
    let gallery = call(
        &sandbox,
        "POST",
        "/galleries",
        Some(json!({"gallery": {"name": "doomed"}})),
    )["gallery"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let item = call(
        &sandbox,
        "POST",
        &format!("/galleries/{gallery}/items"),
        Some(image_item("after")),
    )["item"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let mut refused = 0;
    let delivered = loop {
        let (status, body) = attempts
            .recv_timeout(Duration::from_secs(20))
            .expect("an attempt");
        let envelope = decode_by_hand(&body).3;
        if status == 200 {
            break envelope;
        }
        assert_eq!(
            envelope["slug"],
            json!("created"),
            "only the doomed event fails"
        );
        refused += 1;
    };
    assert!(
        refused >= 2,
        "retried before giving up ({refused} attempts)"
    );
    assert_eq!(
        item_of(&delivered),
        item,
        "the gallery's next event went once the first was dropped"
    );
    wait_for("the counters to settle", || {
        let target = &webhooks_status(&sandbox)["targets"][0];
        target["dropped"] == json!(1)
            && target["delivered"] == json!(1)
            && target["pending"] == json!(0)
    });
}

/// Sends `signal` to `child` and returns its exit code and the rest of `stderr` (waiting up to
/// 15 s).
fn stop_with(
    mut child: std::process::Child,
    mut stderr_pipe: impl std::io::Read,
    signal: &str,
) -> (i32, String) {
    let status = std::process::Command::new("kill")
        .args([signal, &child.id().to_string()])
        .status()
        .expect("kill");
    assert!(status.success());
    let deadline = Instant::now() + Duration::from_secs(15);
    let code = loop {
        if let Some(exit) = child.try_wait().expect("wait") {
            break exit.code().unwrap_or(-1);
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("did not stop within 15 s of {signal}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let mut stderr = String::new();
    let _ = stderr_pipe.read_to_string(&mut stderr);
    (code, stderr)
}

#[test]
fn ctrl_c_stops_serve_cleanly_and_reports_what_was_not_delivered() {
    use std::io::BufRead;
    let home = tempfile::tempdir().unwrap();
    install_sandbox_keys(home.path());
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("http://127.0.0.1:{port}/webhooks");
    let mut child = crate::common::cli_in(home.path())
        .args([
            "sandbox",
            "serve",
            "--memory",
            "--no-seed",
            "--addr",
            "127.0.0.1:0",
        ])
        .args(["--webhook-url", &url])
        .args(FAST_RETRIES)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn serve");
    let mut line = String::new();
    std::io::BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("url");
    let response = crate::common::ureq_like::Request::new(
        "POST",
        &format!("{}/progallery/v2/galleries", line.trim()),
    )
    .header("Authorization", "k")
    .json(&json!({"gallery": {"name": "never delivered"}}))
    .send();
    assert_eq!(response.status, 200, "{}", response.body);
    let stderr_pipe = child.stderr.take().expect("stderr");
    let (code, stderr) = stop_with(child, stderr_pipe, "-INT");
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains(&format!("1 event(s) not delivered to {url}")),
        "{stderr}"
    );
}

#[test]
fn ctrl_c_stops_listen_cleanly_with_its_summary() {
    use std::io::BufRead;
    let home = tempfile::tempdir().unwrap();
    install_sandbox_keys(home.path());
    let mut child = crate::common::cli_in(home.path())
        .args(["webhooks", "listen", "--addr", "127.0.0.1:0"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn listen");
    // Its URL is printed once it listens, after its signal handlers are in place.
    let mut stderr_pipe = std::io::BufReader::new(child.stderr.take().expect("stderr"));
    let mut first = String::new();
    stderr_pipe
        .read_line(&mut first)
        .expect("listen's first line");
    assert!(first.contains("listening on http://"), "{first}");
    let (code, stderr) = stop_with(child, stderr_pipe, "-INT");
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("webhooks listener stopped: 0 accepted"),
        "{stderr}"
    );
}
