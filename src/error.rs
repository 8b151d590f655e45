//! The one table from error kind to exit code, and the hint line printed under an error.
//!
//! Code anywhere in the crate returns `anyhow::Error`; when the cause is something a user or a
//! script must tell apart (bad input, auth, not found, rate limit, partial failure), the error chain
//! carries a [`CliError`] and `main` maps it to an exit code here and nowhere else.

use std::fmt;

use crate::api::ApiError;
use crate::webhooks::keys::KeyError;

/// What went wrong, as far as the exit code is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Anything not covered below: network failure, server error after retries, I/O.
    General,
    /// Bad flag, malformed input, out-of-range value, a prompt needed under `--no-input`.
    Usage,
    /// A bulk operation finished but some items failed.
    Partial,
    /// No credentials, 401 or 403.
    Auth,
    /// 404 on the gallery or item named.
    NotFound,
    /// 429 or 503 and retries exhausted.
    RateLimited,
    /// Ctrl-C, or a confirmation declined.
    Interrupted,
}

impl Kind {
    pub fn exit_code(self) -> i32 {
        match self {
            Kind::General => 1,
            Kind::Usage => 2,
            Kind::Partial => 3,
            Kind::Auth => 4,
            Kind::NotFound => 5,
            Kind::RateLimited => 6,
            Kind::Interrupted => 130,
        }
    }
}

/// An error that knows its exit code and, optionally, the next command the user should run.
#[derive(Debug)]
pub struct CliError {
    pub kind: Kind,
    pub message: String,
    pub hint: Option<String>,
}

impl CliError {
    pub fn new(kind: Kind, message: impl Into<String>) -> Self {
        CliError {
            kind,
            message: message.into(),
            hint: None,
        }
    }

    pub fn usage(message: impl Into<String>) -> Self {
        CliError::new(Kind::Usage, message)
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for CliError {}

/// The kind of an error chain: the first [`CliError`], [`ApiError`] or [`KeyError`] found in it,
/// else [`Kind::General`].
pub fn kind_of(err: &anyhow::Error) -> Kind {
    err.chain()
        .find_map(|cause| {
            cli_error(cause)
                .map(|e| e.kind)
                .or_else(|| cause.downcast_ref::<ApiError>().map(api_kind))
                // A key file the user named is unusable: bad input; one others could tamper
                // with is refused like a config file readable by others.
                .or_else(|| {
                    cause.downcast_ref::<KeyError>().map(|e| match e {
                        KeyError::Exposed { .. } => Kind::Auth,
                        _ => Kind::Usage,
                    })
                })
        })
        .unwrap_or(Kind::General)
}

/// A [`CliError`] in the chain, also one carried inside an `io::Error` (the Printer's writes
/// return those: a `--jq` expression that fails on the data is a usage error all the same).
fn cli_error<'a>(cause: &'a (dyn std::error::Error + 'static)) -> Option<&'a CliError> {
    cause.downcast_ref::<CliError>().or_else(|| {
        cause
            .downcast_ref::<std::io::Error>()
            .and_then(|e| e.get_ref())
            .and_then(|inner| inner.downcast_ref::<CliError>())
    })
}

/// How a failed call to the service maps to an exit code.
pub fn api_kind(err: &ApiError) -> Kind {
    match err {
        ApiError::Status { status, .. } => match status {
            400 => Kind::Usage,
            401 | 403 => Kind::Auth,
            404 => Kind::NotFound,
            429 | 503 => Kind::RateLimited,
            _ => Kind::General,
        },
        ApiError::BadBody { .. } | ApiError::Network { .. } => Kind::General,
        ApiError::Credentials { .. } => Kind::Auth,
    }
}

/// The hint of the first [`CliError`] in the chain that has one, else the hint for a failed call,
/// else a general one for the error's kind: every usage, auth and not-found error ends with a line
/// that says what to do next, even where the code that raised it had nothing more specific.
pub fn hint_of(err: &anyhow::Error) -> Option<String> {
    err.chain()
        .find_map(|cause| {
            if let Some(e) = cli_error(cause) {
                return e.hint.clone();
            }
            if let Some(e) = cause.downcast_ref::<KeyError>() {
                return key_hint(e);
            }
            cause.downcast_ref::<ApiError>().and_then(api_hint)
        })
        .or_else(|| Some(fallback_hint(err)))
}

/// The hint for an error whose raiser gave none: by its cause where one is recognised (a local
/// file or folder, the sandbox's database), else by its kind. Every error gets one.
fn fallback_hint(err: &anyhow::Error) -> String {
    let kind = kind_of(err);
    let hint = match kind {
        Kind::Usage => "fix the input named above; `--help` on the command shows what each argument accepts",
        Kind::Auth => "check the credentials in use with `progallery auth status`",
        Kind::NotFound => "check the id: `progallery galleries list` and `progallery items list GALLERY` show what exists",
        Kind::RateLimited => "wait a minute and run it again, or raise `--retries`",
        Kind::Partial => "the failures are listed above (and in `-o jsonl`): fix their cause and run the same command again",
        Kind::Interrupted => "run the same command again to finish what was left",
        Kind::General => return cause_hint(err),
    };
    hint.to_string()
}

/// What to do about a local I/O failure, by its kind (the error names the path).
fn io_hint(e: &std::io::Error) -> Option<&'static str> {
    use std::io::ErrorKind;
    const PERMISSIONS: &str = "check the permissions of the file or folder named above (the config and data dirs are PROGALLERY_CONFIG_DIR and PROGALLERY_DATA_DIR)";
    const PATH: &str = "check the path named above (the config and data dirs are PROGALLERY_CONFIG_DIR and PROGALLERY_DATA_DIR)";
    match e.kind() {
        ErrorKind::PermissionDenied => return Some(PERMISSIONS),
        ErrorKind::NotFound => return Some(PATH),
        ErrorKind::AddrInUse | ErrorKind::AddrNotAvailable => {
            return Some("pick another address or a free port (port 0 picks one)")
        }
        _ => {}
    }
    #[cfg(unix)]
    match e.raw_os_error() {
        Some(libc::EROFS) => return Some(PERMISSIONS),
        Some(libc::ENOTDIR | libc::EISDIR) => return Some(PATH),
        Some(libc::ENOSPC | libc::EDQUOT) => {
            return Some("free some disk space, then run it again")
        }
        _ => {}
    }
    None
}

/// A hint from what an error chain holds, for errors of no particular kind.
fn cause_hint(err: &anyhow::Error) -> String {
    for cause in err.chain() {
        if cause.downcast_ref::<rusqlite::Error>().is_some() {
            return "the sandbox database named above is unusable (not a database, damaged, or read-only): `progallery sandbox reset --yes` starts it afresh, or point PROGALLERY_DATA_DIR elsewhere".to_string();
        }
        if let Some(e) = cause.downcast_ref::<crate::files::FileError>() {
            return match e {
                crate::files::FileError::NotRegular { .. } => {
                    "pass a regular file at that path (a FIFO, a device or a folder is not read)"
                }
                crate::files::FileError::TooLarge { .. } => {
                    "that file is far larger than one of its kind can be: check the path"
                }
                crate::files::FileError::Io { .. } => {
                    "check the path named above and its permissions"
                }
            }
            .to_string();
        }
        if let Some(hint) = cause.downcast_ref::<std::io::Error>().and_then(io_hint) {
            return hint.to_string();
        }
    }
    "see the cause above; `-v` logs each HTTP exchange, and `--help` on the command shows what each argument accepts".to_string()
}

fn api_hint(err: &ApiError) -> Option<String> {
    // An HTML page or garbage instead of the service's error JSON: the request most likely met
    // a proxy or another server, not the API. (A gateway's 429, 502, 503 or 504 page still
    // means what its status says.)
    let busy = matches!(
        err,
        ApiError::Status {
            status: 429 | 502..=504,
            ..
        }
    );
    if err.is_foreign_answer() && !busy {
        return Some(
            "that answer did not come from the gallery API (no error of its own in it): check `--base-url` / `PROGALLERY_BASE_URL` and any proxy; `-v` shows the exchange"
                .to_string(),
        );
    }
    let hint = match err {
        ApiError::Status { status, .. } => match status {
            401 => "the credentials were not accepted: run `progallery auth login`",
            403 => "the key lacks the Pro Gallery permission or belongs to another site: check `progallery auth status`",
            404 => "check the id: `progallery galleries list` and `progallery items list GALLERY` show what exists",
            429 => "the service's rate limit was hit: wait a minute, or lower `--rate-limit`",
            502..=504 => "the service is unavailable: try again later, or raise `--retries`",
            400 => "the service rejected the input: see the message above",
            300..=399 => "the server answered with a redirect it did not complete: check `--base-url` / `PROGALLERY_BASE_URL`",
            500..=599 => "the service failed on its side: try again later; `-v` shows the exchange",
            _ => "the service refused the request: see its message above; `-v` shows the exchange",
        },
        ApiError::BadBody { .. } => "check `--base-url` / `PROGALLERY_BASE_URL`; `-v` shows the exchange",
        ApiError::Network { .. } => "check your connection and `--base-url`; raise `--timeout` for slow links",
        ApiError::Credentials { .. } => "check the credentials in use with `progallery auth status`; `progallery auth login --app-id ID --instance-id ID` saves an app's",
    };
    Some(hint.to_string())
}

/// The hint under an unusable key file (the library's [`KeyError`] says what is wrong, the CLI
/// says which flag to fix); a key that is not RSA gets the general usage hint.
fn key_hint(err: &KeyError) -> Option<String> {
    match err {
        KeyError::Unreadable { .. } => Some("check the path: the key is a PEM file".to_string()),
        KeyError::NotPublicKey { .. } => Some(
            "pass the public key from your app's dashboard: a PEM file or its bare base64 body (or omit the flag to use the sandbox's key)".to_string(),
        ),
        KeyError::NotPrivateKey => None,
        KeyError::Exposed { path, .. } => Some(format!(
            "run `chmod 600 {}` if the key is yours and unchanged; otherwise replace it",
            path.display()
        )),
    }
}

/// Turns one of clap's parse errors (several lines: message, detail, tip, usage, "for more
/// information") into the tool's own shape: one `error:` line with the detail folded in, and a hint
/// with clap's tip, or else the usage line. Exit code 2 like every usage error.
/// `command` is the command line's verb (`progallery items list`), whose `--help` the hint names.
pub fn from_clap(err: &clap::Error, command: &str) -> CliError {
    let rendered = err.render().to_string();
    let mut message = String::new();
    let mut details: Vec<String> = Vec::new();
    let mut tip: Option<String> = None;
    let mut usage: Option<String> = None;
    for line in rendered.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with("For more information") {
            continue;
        }
        if let Some(rest) = trimmed.strip_prefix("error: ") {
            message = rest.to_string();
        } else if let Some(rest) = trimmed.strip_prefix("tip: ") {
            tip.get_or_insert_with(|| rest.to_string());
        } else if let Some(rest) = trimmed.strip_prefix("Usage: ") {
            usage = Some(without_global_options(rest));
        } else if usage.is_none() {
            details.push(trimmed.to_string());
        }
    }
    if message.is_empty() {
        message = "invalid command line".to_string();
    }
    if !details.is_empty() {
        message = format!("{message} {}", details.join(", "));
    }
    let hint = match (tip, usage) {
        (Some(tip), _) => tip,
        (None, Some(usage)) => format!("usage: {usage} (see --help)"),
        (None, None) => format!("see `{command} --help`"),
    };
    CliError::usage(message).with_hint(hint)
}

/// Global options that also come from the environment are "present" to clap when their variable
/// is set (`PROGALLERY_BASE_URL`, `PROGALLERY_OUTPUT`…), and clap then puts them in the usage
/// line it shows. They are never what a usage error is about: the usage shown leaves every
/// global option out (`--help` lists them under "Global options").
fn without_global_options(usage: &str) -> String {
    const WITH_VALUE: &[&str] = &[
        "--profile",
        "--base-url",
        "--output",
        "-o",
        "--fields",
        "--jq",
        "--color",
        "--timeout",
        "--retries",
        "--rate-limit",
    ];
    const FLAGS: &[&str] = &[
        "--sandbox",
        "--quiet",
        "-q",
        "--verbose",
        "-v",
        "--no-input",
    ];
    let mut kept = Vec::new();
    let mut words = usage.split(' ').peekable();
    while let Some(word) = words.next() {
        let name = word.split('=').next().unwrap_or(word);
        if FLAGS.contains(&name) {
            continue;
        }
        if WITH_VALUE.contains(&name) {
            // Its value placeholder (`<URL>`) goes with it.
            if !word.contains('=') && words.peek().is_some_and(|next| next.starts_with('<')) {
                words.next();
            }
            continue;
        }
        kept.push(word);
    }
    kept.join(" ")
}

#[cfg(test)]
mod tests {
    use clap::{Arg, Command};

    use super::*;

    fn parse(args: &[&str]) -> CliError {
        let cmd = Command::new("progallery")
            .subcommand(
                Command::new("get")
                    .arg(Arg::new("GALLERY_ID").required(true))
                    .arg(Arg::new("ITEM_ID").required(true)),
            )
            .subcommand(
                Command::new("list").arg(
                    Arg::new("output")
                        .long("output")
                        .value_parser(["table", "json"]),
                ),
            );
        let err = cmd.try_get_matches_from(args).expect_err("a parse error");
        from_clap(&err, "progallery list")
    }

    #[test]
    fn missing_arguments_become_one_line_with_the_usage_as_hint() {
        let err = parse(&["progallery", "get"]);
        assert_eq!(err.kind, Kind::Usage);
        assert_eq!(
            err.message,
            "the following required arguments were not provided: <GALLERY_ID>, <ITEM_ID>"
        );
        assert!(!err.message.contains('\n'));
        assert_eq!(
            err.hint.as_deref(),
            Some("usage: progallery get <GALLERY_ID> <ITEM_ID> (see --help)")
        );
    }

    #[test]
    fn usage_lines_leave_global_options_out() {
        assert_eq!(
            without_global_options(
                "progallery items get --base-url <URL> --output <FMT> -v <GALLERY> <ITEM_ID>"
            ),
            "progallery items get <GALLERY> <ITEM_ID>"
        );
    }

    #[test]
    fn a_bad_value_keeps_the_possible_values_and_clap_tips_become_hints() {
        let err = parse(&["progallery", "list", "--output", "xml"]);
        assert!(err.message.starts_with("invalid value 'xml' for '--output"));
        assert!(err.message.contains("[possible values: table, json]"));
        let err = parse(&["progallery", "lst"]);
        assert_eq!(err.message, "unrecognized subcommand 'lst'");
        assert!(err.hint.as_deref().unwrap_or("").contains("'list'"));
    }
}
