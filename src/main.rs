//! Entry point: parse the command line, resolve it once into a `Context`, dispatch to a command,
//! and turn the outcome into an exit code (the table lives in `error.rs`). `--help`, `--version`
//! and parse errors end inside clap, before any runtime, file or TLS setup.

mod api;
mod cli;
mod commands;
mod config;
mod context;
mod error;
mod hashcache;
mod journal;
mod output;
mod paths;
mod select;

// The sandbox and the webhook envelope live in the library target (src/lib.rs), which cannot name
// anything of the client; re-exported here so `crate::sandbox::…` and `crate::webhooks::…` read
// as before in the client's code.
use progallery::{files, sandbox, webhooks};

use std::sync::atomic::Ordering;

use clap::parser::ValueSource;
use clap::{CommandFactory, FromArgMatches};

use crate::config::Source;
use crate::error::{CliError, Kind};

fn main() {
    let matches = match cli::Cli::command().try_get_matches() {
        Ok(matches) => matches,
        Err(e) => exit_on_clap_error(e),
    };
    let cli = match cli::Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => exit_on_clap_error(e),
    };
    let source_of = |id: &str| match matches.value_source(id) {
        Some(ValueSource::CommandLine) => Some(Source::Flag),
        Some(ValueSource::EnvVariable) => Some(Source::Env),
        _ => None,
    };
    let env = context::Env {
        wix_api_key: non_empty_env("WIX_API_KEY"),
        wix_site_id: non_empty_env("WIX_SITE_ID"),
        profile_source: source_of("profile"),
        base_url_source: source_of("base_url"),
        sandbox_source: source_of("sandbox"),
        retry_budget: None,
    };
    let terminal = output::Terminal::detect(
        non_empty_env("PROGALLERY_FORCE_TTY").is_some_and(|v| v != "0"),
        non_empty_env("COLUMNS").and_then(|c| c.parse().ok()),
        std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
        non_empty_env("CLICOLOR_FORCE").is_some_and(|v| v != "0"),
    );
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            output::report_error(
                &anyhow::anyhow!("cannot start the async runtime: {e}"),
                false,
            );
            std::process::exit(1);
        }
    };
    let code = runtime.block_on(run(cli, env, terminal));
    // Do not wait for lingering connections or the embedded sandbox's tasks.
    runtime.shutdown_background();
    std::process::exit(code);
}

async fn run(cli: cli::Cli, mut env: context::Env, terminal: output::Terminal) -> i32 {
    let printer = output::Printer::new(
        cli.global.output,
        terminal,
        cli.global.quiet,
        cli.global.color,
    );
    let color = printer.color_stderr();
    let result = async {
        let paths = paths::Paths::from_env()?;
        env.retry_budget =
            context::parse_retry_budget(non_empty_env("PROGALLERY_RETRY_BUDGET").as_deref())?;
        let global = resolve_sandbox_vs_base_url(cli.global, &env)?;
        let ctx = context::Context::new(global, paths, printer, env);
        let outcome = tokio::select! {
            outcome = commands::dispatch(cli.command, &ctx) => outcome,
            interrupted = wait_for_interrupt(&ctx) => Err(interrupted),
        };
        ctx.shutdown().await;
        let flushed = ctx.printer.flush().map_err(anyhow::Error::from);
        outcome.and_then(|code| flushed.map(|_| code))
    }
    .await;
    match result {
        Ok(code) => code,
        Err(err) if output::is_broken_pipe(&err) => 0,
        Err(err) => {
            output::report_error(&err, color);
            error::kind_of(&err).exit_code()
        }
    }
}

/// Resolves `--sandbox` against `--base-url`: both as flags is a usage error; otherwise the one
/// given as a flag beats the one from the environment.
fn resolve_sandbox_vs_base_url(
    mut global: cli::GlobalArgs,
    env: &context::Env,
) -> anyhow::Result<cli::GlobalArgs> {
    if global.sandbox && global.base_url.is_some() {
        match (env.sandbox_source, env.base_url_source) {
            (Some(Source::Flag), Some(Source::Flag)) => {
                return Err(CliError::usage("--sandbox and --base-url cannot be used together")
                    .with_hint("drop one of them: --sandbox runs the sandbox in-process, --base-url talks to a running one")
                    .into())
            }
            (Some(Source::Env), Some(Source::Flag)) => global.sandbox = false,
            _ => global.base_url = None,
        }
    }
    Ok(global)
}

/// Resolves on Ctrl-C, unless the running command handles it itself (then only a second Ctrl-C
/// ends the run here).
async fn wait_for_interrupt(ctx: &context::Context) -> anyhow::Error {
    loop {
        if tokio::signal::ctrl_c().await.is_err() {
            // No signal handling on this platform: never resolve.
            std::future::pending::<()>().await;
        }
        let already = ctx.interrupted.swap(true, Ordering::SeqCst);
        if already || !ctx.graceful_interrupt.load(Ordering::SeqCst) {
            return CliError::new(Kind::Interrupted, "interrupted").into();
        }
    }
}

/// `--help` and `--version` print as clap prints them; a parse error becomes one line and a hint,
/// exit 2, like every other usage error.
fn exit_on_clap_error(err: clap::Error) -> ! {
    use clap::error::ErrorKind;
    match err.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => err.exit(),
        _ => {
            let usage = error::from_clap(&err);
            let color = !std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
                && std::io::IsTerminal::is_terminal(&std::io::stderr());
            output::report_error(&anyhow::Error::new(usage), color);
            std::process::exit(Kind::Usage.exit_code());
        }
    }
}

fn non_empty_env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}
