//! The sandbox's switches for what Wix's docs leave open: a duplicate item `sortOrder` refused
//! (the default) or accepted (`--duplicate-sort-order accept`, items sharing one listed in
//! creation order, also across deep pages), and the scale of default sortOrders (`seconds`, or
//! `--default-sort-order milliseconds`). The embedded `--sandbox` takes the same switches from
//! the environment.

use serde_json::{json, Value};

use crate::common::*;

fn titled(title: &str, sort_order: f64) -> Value {
    let mut item = text_item(title);
    item["sortOrder"] = json!(sort_order);
    item
}

#[test]
fn a_duplicate_sort_order_is_refused_by_default_and_changes_nothing() {
    let sb = Sandbox::empty();
    let g = sb.gallery_with_items("G", vec![titled("a", 5.0), titled("b", 7.0)]);
    let resp = sb.call(
        "POST",
        &format!("/galleries/{g}/items"),
        Some(json!({"item": titled("dup", 5.0)})),
    );
    assert_eq!(resp.status, 409, "{}", resp.body);
    let b = sb.item_ids(&g)[1].clone();
    let resp = sb.call(
        "PATCH",
        &format!("/galleries/{g}/items/{b}"),
        Some(json!({"item": {"sortOrder": 5}})),
    );
    assert_eq!(resp.status, 409, "{}", resp.body);
    assert_eq!(sb.titles(&g), ["a", "b"]);
}

#[test]
fn accepted_duplicates_are_kept_and_listed_in_creation_order() {
    let sb = Sandbox::start_with(&["--memory", "--no-seed", "--duplicate-sort-order", "accept"]);
    let g = sb.gallery_with_items(
        "G",
        vec![
            titled("first at 5", 5.0),
            titled("at 9", 9.0),
            titled("at 1", 1.0),
        ],
    );
    let dup = sb.add_item(&g, titled("second at 5", 5.0));
    assert_eq!(dup["sortOrder"].as_f64(), Some(5.0));
    assert_eq!(sb.titles(&g), ["at 1", "first at 5", "second at 5", "at 9"]);
    // Moving onto a held sortOrder is accepted too; items sharing it stay in creation order
    // ("at 9" was made before "at 1"), whichever of them moved.
    let at9 = sb.item_ids(&g)[3].clone();
    let moved = sb.call_ok(
        "PATCH",
        &format!("/galleries/{g}/items/{at9}"),
        Some(json!({"item": {"sortOrder": 1}})),
    );
    assert_eq!(moved["item"]["sortOrder"].as_f64(), Some(1.0));
    assert_eq!(sb.titles(&g), ["at 9", "at 1", "first at 5", "second at 5"]);
    // Defaults still never repeat a number.
    let a = sb.add_item(&g, text_item("default a"))["sortOrder"].as_f64();
    let b = sb.add_item(&g, text_item("default b"))["sortOrder"].as_f64();
    assert!(a < b, "{a:?} {b:?}");
}

#[test]
fn pages_of_a_gallery_full_of_shared_sort_orders_are_exact_and_complete() {
    // Past 256 items pages start from cached anchors: they must hold with ties across them.
    let sb = Sandbox::start_with(&["--memory", "--no-seed", "--duplicate-sort-order", "accept"]);
    let mut items: Vec<Value> = (0..600)
        .map(|n| titled(&format!("t{n:03}"), (n / 200) as f64))
        .collect();
    // One that sorts before all of them, created last.
    items.push(titled("front", -1.0));
    let g = sb.gallery_with_items("G", items);
    let mut expected = vec!["front".to_string()];
    expected.extend((0..600).map(|n| format!("t{n:03}")));
    assert_eq!(sb.titles(&g), expected);
    for offset in [0usize, 199, 255, 256, 257, 400, 511, 512, 600] {
        let page = sb.call_ok(
            "GET",
            &format!("/galleries/{g}/items?itemOffset={offset}&itemLimit=7"),
            None,
        )["items"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        let got: Vec<&str> = page.iter().map(|i| i["title"].as_str().unwrap()).collect();
        let want: Vec<&str> = expected
            .iter()
            .skip(offset)
            .take(7)
            .map(String::as_str)
            .collect();
        assert_eq!(got, want, "offset {offset}");
    }
}

#[test]
fn default_sort_orders_in_milliseconds_when_asked() {
    let sb = Sandbox::start_with(&[
        "--memory",
        "--no-seed",
        "--default-sort-order",
        "milliseconds",
    ]);
    let g = sb.new_gallery("G");
    let before = now_millis();
    let item = sb.add_item(&g, text_item("x"));
    let value = item["sortOrder"]
        .as_i64()
        .expect("a whole number of milliseconds");
    assert!(value >= before, "{value} < {before}");
    assert!(
        value < before * 10,
        "{value} is not on the millisecond scale"
    );
    // Galleries keep their own default, in seconds.
    let gallery = sb.call_ok("GET", &format!("/galleries/{g}"), None);
    assert!(gallery["gallery"]["sortOrder"].as_f64().unwrap() < (before / 100) as f64);
}

#[test]
fn the_embedded_sandbox_takes_the_switches_from_the_environment() {
    let home = tempfile::tempdir().unwrap();
    let cli = || {
        let mut cmd = cli_in(home.path());
        cmd.env("PROGALLERY_SANDBOX", "1")
            .env("PROGALLERY_SANDBOX_DUPLICATE_SORT_ORDER", "accept");
        cmd
    };
    let g = run(cli().args(["galleries", "create", "--name", "E", "-o", "id"]))
        .success()
        .stdout
        .trim()
        .to_string();
    for title in ["one", "two"] {
        run(cli().args([
            "items",
            "add",
            &g,
            "--text",
            &format!("<p>{title}</p>"),
            "--title",
            title,
            "--sort-order",
            "7",
            "-o",
            "id",
        ]))
        .success();
    }
    let listed = run(cli().args(["items", "list", &g, "-o", "json"]));
    let items = listed.success().json();
    let got: Vec<(&str, f64)> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["title"].as_str().unwrap(),
                i["sortOrder"].as_f64().unwrap(),
            )
        })
        .collect();
    assert_eq!(got, [("one", 7.0), ("two", 7.0)]);

    // A name that is no reading: a usage error naming the variable, nothing started.
    let bad = run(cli()
        .env("PROGALLERY_SANDBOX_DUPLICATE_SORT_ORDER", "allow")
        .args(["galleries", "list"]));
    assert_one_error_and_a_hint(
        "a reading that does not exist",
        &bad,
        2,
        "PROGALLERY_SANDBOX_DUPLICATE_SORT_ORDER",
    );
}
