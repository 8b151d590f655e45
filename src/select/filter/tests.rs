//! Unit tests of the `--where` language: precedence, values, dates, error columns, matching.

use super::*;

fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-06-01T00:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

fn p(expr: &str) -> Filter {
    parse(expr, now()).unwrap_or_else(|e| panic!("{expr}: {e}"))
}

fn err(expr: &str) -> String {
    parse(expr, now()).unwrap_err().message
}

#[test]
fn precedence_not_and_or() {
    let f = p("type=VIDEO or not tag=x and title~a");
    assert_eq!(
        f,
        Filter::Or(
            Box::new(Filter::Type("VIDEO".into())),
            Box::new(Filter::And(
                Box::new(Filter::Not(Box::new(Filter::Tag("x".into())))),
                Box::new(Filter::TitleContains("a".into()))
            ))
        )
    );
    let g = p("(type=video or type=text) and alt-missing");
    assert!(matches!(g, Filter::And(_, _)));
}

#[test]
fn quoted_values_and_dates() {
    assert_eq!(
        p("title=\"old draft\""),
        Filter::TitleIs("old draft".into())
    );
    assert_eq!(p("title~'it\\'s'"), Filter::TitleContains("it's".into()));
    let Filter::Created(Compare::Before, at) = p("created<30d") else {
        panic!()
    };
    assert_eq!(at.to_rfc3339(), "2026-05-02T00:00:00+00:00");
    let Filter::Updated(Compare::After, at) = p("updated>2026-01-02") else {
        panic!()
    };
    assert_eq!(at.to_rfc3339(), "2026-01-02T00:00:00+00:00");
    assert!(matches!(
        p("created>2026-01-02T03:04:05+02:00"),
        Filter::Created(..)
    ));
}

#[test]
fn errors_name_the_column() {
    assert!(
        err("type=IMAGE and").contains("column 15"),
        "{}",
        err("type=IMAGE and")
    );
    assert!(err("type=IMAGE )").contains("column 12"));
    assert!(err("colour=red").contains("unknown term \"colour\" at column 1"));
    assert!(err("type=PHOTO").contains("column 6"));
    assert!(err("created<yesterday").contains("not a date"));
    assert!(err("title<x").contains("takes = or ~"));
    assert!(err("(type=IMAGE").contains("expected \")\""));
    assert!(err("title=\"open").contains("unterminated"));
    assert!(err("type=IMAGE tag=x").contains("missing and/or"));
    assert!(err("").contains("empty"));
    assert!(err("alt-missing=1").contains("takes no value"));
    assert!(err("title=").contains("needs a value"));
}

#[test]
fn matches_items() {
    let item: Item = serde_json::from_value(serde_json::json!({
        "id": "a", "title": "Old Draft", "type": "IMAGE",
        "image": {"imageInfo": {"id": "m1", "url": "https://x/m1"}},
        "tags": {"values": ["t1"]}, "createdDate": "2026-01-01T00:00:00Z"
    }))
    .unwrap();
    let facts = GalleryFacts::default();
    for (expr, expected) in [
        ("title~draft", true),
        ("title=draft", false),
        ("title='Old Draft'", true),
        ("tag=t1 and type=image", true),
        ("alt-missing", true),
        ("title-missing", false),
        ("media=m1 and media=https://x/m1", true),
        ("created<2026-01-02", true),
        ("created>2026-01-02", false),
        ("not (type=VIDEO or description~x)", true),
        ("duplicate-media", false),
    ] {
        assert_eq!(p(expr).matches(&item, &facts), expected, "{expr}");
    }
}

#[test]
fn odd_input_is_an_error_never_a_panic() {
    for expr in [
        "(((",
        ")",
        "\"",
        "title~'",
        "not",
        "and and",
        "tïtle=ü",
        "title~\\",
        "title~'a\\",
        "type=",
        "=x",
        "~",
        "created<",
        "created<99999999999999999999d",
        "created>-5d",
        "media=a)b",
        "not not not alt-missing",
        "(alt-missing))",
        "title~\"a\"\"b\"",
        "\u{0}",
    ] {
        let _ = parse(expr, now());
    }
    assert!(parse("not not alt-missing", now()).is_ok());
    assert!(parse("title~é and type=IMAGE", now()).is_ok());
    assert!(err("tïtle=ü").contains("column 1"));
    assert!(err("created<99999999999999999999d").contains("not a date"));
}
