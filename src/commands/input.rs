//! The input checks every verb shares, so bad input fails the same way everywhere: one
//! `progallery: error:` line with a hint, exit 2, nothing sent. Ids are checked for their GUID
//! shape, files and stdin are read with errors that name the path, JSON is parsed with a hint
//! that tells an empty or cut-off input from a typo. Nothing here knows about any verb, so the
//! selection code (`select`) and the commands use it alike.

use std::io::Read;

use anyhow::{Context as _, Result};

use crate::error::CliError;

/// Checks that an id has the GUID shape before anything is sent.
pub fn require_guid(id: &str, what: &str) -> Result<()> {
    if crate::api::is_guid(id) {
        return Ok(());
    }
    Err(CliError::usage(format!(
        "{what} {id:?} is not a valid id (expected a GUID like 1b57f2a0-0c4e-4e0b-9a3e-6a1d2f3c4b5d)"
    ))
    .with_hint(match what {
        w if w.starts_with("item") => "copy the id from `progallery items list GALLERY -o id`",
        w if w.starts_with("site") => "a site id is the GUID in the site's dashboard URL: https://manage.wix.com/dashboard/<SITE_ID>",
        _ => "copy the id from `progallery galleries list -o id`",
    })
    .into())
}

/// Reads `-` (stdin) or a file path as text.
pub fn read_input(source: &str, what: &str) -> Result<String> {
    if source == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .with_context(|| format!("reading {what} from stdin"))?;
        return Ok(text);
    }
    std::fs::read_to_string(source).map_err(|e| unreadable(source, what, &e))
}

/// Reads `-` (stdin) or a file path as bytes, for input whose parser checks the encoding itself
/// and can say where a bad byte is (the `items add` manifest).
pub fn read_input_bytes(source: &str, what: &str) -> Result<Vec<u8>> {
    if source == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .with_context(|| format!("reading {what} from stdin"))?;
        return Ok(bytes);
    }
    std::fs::read(source).map_err(|e| unreadable(source, what, &e))
}

/// A file that cannot be read (missing, a directory, not UTF-8) is a usage error naming the path.
fn unreadable(source: &str, what: &str, err: &std::io::Error) -> anyhow::Error {
    let hint = if err.kind() == std::io::ErrorKind::InvalidData {
        "the file is not UTF-8 text: save it as UTF-8"
    } else {
        "check the path (`-` reads stdin)"
    };
    CliError::usage(format!("cannot read {what} from {source}: {err}"))
        .with_hint(hint)
        .into()
}

/// Parses JSON input, turning a syntax error into a one-line usage error with its position.
pub fn parse_json(text: &str, what: &str) -> Result<serde_json::Value> {
    serde_json::from_str(text).map_err(|e| {
        CliError::usage(format!("{what} is not valid JSON: {e}"))
            .with_hint(json_hint(&e))
            .into()
    })
}

/// What to do about a JSON syntax error: an empty input and a cut-off one are told apart from a
/// typo, because they usually mean the wrong file or a failed upstream command.
pub fn json_hint(err: &serde_json::Error) -> &'static str {
    match err.classify() {
        serde_json::error::Category::Eof if err.line() == 1 && err.column() == 0 => {
            "the input is empty: check that the file or the command feeding stdin produced JSON"
        }
        serde_json::error::Category::Eof => "the JSON ends early: the file looks truncated",
        _ => "fix the JSON at the position named (`jq . FILE` points at syntax errors)",
    }
}
