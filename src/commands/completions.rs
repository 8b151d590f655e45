//! `progallery completions SHELL` and the hidden `progallery man --out DIR`: both generated from
//! the clap definitions, so they cannot disagree with what ships. The committed copies under
//! completions/ and man/ are checked against these by a test.
//!
//! Completion is dynamic (clap_complete's `CompleteEnv`): the script `completions SHELL` prints
//! registers a function that asks `progallery` itself on each Tab (`COMPLETE=SHELL progallery --
//! WORDS…`, answered at the top of `main` before anything else runs). That is how gallery names
//! can be offered: they come from the names cache in the data dir (`gallery_names`), never from a
//! request, so a Tab costs one start of the binary and one small file read.

use std::path::Path;

use anyhow::{Context as _, Result};
use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs, ManArgs};
use crate::context::Context;

pub fn run(args: CompletionsArgs, ctx: &Context) -> Result<i32> {
    let name = args.shell.to_string();
    let shells = clap_complete::env::Shells::builtins();
    let shell = shells
        .completer(&name)
        .with_context(|| format!("no completion support for {name}"))?;
    let mut buffer = Vec::new();
    shell.write_registration(
        COMPLETE_VAR,
        "progallery",
        "progallery",
        "progallery",
        &mut buffer,
    )?;
    ctx.printer.text(&String::from_utf8_lossy(&buffer))?;
    Ok(0)
}

/// The variable that turns a run of the binary into a completion request.
pub const COMPLETE_VAR: &str = "COMPLETE";

/// Answers a completion request (`COMPLETE=SHELL progallery -- WORDS…`) and exits; returns at
/// once, having read one environment variable, on every other run.
pub fn answer_completion_request() {
    clap_complete::CompleteEnv::with_factory(Cli::command)
        .var(COMPLETE_VAR)
        .completer("progallery")
        .complete();
}

/// Writes `progallery.1` and one page per subcommand (`progallery-items-add.1`, …).
pub fn man(args: ManArgs, ctx: &Context) -> Result<i32> {
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("cannot create {}", args.out.display()))?;
    let mut command = Cli::command();
    command.build();
    let written = write_pages(&command, &args.out)?;
    ctx.printer.notice(&format!(
        "wrote {written} man pages to {}",
        args.out.display()
    ));
    Ok(0)
}

/// After `build()`, clap names each subcommand `progallery-items-add` (its display name), which
/// is what the page and its file are called.
fn write_pages(command: &clap::Command, dir: &Path) -> Result<usize> {
    let name = command
        .get_display_name()
        .unwrap_or_else(|| command.get_name())
        .to_string();
    let mut buffer = Vec::new();
    clap_mangen::Man::new(command.clone()).render(&mut buffer)?;
    let path = dir.join(format!("{name}.1"));
    std::fs::write(&path, buffer).with_context(|| format!("cannot write {}", path.display()))?;
    let mut written = 1;
    for sub in command.get_subcommands() {
        if sub.is_hide_set() || sub.get_name() == "help" {
            continue;
        }
        written += write_pages(sub, dir)?;
    }
    Ok(written)
}
