//! In-process checks of the embedded interface the CLI's `--sandbox` mode uses: `start` on
//! 127.0.0.1:0 over a file database serves a seeded site, and `shutdown` returns even with a
//! client still holding a keep-alive connection. (Start-up speed is a benchmark matter, not a
//! test assertion.)

use std::time::Duration;

use super::{start, Database, Faults, Options};

/// Only guards against a hang: a shutdown that waited for the client's idle keep-alive
/// connection would sit here for reqwest's 90 s pool timeout.
const HANG_CEILING: Duration = Duration::from_secs(30);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn embedded_start_serves_and_shutdown_does_not_wait_for_idle_clients() {
    let dir = tempfile::tempdir().expect("temp dir");
    let options = || Options {
        database: Database::File(dir.path().join("data").join("sandbox.db")),
        api_key: None,
        seed: true,
        faults: Faults::default(),
        data_dir: Some(dir.path().join("data")),
        webhooks: Default::default(),
        media: Default::default(),
    };
    let addr = "127.0.0.1:0".parse().expect("addr");
    let running = start(addr, options()).await.expect("start");
    assert!(running.base_url.starts_with("http://127.0.0.1:"));
    assert!(!running.base_url.ends_with('/'));

    let client = reqwest::Client::new();
    let count = |base_url: String| {
        let client = client.clone();
        async move {
            let body: serde_json::Value = client
                .get(format!("{base_url}/progallery/v2/galleries"))
                .header("Authorization", "k")
                .send()
                .await
                .expect("request")
                .json()
                .await
                .expect("json");
            body["totalGalleries"].clone()
        }
    };
    assert_eq!(
        count(running.base_url.clone()).await,
        2,
        "a new database is seeded"
    );

    // The client keeps its connection alive; shutdown must not wait for it to go away.
    tokio::time::timeout(HANG_CEILING, running.shutdown())
        .await
        .expect("shutdown waited for an idle keep-alive connection")
        .expect("shutdown");

    // Second start on the existing database: served as it was, not seeded again.
    let running = start(addr, options()).await.expect("restart");
    assert_eq!(count(running.base_url.clone()).await, 2, "seeded once only");
    tokio::time::timeout(HANG_CEILING, running.shutdown())
        .await
        .expect("second shutdown hung")
        .expect("shutdown");
}
