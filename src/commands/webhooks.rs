//! `progallery webhooks listen|verify|trigger`: the command-line face of `crate::webhooks`.
//!
//! Everything is printed through the Context's Printer: stdout carries data only (decoded events),
//! stderr carries notices. `trigger` posts with a plain client from the Context (the receiver is
//! not the gallery service and gets no credentials), or prints the signed payload (`--print`).
//! `listen` marks each event as the echo of this tool's own write or not (`crate::echo`).

use std::io::IsTerminal;
use std::path::Path;
use std::sync::Arc;

use anyhow::{Context as _, Result};
use jsonwebtoken::{DecodingKey, EncodingKey};

use super::StopSignals;
use crate::cli::{
    OutputFormat, WebhooksCmd, WebhooksListenArgs, WebhooksTriggerArgs, WebhooksVerifyArgs,
};
use crate::context::Context;
use crate::error::{CliError, Kind};
use crate::webhooks::listen::{self, EventSink, ListenOptions};
use crate::webhooks::sample::{sample_mutation, SAMPLE_INSTANCE_ID};
use crate::webhooks::{
    keys, sign_mutation, DecodedEvent, EventType, KeyPair, Verifier, VerifyError,
};

pub async fn run(cmd: WebhooksCmd, ctx: &Context) -> Result<i32> {
    match cmd {
        WebhooksCmd::Listen(args) => listen(args, ctx).await,
        WebhooksCmd::Verify(args) => verify(args, ctx),
        WebhooksCmd::Trigger(args) => trigger(args, ctx).await,
    }
}

fn notice(ctx: &Context, text: &str) {
    ctx.printer.notice(&format!("progallery: {text}"));
}

/// One stdout line for a person: when, what, which gallery and item, and the event id.
fn summary_line(event: &DecodedEvent, echo: bool) -> String {
    // To the second, in UTC as sent: the microseconds pushed every line past 120 columns.
    let time = chrono::DateTime::parse_from_rfc3339(event.event_time())
        .map(|t| {
            t.with_timezone(&chrono::Utc)
                .format("%Y-%m-%d %H:%M:%SZ")
                .to_string()
        })
        .unwrap_or_else(|_| event.event_time().to_string());
    let mut line = format!(
        "{time}  {:<22}  gallery {}",
        event.slug(),
        event.entity_id()
    );
    if let Some(item) = event.item_id() {
        line.push_str(&format!("  item {item}"));
    }
    if let Some(origin) = event.originated_from() {
        line.push_str(&format!("  ({origin})"));
    }
    if echo {
        line.push_str("  (echo of our write)");
    }
    line.push_str(&format!("  [event {}]", event.event_id()));
    line
}

fn event_json(event: &DecodedEvent) -> Result<serde_json::Value> {
    listen::event_json(event, false)
}

// ---------------------------------------------------------------------------------------------
// listen
// ---------------------------------------------------------------------------------------------

/// What the receiver reports, in arrival order. The receiver's handlers run on their own tasks
/// and cannot borrow the Context, so they send here and the command prints through its Printer.
enum Report {
    /// The event, and whether it is an echo of this tool's own write.
    Accepted(Box<DecodedEvent>, bool),
    Notice(String),
}

struct ChannelSink {
    reports: tokio::sync::mpsc::UnboundedSender<Report>,
}

impl EventSink for ChannelSink {
    fn accepted(&self, event: &DecodedEvent, echo: bool) {
        let _ = self
            .reports
            .send(Report::Accepted(Box::new(event.clone()), echo));
    }

    fn notice(&self, message: &str) {
        let _ = self.reports.send(Report::Notice(message.to_string()));
    }
}

/// Prints one report: a line per event for a person (table format, the default on a terminal),
/// the decoded event as one JSON line otherwise.
fn print_report(ctx: &Context, report: Report) -> Result<()> {
    match report {
        Report::Accepted(event, echo) if ctx.printer.format == OutputFormat::Table => {
            ctx.printer.text(&summary_line(&event, echo))?
        }
        Report::Accepted(event, echo) => {
            ctx.printer.json_line(&listen::event_json(&event, echo)?)?
        }
        Report::Notice(message) => notice(ctx, &message),
    }
    Ok(())
}

async fn listen(args: WebhooksListenArgs, ctx: &Context) -> Result<i32> {
    let events = if args.events.is_empty() {
        None
    } else {
        Some(
            args.events
                .iter()
                .map(|name| parse_event_type(name).map(|t| t.event_type().to_string()))
                .collect::<Result<Vec<_>>>()?,
        )
    };
    check_listen_path(&args.path)?;
    if let Some(url) = &args.forward_to {
        check_http_url(url, "--forward-to")?;
    }
    // Ctrl-C is this command's normal way to stop: it ends with the summary and exit 0. The
    // handlers are in place before the URL is printed, so a stop right after it is clean too.
    let signals = StopSignals::install();
    ctx.handle_interrupts();
    let listener = tokio::net::TcpListener::bind(&args.addr)
        .await
        .map_err(|err| {
            // An address that does not parse is bad input; a busy or forbidden port is not.
            let kind = if err.kind() == std::io::ErrorKind::InvalidInput {
                Kind::Usage
            } else {
                Kind::General
            };
            CliError::new(kind, format!("cannot listen on {}: {err}", args.addr)).with_hint(
                "give --addr as HOST:PORT with a free port, e.g. 127.0.0.1:4242 (port 0 picks one)",
            )
        })?;
    // The key comes after every flag is checked and the port is bound, so a bad flag leaves the
    // data dir as it was (loading the sandbox key creates the pair on first use).
    let key = match &args.public_key {
        Some(path) => keys::decoding_key_from_file(path)?,
        None => sandbox_key_pair(ctx)?.decoding,
    };
    let local = listener
        .local_addr()
        .context("reading the listening address")?;
    // The URL goes to stderr even under --quiet: scripts and tests read it to know the port.
    crate::output::diagnostic(&format!(
        "progallery: webhooks listening on http://{local}{} (Ctrl-C to stop)",
        args.path
    ));
    let (reports, mut received) = tokio::sync::mpsc::unbounded_channel();
    // Echoes are told apart from this machine's ledger of the tool's own writes.
    let detector = Arc::new(crate::echo::Detector::new(
        &ctx.paths.data_dir,
        std::time::Duration::from_secs(args.echo_window),
    ));
    let sink = Arc::new(ChannelSink { reports });
    let options = ListenOptions {
        path: args.path,
        events,
        forward_to: args.forward_to,
        exec: args.exec,
        max_body_bytes: listen::MAX_BODY_BYTES,
        dedup_capacity: listen::DEDUP_CAPACITY,
        echo: Some(detector),
        skip_echoes: args.skip_echoes,
        read_timeout: std::time::Duration::from_secs(args.read_timeout),
    };
    let serving = listen::serve(listener, Verifier::new(key), options, sink, signals.wait());
    tokio::pin!(serving);
    // Print as events arrive; a closed stdout (`| head`) ends the listener like Ctrl-C would.
    let stats = loop {
        tokio::select! {
            Some(report) = received.recv() => print_report(ctx, report)?,
            served = &mut serving => break served?,
        }
    };
    while let Ok(report) = received.try_recv() {
        print_report(ctx, report)?;
    }
    let load = |n: &std::sync::atomic::AtomicU64| n.load(std::sync::atomic::Ordering::Relaxed);
    notice(
        ctx,
        &format!(
            "webhooks listener stopped: {} accepted, {} duplicates, {} filtered out, {} echoes skipped, {} refused, {} malformed, {} failed actions",
            load(&stats.accepted),
            load(&stats.duplicates),
            load(&stats.filtered),
            load(&stats.echoes_skipped),
            load(&stats.rejected),
            load(&stats.malformed),
            load(&stats.failed),
        ),
    );
    Ok(0)
}

// ---------------------------------------------------------------------------------------------
// verify
// ---------------------------------------------------------------------------------------------

fn verify(args: WebhooksVerifyArgs, ctx: &Context) -> Result<i32> {
    let key: DecodingKey = match &args.public_key {
        Some(path) => keys::decoding_key_from_file(path)?,
        None => match keys::load_existing(&ctx.paths.data_dir)? {
            Some(pair) => pair.decoding,
            None => {
                return Err(
                    CliError::usage("no sandbox webhook key in the data dir yet")
                        .with_hint("pass --public-key FILE (the PEM from your app's dashboard)")
                        .into(),
                )
            }
        },
    };
    let payload = read_payload(args.input.as_deref())?;
    let text = std::str::from_utf8(&payload).map_err(|_| {
        CliError::usage("not a JWT: the payload is not UTF-8 text")
            .with_hint("pass the raw request body exactly as received (one JWT)")
    })?;
    match Verifier::new(key).verify(text) {
        Ok(event) => {
            ctx.printer.json(&event_json(&event)?)?;
            Ok(0)
        }
        Err(err) => {
            let (kind, hint) = match &err {
                VerifyError::Rejected(_) => (
                    Kind::Auth,
                    "check --public-key: it must be the public key of the app (or sandbox) that signed this payload, and the event must not have expired",
                ),
                VerifyError::NotJwt(_) => (
                    Kind::Usage,
                    "pass the raw request body exactly as received (one JWT: three base64url parts joined by dots)",
                ),
                VerifyError::Malformed(_) => (
                    Kind::Usage,
                    "the signature is good but the claims are not a Wix event; `progallery webhooks trigger` sends a well-formed one to compare",
                ),
            };
            Err(CliError::new(kind, err.to_string()).with_hint(hint).into())
        }
    }
}

/// Reads the payload from a file or stdin, refusing more than the listener's size cap.
fn read_payload(input: Option<&Path>) -> Result<Vec<u8>> {
    let limit = listen::MAX_BODY_BYTES as u64;
    let from_stdin = input.map_or(true, |path| path == Path::new("-"));
    if from_stdin && std::io::stdin().is_terminal() {
        return Err(
            CliError::usage("no payload: pass a FILE or pipe the request body to stdin")
                .with_hint("progallery webhooks verify --public-key KEY.pem payload.jwt")
                .into(),
        );
    }
    let read = match input {
        Some(path) if path != Path::new("-") => crate::files::read_regular(path, limit),
        _ => crate::files::read_stdin(limit),
    };
    let payload = read.map_err(|err| {
        let hint = match err {
            crate::files::FileError::TooLarge { .. } => {
                "a webhook body is a single JWT, a few KiB: pass the raw request body"
            }
            _ => "check the path, or pipe the payload to stdin",
        };
        CliError::usage(format!("cannot read the payload: {err}")).with_hint(hint)
    })?;
    Ok(payload)
}

// ---------------------------------------------------------------------------------------------
// trigger
// ---------------------------------------------------------------------------------------------

async fn trigger(args: WebhooksTriggerArgs, ctx: &Context) -> Result<i32> {
    let event_type = parse_event_type(&args.event_type)?;
    if !args.print {
        check_http_url(&args.to, "--to")?;
    }
    let key: EncodingKey = match &args.private_key {
        Some(path) => keys::encoding_key_from_file(path)?,
        None => sandbox_key_pair(ctx)?.encoding,
    };
    let instance_id = args.instance_id.as_deref().unwrap_or(SAMPLE_INSTANCE_ID);
    if args.gallery_deleted && event_type != EventType::ItemDeleted {
        return Err(
            CliError::usage("--gallery-deleted only applies to gallery_item_deleted")
                .with_hint("drop --gallery-deleted, or trigger gallery_item_deleted")
                .into(),
        );
    }
    let mut mutation = sample_mutation(
        event_type,
        args.gallery.as_deref(),
        instance_id,
        args.gallery_deleted,
    );
    if let Some(site) = &args.site_id {
        mutation = mutation.with_site(site);
    }
    // The envelope and signing the sandbox uses for its own events, so trigger exercises them.
    let signed = sign_mutation(&key, &mutation)?;
    let (event, token) = (signed.event, signed.token);
    if args.print {
        // The payload is the data: exactly what a delivery's body would be, on one line.
        ctx.printer.text(&token)?;
        notice(
            ctx,
            &format!(
                "signed {} event {} (not sent); check it with `progallery webhooks verify`",
                event_type.slug(),
                event.event_id()
            ),
        );
        return Ok(0);
    }
    // Not the API client: the receiver is any URL and gets no credentials.
    let client = ctx.plain_http_client()?;
    let response = client
        .post(&args.to)
        .header("content-type", "text/plain; charset=utf-8")
        .body(token)
        .send()
        .await
        .map_err(|err| {
            CliError::new(
                Kind::General,
                format!(
                    "sending the event to {}: {}",
                    args.to,
                    crate::api::client::network_detail(&err, ctx.timeout())
                ),
            )
            .with_hint("is a receiver running there? `progallery webhooks listen` starts one")
        })?;
    let status = response.status();
    if ctx.global.verbose {
        crate::output::diagnostic(&format!("POST {} → {status}", args.to));
    }
    if !status.is_success() {
        // The receiver is any server: read no more of its answer than is shown.
        let mut response = response;
        let mut raw = Vec::new();
        while raw.len() < 4096 {
            match response.chunk().await {
                Ok(Some(chunk)) => raw.extend_from_slice(&chunk),
                _ => break,
            }
        }
        let body = crate::api::error::one_line(&String::from_utf8_lossy(&raw));
        let body: String = body.chars().take(300).collect();
        let kind = match status.as_u16() {
            401 | 403 => Kind::Auth,
            _ => Kind::General,
        };
        return Err(CliError::new(
            kind,
            format!("{} answered {status}: {}", args.to, body.trim()),
        )
        .into());
    }
    notice(
        ctx,
        &format!(
            "sent {} event {} to {}: {status}",
            event_type.slug(),
            event.event_id(),
            args.to
        ),
    );
    ctx.printer.json(&event_json(&event)?)?;
    Ok(0)
}

// ---------------------------------------------------------------------------------------------
// shared
// ---------------------------------------------------------------------------------------------

fn parse_event_type(name: &str) -> Result<EventType> {
    EventType::parse(name).ok_or_else(|| {
        CliError::usage(format!(
            "unknown event type {name:?}; expected one of: {}",
            EventType::slugs()
        ))
        .with_hint("use a slug such as gallery_item_created, or the full wix.pro_gallery.gallery_v2_… name")
        .into()
    })
}

fn check_http_url(text: &str, flag: &str) -> Result<()> {
    match url::Url::parse(text) {
        Ok(url) if matches!(url.scheme(), "http" | "https") && url.host().is_some() => Ok(()),
        _ => Err(
            CliError::usage(format!("{flag} must be an http(s) URL: {text:?}"))
                .with_hint(format!("e.g. {flag} http://127.0.0.1:4242/webhooks"))
                .into(),
        ),
    }
}

/// `--path` is the exact path senders POST to: it must start with '/' and be a URL path as it
/// would be sent (no spaces or control characters, no query or fragment, nothing a client would
/// rewrite such as `..`), so a sender can reach it and it is compared as is.
fn check_listen_path(path: &str) -> Result<()> {
    let refused = |why: &str| -> anyhow::Error {
        CliError::usage(format!("--path {path:?} {why}"))
            .with_hint(
                "give the path senders POST to, e.g. --path /webhooks or --path /hooks/wix-gallery",
            )
            .into()
    };
    if !path.starts_with('/') {
        return Err(refused("must start with '/'"));
    }
    if path.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return Err(refused("holds spaces or control characters"));
    }
    if path.contains(['?', '#']) {
        return Err(refused(
            "holds a query or a fragment ('?', '#'): only the path goes there",
        ));
    }
    match url::Url::parse(&format!("http://localhost{path}")) {
        Ok(url) if url.path() == path => Ok(()),
        _ => Err(refused(
            "is not a URL path as a sender would send it (use percent-encoding, no '.' or '..' segments)",
        )),
    }
}

/// The sandbox's key pair in the data dir, created on first use (with a notice saying where).
fn sandbox_key_pair(ctx: &Context) -> Result<KeyPair> {
    let (pair, created) = keys::load_or_create(&ctx.paths.data_dir)?;
    if created {
        notice(
            ctx,
            &format!(
                "created the sandbox webhook key pair in {}",
                ctx.paths.data_dir.display()
            ),
        );
    }
    Ok(pair)
}
