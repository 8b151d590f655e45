//! Webhooks for apps: the public key in the forms Wix hands it out, `trigger --print` for `verify`
//! without a server, events naming the app instance and keeping `accountInfo`, echoes of the
//! tool's own writes, a two-way sync that stops after one round, and the README's mirror recipe
//! run as written against a sandbox.

use std::path::{Path, PathBuf};

use serde_json::{json, Value};

use crate::apps_support::*;
use crate::common::*;
use crate::webhooks_sandbox_support::sandbox_delivering_to;
use crate::webhooks_support::*;

/// The README's shell script whose second line is `# NAME…`, as written there.
fn readme_script(name: &str) -> String {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README.md");
    let start = readme
        .find(&format!("```sh\n#!/bin/sh\n# {name}"))
        .unwrap_or_else(|| panic!("no {name} script in the README"));
    let body = &readme[start + "```sh\n".len()..];
    body[..body.find("\n```").expect("the script's end")].to_string() + "\n"
}

/// The directory of the binary under test, for scripts that run `progallery`.
fn binary_dir() -> PathBuf {
    assert_cmd::cargo::cargo_bin("progallery")
        .parent()
        .expect("a directory")
        .to_path_buf()
}

/// Waits until the sandbox has delivered every event it queued (at least `at_least`): with the
/// listener answering only once its `--exec` is done, nothing more is coming then.
#[track_caller]
fn wait_until_delivered(sandbox: &Sandbox, at_least: u64) {
    wait_for("every queued event to be delivered", || {
        let target = &sandbox.webhooks_status()["targets"][0];
        let enqueued = target["enqueued"].as_u64().unwrap_or(0);
        enqueued >= at_least
            && target["delivered"].as_u64() == Some(enqueued)
            && target["pending"] == 0
    });
}

fn write_file(path: &Path, text: &str) {
    std::fs::write(path, text).expect("write");
}

#[test]
fn verify_and_listen_take_the_public_key_as_pem_one_line_or_bare_base64() {
    let home = tempfile::tempdir().unwrap();
    let pem = keys().public_pem.clone();
    let bare: String = pem
        .lines()
        .filter(|l| !l.starts_with("-----"))
        .collect::<Vec<_>>()
        .join("\n");
    let one_line = pem.trim().replace('\n', "\\n");
    let token = valid_token("key-forms-1");
    for (name, text) in [("pem", &pem), ("bare", &bare), ("one-line", &one_line)] {
        let path = home.path().join(format!("{name}.key"));
        write_file(&path, text);
        let verified = run_with_stdin(
            cli_in(home.path())
                .args(["webhooks", "verify", "--public-key"])
                .arg(&path)
                .arg("-"),
            Some(token.as_bytes()),
        );
        verified.success();
        assert_eq!(verified.json()["data"]["id"], "key-forms-1", "{name}");
        // The other pair's key in the same form refuses it.
        let other: String = other_keys()
            .public_pem
            .lines()
            .filter(|l| !l.starts_with("-----"))
            .collect();
        let other_path = home.path().join("other.key");
        write_file(&other_path, &other);
        run_with_stdin(
            cli_in(home.path())
                .args(["webhooks", "verify", "--public-key"])
                .arg(&other_path)
                .arg("-"),
            Some(token.as_bytes()),
        )
        .code(4);
    }
    let bare_path = home.path().join("bare.key");
    let listener = Listener::start(
        home.path(),
        &["--public-key", bare_path.to_str().unwrap(), "-o", "jsonl"],
    );
    assert_eq!(listener.post(token.as_bytes()).status, 200);
    let line: Value = serde_json::from_str(&listener.next_line()).unwrap();
    assert_eq!(line["data"]["id"], "key-forms-1");
    let not_a_key = home.path().join("not.key");
    write_file(&not_a_key, "bm90IGEga2V5IGF0IGFsbA==");
    let refused = run(cli_in(home.path())
        .args(["webhooks", "verify", "--public-key"])
        .arg(&not_a_key)
        .arg(&bare_path));
    refused.code(2);
    assert!(
        refused.stderr.contains("bare base64 body"),
        "{}",
        refused.stderr
    );
}

#[test]
fn trigger_print_writes_a_payload_that_verify_accepts_with_its_instance_and_account_info() {
    let home = tempfile::tempdir().unwrap();
    install_sandbox_keys(home.path());
    let printed = run(cli_in(home.path()).args([
        "webhooks",
        "trigger",
        "gallery_item_updated",
        "--print",
        "--instance-id",
        INSTANCE_ID,
        "--site-id",
        DEFAULT_TEST_SITE,
    ]));
    printed.success();
    assert_eq!(printed.lines().len(), 1, "one JWT: {}", printed.stdout);
    assert!(printed.stderr.contains("not sent"), "{}", printed.stderr);
    let verified = run_with_stdin(
        cli_in(home.path()).args(["webhooks", "verify", "-"]),
        Some(printed.stdout.as_bytes()),
    );
    verified.success();
    let event = verified.json();
    assert_eq!(event["instanceId"], INSTANCE_ID);
    assert_eq!(event["accountInfo"], json!({"siteId": DEFAULT_TEST_SITE}));
    assert_eq!(event["data"]["slug"], "gallery_item_updated");
    // The payload as Wix nests it: accountInfo an object beside instanceId, identity a string.
    let (_, _, inner, _) = crate::webhooks_sandbox_support::decode_by_hand(printed.stdout.trim());
    assert_eq!(inner["accountInfo"]["siteId"], DEFAULT_TEST_SITE);
    let both = run(cli_in(home.path()).args([
        "webhooks",
        "trigger",
        "created",
        "--print",
        "--to",
        "http://127.0.0.1:9/x",
    ]));
    both.code(2);
}

#[test]
fn an_apps_events_name_its_instance_and_mark_the_echoes_of_its_own_writes() {
    let home = tempfile::tempdir().unwrap();
    install_sandbox_keys(home.path());
    let listener = Listener::start(home.path(), &["-o", "jsonl"]);
    let flags = app_flags();
    let flags: Vec<&str> = flags.iter().map(String::as_str).collect();
    let sandbox = sandbox_delivering_to(home, &[&listener.url], &flags);
    // A write of this tool (signed in as the app): its event is marked as our echo.
    let created =
        run(app_cli(&sandbox).args(["galleries", "create", "--name", "Ours", "-o", "id"]));
    created.success();
    let gallery = created.stdout.trim().to_string();
    let ours: Value = serde_json::from_str(&listener.next_line()).unwrap();
    assert_eq!(ours["data"]["entityId"], gallery.as_str());
    assert_eq!(ours["instanceId"], INSTANCE_ID);
    assert_eq!(ours["accountInfo"], json!({"siteId": DEFAULT_TEST_SITE}));
    assert_eq!(ours["echo"], true);
    // Someone else's write (straight to the API, not through this tool): no mark.
    sandbox.call_ok(
        "PATCH",
        &format!("/galleries/{gallery}"),
        Some(json!({"gallery": {"name": "Theirs"}})),
    );
    let theirs: Value = serde_json::from_str(&listener.next_line()).unwrap();
    assert_eq!(theirs["data"]["slug"], "updated");
    assert!(theirs.get("echo").is_none(), "{theirs}");
    // Our rename is ours; a change by someone else to the same field afterwards is not.
    run(app_cli(&sandbox).args(["galleries", "update", &gallery, "--name", "Ours again"]))
        .success();
    let renamed: Value = serde_json::from_str(&listener.next_line()).unwrap();
    assert_eq!(renamed["echo"], true, "{renamed}");
}

/// A listener running the README's write-back script on each item update (with `extra` flags),
/// a sandbox delivering to it, and an item edited outside the tool: the rounds the script ran
/// (each as "ECHO ITEM_ID"), the item, and the sandbox.
fn two_way_sync(extra: &[&str]) -> (Vec<String>, Value, Sandbox, Listener) {
    let home = tempfile::tempdir().unwrap();
    install_sandbox_keys(home.path());
    let dir = home.path().join("sync");
    std::fs::create_dir_all(&dir).unwrap();
    write_file(&dir.join("write-back.sh"), &readme_script("write-back.sh"));
    // The script's `progallery` runs as the app, with the listener's data dir (its ledger).
    let exec = format!(
        "cd {dir} && . ./env.sh && echo \"$PROGALLERY_EVENT_ECHO $WIX_ITEM_ID\" >> rounds && sh ./write-back.sh",
        dir = dir.display()
    );
    let mut args = vec![
        "--events",
        "gallery_item_updated",
        "--exec",
        &exec,
        "-o",
        "jsonl",
    ];
    args.extend(extra);
    let listener = Listener::start(home.path(), &args);
    let flags = app_flags();
    let flags: Vec<&str> = flags.iter().map(String::as_str).collect();
    let sandbox = sandbox_delivering_to(home, &[&listener.url], &flags);
    write_file(
        &dir.join("env.sh"),
        &format!(
            "export PATH={bin}:$PATH PROGALLERY_BASE_URL={url} WIX_APP_ID={APP_ID} WIX_APP_SECRET={APP_SECRET} WIX_INSTANCE_ID={INSTANCE_ID}\n",
            bin = binary_dir().display(),
            url = sandbox.base_url
        ),
    );
    let gallery = sandbox.gallery_with_items("Synced", vec![image_item("photo")]);
    let item = sandbox.item_ids(&gallery)[0].clone();
    // An edit made in Wix (straight to the API): the round starts.
    sandbox.call_ok(
        "PATCH",
        &format!("/galleries/{gallery}/items/{item}"),
        Some(json!({"item": {"title": "Edited in Wix"}})),
    );
    // Gallery and item created, the edit, the write-back: four events at least.
    wait_until_delivered(&sandbox, 4);
    let rounds = std::fs::read_to_string(dir.join("rounds"))
        .unwrap_or_default()
        .lines()
        .map(str::to_string)
        .collect();
    let current =
        sandbox.call_ok("GET", &format!("/galleries/{gallery}/items/{item}"), None)["item"].clone();
    (rounds, current, sandbox, listener)
}

#[test]
fn a_two_way_sync_stops_after_one_round_with_skip_echoes() {
    let (rounds, item, sandbox, listener) = two_way_sync(&["--skip-echoes"]);
    let id = item["id"].as_str().unwrap();
    assert_eq!(
        rounds,
        [format!("0 {id}")],
        "one round, for the edit made in Wix"
    );
    assert_eq!(item["title"], "Edited in Wix");
    assert_eq!(
        item["description"],
        format!("Also on Example: https://example.com/p/{id}")
    );
    // Two updates in all: the edit and the one write-back.
    assert_eq!(sandbox.logged("PATCH", &format!("/items/{id}")).len(), 2);
    let events = sandbox.events();
    assert_eq!(
        events.iter().filter(|e| e["type"] == "ItemUpdated").count(),
        2
    );
    // The edit was printed; the echo of the write-back was dropped before anything ran.
    let printed: Value = serde_json::from_str(&listener.next_line()).unwrap();
    assert_eq!(
        printed["data"]["actionEvent"]["body"]["updatedItem"]["title"],
        "Edited in Wix"
    );
    let (code, rest, stderr) = listener.stop();
    assert_eq!(code, 0, "{stderr}");
    assert!(rest.is_empty(), "the echo was not printed: {rest:?}");
    assert!(stderr.contains("1 echoes skipped"), "{stderr}");
    assert_no_secret(&stderr, None);
}

// Rests on `items update` sending nothing when the values are already there (issue 12, item 6,
// first bullet): without it, the second round's update is sent, causes a third event, and the
// script never stops.
#[test]
fn a_two_way_sync_without_skip_echoes_ends_within_two_rounds() {
    let (rounds, item, sandbox, listener) = two_way_sync(&[]);
    let id = item["id"].as_str().unwrap();
    // The second round was told its event was the echo of the first's write, and its update
    // found nothing to change: no request, no event, the end.
    assert_eq!(rounds, [format!("0 {id}"), format!("1 {id}")]);
    assert_eq!(sandbox.logged("PATCH", &format!("/items/{id}")).len(), 2);
    let printed: Vec<Value> = (0..2)
        .map(|_| serde_json::from_str(&listener.next_line()).unwrap())
        .collect();
    assert!(printed[0].get("echo").is_none());
    assert_eq!(printed[1]["echo"], true);
}

#[test]
fn the_readme_mirror_recipe_mirrors_creates_updates_and_deletes_in_order() {
    let home = tempfile::tempdir().unwrap();
    install_sandbox_keys(home.path());
    let dir = home.path().join("mirror");
    let bin = home.path().join("bin");
    let platform = dir.join("platform");
    for d in [&dir, &bin, &platform] {
        std::fs::create_dir_all(d).unwrap();
    }
    write_file(&dir.join("mirror.sh"), &readme_script("mirror.sh"));
    // The other platform: a directory of files, one per mirrored item.
    write_file(
        &bin.join("platform-upload"),
        "#!/bin/sh\nn=$(cat \"$PLATFORM/.count\" 2>/dev/null || echo 0); n=$((n+1)); echo $n > \"$PLATFORM/.count\"\ncat > \"$PLATFORM/ext-$n.json\"; echo \"ext-$n\"\n",
    );
    write_file(
        &bin.join("platform-update"),
        "#!/bin/sh\ncat > \"$PLATFORM/$1.json\"\n",
    );
    write_file(
        &bin.join("platform-delete"),
        "#!/bin/sh\nrm \"$PLATFORM/$1.json\"\n",
    );
    for tool in ["platform-upload", "platform-update", "platform-delete"] {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(bin.join(tool), std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let exec = format!(
        "cd {dir} && PATH={bin}:$PATH PLATFORM={platform} sh ./mirror.sh",
        dir = dir.display(),
        bin = bin.display(),
        platform = platform.display()
    );
    let listener = Listener::start(
        home.path(),
        &[
            "--events",
            "gallery_item_created,gallery_item_updated,gallery_item_deleted",
            "--exec",
            &exec,
        ],
    );
    let sandbox = sandbox_delivering_to(home, &[&listener.url], &[]);
    let gallery = sandbox.gallery_with_items(
        "Album",
        vec![image_item("one"), image_item("two"), text_item("three")],
    );
    let ids = sandbox.item_ids(&gallery);
    sandbox.call_ok(
        "PATCH",
        &format!("/galleries/{gallery}/items/{}", ids[0]),
        Some(json!({"item": {"title": "one, renamed"}})),
    );
    sandbox.call_ok(
        "DELETE",
        &format!("/galleries/{gallery}/items/{}", ids[1]),
        None,
    );
    // Gallery, three items, the edit, the delete.
    wait_until_delivered(&sandbox, 6);
    let map = || std::fs::read_to_string(dir.join("mirror-map")).unwrap_or_default();
    let mapped: Vec<(String, String)> = map()
        .lines()
        .map(|l| {
            let (id, ext) = l.split_once(' ').expect("ITEM_ID EXTERNAL_ID");
            (id.to_string(), ext.to_string())
        })
        .collect();
    assert_eq!(
        mapped,
        [
            (ids[0].clone(), "ext-1".to_string()),
            (ids[2].clone(), "ext-3".to_string())
        ],
        "the second item went, the others are mapped"
    );
    let first: Value =
        serde_json::from_str(&std::fs::read_to_string(platform.join("ext-1.json")).unwrap())
            .unwrap();
    assert_eq!(
        first["data"]["actionEvent"]["body"]["updatedItem"]["title"], "one, renamed",
        "the platform holds the item as last updated"
    );
    assert!(!platform.join("ext-2.json").exists());
    // Deleting the gallery deletes its items' mirrors too ("Gallery Deleted" item events).
    sandbox.call_ok("DELETE", &format!("/galleries/{gallery}"), None);
    wait_until_delivered(&sandbox, 9);
    assert_eq!(map().trim(), "", "nothing left mapped");
    let left: Vec<_> = std::fs::read_dir(&platform)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".json"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
    let (code, _, stderr) = listener.stop();
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("0 failed actions"), "{stderr}");
}
