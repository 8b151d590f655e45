//! Who the client is and how each request proves it (spec/api.md §1): the `Authorization` value
//! of the next request (the API key, or an access token valid now, fetched or renewed ahead of
//! its expiry first; `token.rs`), and what a 401 means: with an app's credentials or a token
//! command, the token is renewed once and the request sent again (a 401 is a clean refusal, so
//! even a create can go again); one exchange serves every request waiting for it. When the
//! credentials themselves are refused (a 4xx or an answer without a token from the token
//! endpoint, a failing token command, a 401 to a fresh or unrenewable token) the refusal is
//! remembered and every later request of the run fails at once with it: nothing more is sent.
//!
//! No secret and no token ever reaches an error, a log line or the output: errors name the app
//! and instance, `-v` shows `****` in their place.

use std::time::SystemTime;

use reqwest::header::{HeaderValue, CONTENT_TYPE};
use serde_json::{json, Value};

use super::credentials::Credentials;
use super::exchange::{read_capped, Capped, MAX_ANSWER_BYTES};
use super::token::{header_value, status_summary, Held};
use super::Client;
use crate::api::error::{from_response, ApiError};
use crate::output;

/// The token description endpoint, relative to the base URL.
pub const TOKEN_INFO_PATH: &str = "/oauth2/token-info";

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
                value: header_value(token)
                    .map_err(|detail| state.refuse("using the credentials".to_string(), detail))?,
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
            return Err(state.refuse(what, detail));
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
        let content_type = super::exchange::header_text(response.headers(), CONTENT_TYPE);
        let bytes = match read_capped(response, MAX_ANSWER_BYTES).await {
            Ok(bytes) => bytes,
            Err(Capped::TooLarge { .. }) => {
                return Err(ApiError::BadBody {
                    what: what.to_string(),
                    detail: format!(
                        "the answer is larger than {} MiB: stopped reading it",
                        MAX_ANSWER_BYTES >> 20
                    ),
                })
            }
            Err(Capped::Broken(e)) => {
                return Err(ApiError::Network {
                    what: what.to_string(),
                    detail: format!(
                        "the answer broke off: {}",
                        super::network_detail(&e, self.options.timeout)
                    ),
                    ambiguous: false,
                })
            }
        };
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
}

fn not_a_header(what: &str) -> ApiError {
    ApiError::Credentials {
        what: what.to_string(),
        detail: "the API key holds characters not allowed in a header".to_string(),
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
