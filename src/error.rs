//! The one table from error kind to exit code, and the hint line printed under an error.
//!
//! Code anywhere in the crate returns `anyhow::Error`; when the cause is something a user or a
//! script must tell apart (bad input, auth, not found, rate limit, partial failure), the error chain
//! carries a [`CliError`] and `main` maps it to an exit code here and nowhere else.

use std::fmt;

use crate::api::ApiError;

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

/// The kind of an error chain: the first [`CliError`] or [`ApiError`] found in it, else
/// [`Kind::General`].
pub fn kind_of(err: &anyhow::Error) -> Kind {
    err.chain()
        .find_map(|cause| {
            cause
                .downcast_ref::<CliError>()
                .map(|e| e.kind)
                .or_else(|| cause.downcast_ref::<ApiError>().map(api_kind))
        })
        .unwrap_or(Kind::General)
}

/// How a failed call to the service maps to an exit code.
fn api_kind(err: &ApiError) -> Kind {
    match err {
        ApiError::Status { status, .. } => match status {
            400 => Kind::Usage,
            401 | 403 => Kind::Auth,
            404 => Kind::NotFound,
            429 | 503 => Kind::RateLimited,
            _ => Kind::General,
        },
        ApiError::BadBody { .. } | ApiError::Network { .. } => Kind::General,
    }
}

/// The hint of the first [`CliError`] in the chain that has one, else the hint for a failed call.
pub fn hint_of(err: &anyhow::Error) -> Option<String> {
    err.chain().find_map(|cause| {
        if let Some(e) = cause.downcast_ref::<CliError>() {
            return e.hint.clone();
        }
        cause.downcast_ref::<ApiError>().and_then(api_hint)
    })
}

fn api_hint(err: &ApiError) -> Option<String> {
    let hint = match err {
        ApiError::Status { status, .. } => match status {
            401 => "the API key was not accepted: run `progallery auth login`",
            403 => "the key lacks the Pro Gallery permission or belongs to another site: check `progallery auth status`",
            404 => "check the id: `progallery galleries list` and `progallery items list GALLERY_ID` show what exists",
            429 => "the service's rate limit was hit: wait a minute, or lower `--rate-limit`",
            502..=504 => "the service is unavailable: try again later, or raise `--retries`",
            400 => "the service rejected the input: see the message above",
            _ => return None,
        },
        ApiError::BadBody { .. } => "check `--base-url` / `PROGALLERY_BASE_URL`; `-v` shows the exchange",
        ApiError::Network { .. } => "check your connection and `--base-url`; raise `--timeout` for slow links",
    };
    Some(hint.to_string())
}
