//! Every positional verb (`items move`, `items reorder`, `items add --position`, `items restore`)
//! on a gallery whose sortOrders mix epoch seconds and epoch milliseconds, as real galleries do,
//! against a sandbox that refuses a duplicate sortOrder and one that accepts it (where the
//! gallery also holds two items sharing one). The order must come out right under both, and the
//! client must never send a number another item holds (under "reject" no request is refused).
//! A service that refuses a planned number with some 4xx (no code the client could know) is
//! played by a scripted server: the client moves to another number of the same window.

use serde_json::{json, Value};

use crate::cleanup_support::journal_path;
use crate::common::fake_server::{Answer, FakeServer};
use crate::common::*;

const READINGS: [&str; 2] = ["reject", "accept"];

/// `(title, sortOrder)` in gallery order: a seconds value first, then milliseconds (the
/// reference's own), one more seconds value that sorts first of all.
const MIXED: [(&str, f64); 5] = [
    ("s0", 1_563_813_116.806_022_2),
    ("s1", 1_644_317_968.985),
    ("m1", 1_642_505_672_333.0),
    ("m2", 1_646_212_412_985.0),
    ("m3", 1_657_439_075_188.0),
];

struct Fixture {
    sb: Sandbox,
    gallery: String,
    reading: &'static str,
}

impl Fixture {
    fn new(reading: &'static str) -> Fixture {
        let sb = Sandbox::start_with(&["--memory", "--no-seed", "--duplicate-sort-order", reading]);
        let mut items: Vec<Value> = MIXED
            .iter()
            .map(|(title, order)| {
                json!({"title": title, "sortOrder": order, "text": {"html": format!("<p>{title}</p>")}})
            })
            .collect();
        if reading == "accept" {
            // A tie, listed after m2 (created after it).
            items.push(
                json!({"title": "m2b", "sortOrder": MIXED[3].1, "text": {"html": "<p>m2b</p>"}}),
            );
        }
        let gallery = sb.gallery_with_items("Mixed", items);
        sb.clear_request_log();
        Fixture {
            sb,
            gallery,
            reading,
        }
    }

    fn titles(&self) -> Vec<String> {
        self.sb.titles(&self.gallery)
    }

    fn id(&self, title: &str) -> String {
        self.sb
            .items(&self.gallery)
            .into_iter()
            .find(|i| i["title"] == title)
            .and_then(|i| i["id"].as_str().map(str::to_string))
            .unwrap_or_else(|| panic!("no item {title}"))
    }

    fn start(&self) -> Vec<String> {
        let mut titles: Vec<String> = MIXED.iter().map(|(t, _)| t.to_string()).collect();
        if self.reading == "accept" {
            titles.insert(4, "m2b".to_string());
        }
        titles
    }

    #[track_caller]
    fn cli_ok(&self, args: &[&str]) -> Run {
        let run = run(self.sb.cli().args(args));
        run.success();
        run
    }

    /// No write the client sent was refused: it never asked for a number another item held.
    #[track_caller]
    fn nothing_refused(&self) {
        let refused: Vec<Value> = self
            .sb
            .request_log()
            .into_iter()
            .filter(|r| r["method"] != "GET" && r["status"].as_u64().unwrap_or(0) >= 400)
            .collect();
        assert!(
            refused.is_empty(),
            "{}: refused writes: {refused:?}",
            self.reading
        );
    }
}

#[test]
fn move_puts_the_item_where_asked_on_a_mixed_scale_gallery() {
    for reading in READINGS {
        let f = Fixture::new(reading);
        let g = f.gallery.clone();
        let tie = reading == "accept";
        // A millisecond item before another millisecond one.
        f.cli_ok(&["items", "move", &g, &f.id("m3"), "--before", &f.id("m1")]);
        let mut want = f.start();
        let m3 = want.iter().position(|t| t == "m3").unwrap();
        want.remove(m3);
        want.insert(2, "m3".into());
        assert_eq!(f.titles(), want, "{reading}");
        // A seconds item after the last millisecond one.
        f.cli_ok(&["items", "move", &g, &f.id("s0"), "--last"]);
        want.remove(0);
        want.push("s0".into());
        assert_eq!(f.titles(), want, "{reading}");
        // Between m2 and what follows it (under "accept", m2b, which shares m2's number).
        f.cli_ok(&["items", "move", &g, &f.id("s1"), "--after", &f.id("m2")]);
        want.retain(|t| t != "s1");
        let at = want.iter().position(|t| t == "m2").unwrap() + 1;
        want.insert(at, "s1".into());
        assert_eq!(f.titles(), want, "{reading}");
        if tie {
            // And before m2b, ahead of its tie partner, then first of all.
            f.cli_ok(&["items", "move", &g, &f.id("m2b"), "--before", &f.id("m2")]);
            want.retain(|t| t != "m2b");
            let at = want.iter().position(|t| t == "m2").unwrap();
            want.insert(at, "m2b".into());
            assert_eq!(f.titles(), want, "{reading}");
        }
        f.cli_ok(&["items", "move", &g, &f.id("m2"), "--first"]);
        want.retain(|t| t != "m2");
        want.insert(0, "m2".into());
        assert_eq!(f.titles(), want, "{reading}");
        f.nothing_refused();
    }
}

#[test]
fn reorder_gives_the_listed_order_on_a_mixed_scale_gallery() {
    for reading in READINGS {
        let f = Fixture::new(reading);
        let g = f.gallery.clone();
        // Reversed, then a shuffle that keeps the tie's listed order but not the rest.
        let mut wanted = f.start();
        wanted.reverse();
        for order in [wanted.clone(), {
            let mut shuffled = f.start();
            shuffled.rotate_left(2);
            shuffled
        }] {
            let ids: Vec<String> = order.iter().map(|t| f.id(t)).collect();
            let file = temp_file(f.sb.home.path(), "order.txt", &ids.join("\n"));
            let run = f.cli_ok(&[
                "items",
                "reorder",
                &g,
                "--ids-from",
                file.to_str().unwrap(),
                "-o",
                "jsonl",
            ]);
            assert_eq!(f.titles(), order, "{reading}");
            assert_eq!(run.lines().len(), order.len(), "one outcome per item");
        }
        f.nothing_refused();
    }
}

#[test]
fn add_with_a_position_lands_there_on_a_mixed_scale_gallery() {
    for reading in READINGS {
        let f = Fixture::new(reading);
        let g = f.gallery.clone();
        let add = |title: &str, position: &str| {
            f.cli_ok(&[
                "items",
                "add",
                &g,
                "--text",
                &format!("<p>new {title}</p>"),
                "--title",
                title,
                "--position",
                position,
                "-o",
                "id",
            ]);
        };
        let mut want = f.start();
        add("a", &format!("after:{}", f.id("s1")));
        want.insert(2, "a".into());
        assert_eq!(f.titles(), want, "{reading}");
        add("b", &format!("after:{}", f.id("m2")));
        let at = want.iter().position(|t| t == "m2").unwrap() + 1;
        want.insert(at, "b".into());
        assert_eq!(f.titles(), want, "{reading}");
        add("c", "first");
        want.insert(0, "c".into());
        add("d", "last");
        want.push("d".into());
        add("e", &format!("before:{}", f.id("m1")));
        let at = want.iter().position(|t| t == "m1").unwrap();
        want.insert(at, "e".into());
        assert_eq!(f.titles(), want, "{reading}");
        f.nothing_refused();
    }
}

#[test]
fn restore_puts_items_back_in_their_places_on_a_mixed_scale_gallery() {
    for reading in READINGS {
        let f = Fixture::new(reading);
        let g = f.gallery.clone();
        let mut gone = vec![f.id("s1"), f.id("m2")];
        if reading == "accept" {
            gone.push(f.id("m2b"));
        }
        let mut args = vec!["items", "delete", &g];
        args.extend(gone.iter().map(String::as_str));
        args.push("--yes");
        let deleted = f.cli_ok(&args);
        let journal = journal_path(&deleted);
        assert_eq!(f.titles().len(), f.start().len() - gone.len());
        let restored = f.cli_ok(&["items", "restore", "--journal", &journal, "-o", "jsonl"]);
        assert_eq!(f.titles(), f.start(), "{reading}");
        assert!(
            restored.stdout.contains("\"restored\""),
            "{}",
            restored.stdout
        );
        // Again: everything is recognised as back, nothing is sent.
        f.sb.clear_request_log();
        let again = f.cli_ok(&["items", "restore", "--journal", &journal, "-o", "jsonl"]);
        assert_eq!(again.stdout.matches("\"present\"").count(), gone.len());
        assert!(f.sb.writes().is_empty(), "{reading}: {:?}", f.sb.writes());
        assert_eq!(f.titles(), f.start(), "{reading}");
        if reading == "accept" {
            // One of a pair sharing a number, alone: it goes back beside its partner.
            let m2b = f.id("m2b");
            let deleted = f.cli_ok(&["items", "delete", &g, &m2b, "--yes"]);
            f.cli_ok(&["items", "restore", "--journal", &journal_path(&deleted)]);
            assert_eq!(f.titles(), f.start(), "{reading}");
        }
    }
}

/// A scripted gallery of two items at 8 and 10; `refuse` answers the first write that names a
/// sortOrder with it (a 4xx the client cannot know the meaning of), the next ones succeed.
fn refusing_server(refuse: Answer, item_body: Value) -> FakeServer {
    let refuse = std::sync::Mutex::new(Some(refuse));
    FakeServer::start(move |seen, _| {
        let gallery = "1b57f2a0-0c4e-4e0b-9a3e-6a1d2f3c4b5d";
        let a = json!({"id": "a045b201-ee7d-447c-b0c3-746cba83253c", "sortOrder": 8, "type": "TEXT", "text": {"html": "<p>a</p>"}});
        let b = json!({"id": "17c786c6-5d5d-4271-995a-02d007809064", "sortOrder": 10, "type": "TEXT", "text": {"html": "<p>b</p>"}});
        match (seen.method.as_str(), seen.path()) {
            ("GET", p) if p.ends_with("/items") => {
                Answer::json(200, &json!({"items": [a, b]}).to_string())
            }
            ("GET", p) if p.ends_with(gallery) => Answer::json(
                200,
                &json!({"gallery": {"id": gallery, "totalItems": 2, "items": [a]}}).to_string(),
            ),
            ("POST" | "PATCH", _) => {
                if let Some(answer) = refuse.lock().unwrap().take() {
                    return answer;
                }
                let sent: Value = serde_json::from_str(&seen.body).unwrap();
                let mut item = item_body.clone();
                item["sortOrder"] = sent["item"]["sortOrder"].clone();
                Answer::json(200, &json!({ "item": item }).to_string())
            }
            other => Answer::json(404, &format!("{{\"message\": \"unexpected {other:?}\"}}")),
        }
    })
}

fn sent_sort_orders(server: &FakeServer, method: &str) -> Vec<f64> {
    server
        .requests()
        .iter()
        .filter(|r| r.method == method)
        .map(|r| {
            let body: Value = serde_json::from_str(&r.body).unwrap();
            body["item"]["sortOrder"].as_f64().unwrap()
        })
        .collect()
}

#[test]
fn a_refused_number_is_replaced_by_another_of_its_window_on_create_and_on_move() {
    let gallery = "1b57f2a0-0c4e-4e0b-9a3e-6a1d2f3c4b5d";
    let home = tempfile::tempdir().unwrap();
    let refusals = [
        // The sandbox's own shape, and a bare 4xx with no code at all.
        Answer::json(
            409,
            r#"{"message": "SORT_ORDER_ALREADY_EXISTS: taken", "details": {"applicationError": {"code": "SORT_ORDER_ALREADY_EXISTS", "description": "taken", "data": {}}}}"#,
        ),
        Answer::json(400, r#"{"message": "the request failed"}"#),
    ];
    for refusal in refusals {
        let new_item = json!({"id": "534264c7-0c61-45ce-b414-891aacadf4c2", "type": "TEXT", "title": "new", "text": {"html": "<p>new</p>"}});
        let server = refusing_server(refusal, new_item);
        let run = run(cli_in(home.path())
            .env("PROGALLERY_BASE_URL", server.base_url.clone())
            .env("WIX_API_KEY", TEST_API_KEY)
            .args([
                "items",
                "add",
                gallery,
                "--text",
                "<p>new</p>",
                "--position",
                "after:a045b201-ee7d-447c-b0c3-746cba83253c",
                "-o",
                "json",
            ]));
        run.success();
        let sent = sent_sort_orders(&server, "POST");
        assert_eq!(sent.len(), 2, "{sent:?}");
        assert_eq!(sent[0], 9.0, "planned halfway between 8 and 10");
        assert!(sent[1] > 8.5 && sent[1] < 9.5 && sent[1] != 9.0, "{sent:?}");
        assert_eq!(run.json()["sortOrder"].as_f64(), Some(sent[1]));
    }
    // A move refused once: the same, with a PATCH.
    let moved = json!({"id": "17c786c6-5d5d-4271-995a-02d007809064", "type": "TEXT", "text": {"html": "<p>b</p>"}});
    let server = refusing_server(Answer::json(422, r#"{"message": "no"}"#), moved);
    run(cli_in(home.path())
        .env("PROGALLERY_BASE_URL", server.base_url.clone())
        .env("WIX_API_KEY", TEST_API_KEY)
        .args([
            "items",
            "move",
            gallery,
            "17c786c6-5d5d-4271-995a-02d007809064",
            "--first",
        ]))
    .success();
    let sent = sent_sort_orders(&server, "PATCH");
    assert_eq!(sent.len(), 2, "{sent:?}");
    assert_eq!(sent[0], 7.0, "one step before the first");
    assert!(sent[1] > 6.5 && sent[1] < 7.5 && sent[1] != 7.0, "{sent:?}");
}

#[test]
fn restore_never_overwrites_another_item_at_its_number() {
    for reading in READINGS {
        let f = Fixture::new(reading);
        let g = f.gallery.clone();
        let m1 = f.id("m1");
        let deleted = f.cli_ok(&["items", "delete", &g, &m1, "--yes"]);
        // Another item takes m1's number meanwhile.
        let intruder = f.sb.add_item(
            &g,
            json!({"title": "intruder", "sortOrder": MIXED[2].1, "text": {"html": "<p>intruder</p>"}}),
        );
        let restore = run(f.sb.cli().args([
            "items",
            "restore",
            "--journal",
            &journal_path(&deleted),
            "-o",
            "jsonl",
        ]));
        let still = f.sb.call_ok(
            "GET",
            &format!("/galleries/{g}/items/{}", intruder["id"].as_str().unwrap()),
            None,
        );
        assert_eq!(still["item"]["title"], "intruder", "{reading}: left alone");
        match reading {
            "reject" => {
                restore.code(3);
                assert!(restore.stdout.contains("\"failed\""), "{}", restore.stdout);
                assert!(
                    restore.stdout.contains("taken by item"),
                    "{}",
                    restore.stdout
                );
                assert!(!f.titles().contains(&"m1".to_string()));
            }
            _ => {
                restore.success();
                let titles = f.titles();
                let at = titles.iter().position(|t| t == "intruder").unwrap();
                assert_eq!(
                    titles[at + 1],
                    "m1",
                    "{reading}: back beside it: {titles:?}"
                );
            }
        }
    }
}
