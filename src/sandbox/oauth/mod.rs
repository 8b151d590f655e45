//! The sandbox as an OAuth server for apps (spec/api.md §1): `POST /oauth2/token` turns an app's
//! client credentials and one of its instances into an expiring access token, `POST
//! /oauth2/token-info` describes a token, and the gate (`routes/gate.rs`) asks [`OAuth::lookup`]
//! whether an `Authorization` value is one of these tokens, and for which site.
//!
//! What it knows comes from `sandbox serve`: the apps and their secrets (`--app ID:SECRET`), the
//! instance of each app on each site (`--app-instance APP_ID:INSTANCE_ID[=SITE_ID]`), the lifetime
//! of a token (`--token-ttl SECS`, Wix's 4 hours by default) and the permissions an app's tokens
//! lack (`--app-deny APP_ID:CAPABILITY`), so a client's permission checks can be tried. Tokens
//! live in memory: a restarted sandbox has forgotten them, and a client holding one gets a 401,
//! as it would after any revocation.
//!
//! Tokens are opaque random strings behind a fixed prefix ([`TOKEN_PREFIX`]): the prefix is how the
//! sandbox tells an unknown or forgotten token (401) from an API key (checked as a key). It is the
//! sandbox's own convention; a client never looks at it.

mod options;
mod routes;

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::http::StatusCode;
use base64::Engine as _;
use rand::RngCore;
use serde_json::{json, Map, Value};

pub use options::{AppConfig, Capability, OAuthOptions};
pub use routes::{is_oauth_path, router};

use super::errors::{ApiError, Violation};

/// What every token this sandbox issues starts with.
pub const TOKEN_PREFIX: &str = "sandbox-oauth.";

/// Wix's documented lifetime of an app's access token.
pub const DEFAULT_TOKEN_TTL: Duration = Duration::from_secs(4 * 60 * 60);

/// Tokens that expired longer ago than this are forgotten (then they are "unknown", still 401).
const FORGET_EXPIRED_AFTER: Duration = Duration::from_secs(24 * 60 * 60);

/// What a token grants: an app acting on one instance, which is one site.
#[derive(Debug, Clone)]
pub struct Grant {
    pub app_id: String,
    pub instance_id: String,
    pub site: String,
    pub denied: Vec<Capability>,
}

struct Issued {
    grant: Grant,
    issued_at: SystemTime,
    expires_at: SystemTime,
    /// Requests it authorised so far.
    uses: u64,
}

/// What an `Authorization` value is, as far as the OAuth server can tell.
pub enum Lookup {
    /// A live token of this sandbox.
    Valid(Grant),
    /// A token of this sandbox past its expiry.
    Expired,
    /// Shaped like this sandbox's tokens but not one it issued (or one it has forgotten).
    Unknown,
    /// Not a token: an API key, checked as such.
    NotAToken,
}

/// The OAuth state of a running sandbox.
pub struct OAuth {
    options: OAuthOptions,
    tokens: Mutex<HashMap<String, Issued>>,
}

impl OAuth {
    pub fn new(options: OAuthOptions) -> OAuth {
        OAuth {
            options,
            tokens: Mutex::new(HashMap::new()),
        }
    }

    /// Classifies an `Authorization` value (without any `Bearer ` prefix).
    pub fn lookup(&self, value: &str) -> Lookup {
        if !value.starts_with(TOKEN_PREFIX) {
            return Lookup::NotAToken;
        }
        let now = SystemTime::now();
        let mut tokens = self.tokens.lock().unwrap_or_else(|p| p.into_inner());
        match tokens.get_mut(value) {
            Some(issued) if now < issued.expires_at => {
                if let Some(max) = self.options.token_max_uses {
                    if issued.uses >= max {
                        issued.expires_at = now;
                        return Lookup::Expired;
                    }
                }
                issued.uses += 1;
                Lookup::Valid(issued.grant.clone())
            }
            Some(_) => Lookup::Expired,
            None => Lookup::Unknown,
        }
    }

    /// `POST /oauth2/token`: the client-credentials grant.
    pub fn issue(&self, body: &Map<String, Value>) -> Result<Value, ApiError> {
        // Every missing field is named at once, as for the other endpoints.
        let mut violations = Vec::new();
        let mut field = |name: &str| -> String {
            match body.get(name) {
                Some(Value::String(text)) if !text.trim().is_empty() => text.trim().to_string(),
                Some(Value::String(_)) | None | Some(Value::Null) => {
                    violations.push(Violation::required(name));
                    String::new()
                }
                Some(_) => {
                    violations.push(Violation::wrong_type(name, "a string"));
                    String::new()
                }
            }
        };
        let grant_type = field("grant_type");
        let client_id = field("client_id");
        let client_secret = field("client_secret");
        let instance_id = field("instance_id");
        if !violations.is_empty() {
            return Err(ApiError::validation(violations));
        }
        if grant_type != "client_credentials" {
            return Err(ApiError::invalid(
                "grant_type",
                format!("must be client_credentials, not {grant_type:?}"),
                "VALUE",
            ));
        }
        // One answer for an unknown app and a wrong secret: which one it was is not told.
        let Some(app) = self
            .options
            .apps
            .iter()
            .find(|app| app.id == client_id && app.secret == client_secret)
        else {
            return Err(ApiError::application(
                StatusCode::UNAUTHORIZED,
                "UNAUTHENTICATED",
                "invalid client credentials: unknown app id or wrong app secret",
            ));
        };
        let Some(site) = app.instances.get(&instance_id) else {
            return Err(ApiError::application(
                StatusCode::FORBIDDEN,
                "PERMISSION_DENIED",
                format!("app {} is not installed on instance {instance_id}", app.id),
            ));
        };
        let now = SystemTime::now();
        let ttl = self.options.token_ttl;
        let token = new_token();
        let mut tokens = self.tokens.lock().unwrap_or_else(|p| p.into_inner());
        tokens.retain(|_, issued| {
            now.duration_since(issued.expires_at)
                .map_or(true, |past| past < FORGET_EXPIRED_AFTER)
        });
        tokens.insert(
            token.clone(),
            Issued {
                grant: Grant {
                    app_id: app.id.clone(),
                    instance_id: instance_id.clone(),
                    site: site.clone(),
                    denied: app.denied.clone(),
                },
                issued_at: now,
                expires_at: now + ttl,
                uses: 0,
            },
        );
        Ok(json!({
            "access_token": token,
            "token_type": "Bearer",
            "expires_in": ttl.as_secs(),
        }))
    }

    /// `POST /oauth2/token-info`: what a live token is (its app, instance, site and times, int64
    /// values as strings as everywhere in the API); an expired or unknown one is a 401.
    pub fn info(&self, body: &Map<String, Value>) -> Result<Value, ApiError> {
        let Some(token) = body.get("token").and_then(Value::as_str) else {
            return Err(ApiError::validation(vec![Violation::required("token")]));
        };
        let token = strip_bearer(token);
        let tokens = self.tokens.lock().unwrap_or_else(|p| p.into_inner());
        match tokens.get(token) {
            Some(issued) if SystemTime::now() < issued.expires_at => Ok(json!({
                "active": true,
                "subjectType": "APP",
                "subjectId": issued.grant.app_id,
                "clientId": issued.grant.app_id,
                "instanceId": issued.grant.instance_id,
                "siteId": issued.grant.site,
                "iat": unix_secs(issued.issued_at).to_string(),
                "exp": unix_secs(issued.expires_at).to_string(),
            })),
            Some(_) => Err(expired()),
            None => Err(unknown()),
        }
    }

    /// Expires every token issued so far (`DELETE /_sandbox/oauth/tokens`): the next request with
    /// one of them gets a 401, exactly when a test wants it.
    pub fn expire_all(&self) -> usize {
        let now = SystemTime::now();
        let mut tokens = self.tokens.lock().unwrap_or_else(|p| p.into_inner());
        let mut expired = 0;
        for issued in tokens.values_mut() {
            if issued.expires_at > now {
                issued.expires_at = now;
                expired += 1;
            }
        }
        expired
    }

    /// `GET /_sandbox/oauth`: the apps (never their secrets), their instances and denials, the
    /// token lifetime, and how many tokens were issued and are still live.
    pub fn status(&self) -> Value {
        let now = SystemTime::now();
        let tokens = self.tokens.lock().unwrap_or_else(|p| p.into_inner());
        let apps: Vec<Value> = self
            .options
            .apps
            .iter()
            .map(|app| {
                let mut instances: Vec<(&String, &String)> = app.instances.iter().collect();
                instances.sort();
                let mine = tokens.values().filter(|t| t.grant.app_id == app.id);
                let (issued, live) = mine.fold((0, 0), |(issued, live), t| {
                    (issued + 1, live + usize::from(t.expires_at > now))
                });
                json!({
                    "appId": app.id,
                    "instances": instances
                        .into_iter()
                        .map(|(instance, site)| json!({"instanceId": instance, "siteId": site}))
                        .collect::<Vec<_>>(),
                    "denied": app.denied.iter().map(|c| c.name()).collect::<Vec<_>>(),
                    "tokensIssued": issued,
                    "tokensLive": live,
                })
            })
            .collect();
        json!({
            "tokenTtlSecs": self.options.token_ttl.as_secs(),
            "tokenMaxUses": self.options.token_max_uses,
            "apps": apps,
        })
    }
}

/// The raw token of an `Authorization` value (a `Bearer ` prefix is tolerated, as by Wix).
pub fn strip_bearer(value: &str) -> &str {
    let value = value.trim();
    match value.split_once(' ') {
        Some((scheme, rest)) if scheme.eq_ignore_ascii_case("bearer") => rest.trim(),
        _ => value,
    }
}

/// 401 for a token past its expiry.
pub fn expired() -> ApiError {
    ApiError::application(
        StatusCode::UNAUTHORIZED,
        "UNAUTHENTICATED",
        "the access token has expired; request a new one at /oauth2/token",
    )
}

/// 401 for a token this server does not know.
pub fn unknown() -> ApiError {
    ApiError::application(
        StatusCode::UNAUTHORIZED,
        "UNAUTHENTICATED",
        "unknown access token",
    )
}

/// 403 for a token whose app lacks the permission a request needs.
pub fn denied(grant: &Grant, capability: Capability) -> ApiError {
    ApiError::application(
        StatusCode::FORBIDDEN,
        "PERMISSION_DENIED",
        format!(
            "app {} lacks the {} permission on this site",
            grant.app_id,
            capability.name()
        ),
    )
}

/// Replaces the secrets of an OAuth request body (`client_secret`, `token`) before it is
/// logged: the request log never holds a credential.
pub fn masked_body(body: &[u8]) -> Vec<u8> {
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(mut map)) => {
            for key in ["client_secret", "token", "refresh_token"] {
                if map.contains_key(key) {
                    map.insert(key.to_string(), json!("****"));
                }
            }
            Value::Object(map).to_string().into_bytes()
        }
        // Not a JSON object: it may still hold a secret, so none of it is kept.
        _ if body.is_empty() => Vec::new(),
        _ => b"\"****\"".to_vec(),
    }
}

fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    format!(
        "{TOKEN_PREFIX}{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
    )
}

fn unix_secs(time: SystemTime) -> u64 {
    time.duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::options::tests::options;
    use super::*;

    fn request(secret: &str, instance: &str) -> Map<String, Value> {
        json!({"grant_type": "client_credentials", "client_id": "app-1", "client_secret": secret, "instance_id": instance})
            .as_object()
            .cloned()
            .unwrap()
    }

    #[test]
    fn issues_tokens_only_for_known_apps_and_instances() {
        let oauth = OAuth::new(options());
        let answer = oauth.issue(&request("s3cret", "inst-2")).expect("issued");
        let token = answer["access_token"].as_str().unwrap().to_string();
        assert_eq!(answer["expires_in"], 60);
        match oauth.lookup(&token) {
            Lookup::Valid(grant) => assert_eq!(grant.site, "site-2"),
            _ => panic!("a valid token"),
        }
        assert_eq!(
            oauth.issue(&request("wrong", "inst-1")).unwrap_err().status,
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(
            oauth.issue(&request("s3cret", "nope")).unwrap_err().status,
            StatusCode::FORBIDDEN
        );
        assert!(matches!(
            oauth.lookup(&format!("{TOKEN_PREFIX}forged")),
            Lookup::Unknown
        ));
        assert!(matches!(
            oauth.lookup("IST.some-api-key"),
            Lookup::NotAToken
        ));
        let info = oauth
            .info(json!({"token": token}).as_object().unwrap())
            .expect("info");
        assert_eq!(info["instanceId"], "inst-2");
        assert_eq!(oauth.expire_all(), 1);
        assert!(matches!(oauth.lookup(&token), Lookup::Expired));
        // A use limit ends a token after that many requests.
        let limited = OAuth::new(OAuthOptions {
            token_max_uses: Some(2),
            ..options()
        });
        let answer = limited.issue(&request("s3cret", "inst-1")).unwrap();
        let token = answer["access_token"].as_str().unwrap();
        assert!(matches!(limited.lookup(token), Lookup::Valid(_)));
        assert!(matches!(limited.lookup(token), Lookup::Valid(_)));
        assert!(matches!(limited.lookup(token), Lookup::Expired));
        assert!(oauth
            .info(json!({"token": token}).as_object().unwrap())
            .is_err());
    }

    #[test]
    fn logged_bodies_lose_their_secrets() {
        let masked = masked_body(br#"{"client_id":"a","client_secret":"s3cret"}"#);
        let text = String::from_utf8(masked).unwrap();
        assert!(
            !text.contains("s3cret") && text.contains("\"client_id\":\"a\""),
            "{text}"
        );
        assert_eq!(masked_body(b"client_secret=s3cret"), b"\"****\"".to_vec());
    }
}
