//! `--jq EXPR`: JSON output filtered through a jq implementation linked into the binary (the jaq
//! crates), so scripts need no external `jq`. Nothing of it runs unless `--jq` is given: the
//! expression and jaq's standard library are parsed and compiled in `Jq::compile`, called from
//! `main` only then (a run without `--jq` starts as fast as before).
//!
//! Output follows `gh --jq`: a result that is a string prints as raw text (like `jq -r`), any
//! other result as JSON, compact on one line with `-o jsonl`, indented with `-o json`. With
//! `-o jsonl` the filter runs on each object as it is printed (streaming); with `-o json` on the
//! whole array once the list is complete.

use jaq_core::data::JustLut;
use jaq_core::load::{lex, parse, Arena, File, Loader};
use jaq_core::{compile, Ctx, Vars};
use jaq_json::Val;

use crate::error::CliError;

type Data = JustLut<Val>;

pub struct Jq {
    filter: jaq_core::Filter<Data>,
}

impl std::fmt::Debug for Jq {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Jq")
    }
}

impl Jq {
    /// Parses and compiles `code`; a mistake is a usage error that points at its column.
    pub fn compile(code: &str) -> Result<Jq, CliError> {
        let defs = jaq_core::defs()
            .chain(jaq_std::defs())
            .chain(jaq_json::defs());
        let funs = jaq_core::funs::<Data>()
            .chain(jaq_std::funs::<Data>())
            .chain(jaq_json::funs::<Data>());
        let loader = Loader::new(defs);
        let arena = Arena::default();
        let modules = loader
            .load(&arena, File { code, path: () })
            .map_err(|errors| {
                let (at, what) = errors
                    .into_iter()
                    .find_map(|(_, error)| load_error(error))
                    .unwrap_or(("", "a syntax error".to_string()));
                usage(code, at, &what)
            })?;
        let filter = compile::Compiler::default()
            .with_funs(funs)
            .compile(modules)
            .map_err(|errors| {
                let (at, what) = errors
                    .into_iter()
                    .flat_map(|(_, list)| list)
                    .next()
                    .map(|(name, undefined)| {
                        (name, format!("undefined {} {name}", undefined.as_str()))
                    })
                    .unwrap_or(("", "an undefined name".to_string()));
                usage(code, at, &what)
            })?;
        Ok(Jq { filter })
    }

    /// Runs the filter on one JSON value: its results in order, each as the line(s) to print.
    pub fn run(&self, input: &serde_json::Value, pretty: bool) -> Result<Vec<String>, CliError> {
        let input = jaq_json::read::parse_single(input.to_string().as_bytes())
            .map_err(|e| CliError::usage(format!("--jq: cannot read the output as JSON: {e}")))?;
        let ctx = Ctx::<Data>::new(&self.filter.lut, Vars::new([]));
        let mut printed = Vec::new();
        for result in self.filter.id.run((ctx, input)).map(jaq_core::unwrap_valr) {
            let value = result.map_err(|e| {
                CliError::usage(format!("--jq: {e}"))
                    .with_hint("the expression ran into a value it cannot handle; `-o json` without --jq shows the data it gets")
            })?;
            printed.push(show(&value, pretty));
        }
        Ok(printed)
    }
}

/// A string raw; anything else as JSON.
fn show(value: &Val, pretty: bool) -> String {
    match value {
        Val::TStr(bytes) | Val::BStr(bytes) => String::from_utf8_lossy(bytes).into_owned(),
        _ if pretty => {
            let pp = jaq_json::write::Pp {
                indent: Some("  ".to_string()),
                sep_space: true,
                ..Default::default()
            };
            let mut out = Vec::new();
            match jaq_json::write::write(&mut out, &pp, 0, value) {
                Ok(()) => String::from_utf8_lossy(&out).into_owned(),
                Err(_) => value.to_string(),
            }
        }
        _ => value.to_string(),
    }
}

/// Where a load (lex or parse) error is in the code, and what was expected.
fn load_error(error: jaq_core::load::Error<&str>) -> Option<(&str, String)> {
    use jaq_core::load::Error;
    match error {
        Error::Lex(list) => list
            .into_iter()
            .next()
            .map(|(expect, at): lex::Error<&str>| (at, format!("expected {}", expect.as_str()))),
        Error::Parse(list) => list
            .into_iter()
            .next()
            .map(|(expect, at): parse::Error<&str>| {
                let found = if at.is_empty() {
                    "the end".to_string()
                } else {
                    format!("{:?}", at.chars().take(20).collect::<String>())
                };
                (at, format!("expected {}, found {found}", expect.as_str()))
            }),
        Error::Io(list) => list.into_iter().next(),
    }
}

/// `--jq: expected term at column 4` with the expression and a caret under the column, exit 2.
fn usage(code: &str, at: &str, what: &str) -> CliError {
    let start = code.as_ptr() as usize;
    let here = at.as_ptr() as usize;
    let offset = if here >= start && here <= start + code.len() {
        here - start
    } else {
        code.len()
    };
    let column = code[..offset].chars().count() + 1;
    CliError::usage(format!(
        "--jq: {what} at column {column}\n  {code}\n  {}^",
        " ".repeat(column - 1)
    ))
    .with_hint("fix the expression; it is jq's language (`.[] | .title`, `map(.id)`, `select(.type == \"IMAGE\")`)")
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn filters_and_prints_strings_raw() {
        let jq = Jq::compile(".[] | select(.n > 1) | .name").unwrap();
        let input = json!([{"n": 1, "name": "a"}, {"n": 2, "name": "b c"}]);
        assert_eq!(jq.run(&input, false).unwrap(), vec!["b c"]);
        let jq = Jq::compile("map({id, n})").unwrap();
        let input = json!([{"id": "x", "n": 1.5, "z": 0}]);
        assert_eq!(
            jq.run(&input, false).unwrap(),
            vec![r#"[{"id":"x","n":1.5}]"#]
        );
        assert_eq!(
            jq.run(&input, true).unwrap(),
            vec!["[\n  {\n    \"id\": \"x\",\n    \"n\": 1.5\n  }\n]"]
        );
    }

    #[test]
    fn mistakes_point_at_their_column() {
        let err = Jq::compile(".[] | select(.n >").unwrap_err();
        assert!(err.message.contains("at column "), "{}", err.message);
        let err = Jq::compile(".a | nosuchfn").unwrap_err();
        assert!(
            err.message
                .starts_with("--jq: undefined filter nosuchfn at column 6"),
            "{}",
            err.message
        );
        assert!(
            err.message.ends_with("\n  .a | nosuchfn\n       ^"),
            "{}",
            err.message
        );
        // A runtime error is a usage error too.
        let jq = Jq::compile(".a").unwrap();
        assert!(jq.run(&json!([1]), false).is_err());
    }
}
