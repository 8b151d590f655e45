//! Entry point: parse the command line, resolve it once into a `Context`, dispatch to a command,
//! and turn the outcome into an exit code (the table lives in `error.rs`). `--help`, `--version`
//! and parse errors end inside clap, before any runtime, file or TLS setup.

mod api;
mod cli;
mod commands;
mod config;
mod context;
mod echo;
mod error;
mod gallery_names;
mod hashcache;
mod identity;
mod journal;
mod output;
mod paths;
mod select;

// The sandbox and the webhook envelope live in the library target (src/lib.rs), which cannot name
// anything of the client; re-exported here so `crate::sandbox::…` and `crate::webhooks::…` read
// as before in the client's code.
use progallery::{digest, files, sandbox, webhooks};

use std::sync::atomic::Ordering;

use clap::parser::ValueSource;
use clap::{CommandFactory, FromArgMatches};

use crate::config::Source;
use crate::error::{CliError, Kind};

fn main() {
    commands::completions::answer_completion_request();
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
        wix_app_id: non_empty_env("WIX_APP_ID"),
        wix_app_secret: non_empty_env("WIX_APP_SECRET"),
        wix_instance_id: non_empty_env("WIX_INSTANCE_ID"),
        wix_access_token: non_empty_env("WIX_ACCESS_TOKEN"),
        profile_source: source_of("profile"),
        base_url_source: source_of("base_url"),
        sandbox_source: source_of("sandbox"),
        sandbox_duplicate_sort_order: non_empty_env("PROGALLERY_SANDBOX_DUPLICATE_SORT_ORDER"),
        sandbox_default_sort_order: non_empty_env("PROGALLERY_SANDBOX_DEFAULT_SORT_ORDER"),
        token_command_source: source_of("token_command"),
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
    let filters = output_filters(&cli.global);
    let format = match &filters {
        Ok((format, _, _)) => *format,
        Err(_) => cli.global.output,
    };
    let printer = output::Printer::new(format, terminal, cli.global.quiet, cli.global.color);
    let color = printer.color_stderr();
    let (printer, filters) = match filters {
        Ok((_, fields, jq)) => (printer.with_filters(fields, jq), Ok(())),
        Err(e) => (printer, Err(e)),
    };
    let result = async {
        filters?;
        let paths = paths::Paths::from_env()?;
        env.retry_budget =
            context::parse_retry_budget(non_empty_env("PROGALLERY_RETRY_BUDGET").as_deref())?;
        let global = resolve_sandbox_vs_base_url(cli.global, &env)?;
        let ctx = context::Context::new(global, paths, printer, env);
        let outcome = tokio::select! {
            outcome = commands::dispatch(cli.command, &ctx) => outcome,
            interrupted = wait_for_interrupt(&ctx) => Err(interrupted),
        };
        let outcome = match outcome {
            Err(err) => Err(ctx.explain_not_found(err).await),
            ok => ok,
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

/// `--fields` and `--jq`, checked against the output format before anything else runs (the jq
/// expression is compiled only here, and only when given): the format to use (`--jq` alone means
/// json) and the parsed filters.
fn output_filters(
    global: &cli::GlobalArgs,
) -> anyhow::Result<(
    Option<cli::OutputFormat>,
    Option<output::Fields>,
    Option<output::Jq>,
)> {
    use cli::OutputFormat::{Id, Json, Jsonl, Table, Tsv};
    let mut format = global.output;
    let fields = match &global.fields {
        Some(list) => {
            if let Some(f @ (Json | Jsonl | Id)) = format {
                return Err(CliError::usage(format!(
                    "--fields chooses the columns of table and tsv output, not of -o {}",
                    format_name(f)
                ))
                .with_hint("to shape JSON, use --jq, e.g. --jq 'map({id, title})'")
                .into());
            }
            Some(output::Fields::parse(list)?)
        }
        None => None,
    };
    let jq = match &global.jq {
        Some(expr) => {
            if let Some(f @ (Table | Tsv | Id)) = format {
                return Err(CliError::usage(format!(
                    "--jq filters json and jsonl output, not -o {}",
                    format_name(f)
                ))
                .with_hint(
                    "use -o json (the whole list at once) or -o jsonl (each object as it comes)",
                )
                .into());
            }
            if fields.is_some() {
                return Err(CliError::usage("--jq and --fields cannot be used together")
                    .with_hint("--fields is for table and tsv output, --jq for json and jsonl")
                    .into());
            }
            format = Some(format.unwrap_or(Json));
            Some(output::Jq::compile(expr)?)
        }
        None => None,
    };
    Ok((format, fields, jq))
}

fn format_name(format: cli::OutputFormat) -> String {
    use clap::ValueEnum;
    format
        .to_possible_value()
        .map(|v| v.get_name().to_string())
        .unwrap_or_default()
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
            let usage = error::from_clap(&err, &command_path());
            let color = !std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
                && std::io::IsTerminal::is_terminal(&std::io::stderr());
            output::report_error(&anyhow::Error::new(usage), color);
            std::process::exit(Kind::Usage.exit_code());
        }
    }
}

/// The verb the command line names (`progallery items list`), for a hint that points at its
/// `--help`: the words that name subcommands, options and their values passed over.
fn command_path() -> String {
    let mut command = cli::Cli::command();
    let mut path = vec!["progallery".to_string()];
    for arg in std::env::args().skip(1) {
        let found = command
            .get_subcommands()
            .find(|sub| sub.get_name() == arg || sub.get_all_aliases().any(|a| a == arg))
            .cloned();
        if let Some(sub) = found {
            path.push(sub.get_name().to_string());
            command = sub;
        }
    }
    path.join(" ")
}

fn non_empty_env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}
