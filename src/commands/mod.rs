//! One module per noun, one async fn per verb (`run(args, &Context) -> Result<i32>`). `dispatch`
//! is the only place that knows them all. The input checks every verb shares live in `input`
//! (outside the dispatcher, so that `select` can use them without reaching back into it); the
//! confirmation of destructive verbs and the stop signals of the servers stay here.

pub mod api;
pub mod auth;
pub mod completions;
pub mod galleries;
mod galleries_restore;
pub mod input;
pub mod items;
pub mod journals;
pub mod outcome;
pub mod portable;
pub mod sandbox;
pub mod webhooks;

use anyhow::Result;

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
        Command::Journals(args) => journals::run(args, ctx),
        Command::Completions(args) => completions::run(args, ctx),
        Command::Man(args) => completions::man(args, ctx),
        Command::Sandbox(cmd) => sandbox::run(cmd, ctx).await,
        Command::Webhooks(cmd) => webhooks::run(cmd, ctx).await,
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
            "{question}: refusing without --yes {}",
            why_not_asking(ctx)
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

/// Why a confirmation cannot be asked: `--no-input` (or `PROGALLERY_NO_INPUT`) when it is set,
/// else stdin is not a terminal.
pub fn why_not_asking(ctx: &Context) -> &'static str {
    if ctx.global.no_input {
        "under --no-input (or PROGALLERY_NO_INPUT), which forbids asking"
    } else {
        "when stdin is not a terminal"
    }
}

/// After one page of a list on a terminal: how many more there are, and how to see them
/// ("showing 50 of 120 items; 70 more: --all for every one, --offset 50 for the next page").
/// Nothing in a pipe (a script asked for that page) or when the page reaches the end.
pub fn say_how_many_more(ctx: &Context, offset: u64, shown: usize, total: u64, what: &str) {
    let end = offset + shown as u64;
    if !ctx.printer.terminal.stdout_tty || shown == 0 || end >= total {
        return;
    }
    let range = if offset == 0 {
        shown.to_string()
    } else {
        format!("{}–{end}", offset + 1)
    };
    ctx.printer.notice(&format!(
        "showing {range} of {total} {what}; {} more: --all for every one, --offset {end} for the next page",
        total - end
    ));
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
