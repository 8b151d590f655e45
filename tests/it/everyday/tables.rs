//! Tables that keep what people read: a `#` column on item lists, technical columns (SORT ORDER,
//! MEDIA, CREATED) dropped before the title is cut, MEDIA the URL of the image or video for every
//! type. Exact layouts at 60, 80, 110 and 160 columns (and all columns on a wide screen).

use crate::common::*;
use serde_json::json;

const SEEDED_GALLERY: &str = "e481d9b4-14b9-4a98-ae52-67f4170e3a63";
const LONG_TITLE: &str = "Sunset at Sidi Kaouki, the long beach south of Essaouira";

fn table(home: &std::path::Path, columns: u16, args: &[&str]) -> Vec<String> {
    let out = run(cli_in(home)
        .env("PROGALLERY_FORCE_TTY", "1")
        .env("COLUMNS", columns.to_string())
        .arg("--sandbox")
        .args(args));
    out.success();
    for line in out.lines() {
        assert!(
            line.chars().count() <= columns as usize,
            "{columns}: {line:?}"
        );
    }
    out.lines()
        .iter()
        .map(|l| l.trim_end().to_string())
        .collect()
}

#[test]
fn item_tables_at_60_80_110_and_160_columns() {
    let home = tempfile::tempdir().unwrap();
    run(cli_in(home.path()).args([
        "--sandbox",
        "items",
        "update",
        SEEDED_GALLERY,
        "975a57a1-eccd-4e28-aac5-265be4dbb4f8",
        "--title",
        LONG_TITLE,
    ]))
    .success();
    let list = ["items", "list", SEEDED_GALLERY];
    assert_eq!(
        table(home.path(), 60, &list),
        [
            " #  ID                                    TITLE",
            " 1  a045b201-ee7d-447c-b0c3-746cba83253c  Some Title",
            " 2  17c786c6-5d5d-4271-995a-02d007809064  Video",
            " 3  975a57a1-eccd-4e28-aac5-265be4dbb4f8  Sunset at Sidi…",
            " 4  534264c7-0c61-45ce-b414-891aacadf4c2  Text Item 1",
        ]
    );
    assert_eq!(
        table(home.path(), 80, &list),
        [
            " #  ID                                    TITLE",
            " 1  a045b201-ee7d-447c-b0c3-746cba83253c  Some Title",
            " 2  17c786c6-5d5d-4271-995a-02d007809064  Video",
            " 3  975a57a1-eccd-4e28-aac5-265be4dbb4f8  Sunset at Sidi Kaouki, the long beac…",
            " 4  534264c7-0c61-45ce-b414-891aacadf4c2  Text Item 1",
        ]
    );
    // The whole title, and the dates gone first.
    assert_eq!(
        table(home.path(), 110, &list),
        [
            " #  ID                                    TYPE   TITLE",
            " 1  a045b201-ee7d-447c-b0c3-746cba83253c  IMAGE  Some Title",
            " 2  17c786c6-5d5d-4271-995a-02d007809064  VIDEO  Video",
            format!(" 3  975a57a1-eccd-4e28-aac5-265be4dbb4f8  VIDEO  {LONG_TITLE}").as_str(),
            " 4  534264c7-0c61-45ce-b414-891aacadf4c2  TEXT   Text Item 1",
        ]
    );
    assert_eq!(
        table(home.path(), 160, &list),
        [
            " #  ID                                    TYPE   TITLE                                                     CREATED",
            " 1  a045b201-ee7d-447c-b0c3-746cba83253c  IMAGE  Some Title                                                2022-02-08 10:59",
            " 2  17c786c6-5d5d-4271-995a-02d007809064  VIDEO  Video                                                     2022-01-18 11:34",
            format!(" 3  975a57a1-eccd-4e28-aac5-265be4dbb4f8  VIDEO  {LONG_TITLE}  2022-03-02 09:13").as_str(),
            " 4  534264c7-0c61-45ce-b414-891aacadf4c2  TEXT   Text Item 1                                               2021-03-30 15:23",
        ]
    );
    // Wide enough for everything: MEDIA is a URL for images and videos alike, empty for text.
    let wide = table(home.path(), 240, &list);
    assert_eq!(
        wide[0].split_whitespace().collect::<Vec<_>>(),
        ["#", "ID", "TYPE", "TITLE", "MEDIA", "SORT", "ORDER", "CREATED"]
    );
    for (row, url) in [
        (1, "https://static.wixstatic.com/media/11062b_12703ed9a6574547bcaed22b1ce44eef~mv2.jpeg "),
        (2, "https://www.youtube.com/watch?v=NCtzkaL2t_Y&ab_channel=TheBeatlesVEVO "),
        (3, "https://video.wixstatic.com/video/11062b_20125b6ebe434abd96c4d7773634d1db/1080p/mp4/file.mp4 "),
    ] {
        assert!(wide[row].contains(url), "{}", wide[row]);
    }
    // The seed keeps the reference's numbers: milliseconds beside seconds, shown as they are.
    assert!(
        wide[2].contains(" 1642505672333 ") && wide[2].ends_with(" 2022-01-18 11:34"),
        "{}",
        wide[2]
    );
    assert!(wide[4].contains("Text Item 1") && !wide[4].contains("http"));
    // Positions count from the offset; tsv keeps its columns (the id first) and no `#`.
    assert_eq!(
        table(
            home.path(),
            60,
            &[
                "items",
                "list",
                SEEDED_GALLERY,
                "--offset",
                "2",
                "--limit",
                "1"
            ]
        )[1],
        " 3  975a57a1-eccd-4e28-aac5-265be4dbb4f8  Sunset at Sidi…"
    );
    let tsv = run(cli_in(home.path()).args(["--sandbox", "items", "list", SEEDED_GALLERY]));
    assert!(tsv.lines()[0].starts_with(
        "a045b201-ee7d-447c-b0c3-746cba83253c\tIMAGE\tSome Title\thttps://static.wixstatic.com/"
    ));
}

#[test]
fn a_where_list_numbers_items_by_their_place_in_the_gallery() {
    let home = tempfile::tempdir().unwrap();
    let rows = table(
        home.path(),
        60,
        &["items", "list", SEEDED_GALLERY, "--where", "type=VIDEO"],
    );
    assert_eq!(
        rows,
        [
            " #  ID                                    TITLE",
            " 2  17c786c6-5d5d-4271-995a-02d007809064  Video",
            " 3  975a57a1-eccd-4e28-aac5-265be4dbb4f8  Mountainou…",
        ]
    );
}

#[test]
fn control_sequences_in_data_are_shown_on_a_terminal_and_kept_for_scripts() {
    // A title that would clear the screen, retitle the window and beep if printed raw.
    let title = "\u{1b}[2J\u{1b}]0;pwned\u{7}Evil\rtwin\ttab";
    let sandbox = Sandbox::empty();
    let gallery = sandbox.new_gallery("Escapes");
    let item = sandbox.add_item(
        &gallery,
        json!({"title": title, "type": "TEXT", "text": {"html": "x"}}),
    );
    let id = item["id"].as_str().unwrap();
    let on_terminal = |args: &[&str]| {
        let out = run(sandbox
            .cli()
            .env("PROGALLERY_FORCE_TTY", "1")
            .env("COLUMNS", "160")
            .args(args));
        out.success();
        assert!(
            !out.stdout.chars().any(|c| c.is_control() && c != '\n'),
            "{args:?}: control characters reached the terminal: {:?}",
            out.stdout
        );
        out.stdout
    };
    let shown = "^[[2J^[]0;pwned^GEvil^Mtwin tab";
    let listed = on_terminal(&["items", "list", &gallery]);
    assert!(listed.contains(shown), "{listed:?}");
    let got = on_terminal(&["items", "get", &gallery, id]);
    assert!(got.contains("^[[2J^[]0;pwned^GEvil^Mtwin"), "{got:?}");
    let fields = on_terminal(&["items", "list", &gallery, "--fields", "id,title"]);
    assert!(fields.contains(shown), "{fields:?}");

    // Scripts get exactly what the service holds.
    let json = run(sandbox
        .cli()
        .args(["items", "list", &gallery, "-o", "json"]));
    json.success();
    assert_eq!(json.json()[0]["title"], title);
    let tsv = run(sandbox.cli().args(["items", "list", &gallery, "-o", "tsv"]));
    tsv.success();
    assert!(
        tsv.stdout
            .contains("\u{1b}[2J\u{1b}]0;pwned\u{7}Evil\\rtwin\\ttab"),
        "{:?}",
        tsv.stdout
    );
}
