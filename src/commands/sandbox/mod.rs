//! `progallery sandbox serve|reset|status`: run the local sandbox service in the foreground, wipe
//! its database (`reset.rs`), or show what it holds. The server itself lives in `crate::sandbox`.

mod reset;

use std::io::Write;
use std::net::SocketAddr;
use std::time::Duration;

use anyhow::{Context as _, Result};
use serde_json::{json, Value};

use super::StopSignals;
use crate::cli::{FaultArgs, OutputFormat, SandboxCmd, SandboxServeArgs, WebhookRetryArgs};
use crate::context::Context;
use crate::error::{CliError, Kind};
use crate::sandbox::{self, Database, Faults, Options, WebhookOptions};
use crate::webhooks::delivery::RetryPolicy;
use crate::webhooks::keys;

pub async fn run(cmd: SandboxCmd, ctx: &Context) -> Result<i32> {
    match cmd {
        SandboxCmd::Serve(args) => serve(*args, ctx).await,
        SandboxCmd::Reset(args) => reset::run(args, ctx).await,
        SandboxCmd::Status(args) => {
            let path = args.db.unwrap_or_else(|| ctx.paths.sandbox_db());
            let mut status = tokio::task::spawn_blocking(move || sandbox::status(&path)).await??;
            status["webhooks"] = webhook_key_status(ctx)?;
            print_status(&status, ctx)?;
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
        no_search_sites: args.no_search.clone().unwrap_or_default(),
        drop_upload_after_bytes: args.drop_upload_after,
        drop_upload_times: args.drop_upload_times,
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
    // Ctrl-C is how a served sandbox stops: it shuts down cleanly (queued webhooks get their grace).
    ctx.handle_interrupts();
    let database = if args.memory {
        Database::Memory
    } else {
        Database::File(args.db.clone().unwrap_or_else(|| ctx.paths.sandbox_db()))
    };
    let webhooks = webhook_options(&args.webhook_urls, &args.webhook_retry)?;
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
            webhooks,
            media: sandbox::MediaOptions {
                image_ready_after: Duration::from_millis(args.media_ready_after),
                video_ready_after: Duration::from_millis(args.video_ready_after),
            },
        },
    )
    .await
    .map_err(|err| {
        // The address is the usual culprit; the database only when the address was not.
        let hint = match bind_problem(&err) {
            Some(std::io::ErrorKind::AddrInUse) => format!(
                "another program (another `sandbox serve`?) already listens on {addr}: stop it, or pick a free port with `--addr 127.0.0.1:0`"
            ),
            Some(_) => format!(
                "{addr} cannot be listened on from here: use a local address such as `--addr 127.0.0.1:8787` (a port below 1024 needs privileges)"
            ),
            None => hint,
        };
        CliError::new(Kind::General, format!("cannot start the sandbox: {err:#}")).with_hint(hint)
    })?;
    announce_url(&running.base_url)?;
    ctx.printer.notice(&format!(
        "progallery: sandbox listening on {} (database: {described}); Ctrl-C to stop",
        running.local_addr
    ));
    if !args.webhook_urls.is_empty() {
        ctx.printer.notice(&format!(
            "progallery: webhooks: every change is POSTed, signed RS256, to {}; verify with {} (or GET {}/_sandbox/webhook-public-key)",
            args.webhook_urls.join(", "),
            keys::public_key_path(&ctx.paths.data_dir).display(),
            running.base_url
        ));
    }
    signals.wait().await;
    running.shutdown().await?;
    Ok(0)
}

/// The kind of the socket error that stopped the sandbox from listening, if that is what did.
fn bind_problem(err: &anyhow::Error) -> Option<std::io::ErrorKind> {
    use std::io::ErrorKind::{AddrInUse, AddrNotAvailable, PermissionDenied};
    err.chain()
        .filter_map(|cause| cause.downcast_ref::<std::io::Error>())
        .map(std::io::Error::kind)
        .find(|kind| matches!(kind, AddrInUse | AddrNotAvailable | PermissionDenied))
        .filter(|_| format!("{err:#}").contains("binding"))
}

/// Prints the base URL as the first line of stdout and flushes, so a parent process (the test
/// harness, a script) can read it as soon as the server accepts connections.
fn announce_url(url: &str) -> Result<()> {
    let mut stdout = std::io::stdout().lock();
    writeln!(stdout, "{url}").context("writing the sandbox URL")?;
    stdout.flush().context("writing the sandbox URL")?;
    Ok(())
}

/// The signing key's files and, when it exists, the public key itself (status is read-only:
/// it never creates the pair).
fn webhook_key_status(ctx: &Context) -> Result<Value> {
    let dir = &ctx.paths.data_dir;
    let public_path = keys::public_key_path(dir);
    let public_pem = match keys::load_existing(dir)? {
        Some(pair) => Some(pair.public_pem),
        None => None,
    };
    Ok(json!({
        "publicKeyPath": public_path.display().to_string(),
        "privateKeyPath": keys::private_key_path(dir).display().to_string(),
        "publicKey": public_pem,
    }))
}

fn webhook_options(urls: &[String], retry: &WebhookRetryArgs) -> Result<WebhookOptions> {
    for url in urls {
        let valid = url::Url::parse(url)
            .map(|u| matches!(u.scheme(), "http" | "https") && u.host().is_some())
            .unwrap_or(false);
        if !valid {
            return Err(CliError::usage(format!(
                "--webhook-url must be an http(s) URL, got {url:?}"
            ))
            .with_hint("for example --webhook-url http://127.0.0.1:4242/webhooks")
            .into());
        }
    }
    let defaults = RetryPolicy::default();
    let ms = |value: Option<u64>, default: Duration| value.map_or(default, Duration::from_millis);
    Ok(WebhookOptions {
        urls: urls.to_vec(),
        retry: RetryPolicy {
            first_retry: ms(retry.webhook_retry_ms, defaults.first_retry),
            max_retry: ms(retry.webhook_max_retry_ms, defaults.max_retry),
            give_up_after: ms(retry.webhook_give_up_ms, defaults.give_up_after),
            attempt_timeout: defaults.attempt_timeout,
        },
    })
}

fn print_status(status: &Value, ctx: &Context) -> Result<()> {
    if matches!(
        ctx.global.output,
        Some(OutputFormat::Json) | Some(OutputFormat::Jsonl)
    ) {
        ctx.printer.json(status)?;
        return Ok(());
    }
    if ctx.printer.format == OutputFormat::Table {
        return Ok(ctx.printer.text(&status_for_people(status))?);
    }
    let mut lines = Vec::new();
    let database = status["database"].as_str().unwrap_or("");
    if status["exists"].as_bool() != Some(true) {
        lines.push(format!("database\t{database}\t(not created yet)"));
    } else {
        lines.push(format!("database\t{database}"));
        let sites = status["sites"].as_array().cloned().unwrap_or_default();
        if sites.is_empty() {
            lines.push("(no galleries)".to_string());
        }
        for site in sites {
            let label = if site["default"].as_bool() == Some(true) {
                format!("{} (default)", site["site"].as_str().unwrap_or(""))
            } else {
                site["site"].as_str().unwrap_or("").to_string()
            };
            lines.push(format!(
                "site\t{label}\tgalleries\t{}\titems\t{}",
                site["galleries"], site["items"]
            ));
        }
    }
    let webhooks = &status["webhooks"];
    let key_path = webhooks["publicKeyPath"].as_str().unwrap_or("");
    match webhooks["publicKey"].as_str() {
        Some(pem) => {
            lines.push(format!("webhook-public-key\t{key_path}"));
            lines.push(pem.trim_end().to_string());
        }
        None => lines.push(format!(
            "webhook-public-key\t{key_path}\t(not created yet: made by the first `sandbox serve --webhook-url` or `webhooks listen`)"
        )),
    }
    lines.push(
        "webhook-urls\tset per run with `sandbox serve --webhook-url URL`; a running server lists them and its delivery counters at GET /_sandbox/webhooks"
            .to_string(),
    );
    ctx.printer.text(&lines.join("\n"))?;
    Ok(())
}

/// `sandbox status` on a terminal: aligned `label  value` lines (the tsv lines are for scripts),
/// one per site with its counts in words, and the PEM, when there is one, below them all.
fn status_for_people(status: &Value) -> String {
    let mut rows: Vec<(&str, String)> = Vec::new();
    let database = status["database"].as_str().unwrap_or("");
    if status["exists"].as_bool() != Some(true) {
        rows.push(("database", format!("{database} (not created yet)")));
    } else {
        rows.push(("database", database.to_string()));
        let sites = status["sites"].as_array().cloned().unwrap_or_default();
        if sites.is_empty() {
            rows.push(("sites", "none (no galleries)".to_string()));
        }
        for (index, site) in sites.iter().enumerate() {
            let default = if site["default"].as_bool() == Some(true) {
                " (default)"
            } else {
                ""
            };
            rows.push((
                if index == 0 { "sites" } else { "" },
                format!(
                    "{}{default}: {} galleries, {} items",
                    site["site"].as_str().unwrap_or(""),
                    site["galleries"],
                    site["items"]
                ),
            ));
        }
    }
    let webhooks = &status["webhooks"];
    let key_path = webhooks["publicKeyPath"].as_str().unwrap_or("");
    let pem = webhooks["publicKey"].as_str();
    rows.push((
        "webhook key",
        match pem {
            Some(_) => format!("{key_path} (below)"),
            None => format!(
                "{key_path} (not created yet: made by the first `sandbox serve --webhook-url` or `webhooks listen`)"
            ),
        },
    ));
    rows.push((
        "webhook URLs",
        "set per run with `sandbox serve --webhook-url URL`; a running server lists them at GET /_sandbox/webhooks".to_string(),
    ));
    let width = rows.iter().map(|(label, _)| label.len()).max().unwrap_or(0);
    let mut text = String::new();
    for (label, value) in rows {
        text.push_str(&format!("{label:width$}  {value}\n"));
    }
    if let Some(pem) = pem {
        text.push('\n');
        text.push_str(pem.trim_end());
        text.push('\n');
    }
    text
}
