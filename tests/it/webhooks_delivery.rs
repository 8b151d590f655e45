//! The sandbox's delivery guarantees: a target that is down never slows the API and gets every
//! event, in order per gallery, once it is up; retries keep each gallery in order and the event
//! id; an event failing past the retry window is dropped without blocking its gallery for good.

use std::collections::{HashMap, HashSet};
use std::net::TcpListener;

use serde_json::json;

use crate::common::{image_item, wait_for, Signal, SEEDED_SITE};
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

    // Every call answers while its event waits for the target: a call that waited for its
    // delivery would wait out the 24-hour retry window (and fail at the harness's ceiling).
    let mut galleries = Vec::new();
    for name in ["A", "B"] {
        let g = sandbox.call_ok(
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
            sandbox.call_ok(
                "POST",
                &format!("/galleries/{g}/items"),
                Some(json!({"item": image_item(&format!("r{round}"))})),
            );
        }
    }
    for g in &galleries {
        sandbox.call_ok(
            "PATCH",
            &format!("/galleries/{g}"),
            Some(json!({"gallery": {"name": "renamed"}})),
        );
    }
    let total = 2 + 6 + 2;
    let target = &sandbox.webhooks_status()["targets"][0];
    assert_eq!(target["delivered"], json!(0), "{target}");
    assert_eq!(target["pending"], json!(total), "{target}");
    wait_for("failed attempts to be retried", || {
        let target = &sandbox.webhooks_status()["targets"][0];
        target["failing"] == json!(true) && target["retries"].as_u64().unwrap_or(0) >= 3
    });
    let target = &sandbox.webhooks_status()["targets"][0];
    assert_eq!(target["delivered"], json!(0));
    assert_eq!(target["pending"], json!(total));
    // Reads and writes still answer while deliveries keep failing.
    sandbox.call_ok("GET", "/galleries", None);
    let target = &sandbox.webhooks_status()["targets"][0];
    assert_eq!(target["failing"], json!(true), "{target}");
    assert_eq!(target["pending"], json!(total), "{target}");

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
        let target = &sandbox.webhooks_status()["targets"][0];
        target["delivered"] == json!(total)
            && target["pending"] == json!(0)
            && target["failing"] == json!(false)
    });
}

#[test]
fn retries_keep_each_gallery_in_order_and_the_event_id() {
    // Every third request fails, so most events see a retry somewhere in the run.
    let total = 2 * 6;
    let (url, receiver) = flaky_receiver(|n, _| n % 3 == 0);
    let home = tempfile::tempdir().unwrap();
    install_sandbox_keys(home.path());
    let sandbox = sandbox_delivering_to(home, &[&url], &[]);
    let galleries: Vec<String> = ["A", "B"]
        .iter()
        .map(|name| {
            sandbox.call_ok(
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
            sandbox.call_ok(
                "POST",
                &format!("/galleries/{g}/items"),
                Some(json!({"item": image_item(&format!("r{round}"))})),
            );
        }
    }
    for g in &galleries {
        sandbox.call_ok(
            "PATCH",
            &format!("/galleries/{g}"),
            Some(json!({"gallery": {"name": "renamed"}})),
        );
    }

    // (status, gallery, event id, key) of every attempt, in arrival order.
    let mut seen = Vec::new();
    let mut delivered = HashSet::new();
    while delivered.len() < total {
        let attempt = receiver.next_request();
        let status = attempt.status;
        let (_, _, inner, envelope) = decode_by_hand(&attempt.body);
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
    let (url, receiver) = flaky_receiver(|_, body| {
        decode_by_hand(body).3["createdEvent"]["entity"]["name"] == json!("doomed")
    });
    let home = tempfile::tempdir().unwrap();
    install_sandbox_keys(home.path());
    let sandbox = sandbox_delivering_to(home, &[&url], &["--webhook-give-up-ms", "400"]);
    let gallery = sandbox.call_ok(
        "POST",
        "/galleries",
        Some(json!({"gallery": {"name": "doomed"}})),
    )["gallery"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let item = sandbox.call_ok(
        "POST",
        &format!("/galleries/{gallery}/items"),
        Some(json!({"item": image_item("after")})),
    )["item"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let mut refused = 0;
    let delivered = loop {
        let attempt = receiver.next_request();
        let envelope = decode_by_hand(&attempt.body).3;
        if attempt.status == 200 {
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
        let target = &sandbox.webhooks_status()["targets"][0];
        target["dropped"] == json!(1)
            && target["delivered"] == json!(1)
            && target["pending"] == json!(0)
    });
}

#[test]
fn ctrl_c_stops_serve_cleanly_and_reports_what_was_not_delivered() {
    let home = tempfile::tempdir().unwrap();
    install_sandbox_keys(home.path());
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("http://127.0.0.1:{port}/webhooks");
    let sandbox = sandbox_delivering_to(home, &[&url], &[]);
    let response = sandbox
        .request("POST", "/progallery/v2/galleries")
        .header("Authorization", "k")
        .header("wix-site-id", SEEDED_SITE)
        .json(&json!({"gallery": {"name": "never delivered"}}))
        .send();
    assert_eq!(response.status, 200, "{}", response.body);
    let stopped = sandbox.stop_with(Signal::Interrupt);
    assert_eq!(stopped.code, 0, "{}", stopped.stderr);
    assert!(
        stopped
            .stderr
            .contains(&format!("1 event(s) not delivered to {url}")),
        "{}",
        stopped.stderr
    );
}

#[test]
fn ctrl_c_stops_listen_cleanly_with_its_summary() {
    let home = tempfile::tempdir().unwrap();
    install_sandbox_keys(home.path());
    // Started once it has printed its URL, after its signal handlers are in place.
    let listener = Listener::start(home.path(), &[]);
    let (code, _, stderr) = listener.stop_with(Signal::Interrupt);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("webhooks listener stopped: 0 accepted"),
        "{stderr}"
    );
}
