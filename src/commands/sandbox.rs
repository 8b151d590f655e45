//! `progallery sandbox serve|reset|status`: run the local sandbox service in the foreground, wipe
//! its database, or show what it holds. The server itself lives in `crate::sandbox`.

use std::io::Write;
use std::net::SocketAddr;

use anyhow::{Context as _, Result};
use serde_json::Value;

use crate::cli::{FaultArgs, OutputFormat, SandboxCmd, SandboxServeArgs};
use crate::context::Context;
use crate::error::{CliError, Kind};
use crate::sandbox::{self, Database, Faults, Options};

pub async fn run(cmd: SandboxCmd, ctx: &Context) -> Result<i32> {
    match cmd {
        SandboxCmd::Serve(args) => serve(args, ctx).await,
        SandboxCmd::Reset(args) => {
            let path = args.db.unwrap_or_else(|| ctx.paths.sandbox_db());
            let blocking_path = path.clone();
            tokio::task::spawn_blocking(move || sandbox::reset(&blocking_path)).await??;
            if !ctx.global.quiet {
                eprintln!("progallery: sandbox database {} reset", path.display());
            }
            Ok(0)
        }
        SandboxCmd::Status(args) => {
            let path = args.db.unwrap_or_else(|| ctx.paths.sandbox_db());
            let status = tokio::task::spawn_blocking(move || sandbox::status(&path)).await??;
            print_status(&status, ctx.global.output)?;
            Ok(0)
        }
    }
}

fn faults_from_args(args: &FaultArgs, rate_limit_per_min: u32) -> Result<Faults> {
    for (flag, rate) in [
        ("--fail-rate", args.fail_rate),
        ("--fail-after-commit-rate", args.fail_after_commit_rate),
    ] {
        if !(0.0..=1.0).contains(&rate) {
            return Err(
                CliError::usage(format!("{flag} must be between 0 and 1, got {rate}")).into(),
            );
        }
    }
    Ok(Faults {
        fail_rate: args.fail_rate,
        fail_after_commit_rate: args.fail_after_commit_rate,
        latency_ms: args.latency,
        rate_limit_per_min,
        fail_ids: args
            .fail_ids
            .iter()
            .map(|id| id.trim().to_string())
            .filter(|id| !id.is_empty())
            .collect(),
        seed: args.fault_seed,
    })
}

async fn serve(args: SandboxServeArgs, ctx: &Context) -> Result<i32> {
    let addr: SocketAddr = args.addr.parse().map_err(|_| {
        CliError::usage(format!(
            "--addr: expected IP:PORT such as 127.0.0.1:8787, got {:?}",
            args.addr
        ))
    })?;
    // `--rate-limit` is the global flag: for a client it is its own budget, for the server the
    // budget it enforces per site.
    let faults = faults_from_args(&args.faults, ctx.global.rate_limit.unwrap_or(0))?;
    let signals = StopSignals::install();
    let database = if args.memory {
        Database::Memory
    } else {
        Database::File(args.db.clone().unwrap_or_else(|| ctx.paths.sandbox_db()))
    };
    let described = match &database {
        Database::Memory => "in memory".to_string(),
        Database::File(path) => path.display().to_string(),
    };
    let hint = match &database {
        Database::File(path) => format!(
            "if {} is damaged, move it aside: a new database is created and seeded",
            path.display()
        ),
        Database::Memory => "check --addr and try again".to_string(),
    };
    let running = sandbox::start(
        addr,
        Options {
            database,
            api_key: args.api_key.clone(),
            seed: !args.no_seed,
            faults,
            data_dir: Some(ctx.paths.data_dir.clone()),
        },
    )
    .await
    .map_err(|err| {
        CliError::new(Kind::General, format!("cannot start the sandbox: {err:#}")).with_hint(hint)
    })?;
    announce_url(&running.base_url)?;
    if !ctx.global.quiet {
        eprintln!(
            "progallery: sandbox listening on {} (database: {described}); Ctrl-C to stop",
            running.local_addr
        );
    }
    signals.wait().await;
    running.shutdown().await?;
    Ok(0)
}

/// Prints the base URL as the first line of stdout and flushes, so a parent process (the test
/// harness, a script) can read it as soon as the server accepts connections.
fn announce_url(url: &str) -> Result<()> {
    let mut stdout = std::io::stdout().lock();
    writeln!(stdout, "{url}").context("writing the sandbox URL")?;
    stdout.flush().context("writing the sandbox URL")?;
    Ok(())
}

/// Ctrl-C and SIGTERM, listened for from before the URL is announced: a parent that reads the URL
/// and stops the server at once must get a clean exit, not the default signal death.
struct StopSignals {
    #[cfg(unix)]
    streams: Option<(tokio::signal::unix::Signal, tokio::signal::unix::Signal)>,
}

impl StopSignals {
    fn install() -> StopSignals {
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

    async fn wait(self) {
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

fn print_status(status: &Value, format: Option<OutputFormat>) -> Result<()> {
    let mut stdout = std::io::stdout().lock();
    match format {
        Some(OutputFormat::Json) | Some(OutputFormat::Jsonl) => {
            writeln!(stdout, "{status}")?;
        }
        _ => {
            let database = status["database"].as_str().unwrap_or("");
            if status["exists"].as_bool() != Some(true) {
                writeln!(stdout, "database\t{database}\t(not created yet)")?;
                return Ok(());
            }
            writeln!(stdout, "database\t{database}")?;
            let sites = status["sites"].as_array().cloned().unwrap_or_default();
            if sites.is_empty() {
                writeln!(stdout, "(no galleries)")?;
            }
            for site in sites {
                let label = if site["default"].as_bool() == Some(true) {
                    format!("{} (default)", site["site"].as_str().unwrap_or(""))
                } else {
                    site["site"].as_str().unwrap_or("").to_string()
                };
                writeln!(
                    stdout,
                    "site\t{label}\tgalleries\t{}\titems\t{}",
                    site["galleries"], site["items"]
                )?;
            }
        }
    }
    Ok(())
}
