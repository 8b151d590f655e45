//! The input checks every verb shares, so bad input fails the same way everywhere: one
//! `progallery: error:` line with a hint, exit 2, nothing sent. Ids are checked for their GUID
//! shape, files and stdin are read safely (`files`: regular files only, under a size limit, text
//! without NUL bytes) with errors that name the path and line, JSON is parsed with a hint
//! that tells an empty or cut-off input from a typo. Nothing here knows about any verb, so the
//! selection code (`select`) and the commands use it alike.

use anyhow::Result;

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

/// The largest input file or stdin accepted (manifests, id lists, edits, JSON data): far more than
/// any real input, far less than a file that could exhaust memory.
pub const MAX_INPUT_BYTES: u64 = 256 * 1024 * 1024;

/// Reads `-` (stdin) or a file path as text: a regular file (a FIFO, a device or a directory is
/// refused at once), at most [`MAX_INPUT_BYTES`], UTF-8 without NUL bytes (a binary file is not
/// input). Every refusal is a usage error naming the path, and the line for a bad byte.
pub fn read_input(source: &str, what: &str) -> Result<String> {
    // A NUL before any bad UTF-8 is refused there; the first bad byte is named here.
    let bytes = read_input_bytes(source, what)?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(e) => {
            let bytes = e.as_bytes();
            let at = e.utf8_error().valid_up_to();
            Err(CliError::usage(format!(
                "cannot read {what} from {}: {} does not contain valid UTF-8",
                shown(source),
                position(bytes, at)
            ))
            .with_hint("save it as UTF-8 text: this looks like a binary file, or another encoding")
            .into())
        }
    }
}

/// Reads `-` (stdin) or a file path as bytes, for input whose parser checks the encoding itself
/// and can say where a bad byte is (the `items add` manifest); the same refusals as
/// [`read_input`] otherwise, a NUL byte included.
pub fn read_input_bytes(source: &str, what: &str) -> Result<Vec<u8>> {
    let bytes = read_raw(source, what)?;
    // The first problem is the one reported: a byte that is not UTF-8 before the NUL is left to
    // the parser, which names it (and refuses the whole input).
    let bad_utf8 = std::str::from_utf8(&bytes).err().map(|e| e.valid_up_to());
    let nul = bytes.iter().position(|b| *b == 0);
    if let Some(at) = nul.filter(|at| bad_utf8.map_or(true, |bad| *at < bad)) {
        return Err(nul_error(source, what, &bytes, at));
    }
    Ok(bytes)
}

fn read_raw(source: &str, what: &str) -> Result<Vec<u8>> {
    let read = if source == "-" {
        crate::files::read_stdin(MAX_INPUT_BYTES)
    } else {
        crate::files::read_regular(std::path::Path::new(source), MAX_INPUT_BYTES)
    };
    read.map_err(|e| unreadable(source, what, &e))
}

fn nul_error(source: &str, what: &str, bytes: &[u8], at: usize) -> anyhow::Error {
    CliError::usage(format!(
        "cannot read {what} from {}: {} holds a NUL byte, so it is not text (nothing was sent)",
        shown(source),
        position(bytes, at)
    ))
    .with_hint(
        "pass a text file (CSV, JSON, JSON Lines or one id per line); a binary file is not input",
    )
    .into()
}

/// `line N, column C` of byte `at` (columns count bytes from 1).
fn position(bytes: &[u8], at: usize) -> String {
    let before = &bytes[..at.min(bytes.len())];
    let line = 1 + before.iter().filter(|b| **b == b'\n').count();
    let column = 1 + before.iter().rev().take_while(|b| **b != b'\n').count();
    format!("line {line}, column {column}")
}

fn shown(source: &str) -> &str {
    if source == "-" {
        "stdin"
    } else {
        source
    }
}

/// A file that cannot be read (missing, a directory, a FIFO, too large) is a usage error naming
/// the path.
fn unreadable(source: &str, what: &str, err: &crate::files::FileError) -> anyhow::Error {
    use crate::files::FileError;
    let hint = match err {
        FileError::NotRegular { .. } => {
            "pass a regular file; to read from a pipe or a command, use `-` and send it to stdin"
        }
        FileError::TooLarge { .. } => {
            "split the input into smaller files (each is checked whole before anything is sent)"
        }
        FileError::Io { .. } => "check the path (`-` reads stdin)",
    };
    CliError::usage(format!("cannot read {what} from {}: {err}", shown(source)))
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
