//! One module per noun, one async fn per verb (`run(args, &Context) -> Result<i32>`). `dispatch`
//! is the only place that knows them all; the helpers below are the input checks every verb
//! shares, so bad input fails the same way everywhere: one line, exit 2, nothing sent.

pub mod api;
pub mod auth;
pub mod completions;
pub mod galleries;
mod galleries_restore;
pub mod items;
pub mod sandbox;
pub mod webhooks;

use std::io::Read;

use anyhow::{Context as _, Result};

use crate::cli::{Command, DestructiveArgs};
use crate::context::Context;
use crate::error::{CliError, Kind};

/// Runs the parsed command and returns the process exit code.
pub async fn dispatch(command: Command, ctx: &Context) -> Result<i32> {
    match command {
        Command::Galleries(cmd) => galleries::run(cmd, ctx).await,
        Command::Items(cmd) => items::run(cmd, ctx).await,
        Command::Auth(cmd) => auth::run(cmd, ctx).await,
        Command::Api(args) => api::run(args, ctx).await,
        Command::Completions(args) => completions::run(args, ctx),
        Command::Man(args) => completions::man(args, ctx),
        Command::Sandbox(cmd) => sandbox::run(cmd, ctx).await,
        Command::Webhooks(cmd) => webhooks::run(cmd, ctx).await,
    }
}

/// Checks that an id has the GUID shape before anything is sent.
pub fn require_guid(id: &str, what: &str) -> Result<()> {
    if crate::api::is_guid(id) {
        return Ok(());
    }
    Err(CliError::usage(format!(
        "{what} {id:?} is not a valid id (expected a GUID like 1b57f2a0-0c4e-4e0b-9a3e-6a1d2f3c4b5d)"
    ))
    .with_hint(if what.starts_with("item") {
        "copy the id from `progallery items list GALLERY_ID -o id`"
    } else {
        "copy the id from `progallery galleries list -o id`"
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

/// The confirmation a destructive verb needs before it acts. `typed` asks the user to type one
/// of these strings (a gallery's name or id) instead of answering y/N.
pub fn confirm_destructive(
    ctx: &Context,
    args: &DestructiveArgs,
    question: &str,
    typed: Option<&[String]>,
) -> Result<()> {
    if args.yes {
        return Ok(());
    }
    if ctx.global.no_input || !ctx.printer.terminal.stdin_tty {
        return Err(CliError::usage(format!(
            "{question}: refusing without --yes when not on a terminal"
        ))
        .with_hint("add --yes to confirm, or --dry-run to see what would be deleted")
        .into());
    }
    let confirmed = match typed {
        Some(accepted) => {
            let answer = ctx.printer.ask(&format!(
                "{question}\nType the gallery's name or id to confirm: "
            ))?;
            let answer = answer.trim();
            !answer.is_empty() && accepted.iter().any(|a| a == answer)
        }
        None => ctx.printer.confirm(question)?,
    };
    if confirmed {
        Ok(())
    } else {
        Err(CliError::new(Kind::Interrupted, "not confirmed; nothing was deleted").into())
    }
}

/// Ctrl-C and SIGTERM for the servers (`sandbox serve`, `webhooks listen`), listened for from
/// before their URL is announced: a parent that reads the URL and stops the server at once must
/// get a clean exit, not the default signal death.
pub struct StopSignals {
    #[cfg(unix)]
    streams: Option<(tokio::signal::unix::Signal, tokio::signal::unix::Signal)>,
}

impl StopSignals {
    pub fn install() -> StopSignals {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{signal, SignalKind};
            let streams = match (
                signal(SignalKind::interrupt()),
                signal(SignalKind::terminate()),
            ) {
                (Ok(interrupt), Ok(terminate)) => Some((interrupt, terminate)),
                _ => None,
            };
            StopSignals { streams }
        }
        #[cfg(not(unix))]
        {
            StopSignals {}
        }
    }

    pub async fn wait(self) {
        #[cfg(unix)]
        if let Some((mut interrupt, mut terminate)) = self.streams {
            tokio::select! {
                _ = interrupt.recv() => {}
                _ = terminate.recv() => {}
            }
            return;
        }
        let _ = tokio::signal::ctrl_c().await;
    }
}
