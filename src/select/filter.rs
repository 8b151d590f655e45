//! The `--where` filter language, evaluated on listed items (the service has no server-side item
//! filter): terms such as `type=VIDEO`, `title~draft`, `created<30d`, `alt-missing` and
//! `duplicate-media`, combined with `and`, `or`, `not` and parentheses (`not` binds tightest,
//! then `and`, then `or`). Parsing happens before anything is sent; a bad expression is a usage
//! error that shows where it went wrong.

use std::collections::HashSet;

use chrono::{DateTime, NaiveDate, Utc};
use serde_json::Value;

use crate::api::model::Item;
use crate::error::CliError;

/// A parsed expression.
#[derive(Debug, Clone, PartialEq)]
pub enum Filter {
    And(Box<Filter>, Box<Filter>),
    Or(Box<Filter>, Box<Filter>),
    Not(Box<Filter>),
    Type(String),
    TitleIs(String),
    TitleContains(String),
    DescriptionContains(String),
    Tag(String),
    Created(Compare, DateTime<Utc>),
    Updated(Compare, DateTime<Utc>),
    Media(String),
    AltMissing,
    TitleMissing,
    DuplicateMedia,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compare {
    Before,
    After,
}

/// What an expression needs to know about the whole gallery (computed once per listing).
#[derive(Debug, Default)]
pub struct GalleryFacts {
    /// Ids of the items that point at media an earlier item (in gallery order) already shows.
    pub duplicate_media: HashSet<String>,
}

impl GalleryFacts {
    /// Facts of a gallery from its items, in gallery order.
    pub fn of(items: &[Item]) -> GalleryFacts {
        let mut seen = HashSet::new();
        let mut duplicate_media = HashSet::new();
        for item in items {
            if let (Some(key), Some(id)) = (media_key(item), item.id.as_ref()) {
                if !seen.insert(key) {
                    duplicate_media.insert(id.clone());
                }
            }
        }
        GalleryFacts { duplicate_media }
    }
}

impl Filter {
    /// True when `expr` needs gallery-wide facts (only `duplicate-media` does).
    pub fn needs_facts(&self) -> bool {
        match self {
            Filter::And(a, b) | Filter::Or(a, b) => a.needs_facts() || b.needs_facts(),
            Filter::Not(a) => a.needs_facts(),
            Filter::DuplicateMedia => true,
            _ => false,
        }
    }

    pub fn matches(&self, item: &Item, facts: &GalleryFacts) -> bool {
        match self {
            Filter::And(a, b) => a.matches(item, facts) && b.matches(item, facts),
            Filter::Or(a, b) => a.matches(item, facts) || b.matches(item, facts),
            Filter::Not(a) => !a.matches(item, facts),
            Filter::Type(kind) => item.kind().eq_ignore_ascii_case(kind),
            Filter::TitleIs(title) => item.title.as_deref().unwrap_or("") == title,
            Filter::TitleContains(part) => contains(item.title.as_deref(), part),
            Filter::DescriptionContains(part) => contains(item.description.as_deref(), part),
            Filter::Tag(tag) => tags(item).any(|t| t == tag),
            Filter::Created(cmp, at) => compare(item.created_date.as_deref(), *cmp, at),
            Filter::Updated(cmp, at) => compare(item.updated_date.as_deref(), *cmp, at),
            Filter::Media(id) => media_names(item).any(|m| m == id),
            Filter::AltMissing => {
                item.kind() == "IMAGE"
                    && item
                        .image
                        .as_ref()
                        .and_then(|i| i.get("imageInfo"))
                        .and_then(|i| i.get("altText"))
                        .and_then(Value::as_str)
                        .map_or(true, |alt| alt.trim().is_empty())
            }
            Filter::TitleMissing => item.title.as_deref().map_or(true, |t| t.trim().is_empty()),
            Filter::DuplicateMedia => item
                .id
                .as_ref()
                .is_some_and(|id| facts.duplicate_media.contains(id)),
        }
    }
}

fn contains(text: Option<&str>, part: &str) -> bool {
    text.is_some_and(|t| t.to_lowercase().contains(&part.to_lowercase()))
}

fn tags(item: &Item) -> impl Iterator<Item = &str> {
    item.tags
        .as_ref()
        .and_then(|t| t.get("values"))
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
}

/// An item without a date never matches a date comparison: nothing is known about it.
fn compare(date: Option<&str>, cmp: Compare, at: &DateTime<Utc>) -> bool {
    let Some(date) = date.and_then(|d| DateTime::parse_from_rfc3339(d).ok()) else {
        return false;
    };
    match cmp {
        Compare::Before => date < *at,
        Compare::After => date > *at,
    }
}

/// Every name under which an item's media can be referred to: the Wix media id and URL of an
/// image, the id and URL of a video.
fn media_names(item: &Item) -> impl Iterator<Item = &str> {
    let image = item.image.as_ref().and_then(|i| i.get("imageInfo"));
    let video = item.video.as_ref().and_then(|v| v.get("videoInfo"));
    [
        image.and_then(|i| i.get("id")),
        image.and_then(|i| i.get("url")),
        video.and_then(|v| v.get("id")),
        video.and_then(|v| v.get("url")),
    ]
    .into_iter()
    .flatten()
    .filter_map(Value::as_str)
    .filter(|s| !s.is_empty())
}

/// The one key that says which media an item shows: the media id when there is one, else the
/// URL. Text items show no media and are never duplicates.
pub fn media_key(item: &Item) -> Option<String> {
    let pick = |info: Option<&Value>| -> Option<String> {
        let info = info?;
        ["id", "url"]
            .iter()
            .filter_map(|k| info.get(*k).and_then(Value::as_str))
            .find(|s| !s.is_empty())
            .map(str::to_string)
    };
    pick(item.image.as_ref().and_then(|i| i.get("imageInfo")))
        .map(|k| format!("image:{k}"))
        .or_else(|| {
            pick(item.video.as_ref().and_then(|v| v.get("videoInfo"))).map(|k| format!("video:{k}"))
        })
}

// ---------------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Open,
    Close,
    And,
    Or,
    Not,
    /// `key op value`, with the operator and the (unquoted) value.
    Term {
        key: String,
        op: char,
        value: String,
    },
    /// A term without a value (`alt-missing`).
    Flag(String),
}

/// A token and the character column (0-based) where it starts.
type Spanned = (Token, usize);

/// Parses `--where EXPR`; relative dates count back from `now`.
pub fn parse(expr: &str, now: DateTime<Utc>) -> Result<Filter, CliError> {
    let tokens = tokenize(expr)?;
    if tokens.is_empty() {
        return Err(error_at(expr, 0, "the expression is empty"));
    }
    let mut parser = Parser {
        expr,
        tokens: &tokens,
        next: 0,
        now,
    };
    let filter = parser.or()?;
    if let Some((token, at)) = tokens.get(parser.next) {
        return Err(error_at(
            expr,
            *at,
            &format!("unexpected {}", describe(token)),
        ));
    }
    Ok(filter)
}

fn describe(token: &Token) -> String {
    match token {
        Token::Open => "\"(\"".to_string(),
        Token::Close => "\")\"".to_string(),
        Token::And => "\"and\"".to_string(),
        Token::Or => "\"or\"".to_string(),
        Token::Not => "\"not\"".to_string(),
        Token::Term { key, op, .. } => format!("term \"{key}{op}…\" (missing and/or before it?)"),
        Token::Flag(name) => format!("\"{name}\" (missing and/or before it?)"),
    }
}

/// The usage error for a bad expression: what is wrong, the column, and a caret under it.
fn error_at(expr: &str, column: usize, message: &str) -> CliError {
    let caret = format!("{}^", " ".repeat(column));
    CliError::usage(format!(
        "--where: {message} at column {}\n  {expr}\n  {caret}",
        column + 1
    ))
    .with_hint(
        "terms: type=IMAGE|VIDEO|TEXT, title=…, title~…, description~…, tag=…, created<DATE, created>DATE, \
         updated<DATE, updated>DATE, media=ID, alt-missing, title-missing, duplicate-media; \
         combine with and, or, not, ( ); quote values with spaces: title~\"old draft\"",
    )
}

const KEYS: &[&str] = &[
    "type",
    "title",
    "description",
    "tag",
    "created",
    "updated",
    "media",
];
const FLAGS: &[&str] = &["alt-missing", "title-missing", "duplicate-media"];

fn tokenize(expr: &str) -> Result<Vec<Spanned>, CliError> {
    let chars: Vec<char> = expr.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c == '(' || c == ')' {
            tokens.push((if c == '(' { Token::Open } else { Token::Close }, i));
            i += 1;
            continue;
        }
        let start = i;
        // A word: letters, digits, '-' and '_' up to an operator, a space or a parenthesis.
        while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '-' || chars[i] == '_')
        {
            i += 1;
        }
        let word: String = chars[start..i].iter().collect();
        if word.is_empty() {
            return Err(error_at(expr, start, &format!("unexpected {c:?}")));
        }
        let lower = word.to_ascii_lowercase();
        let op = chars
            .get(i)
            .copied()
            .filter(|c| matches!(c, '=' | '~' | '<' | '>'));
        let Some(op) = op else {
            let token = match lower.as_str() {
                "and" => Token::And,
                "or" => Token::Or,
                "not" => Token::Not,
                flag if FLAGS.contains(&flag) => Token::Flag(flag.to_string()),
                key if KEYS.contains(&key) => {
                    return Err(error_at(
                        expr,
                        i,
                        &format!("\"{key}\" needs an operator and a value (like {key}=…)"),
                    ))
                }
                _ => return Err(error_at(expr, start, &format!("unknown term \"{word}\""))),
            };
            tokens.push((token, start));
            continue;
        };
        if !KEYS.contains(&lower.as_str()) {
            let what = if FLAGS.contains(&lower.as_str()) {
                format!("\"{word}\" takes no value")
            } else {
                format!("unknown term \"{word}\"")
            };
            return Err(error_at(expr, start, &what));
        }
        i += 1;
        let value_start = i;
        let value = match chars.get(i) {
            Some(q @ ('"' | '\'')) => {
                let quote = *q;
                i += 1;
                let mut value = String::new();
                loop {
                    match chars.get(i) {
                        None => {
                            return Err(error_at(expr, value_start, "unterminated quoted value"))
                        }
                        Some('\\') if matches!(chars.get(i + 1), Some(n) if *n == quote || *n == '\\') =>
                        {
                            value.push(chars[i + 1]);
                            i += 2;
                        }
                        Some(c) if *c == quote => {
                            i += 1;
                            break;
                        }
                        Some(c) => {
                            value.push(*c);
                            i += 1;
                        }
                    }
                }
                value
            }
            _ => {
                while i < chars.len()
                    && !chars[i].is_whitespace()
                    && chars[i] != '('
                    && chars[i] != ')'
                {
                    i += 1;
                }
                chars[value_start..i].iter().collect()
            }
        };
        if value.is_empty() {
            return Err(error_at(
                expr,
                value_start,
                &format!("\"{lower}{op}\" needs a value"),
            ));
        }
        tokens.push((
            Token::Term {
                key: lower,
                op,
                value,
            },
            start,
        ));
    }
    Ok(tokens)
}

struct Parser<'a> {
    expr: &'a str,
    tokens: &'a [Spanned],
    next: usize,
    now: DateTime<Utc>,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.next).map(|(t, _)| t)
    }

    /// Column of the next token, or the end of the expression.
    fn column(&self) -> usize {
        self.tokens
            .get(self.next)
            .map(|(_, at)| *at)
            .unwrap_or_else(|| self.expr.chars().count())
    }

    fn or(&mut self) -> Result<Filter, CliError> {
        let mut left = self.and()?;
        while self.peek() == Some(&Token::Or) {
            self.next += 1;
            let right = self.and()?;
            left = Filter::Or(Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn and(&mut self) -> Result<Filter, CliError> {
        let mut left = self.unary()?;
        while self.peek() == Some(&Token::And) {
            self.next += 1;
            let right = self.unary()?;
            left = Filter::And(Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn unary(&mut self) -> Result<Filter, CliError> {
        let column = self.column();
        let Some((token, at)) = self.tokens.get(self.next).cloned() else {
            return Err(error_at(
                self.expr,
                column,
                "the expression ends where a term was expected",
            ));
        };
        self.next += 1;
        match token {
            Token::Not => Ok(Filter::Not(Box::new(self.unary()?))),
            Token::Open => {
                let inner = self.or()?;
                if self.peek() != Some(&Token::Close) {
                    let column = self.column();
                    return Err(error_at(self.expr, column, "expected \")\""));
                }
                self.next += 1;
                Ok(inner)
            }
            Token::Flag(name) => Ok(match name.as_str() {
                "alt-missing" => Filter::AltMissing,
                "title-missing" => Filter::TitleMissing,
                _ => Filter::DuplicateMedia,
            }),
            Token::Term { key, op, value } => term(self.expr, at, &key, op, value, self.now),
            other => Err(error_at(
                self.expr,
                at,
                &format!("expected a term, found {}", describe(&other)),
            )),
        }
    }
}

fn term(
    expr: &str,
    at: usize,
    key: &str,
    op: char,
    value: String,
    now: DateTime<Utc>,
) -> Result<Filter, CliError> {
    let value_at = at + key.chars().count() + 1;
    let filter = match (key, op) {
        ("type", '=') => {
            let upper = value.to_ascii_uppercase();
            if !matches!(upper.as_str(), "IMAGE" | "VIDEO" | "TEXT" | "UNDEFINED") {
                return Err(error_at(
                    expr,
                    value_at,
                    &format!("type must be IMAGE, VIDEO or TEXT, not {value:?}"),
                ));
            }
            Filter::Type(upper)
        }
        ("title", '=') => Filter::TitleIs(value),
        ("title", '~') => Filter::TitleContains(value),
        ("description", '~') => Filter::DescriptionContains(value),
        ("tag", '=') => Filter::Tag(value),
        ("media", '=') => Filter::Media(value),
        ("created" | "updated", '<' | '>') => {
            let date = parse_date(&value, now).map_err(|why| error_at(expr, value_at, &why))?;
            let cmp = if op == '<' {
                Compare::Before
            } else {
                Compare::After
            };
            if key == "created" {
                Filter::Created(cmp, date)
            } else {
                Filter::Updated(cmp, date)
            }
        }
        _ => {
            let allowed = match key {
                "type" | "tag" | "media" => "=",
                "title" => "= or ~",
                "description" => "~",
                _ => "< or >",
            };
            return Err(error_at(
                expr,
                at + key.chars().count(),
                &format!("\"{key}\" takes {allowed}, not {op}"),
            ));
        }
    };
    Ok(filter)
}

/// A date as RFC 3339, `YYYY-MM-DD` (midnight UTC) or an age counted back from `now`: a whole
/// number followed by `s`, `m`, `h`, `d` or `w` (`30d` = thirty days ago).
pub fn parse_date(text: &str, now: DateTime<Utc>) -> Result<DateTime<Utc>, String> {
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        return Ok(t.with_timezone(&Utc));
    }
    if let Ok(day) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        if let Some(midnight) = day.and_hms_opt(0, 0, 0) {
            return Ok(midnight.and_utc());
        }
    }
    let bad = || {
        format!(
            "{text:?} is not a date: use RFC 3339 (2026-01-31T12:00:00Z), YYYY-MM-DD, or an age like 30d, 12h, 90m, 2w"
        )
    };
    let split = text.find(|c: char| !c.is_ascii_digit()).ok_or_else(bad)?;
    let (number, unit) = text.split_at(split);
    let number: i64 = number.parse().map_err(|_| bad())?;
    let seconds = match unit {
        "s" => 1,
        "m" => 60,
        "h" => 3600,
        "d" => 86_400,
        "w" => 7 * 86_400,
        _ => return Err(bad()),
    };
    number
        .checked_mul(seconds)
        .and_then(chrono::TimeDelta::try_seconds)
        .and_then(|age| now.checked_sub_signed(age))
        .ok_or_else(bad)
}

#[cfg(test)]
mod tests {
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
}
