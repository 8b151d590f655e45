//! Failures of a call to the service, decoded from what came back: a Wix error body (either the
//! `applicationError` or the `validationError` shape), a body that is not what it should be (HTML
//! from a gateway, empty, truncated), no answer at all, or credentials that cannot be used (an
//! app's token refused or not obtainable). `error.rs` maps these to exit codes.
//!
//! Whatever the server put in its error body is shown as one line of plain text: line breaks,
//! tabs and control characters (a terminal escape sequence, say) become spaces, and a long
//! message is cut, so a hostile or broken server can neither spread an error over many lines
//! nor drive the user's terminal.

use serde_json::Value;

#[derive(Debug, Clone, thiserror::Error)]
pub enum ApiError {
    /// The service answered with a non-success status.
    #[error("{what}: HTTP {status}{}: {message}{}", code.as_deref().map(|c| format!(" {c}")).unwrap_or_default(), request_id.as_deref().map(|r| format!(" (request id {r})")).unwrap_or_default())]
    Status {
        what: String,
        status: u16,
        code: Option<String>,
        message: String,
        request_id: Option<String>,
        /// True when a create may have been applied although it failed (5xx other than 503, after the
        /// request was sent): the caller must reconcile before trying again.
        ambiguous: bool,
    },
    /// The service answered success, but the body is not the JSON it should be.
    #[error("{what}: {detail}")]
    BadBody { what: String, detail: String },
    /// No usable answer: connection refused, reset, timed out.
    #[error("{what}: {detail}")]
    Network {
        what: String,
        detail: String,
        /// True when the request may have reached the service (anything but a failed connect).
        ambiguous: bool,
    },
    /// The credentials cannot be used: the token endpoint refused the app's credentials or
    /// answered something that is not a token, a token command failed, or the service refused
    /// an access token that cannot be renewed. Nothing was done, and nothing more is sent with
    /// these credentials in this run. The detail never holds a secret or a token.
    #[error("{what}: {detail}")]
    Credentials { what: String, detail: String },
}

impl ApiError {
    /// True for an error answer whose body is not the service's error JSON (an HTML page from a
    /// proxy, an empty or garbled body): the request most likely never reached the API.
    pub fn is_foreign_answer(&self) -> bool {
        match self {
            ApiError::Status { code, message, .. } => {
                code.is_none() && FOREIGN_BODY.iter().any(|start| message.starts_with(start))
            }
            _ => false,
        }
    }

    pub fn is_ambiguous(&self) -> bool {
        match self {
            ApiError::Status { ambiguous, .. } | ApiError::Network { ambiguous, .. } => *ambiguous,
            ApiError::BadBody { .. } => true,
            ApiError::Credentials { .. } => false,
        }
    }
}

/// How [`describe_body`] starts each description: an error answer whose message starts so carried
/// no error of the service.
const FOREIGN_BODY: [&str; 2] = ["the body is ", "the JSON body "];

/// The longest message taken from a server's error body, in characters.
const MAX_MESSAGE_CHARS: usize = 500;

/// Server-supplied text as one line of plain text: control characters (line breaks, tabs,
/// terminal escapes, bidirectional overrides) become spaces, runs of spaces one, and past
/// `MAX_MESSAGE_CHARS` it is cut with an ellipsis.
pub fn one_line(text: &str) -> String {
    let mut line = String::with_capacity(text.len().min(MAX_MESSAGE_CHARS));
    let mut chars = 0;
    for c in text.chars() {
        let c = if c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        {
            ' '
        } else {
            c
        };
        if c == ' ' && (line.is_empty() || line.ends_with(' ')) {
            continue;
        }
        if chars == MAX_MESSAGE_CHARS {
            line.push('…');
            break;
        }
        line.push(c);
        chars += 1;
    }
    line.trim_end().to_string()
}

/// Builds the error for a non-success answer, reading the Wix error body when there is one.
pub fn from_response(
    what: String,
    status: u16,
    content_type: Option<&str>,
    request_id: Option<String>,
    body: &[u8],
    ambiguous: bool,
) -> ApiError {
    let (code, message) = match serde_json::from_slice::<Value>(body) {
        Ok(json) => {
            decode_wix_error(&json).unwrap_or_else(|| (None, describe_body(content_type, body)))
        }
        Err(_) => (None, describe_body(content_type, body)),
    };
    ApiError::Status {
        what,
        status,
        code: code.map(|c| one_line(&c)),
        message: one_line(&message),
        request_id,
        ambiguous,
    }
}

/// `(code, message)` from `{"message", "details": {"applicationError"|"validationError"}}`.
fn decode_wix_error(json: &Value) -> Option<(Option<String>, String)> {
    let details = json.get("details");
    let app = details.and_then(|d| d.get("applicationError"));
    let validation = details.and_then(|d| d.get("validationError"));
    let mut code = app
        .and_then(|a| a.get("code"))
        .and_then(Value::as_str)
        .map(str::to_string);
    let mut message = json
        .get("message")
        .and_then(Value::as_str)
        .map(str::to_string)
        .or_else(|| {
            app.and_then(|a| a.get("description"))
                .and_then(Value::as_str)
                .map(str::to_string)
        })?;
    // The message usually starts with the code ("GALLERY_NOT_FOUND: …"); say it once.
    if let Some((head, rest)) = message.split_once(": ") {
        if !head.is_empty() && head.chars().all(|c| c.is_ascii_uppercase() || c == '_') {
            if code.is_none() {
                code = Some(head.to_string());
            }
            if code.as_deref() == Some(head) {
                message = rest.to_string();
            }
        }
    }
    if let Some(violations) = validation
        .and_then(|v| v.get("fieldViolations"))
        .and_then(Value::as_array)
    {
        let listed: Vec<String> = violations
            .iter()
            .filter_map(|v| {
                let field = v.get("field").and_then(Value::as_str)?;
                let why = v
                    .get("description")
                    .and_then(Value::as_str)
                    .unwrap_or("invalid");
                Some(one_line(&format!("{field} {why}")))
            })
            .collect();
        if !listed.is_empty() && !listed.iter().all(|l| message.contains(l.as_str())) {
            message = format!("{message} ({})", listed.join("; "));
        }
    }
    Some((code, message))
}

/// A human description of a body that is not the expected JSON, never dumping it whole.
pub fn describe_body(content_type: Option<&str>, body: &[u8]) -> String {
    let kind = content_type.unwrap_or("no content type");
    if body.iter().all(u8::is_ascii_whitespace) {
        return format!("the body is empty ({kind})");
    }
    let text = String::from_utf8_lossy(body);
    let start = text.trim_start();
    let lower: String = start
        .chars()
        .take(15)
        .collect::<String>()
        .to_ascii_lowercase();
    if lower.starts_with("<!doctype html") || lower.starts_with("<html") || kind.contains("html") {
        let title = start
            .split_once("<title>")
            .and_then(|(_, rest)| rest.split_once("</title>"))
            .map(|(title, _)| format!(" titled {:?}", title.trim()))
            .unwrap_or_default();
        return format!(
            "the body is an HTML page{title} instead of JSON ({kind}, {} bytes)",
            body.len()
        );
    }
    if start.starts_with('{') || start.starts_with('[') {
        return match serde_json::from_slice::<Value>(body) {
            Err(e) if e.is_eof() => {
                format!("the JSON body is truncated ({} bytes received)", body.len())
            }
            Err(e) => format!("the JSON body is malformed: {e}"),
            Ok(_) => "the JSON body does not have the expected shape".to_string(),
        };
    }
    let snippet: String = start.chars().take(60).collect();
    format!(
        "the body is not JSON ({kind}, {} bytes, starting {snippet:?})",
        body.len()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_application_error() {
        let body = br#"{"message":"GALLERY_NOT_FOUND: gallery x does not exist","details":{"applicationError":{"code":"GALLERY_NOT_FOUND","description":"d","data":{}}}}"#;
        let err = from_response("get".into(), 404, None, Some("r1".into()), body, false);
        assert_eq!(
            err.to_string(),
            "get: HTTP 404 GALLERY_NOT_FOUND: gallery x does not exist (request id r1)"
        );
    }

    #[test]
    fn decodes_validation_error() {
        let body = br#"{"message":"INVALID_ARGUMENT: bad","details":{"validationError":{"fieldViolations":[{"field":"limit","description":"must be between 1 and 10"}]}}}"#;
        let err = from_response("list".into(), 400, None, None, body, false);
        assert_eq!(
            err.to_string(),
            "list: HTTP 400 INVALID_ARGUMENT: bad (limit must be between 1 and 10)"
        );
    }

    #[test]
    fn server_text_is_one_line_of_plain_text() {
        let body =
            br#"{"message":"BAD: line one\nline two\u001b[31m red\u001b[0m\ttab\u202eevil"}"#;
        let err = from_response("get".into(), 500, None, None, body, false);
        let text = err.to_string();
        assert_eq!(
            text,
            "get: HTTP 500 BAD: line one line two [31m red [0m tab evil"
        );
        assert!(!err.is_foreign_answer());
        let long = format!(r#"{{"message":"{}"}}"#, "x".repeat(5000));
        let err = from_response("get".into(), 500, None, None, long.as_bytes(), false);
        assert!(err.to_string().len() < 600, "{err}");
        let html = from_response(
            "get".into(),
            404,
            Some("text/html"),
            None,
            b"<html><title>Not\nFound</title></html>",
            false,
        );
        assert!(html.is_foreign_answer());
        assert!(!html.to_string().contains('\n'), "{html}");
    }

    #[test]
    fn describes_garbage() {
        assert!(describe_body(
            Some("text/html"),
            b"<html><title>Bad Gateway</title></html>"
        )
        .contains("HTML page titled \"Bad Gateway\""));
        assert!(describe_body(None, b"").contains("empty"));
        assert!(describe_body(None, br#"{"gallery": {"id": "#).contains("truncated"));
        assert!(describe_body(None, b"hello").contains("not JSON"));
    }
}
