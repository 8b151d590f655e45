//! Access tokens: an app's client credentials exchanged at `POST /oauth2/token` (the result cached
//! per instance in the data dir: `token_cache.rs`), and the output of a `--token-command`. Each
//! token is held with its expiry and the moment to renew it (a fifth of its life early, at most 5
//! minutes). A refusal of the credentials themselves ends them for the run ([`TokenState::refuse`]).
//! Nothing here ever puts a secret or a token in an error or a log line.

use std::time::{Duration, SystemTime};

use reqwest::header::{HeaderValue, CONTENT_TYPE, RETRY_AFTER};
use serde_json::{json, Value};

use super::credentials::AppCredentials;
use super::exchange::{header_text, parse_retry_after, read_capped, Capped, MAX_ANSWER_BYTES};
use super::Client;
use crate::api::error::{from_response, ApiError};
use crate::output;

/// The token endpoint, relative to the base URL.
pub const TOKEN_PATH: &str = "/oauth2/token";

/// Renew a token this long before it expires at most…
const MAX_REFRESH_MARGIN: Duration = Duration::from_secs(5 * 60);

/// A token in hand.
#[derive(Clone)]
pub(super) struct Held {
    pub value: HeaderValue,
    /// When to fetch a new one instead (`None`: only on a 401).
    pub refresh_at: Option<SystemTime>,
    pub expires_at: Option<SystemTime>,
    pub from_cache: bool,
}

#[derive(Default)]
pub(super) struct TokenState {
    pub held: Option<Held>,
    /// Bumped at every new token, so a 401 renews the token only once, whoever saw it first.
    pub generation: u64,
    /// The refusal that ended these credentials for this run: (what, detail).
    pub refused: Option<(String, String)>,
}

impl TokenState {
    /// Ends the credentials for this run: this error, and every later request fails with it.
    pub fn refuse(&mut self, what: String, detail: String) -> ApiError {
        self.held = None;
        self.refused = Some((what.clone(), detail.clone()));
        ApiError::Credentials { what, detail }
    }
}

impl Client {
    // ---- apps: the client-credentials exchange ----------------------------------------------

    pub(super) async fn exchange_app_credentials(
        &self,
        app: &AppCredentials,
        state: &mut TokenState,
    ) -> Result<Held, ApiError> {
        let what = format!(
            "getting an access token for app {} (instance {})",
            app.app_id, app.instance_id
        );
        let url = format!("{}{TOKEN_PATH}", self.options.base_url);
        let body = json!({
            "grant_type": "client_credentials",
            "client_id": app.app_id,
            "client_secret": app.app_secret,
            "instance_id": app.instance_id,
        })
        .to_string();
        let attempts = self.options.attempts.max(1);
        let mut attempt = 1;
        loop {
            self.take_turn("asking for an access token").await;
            if self.options.verbose {
                output::diagnostic(&format!(
                    "> POST {url} (client credentials of app {}, instance {}; the secret is not shown)",
                    app.app_id, app.instance_id
                ));
            }
            let asked_at = SystemTime::now();
            let sent = self
                .http
                .post(&url)
                .header(CONTENT_TYPE, "application/json")
                .body(body.clone())
                .send()
                .await;
            let (retryable, error, retry_after) = match sent {
                Err(e) => (
                    true,
                    ApiError::Network {
                        what: what.clone(),
                        detail: super::network_detail(&e, self.options.timeout),
                        ambiguous: false,
                    },
                    None,
                ),
                Ok(response) => {
                    let status = response.status().as_u16();
                    let content_type = header_text(response.headers(), CONTENT_TYPE);
                    let retry_after = header_text(response.headers(), RETRY_AFTER)
                        .as_deref()
                        .and_then(parse_retry_after);
                    let bytes = match read_capped(response, MAX_ANSWER_BYTES).await {
                        Ok(bytes) => bytes,
                        Err(Capped::TooLarge { .. }) => {
                            let detail = format!(
                                "the token endpoint {url} answered {status} with more than {} MiB, far more than a token: stopped reading it",
                                MAX_ANSWER_BYTES >> 20
                            );
                            return Err(state.refuse(what.clone(), detail));
                        }
                        Err(Capped::Broken(e)) => {
                            let error = ApiError::Network {
                                what: what.clone(),
                                detail: format!(
                                    "the answer broke off: {}",
                                    super::network_detail(&e, self.options.timeout)
                                ),
                                ambiguous: false,
                            };
                            if attempt >= attempts {
                                return Err(error);
                            }
                            self.pause(
                                "asking for an access token",
                                "the token answer broke off; asking again",
                                super::retry::backoff(attempt),
                            )
                            .await;
                            attempt += 1;
                            continue;
                        }
                    };
                    if self.options.verbose {
                        output::diagnostic(&format!("< {status} ({} bytes)", bytes.len()));
                    }
                    if (200..300).contains(&status) {
                        let held = token_from_answer(&bytes, content_type.as_deref(), asked_at)
                            .map_err(|detail| {
                                state.refuse(
                                    what.clone(),
                                    format!(
                                        "the token endpoint {url} answered {status} but {detail}"
                                    ),
                                )
                            })?;
                        if self.options.verbose {
                            output::diagnostic(&format!(
                                "* access token received{}",
                                describe_expiry(held.expires_at)
                            ));
                        }
                        self.write_cached(app, &held);
                        return Ok(held);
                    }
                    let error = from_response(
                        what.clone(),
                        status,
                        content_type.as_deref(),
                        None,
                        &bytes,
                        false,
                    );
                    if status == 429 || status >= 500 {
                        (true, error, retry_after)
                    } else {
                        // Any other answer is a refusal of the credentials themselves.
                        let detail = format!(
                            "the app's credentials were refused ({})",
                            status_summary(&error)
                        );
                        return Err(state.refuse(what.clone(), detail));
                    }
                }
            };
            if !retryable || attempt >= attempts {
                return Err(error);
            }
            let delay = super::retry::retry_delay(retry_after, attempt);
            // `pause` shows a long wait on a terminal and logs it under -v.
            self.pause(
                "asking for an access token",
                &format!("retrying the token request after: {error}"),
                delay,
            )
            .await;
            attempt += 1;
        }
    }

    pub(super) async fn run_token_command(
        &self,
        command: &str,
        state: &mut TokenState,
    ) -> Result<Held, ApiError> {
        let what = "getting an access token from --token-command".to_string();
        if self.options.verbose {
            output::diagnostic(&format!("* running --token-command {command:?}"));
        }
        let asked_at = SystemTime::now();
        let child = tokio::process::Command::new("sh")
            .arg("-c")
            .arg(command)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::piped())
            // Its messages are the user's: they go to our stderr as they are.
            .stderr(std::process::Stdio::inherit())
            .kill_on_drop(true)
            .output();
        let output = match tokio::time::timeout(self.options.timeout, child).await {
            Ok(Ok(output)) => output,
            Ok(Err(e)) => {
                let detail = format!("the command could not be started: {e}");
                return Err(state.refuse(what, detail));
            }
            Err(_) => {
                let detail = format!(
                    "the command printed no token within {} s (--timeout)",
                    self.options.timeout.as_secs()
                );
                return Err(state.refuse(what, detail));
            }
        };
        if !output.status.success() {
            let detail = format!("the command failed ({})", output.status);
            return Err(state.refuse(what, detail));
        }
        token_from_command_output(&output.stdout, asked_at)
            .map_err(|detail| state.refuse(what, detail))
    }
}

/// A token as a header value (marked sensitive, so no debug output shows it).
pub(super) fn header_value(token: &str) -> Result<HeaderValue, String> {
    let token = token.trim();
    if token.is_empty() {
        return Err("the access token is empty".to_string());
    }
    let mut value = HeaderValue::from_str(token)
        .map_err(|_| "the access token holds characters not allowed in a header".to_string())?;
    value.set_sensitive(true);
    Ok(value)
}

/// When to renew a token that lives `ttl`: a fifth of its life early, at most 5 minutes.
fn refresh_margin(ttl: Duration) -> Duration {
    (ttl / 5).min(MAX_REFRESH_MARGIN)
}

pub(super) fn held_for(
    value: HeaderValue,
    asked_at: SystemTime,
    expires_in: Option<Duration>,
) -> Held {
    // Counted from when the token was asked for: the service's clock started no earlier.
    let expires_at = expires_in.map(|ttl| asked_at + ttl);
    let refresh_at = expires_in.map(|ttl| asked_at + ttl - refresh_margin(ttl));
    Held {
        value,
        refresh_at,
        expires_at,
        from_cache: false,
    }
}

/// `expires_in` as Wix may send it: a number or a string of seconds.
fn seconds(value: Option<&Value>) -> Option<Duration> {
    let secs = match value? {
        Value::Number(n) => n.as_f64()?,
        Value::String(s) => s.trim().parse::<f64>().ok()?,
        _ => return None,
    };
    (secs.is_finite() && secs >= 0.0).then(|| Duration::from_secs_f64(secs.min(1e9)))
}

/// Reads `{"access_token", "expires_in"}`; the error says what is wrong without quoting it
/// (whatever came back may hold a token).
fn token_from_answer(
    bytes: &[u8],
    content_type: Option<&str>,
    asked_at: SystemTime,
) -> Result<Held, String> {
    let kind = content_type.unwrap_or("no content type");
    let json: Value = serde_json::from_slice(bytes).map_err(|_| {
        if bytes.iter().all(u8::is_ascii_whitespace) {
            format!("its answer is empty ({kind})")
        } else {
            format!("its answer is not JSON ({kind}, {} bytes)", bytes.len())
        }
    })?;
    let token = json
        .get("access_token")
        .or_else(|| json.get("accessToken"))
        .and_then(Value::as_str)
        .filter(|t| !t.trim().is_empty())
        .ok_or_else(|| "its answer holds no access_token".to_string())?;
    let value = header_value(token)?;
    let expires_in = seconds(json.get("expires_in").or_else(|| json.get("expiresIn")));
    Ok(held_for(value, asked_at, expires_in))
}

/// A token command's output: the token alone on a line, or a JSON object with `access_token`
/// (and optionally `expires_in`).
fn token_from_command_output(stdout: &[u8], asked_at: SystemTime) -> Result<Held, String> {
    let text = String::from_utf8_lossy(stdout);
    let text = text.trim();
    if text.starts_with('{') {
        return token_from_answer(text.as_bytes(), Some("JSON"), asked_at)
            .map_err(|why| why.replace("its answer", "its output"));
    }
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    match lines.as_slice() {
        [] => Err("the command printed nothing; it must print the access token".to_string()),
        [token] => Ok(held_for(header_value(token)?, asked_at, None)),
        more => Err(format!(
            "the command printed {} lines; it must print the access token alone",
            more.len()
        )),
    }
}

/// "HTTP 401 UNAUTHENTICATED: …" of a refused call, without its `what`.
pub(super) fn status_summary(error: &ApiError) -> String {
    match error {
        ApiError::Status {
            status,
            code,
            message,
            ..
        } => format!(
            "HTTP {status}{}: {message}",
            code.as_deref().map(|c| format!(" {c}")).unwrap_or_default()
        ),
        other => other.to_string(),
    }
}

pub(super) fn describe_expiry(expires_at: Option<SystemTime>) -> String {
    match expires_at.and_then(|at| at.duration_since(SystemTime::now()).ok()) {
        Some(left) => format!(", valid for {} s more", left.as_secs()),
        None if expires_at.is_some() => ", already expired".to_string(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_renewed_a_fifth_early_at_most_five_minutes() {
        assert_eq!(
            refresh_margin(Duration::from_secs(10)),
            Duration::from_secs(2)
        );
        assert_eq!(
            refresh_margin(Duration::from_secs(4 * 3600)),
            Duration::from_secs(300)
        );
        let now = SystemTime::now();
        let held = held_for(
            header_value("t").unwrap(),
            now,
            Some(Duration::from_secs(100)),
        );
        assert_eq!(held.refresh_at, Some(now + Duration::from_secs(80)));
        assert_eq!(held.expires_at, Some(now + Duration::from_secs(100)));
    }

    #[test]
    fn token_answers_are_read_in_every_documented_form_and_garbage_is_named_not_quoted() {
        let now = SystemTime::now();
        for body in [
            r#"{"access_token":"abc","expires_in":14400}"#,
            r#"{"access_token":"abc","expires_in":"14400","token_type":"Bearer"}"#,
            r#"{"accessToken":"abc","expiresIn":14400}"#,
        ] {
            let held = token_from_answer(body.as_bytes(), None, now).expect(body);
            assert_eq!(held.value.to_str().unwrap(), "abc");
            assert_eq!(held.expires_at, Some(now + Duration::from_secs(14400)));
        }
        let no_expiry = token_from_answer(br#"{"access_token":"abc"}"#, None, now).unwrap();
        assert_eq!(no_expiry.refresh_at, None);
        for (body, wanted) in [
            (&b"<html>secret-looking</html>"[..], "not JSON"),
            (b"", "empty"),
            (br#"{"token":"x"}"#, "no access_token"),
            (br#"{"access_token":"a\nb"}"#, "not allowed"),
        ] {
            let why = token_from_answer(body, Some("text/html"), now)
                .err()
                .expect("refused");
            assert!(why.contains(wanted), "{why}");
            assert!(!why.contains("secret-looking"), "{why}");
        }
    }

    #[test]
    fn token_commands_print_the_token_alone_or_json() {
        let now = SystemTime::now();
        let plain = token_from_command_output(b"\n  tok-123 \n", now).unwrap();
        assert_eq!(plain.value.to_str().unwrap(), "tok-123");
        assert_eq!(plain.refresh_at, None);
        let json =
            token_from_command_output(br#"{"access_token":"t","expires_in":60}"#, now).unwrap();
        assert_eq!(json.expires_at, Some(now + Duration::from_secs(60)));
        assert!(token_from_command_output(b"", now).is_err());
        let two = token_from_command_output(b"tok-one\ntok-two\n", now)
            .err()
            .unwrap();
        assert!(two.contains("2 lines") && !two.contains("tok-"), "{two}");
    }
}
