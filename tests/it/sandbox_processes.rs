//! Several sandbox processes on one database file (no lost write, no "database is locked"), the
//! seed-once rule, startup errors for unusable database files, and `sandbox status|reset`.

use std::collections::HashSet;

use serde_json::{json, Value};

use crate::common::*;

fn serve_on(db: &std::path::Path, extra: &[&str]) -> Sandbox {
    let db = db.to_str().unwrap().to_string();
    let mut args = vec!["--db", db.as_str()];
    args.extend_from_slice(extra);
    Sandbox::start_with(&args)
}

#[test]
fn concurrent_writers_in_several_processes_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shared.db");
    let servers: Vec<Sandbox> = (0..3).map(|_| serve_on(&db, &["--no-seed"])).collect();
    let g = servers[0].new_gallery("Shared");
    const PER_THREAD: usize = 25;
    let failures: Vec<String> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..6)
            .map(|t| {
                let sb = &servers[t % servers.len()];
                let g = g.clone();
                scope.spawn(move || {
                    let mut failures = Vec::new();
                    for n in 0..PER_THREAD {
                        let resp = sb.call(
                            "POST",
                            &format!("/galleries/{g}/items"),
                            Some(json!({"item": image_item(&format!("t{t}-{n}"))})),
                        );
                        if resp.status != 200 {
                            failures.push(resp.body.clone());
                        }
                        if n % 5 == 0 {
                            let resp = sb.call(
                                "POST",
                                "/galleries",
                                Some(json!({"gallery": {"name": format!("t{t}-{n}")}})),
                            );
                            if resp.status != 200 {
                                failures.push(resp.body.clone());
                            }
                        }
                    }
                    failures
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    assert!(failures.is_empty(), "writes failed: {failures:?}");
    // Every process sees every write.
    for sb in &servers {
        let g_now = ok(sb.call("GET", &format!("/galleries/{g}"), None));
        assert_eq!(g_now["gallery"]["totalItems"], 6 * PER_THREAD);
        assert_eq!(
            ok(sb.call("GET", "/galleries", None))["totalGalleries"],
            1 + 6 * 5
        );
    }
    let mut orders = HashSet::new();
    let mut titles = HashSet::new();
    for offset in (0..6 * PER_THREAD).step_by(100) {
        let page = ok(servers[1].call(
            "GET",
            &format!("/galleries/{g}/items?itemOffset={offset}&itemLimit=100"),
            None,
        ));
        let mut last = f64::MIN;
        for item in page["items"].as_array().unwrap() {
            let order = item["sortOrder"].as_f64().unwrap();
            assert!(order > last);
            last = order;
            orders.insert(order.to_bits());
            titles.insert(item["title"].as_str().unwrap().to_string());
        }
    }
    assert_eq!(
        orders.len(),
        6 * PER_THREAD,
        "default sortOrders are unique across processes"
    );
    assert_eq!(titles.len(), 6 * PER_THREAD);
}

#[test]
fn concurrent_bulk_deletes_across_processes_delete_each_item_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shared.db");
    let a = serve_on(&db, &["--no-seed"]);
    let b = serve_on(&db, &["--no-seed"]);
    let items: Vec<Value> = (0..200).map(|n| text_item(&format!("t{n}"))).collect();
    let g = a.gallery_with_items("G", items);
    let mut ids = Vec::new();
    for offset in [0, 100] {
        let page = ok(a.call(
            "GET",
            &format!("/galleries/{g}/items?itemOffset={offset}&itemLimit=100"),
            None,
        ));
        ids.extend(
            page["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|i| i["id"].as_str().unwrap().to_string()),
        );
    }
    let deleted: Vec<String> = std::thread::scope(|scope| {
        let h1 = scope.spawn(|| {
            ok(a.call(
                "POST",
                &format!("/galleries/{g}/items/delete"),
                Some(json!({"itemIds": ids})),
            ))
        });
        let h2 = scope.spawn(|| {
            ok(b.call(
                "POST",
                &format!("/galleries/{g}/items/delete"),
                Some(json!({"itemIds": ids})),
            ))
        });
        let mut all = Vec::new();
        for h in [h1, h2] {
            all.extend(
                h.join().unwrap()["itemIds"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|v| v.as_str().unwrap().to_string()),
            );
        }
        all
    });
    assert_eq!(deleted.len(), 200, "each id deleted exactly once overall");
    assert_eq!(deleted.iter().collect::<HashSet<_>>().len(), 200);
    assert_eq!(
        ok(b.call("GET", &format!("/galleries/{g}"), None))["gallery"]["totalItems"],
        0
    );
}

#[test]
fn a_file_database_is_seeded_once_and_survives_restarts() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    {
        let sb = serve_on(&db, &[]);
        let list = ok(sb
            .request("GET", &format!("{API}/galleries"))
            .header("wix-site-id", SEEDED_SITE)
            .send());
        assert_eq!(list["totalGalleries"], 2);
        let id = "a59d43f0-0023-4ef2-8593-e38d2b668795";
        ok(sb
            .request("DELETE", &format!("{API}/galleries/{id}"))
            .header("wix-site-id", SEEDED_SITE)
            .send());
        sb.new_gallery("mine");
    }
    let sb = serve_on(&db, &[]);
    let list = ok(sb
        .request("GET", &format!("{API}/galleries"))
        .header("wix-site-id", SEEDED_SITE)
        .send());
    assert_eq!(list["totalGalleries"], 1, "not seeded again");
    assert_eq!(
        ok(sb.call("GET", "/galleries", None))["galleries"][0]["name"],
        "mine"
    );
}

#[test]
fn an_unusable_database_file_is_a_clear_startup_error() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("corrupt.db");
    std::fs::write(&db, vec![b'x'; 8192]).unwrap();
    let out = run(cli_in(dir.path()).args([
        "sandbox",
        "serve",
        "--addr",
        "127.0.0.1:0",
        "--db",
        db.to_str().unwrap(),
    ]));
    assert_eq!(out.code, 1, "stderr: {}", out.stderr);
    assert!(out.stdout.is_empty());
    assert!(out.stderr.contains("corrupt.db"), "{}", out.stderr);
    assert!(
        out.stderr.contains("not a database") || out.stderr.contains("not a usable"),
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains("panicked"));

    let out =
        run(cli_in(dir.path()).args(["sandbox", "serve", "--addr", "not-an-addr", "--memory"]));
    assert_eq!(out.code, 2, "stderr: {}", out.stderr);
    let out = run(cli_in(dir.path()).args([
        "sandbox",
        "serve",
        "--addr",
        "127.0.0.1:0",
        "--memory",
        "--fail-rate",
        "3",
    ]));
    assert_eq!(out.code, 2, "stderr: {}", out.stderr);
}

#[test]
fn status_and_reset_report_and_clear_the_database() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("data").join("sandbox.db");
    let out = run(cli_in(home.path()).args(["sandbox", "status"]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("not created yet"), "{}", out.stdout);
    let out = run(cli_in(home.path()).args(["sandbox", "reset"]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(!db.exists(), "reset of a missing database creates nothing");
    {
        let sb = serve_on(&db, &[]);
        let g = sb.new_gallery("site gallery");
        sb.add_item(&g, image_item("x"));
    }
    let out = run(cli_in(home.path()).args(["sandbox", "status", "-o", "json"]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let status = out.json();
    assert_eq!(status["database"], db.to_str().unwrap());
    let sites = status["sites"].as_array().unwrap();
    let default = sites.iter().find(|s| s["default"] == true).unwrap();
    assert_eq!(default["galleries"], 2);
    assert_eq!(default["items"], 5);
    let test_site = sites
        .iter()
        .find(|s| s["site"] == crate::common::DEFAULT_TEST_SITE)
        .unwrap();
    assert_eq!(
        (test_site["galleries"].clone(), test_site["items"].clone()),
        (json!(1), json!(1))
    );
    let text = run(cli_in(home.path()).args(["sandbox", "status"]));
    assert!(
        text.stdout.contains("(default)") && text.stdout.contains("galleries\t2"),
        "{}",
        text.stdout
    );

    let out = run(cli_in(home.path()).args(["sandbox", "reset", "--yes"]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let status = run(cli_in(home.path()).args(["sandbox", "status", "-o", "json"])).json();
    assert_eq!(status["sites"], json!([]));
    // Seeded again on next use.
    let sb = serve_on(&db, &[]);
    let list = ok(sb
        .request("GET", &format!("{API}/galleries"))
        .header("wix-site-id", SEEDED_SITE)
        .send());
    assert_eq!(list["totalGalleries"], 2);
}

#[test]
fn a_stopped_memory_sandbox_leaves_nothing_in_the_temp_dir() {
    // An in-memory sandbox keeps its media bytes in a temporary directory of its own; stopped
    // as a service manager (SIGTERM) or a person (Ctrl-C) stops it, it exits 0 without it.
    for signal in [Signal::Terminate, Signal::Interrupt] {
        let tmp = tempfile::tempdir().unwrap();
        let sandbox = Sandbox::start_in_env(
            tempfile::tempdir().unwrap(),
            &["--memory", "--no-seed"],
            &[("TMPDIR", tmp.path())],
        );
        let file = crate::media_sandbox::upload(
            &sandbox,
            DEFAULT_TEST_SITE,
            "kept.png",
            "image/png",
            &crate::common::media::png(2, 2, 10),
        );
        assert_eq!(file["operationStatus"], "READY", "{file}");
        let made = names_in(tmp.path());
        assert_eq!(made.len(), 1, "{made:?}");
        assert!(made[0].starts_with("progallery-sandbox-media-"), "{made:?}");
        let stopped = sandbox.stop_with(signal);
        assert_eq!(stopped.code, 0, "{signal:?}: {}", stopped.stderr);
        assert!(
            stopped.stderr.contains("sandbox listening on"),
            "{}",
            stopped.stderr
        );
        assert_eq!(
            names_in(tmp.path()),
            Vec::<String>::new(),
            "left behind after {signal:?}"
        );
    }
}

#[test]
fn the_embedded_sandbox_leaves_nothing_in_the_temp_dir() {
    let home = tempfile::tempdir().unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let embedded = |args: &[&str]| {
        run(cli_in(home.path())
            .env("TMPDIR", tmp.path())
            .arg("--sandbox")
            .args(args))
    };
    let created = embedded(&["galleries", "create", "--name", "Temp", "-o", "id"]);
    created.success();
    let g = created.stdout.trim().to_string();
    let dir = tempfile::tempdir().unwrap();
    let image = dir.path().join("a.png");
    std::fs::write(&image, crate::common::media::png(3, 2, 100)).unwrap();
    embedded(&["items", "add", &g, image.to_str().unwrap()]).success();
    assert_eq!(
        embedded(&["items", "list", &g, "-o", "id"]).lines().len(),
        1
    );
    assert_eq!(names_in(tmp.path()), Vec::<String>::new());
}

#[test]
fn simultaneous_first_starts_on_a_new_file_seed_it_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("fresh.db");
    let servers: Vec<Sandbox> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..4).map(|_| scope.spawn(|| serve_on(&db, &[]))).collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    for sb in &servers {
        let list = ok(sb
            .request("GET", &format!("{API}/galleries"))
            .header("wix-site-id", SEEDED_SITE)
            .send());
        assert_eq!(list["totalGalleries"], 2, "seeded exactly once");
    }
}
