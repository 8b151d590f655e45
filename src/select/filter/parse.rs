//! Parsing of the `--where` language: a tokenizer (words, operators, quoted values, parentheses,
//! each with its column) and a recursive-descent parser (`or` of `and`s of `not`/`( )`/terms).
//! Every error names the column and shows the expression with a caret under it.

use chrono::{DateTime, NaiveDate, Utc};

use super::{Compare, Filter};
use crate::error::CliError;

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
pub(super) fn parse_date(text: &str, now: DateTime<Utc>) -> Result<DateTime<Utc>, String> {
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
