//! Who the client is (spec/api.md §1): an API key with its site, an app (OAuth client
//! credentials for one instance, exchanged at `POST /oauth2/token` for an access token), a ready
//! access token (`WIX_ACCESS_TOKEN`), or a command that prints one (`--token-command`).
//!
//! An app's token is cached per instance in the data dir (`tokens/`, 0600 in an owner-only
//! directory) until shortly before its `expires_in` runs out, renewed ahead of that during long
//! runs, and renewed once when the service answers 401 (the request is then sent again: a 401 is
//! a clean refusal, so even a create can go again). One exchange serves every request waiting for
//! it. When the credentials themselves are refused (a 4xx or an answer without a token from the
//! token endpoint, a failing token command, a 401 to a fresh or unrenewable token) the refusal is
//! remembered and every later request of the run fails at once with it: nothing more is sent.
//!
//! No secret and no token ever reaches an error, a log line or the output: errors name the app
//! and instance, `-v` shows `****` in their place.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::header::{HeaderValue, CONTENT_TYPE, RETRY_AFTER};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use super::Client;
use crate::api::error::{from_response, ApiError};
use crate::output;

/// The token endpoint, relative to the base URL.
pub const TOKEN_PATH: &str = "/oauth2/token";
/// The token description endpoint, relative to the base URL.
pub const TOKEN_INFO_PATH: &str = "/oauth2/token-info";

/// Renew a token this long before it expires at most…
const MAX_REFRESH_MARGIN: Duration = Duration::from_secs(5 * 60);

/// How the client authenticates.
#[derive(Clone)]
pub enum Credentials {
    /// An API key; it needs the site it acts on (`wix-site-id`).
    ApiKey {
        key: String,
        site_id: Option<String>,
    },
    /// An app's client credentials for one of its instances.
    App(AppCredentials),
    /// A ready access token from elsewhere; `from` names where (for messages).
    Token { token: String, from: String },
    /// A shell command that prints a fresh access token when run.
    TokenCommand { command: String },
}

#[derive(Clone)]
pub struct AppCredentials {
    pub app_id: String,
    pub app_secret: String,
    pub instance_id: String,
}

// Never print a secret, even in a debug dump.
impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Credentials::ApiKey { site_id, .. } => f
                .debug_struct("ApiKey")
                .field("site_id", site_id)
                .finish_non_exhaustive(),
            Credentials::App(app) => f
                .debug_struct("App")
                .field("app_id", &app.app_id)
                .field("instance_id", &app.instance_id)
                .finish_non_exhaustive(),
            Credentials::Token { from, .. } => f
                .debug_struct("Token")
                .field("from", from)
                .finish_non_exhaustive(),
            Credentials::TokenCommand { .. } => f.write_str("TokenCommand"),
        }
    }
}

impl Credentials {
    /// Whether a refused token can be replaced by a fresh one.
    fn renewable(&self) -> bool {
        matches!(self, Credentials::App(_) | Credentials::TokenCommand { .. })
    }

    /// Who is speaking, for messages: never a secret.
    pub fn describe(&self) -> String {
        match self {
            Credentials::ApiKey { .. } => "the API key".to_string(),
            Credentials::App(app) => format!("app {} (instance {})", app.app_id, app.instance_id),
            Credentials::Token { from, .. } => format!("the access token from {from}"),
            Credentials::TokenCommand { .. } => "the token from --token-command".to_string(),
        }
    }
}

/// A token in hand.
#[derive(Clone)]
struct Held {
    value: HeaderValue,
    /// When to fetch a new one instead (`None`: only on a 401).
    refresh_at: Option<SystemTime>,
    expires_at: Option<SystemTime>,
    from_cache: bool,
}

#[derive(Default)]
pub(super) struct TokenState {
    held: Option<Held>,
    /// Bumped at every new token, so a 401 renews the token only once, whoever saw it first.
    generation: u64,
    /// The refusal that ended these credentials for this run: (what, detail).
    refused: Option<(String, String)>,
}

/// The `Authorization` value for one request, and which token it was (its generation).
type Authorization = (HeaderValue, u64);

/// What `auth status` shows of the token in use.
#[derive(Debug, Clone)]
pub(crate) struct TokenStatus {
    pub expires_at: Option<SystemTime>,
    pub from_cache: bool,
}

impl Client {
    pub fn credentials(&self) -> &Credentials {
        &self.options.credentials
    }

    /// The `Authorization` value for the next request, and which token it is: the API key, or
    /// a token that is valid now (fetched, or renewed ahead of its expiry, first).
    pub(super) async fn authorization(&self, what: &str) -> Result<Authorization, ApiError> {
        if let Credentials::ApiKey { .. } = self.options.credentials {
            return self
                .api_key_header
                .clone()
                .map(|value| (value, 0))
                .ok_or_else(|| not_a_header(what));
        }
        let mut state = self.tokens.lock().await;
        if let Some((_, detail)) = &state.refused {
            return Err(ApiError::Credentials {
                what: what.to_string(),
                detail: detail.clone(),
            });
        }
        if let Some(held) = &state.held {
            let fresh = held.refresh_at.map_or(true, |at| SystemTime::now() < at);
            if fresh {
                return Ok((held.value.clone(), state.generation));
            }
        }
        let held = match &self.options.credentials {
            Credentials::ApiKey { .. } => return Err(not_a_header(what)),
            Credentials::Token { token, .. } => Held {
                value: header_value(token).map_err(|detail| self.refuse_now(&mut state, detail))?,
                refresh_at: None,
                expires_at: None,
                from_cache: false,
            },
            Credentials::App(app) => match (state.generation, self.read_cached(app)) {
                // The disk cache only at the start: a token renewed since is newer than it.
                (0, Some(held)) => held,
                _ => self
                    .exchange_app_credentials(app, &mut state)
                    .await
                    .map_err(|e| self.rewhat(e, what))?,
            },
            Credentials::TokenCommand { command } => self
                .run_token_command(command, &mut state)
                .await
                .map_err(|e| self.rewhat(e, what))?,
        };
        state.generation += 1;
        let value = held.value.clone();
        state.held = Some(held);
        Ok((value, state.generation))
    }

    /// After a 401 to a request sent with token `generation`: `Ok` when a new token will be
    /// used (send the request again), else the error that ends the call and the credentials
    /// (`renewed` is true when this request already had a new token).
    pub(super) async fn unauthorized(
        &self,
        generation: u64,
        renewed: bool,
        error: ApiError,
    ) -> Result<(), ApiError> {
        let credentials = &self.options.credentials;
        if let Credentials::ApiKey { .. } = credentials {
            return Err(error);
        }
        let mut state = self.tokens.lock().await;
        if !credentials.renewable() || renewed {
            let detail = format!(
                "the service refused {} ({}){}",
                credentials.describe(),
                status_summary(&error),
                match credentials {
                    Credentials::Token { .. } => {
                        "; it may have expired: get a fresh one, or give --token-command to fetch one when needed"
                    }
                    _ => " even just after it was renewed",
                }
            );
            let what = api_error_what(&error);
            return Err(self.refuse_with(&mut state, what, detail));
        }
        if state.generation == generation {
            state.held = None;
            if let Credentials::App(app) = credentials {
                self.forget_cached(app);
            }
        }
        if self.options.verbose {
            output::diagnostic("* 401: getting a new access token and sending the request again");
        }
        Ok(())
    }

    /// The token in use, when there is one (fetching it if needed): its expiry and whether it
    /// came from the cache.
    pub(crate) async fn token_status(&self) -> Result<Option<TokenStatus>, ApiError> {
        if let Credentials::ApiKey { .. } = self.options.credentials {
            return Ok(None);
        }
        self.authorization("getting an access token").await?;
        let state = self.tokens.lock().await;
        Ok(state.held.as_ref().map(|held| TokenStatus {
            expires_at: held.expires_at,
            from_cache: held.from_cache,
        }))
    }

    /// `POST /oauth2/token-info` about the token in use: what the service says of it (its
    /// instance, app, expiry). `None` with an API key.
    pub async fn token_info(&self) -> Result<Option<Value>, ApiError> {
        if let Credentials::ApiKey { .. } = self.options.credentials {
            return Ok(None);
        }
        let what = "describing the access token (/oauth2/token-info)";
        let (token, _) = self.authorization(what).await?;
        let token = token.to_str().unwrap_or_default().to_string();
        let body = json!({ "token": token });
        let url = format!("{}{TOKEN_INFO_PATH}", self.options.base_url);
        if self.options.verbose {
            output::diagnostic(&format!("> POST {url} {{\"token\": \"****\"}}"));
        }
        let response = self
            .http
            .post(&url)
            .header(CONTENT_TYPE, "application/json")
            .body(body.to_string())
            .send()
            .await
            .map_err(|e| ApiError::Network {
                what: what.to_string(),
                detail: super::network_detail(&e, self.options.timeout),
                ambiguous: false,
            })?;
        let status = response.status().as_u16();
        let content_type = response
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let bytes = response.bytes().await.unwrap_or_default();
        if !(200..300).contains(&status) {
            return Err(from_response(
                what.to_string(),
                status,
                content_type.as_deref(),
                None,
                &bytes,
                false,
            ));
        }
        serde_json::from_slice::<Value>(&bytes)
            .ok()
            .filter(Value::is_object)
            .map(Some)
            .ok_or_else(|| ApiError::BadBody {
                what: what.to_string(),
                detail: "the answer is not a JSON object".to_string(),
            })
    }

    fn refuse_now(&self, state: &mut TokenState, detail: String) -> ApiError {
        self.refuse_with(state, "using the credentials".to_string(), detail)
    }

    fn refuse_with(&self, state: &mut TokenState, what: String, detail: String) -> ApiError {
        state.held = None;
        state.refused = Some((what.clone(), detail.clone()));
        ApiError::Credentials { what, detail }
    }

    /// Puts the failed call's own description in front of a credentials error.
    fn rewhat(&self, error: ApiError, what: &str) -> ApiError {
        match error {
            ApiError::Credentials { detail, .. } => ApiError::Credentials {
                what: what.to_string(),
                detail,
            },
            other => other,
        }
    }

    // ---- apps: the client-credentials exchange ----------------------------------------------

    async fn exchange_app_credentials(
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
            if let Some(limiter) = &self.limiter {
                limiter.acquire().await;
            }
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
                    let headers = response.headers().clone();
                    let content_type = headers
                        .get(CONTENT_TYPE)
                        .and_then(|v| v.to_str().ok())
                        .map(str::to_string);
                    let retry_after = headers
                        .get(RETRY_AFTER)
                        .and_then(|v| v.to_str().ok())
                        .and_then(|v| v.trim().parse::<u64>().ok())
                        .map(|secs| Duration::from_secs(secs.min(60)));
                    let bytes = match response.bytes().await {
                        Ok(bytes) => bytes,
                        Err(e) => {
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
                            tokio::time::sleep(super::retry::backoff(attempt)).await;
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
                                self.refuse_with(
                                    state,
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
                        return Err(self.refuse_with(state, what.clone(), detail));
                    }
                }
            };
            if !retryable || attempt >= attempts {
                return Err(error);
            }
            let delay = retry_after.unwrap_or_else(|| super::retry::backoff(attempt));
            if self.options.verbose {
                output::diagnostic(&format!(
                    "* retrying the token request in {} ms after: {error}",
                    delay.as_millis()
                ));
            }
            tokio::time::sleep(delay).await;
            attempt += 1;
        }
    }

    fn cache_path(&self, app: &AppCredentials) -> Option<PathBuf> {
        let dir = self.options.token_cache_dir.as_ref()?;
        // The secret is part of the key: a changed secret never reuses a token of the old one.
        let digest = Sha256::digest(
            format!(
                "{}\0{}\0{}\0{}",
                self.options.base_url, app.app_id, app.instance_id, app.app_secret
            )
            .as_bytes(),
        );
        let name: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
        Some(dir.join(format!("{name}.json")))
    }

    fn read_cached(&self, app: &AppCredentials) -> Option<Held> {
        let path = self.cache_path(app)?;
        let held = read_cache_file(&path)?;
        if self.options.verbose {
            output::diagnostic(&format!(
                "* access token of instance {} from the cache{}",
                app.instance_id,
                describe_expiry(held.expires_at)
            ));
        }
        Some(held)
    }

    fn write_cached(&self, app: &AppCredentials, held: &Held) {
        let Some(path) = self.cache_path(app) else {
            return;
        };
        // A cache that cannot be written only costs an exchange next time.
        if let Err(e) = write_cache_file(&path, held) {
            if self.options.verbose {
                output::diagnostic(&format!("* the token cache was not written: {e}"));
            }
        }
    }

    fn forget_cached(&self, app: &AppCredentials) {
        if let Some(path) = self.cache_path(app) {
            let _ = std::fs::remove_file(path);
        }
    }

    // ---- --token-command ---------------------------------------------------------------------

    async fn run_token_command(
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
                return Err(self.refuse_with(state, what, detail));
            }
            Err(_) => {
                let detail = format!(
                    "the command printed no token within {} s (--timeout)",
                    self.options.timeout.as_secs()
                );
                return Err(self.refuse_with(state, what, detail));
            }
        };
        if !output.status.success() {
            let detail = format!("the command failed ({})", output.status);
            return Err(self.refuse_with(state, what, detail));
        }
        token_from_command_output(&output.stdout, asked_at)
            .map_err(|detail| self.refuse_with(state, what, detail))
    }
}

fn not_a_header(what: &str) -> ApiError {
    ApiError::Credentials {
        what: what.to_string(),
        detail: "the API key holds characters not allowed in a header".to_string(),
    }
}

/// A token as a header value (marked sensitive, so no debug output shows it).
fn header_value(token: &str) -> Result<HeaderValue, String> {
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

fn held_for(value: HeaderValue, asked_at: SystemTime, expires_in: Option<Duration>) -> Held {
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
fn status_summary(error: &ApiError) -> String {
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

fn api_error_what(error: &ApiError) -> String {
    match error {
        ApiError::Status { what, .. }
        | ApiError::BadBody { what, .. }
        | ApiError::Network { what, .. }
        | ApiError::Credentials { what, .. } => what.clone(),
    }
}

fn describe_expiry(expires_at: Option<SystemTime>) -> String {
    match expires_at.and_then(|at| at.duration_since(SystemTime::now()).ok()) {
        Some(left) => format!(", valid for {} s more", left.as_secs()),
        None if expires_at.is_some() => ", already expired".to_string(),
        None => String::new(),
    }
}

fn unix_secs(time: SystemTime) -> f64 {
    time.duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs_f64())
        .unwrap_or(0.0)
}

fn from_unix_secs(secs: f64) -> Option<SystemTime> {
    (secs.is_finite() && secs >= 0.0).then(|| UNIX_EPOCH + Duration::from_secs_f64(secs))
}

/// A cached token still worth using (its renewal time not reached), else `None`.
fn read_cache_file(path: &Path) -> Option<Held> {
    let text = std::fs::read_to_string(path).ok()?;
    let json: Value = serde_json::from_str(&text).ok()?;
    let token = json.get("accessToken")?.as_str()?;
    let expires_at = from_unix_secs(json.get("expiresAt")?.as_f64()?)?;
    let refresh_at = from_unix_secs(json.get("refreshAt")?.as_f64()?)?;
    if SystemTime::now() >= refresh_at {
        return None;
    }
    Some(Held {
        value: header_value(token).ok()?,
        refresh_at: Some(refresh_at),
        expires_at: Some(expires_at),
        from_cache: true,
    })
}

fn write_cache_file(path: &Path, held: &Held) -> std::io::Result<()> {
    // A token without an expiry is not cached: there would be no telling when it ends.
    let (Some(expires_at), Some(refresh_at)) = (held.expires_at, held.refresh_at) else {
        return Ok(());
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    create_private_dir(dir)?;
    let text = json!({
        "accessToken": held.value.to_str().unwrap_or_default(),
        "expiresAt": unix_secs(expires_at),
        "refreshAt": unix_secs(refresh_at),
    })
    .to_string();
    // tempfile creates its files 0600: the token is never readable by others, not even briefly.
    let mut temp = tempfile::NamedTempFile::new_in(dir)?;
    std::io::Write::write_all(&mut temp, text.as_bytes())?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
        if !dir.is_dir() {
            std::fs::DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(dir)?;
        }
        // An existing directory others can enter is closed to them: it holds tokens.
        let mode = std::fs::metadata(dir)?.permissions().mode() & 0o777;
        if mode & 0o077 != 0 {
            std::fs::set_permissions(dir, std::fs::Permissions::from_mode(mode & 0o700))?;
        }
        Ok(())
    }
    #[cfg(not(unix))]
    {
        std::fs::create_dir_all(dir)
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

    #[test]
    fn the_cache_file_is_private_and_read_back_until_its_renewal_time() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("tokens/x.json");
        let now = SystemTime::now();
        let held = held_for(
            header_value("cached").unwrap(),
            now,
            Some(Duration::from_secs(600)),
        );
        write_cache_file(&path, &held).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(&path), 0o600);
            assert_eq!(mode(path.parent().unwrap()), 0o700);
        }
        let back = read_cache_file(&path).expect("still valid");
        assert_eq!(back.value.to_str().unwrap(), "cached");
        assert!(back.from_cache);
        let stale = held_for(
            header_value("old").unwrap(),
            now - Duration::from_secs(1000),
            Some(Duration::from_secs(600)),
        );
        write_cache_file(&path, &stale).unwrap();
        assert!(read_cache_file(&path).is_none(), "past its renewal time");
    }
}
