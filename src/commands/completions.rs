//! `progallery completions SHELL` and the hidden `progallery man --out DIR`: both generated from
//! the clap definitions, so they cannot disagree with what ships. The committed copies under
//! completions/ and man/ are checked against these by a test.

use std::path::Path;

use anyhow::{Context as _, Result};
use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs, ManArgs};
use crate::context::Context;

pub fn run(args: CompletionsArgs, ctx: &Context) -> Result<i32> {
    let mut command = Cli::command();
    let mut buffer = Vec::new();
    clap_complete::generate(args.shell, &mut command, "progallery", &mut buffer);
    ctx.printer.text(&String::from_utf8_lossy(&buffer))?;
    Ok(0)
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
