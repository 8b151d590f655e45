//! In-process checks of the embedded interface the CLI's `--sandbox` mode uses: `start` on
//! 127.0.0.1:0 over a file database is quick, serves, and `shutdown` returns promptly even with a
//! client still holding a keep-alive connection.

use std::time::{Duration, Instant};

use super::{start, Database, Faults, Options};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn embedded_start_is_fast_and_shutdown_prompt() {
    let dir = tempfile::tempdir().expect("temp dir");
    let options = || Options {
        database: Database::File(dir.path().join("data").join("sandbox.db")),
        api_key: None,
        seed: true,
        faults: Faults::default(),
        data_dir: Some(dir.path().join("data")),
        webhooks: Default::default(),
    };
    let addr = "127.0.0.1:0".parse().expect("addr");
    let started = Instant::now();
    let running = start(addr, options()).await.expect("start");
    let first_start = started.elapsed();
    assert!(running.base_url.starts_with("http://127.0.0.1:"));
    assert!(!running.base_url.ends_with('/'));

    let client = reqwest::Client::new();
    let body: serde_json::Value = client
        .get(format!("{}/progallery/v2/galleries", running.base_url))
        .header("Authorization", "k")
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("json");
    assert_eq!(body["totalGalleries"], 2, "a new database is seeded");

    // The client keeps its connection alive; shutdown must not wait for it to go away.
    let stopping = Instant::now();
    running.shutdown().await.expect("shutdown");
    assert!(
        stopping.elapsed() < Duration::from_secs(1),
        "shutdown took {:?}",
        stopping.elapsed()
    );

    // Second start on the existing database: no seeding, still quick.
    let started = Instant::now();
    let running = start(addr, options()).await.expect("restart");
    let second_start = started.elapsed();
    running.shutdown().await.expect("shutdown");
    assert!(
        first_start < Duration::from_millis(500) && second_start < Duration::from_millis(200),
        "start took {first_start:?} then {second_start:?}"
    );
}
