//! `progallery auth status`: the identity in use (API key, app instance, external token), where
//! each value comes from, the token's expiry, and each permission checked on its own
//! (`checks.rs`), so a missing one is named before a bulk run fails halfway.

use std::time::SystemTime;

use anyhow::Result;
use serde_json::{json, Value};

use super::checks::{capability_checks, Check, GALLERY_READ};
use crate::api::client::{mask_secret, Credentials};
use crate::api::Client;
use crate::cli::OutputFormat;
use crate::config::{Source, Sourced};
use crate::context::Context;
use crate::error::{CliError, Kind};

/// What status shows about the identity: labelled values with their sources.
struct Shown {
    profile: Option<Sourced<String>>,
    base_url: Option<Sourced<String>>,
    identity: Option<&'static str>,
    fields: Vec<(&'static str, &'static str, Option<Sourced<String>>)>,
}

fn shown_identity(settings: &crate::context::Settings) -> (Shown, Option<Kind>) {
    let secret_set = |v: &Option<Sourced<String>>| {
        v.as_ref()
            .map(|s| Sourced::new("(set, not shown)".to_string(), s.source))
    };
    let masked = |v: &Option<Sourced<String>>| {
        v.as_ref()
            .map(|s| Sourced::new(mask_secret(&s.value), s.source))
    };
    let (identity, problem) = match settings.identity() {
        Ok(Some(identity)) => (Some(identity.kind()), None),
        Ok(None) => (None, None),
        Err(_) => (Some("(conflicting credentials)"), Some(Kind::Usage)),
    };
    let mut fields = vec![
        ("site id", "siteId", settings.site_id.clone()),
        ("API key", "apiKey", masked(&settings.api_key)),
    ];
    let is_app = identity == Some("app instance")
        || settings.app_id.is_some()
        || settings.instance_id.is_some();
    if is_app {
        fields.push(("app id", "appId", settings.app_id.clone()));
        fields.push(("app secret", "appSecret", secret_set(&settings.app_secret)));
        fields.push(("instance", "instanceId", settings.instance_id.clone()));
    }
    if settings.access_token.is_some() {
        fields.push(("token", "accessToken", secret_set(&settings.access_token)));
    }
    if settings.token_command.is_some() {
        fields.push(("token cmd", "tokenCommand", settings.token_command.clone()));
    }
    (
        Shown {
            profile: settings.profile.clone(),
            base_url: Some(settings.base_url.clone()),
            identity,
            fields,
        },
        problem,
    )
}

pub(super) async fn status(ctx: &Context) -> Result<i32> {
    let sandbox = |v: &str| Some(Sourced::new(v.to_string(), Source::Sandbox));
    let (mut shown, conflict) = if ctx.embedded_sandbox() {
        (
            Shown {
                profile: None,
                base_url: None,
                identity: Some("API key"),
                fields: vec![
                    ("site id", "siteId", sandbox(crate::sandbox::DEFAULT_SITE)),
                    ("API key", "apiKey", sandbox("(fixed sandbox key)")),
                ],
            },
            None,
        )
    } else {
        let settings = ctx.settings().await?;
        shown_identity(&settings)
    };
    let (checks, token) = if shown.identity.is_none() {
        (
            vec![Check {
                capability: GALLERY_READ,
                state: "not logged in",
                detail: "no credentials".into(),
                kind: Some(Kind::Auth),
            }],
            None,
        )
    } else if conflict.is_some() {
        let error = ctx.settings().await?.identity().err();
        (
            vec![Check {
                capability: GALLERY_READ,
                state: "not usable",
                detail: error.map(|e| format!("{e:#}")).unwrap_or_default(),
                kind: conflict,
            }],
            None,
        )
    } else {
        match ctx.client().await {
            Ok(client) => {
                let token = token_line(client).await;
                (capability_checks(client).await, token)
            }
            Err(e) => (
                vec![Check {
                    capability: GALLERY_READ,
                    state: "not usable",
                    detail: format!("{e:#}"),
                    kind: Some(crate::error::kind_of(&e)),
                }],
                None,
            ),
        }
    };
    if ctx.embedded_sandbox() {
        shown.base_url = Some(Sourced::new(
            ctx.client()
                .await
                .map(|c| c.base_url().to_string())
                .unwrap_or_default(),
            Source::Sandbox,
        ));
    }
    // The first problem decides the overall state and the exit code.
    let first_problem = checks.iter().find(|c| c.kind.is_some());
    let overall = match first_problem {
        None => {
            json!({"ok": true, "state": "OK", "detail": checks.first().map(|c| c.detail.clone()).unwrap_or_default()})
        }
        Some(check) => {
            json!({"ok": false, "state": check.state, "detail": format!("{}: {}", check.capability, check.detail)})
        }
    };
    let field = |v: &Option<Sourced<String>>| match v {
        Some(s) => json!({ "value": s.value, "source": s.source.to_string() }),
        None => Value::Null,
    };
    if matches!(ctx.printer.format, OutputFormat::Json | OutputFormat::Jsonl) {
        let mut out = json!({
            "profile": field(&shown.profile),
            "baseUrl": field(&shown.base_url),
            "identity": shown.identity,
        });
        for (_, key, value) in &shown.fields {
            out[*key] = field(value);
        }
        out["token"] = token.as_ref().map_or(Value::Null, |t| t.json.clone());
        out["checks"] = Value::Array(checks.iter().map(Check::to_json).collect());
        out["check"] = overall;
        ctx.printer.json(&out)?;
    } else {
        let line = |label: &str, v: &Option<Sourced<String>>| match v {
            Some(s) => format!("{label:<14}{} ({})", s.value, s.source),
            None => format!("{label:<14}(none)"),
        };
        let mut lines = vec![
            line("profile", &shown.profile),
            line("base URL", &shown.base_url),
            format!(
                "{:<14}{}",
                "identity",
                shown.identity.unwrap_or("(none: not logged in)")
            ),
        ];
        for (label, _, value) in &shown.fields {
            if value.is_some() || matches!(*label, "site id" | "API key") {
                lines.push(line(label, value));
            }
        }
        if let Some(token) = &token {
            lines.push(format!("{:<14}{}", "token", token.text));
        }
        for check in &checks {
            let detail = if check.detail.is_empty() {
                String::new()
            } else {
                format!(": {}", check.detail)
            };
            lines.push(format!("{:<14}{}{detail}", check.capability, check.state));
        }
        ctx.printer.text(&lines.join("\n"))?;
    }
    match first_problem {
        None => Ok(0),
        Some(check) => {
            let kind = check.kind.unwrap_or(Kind::General);
            let hint = match (kind, check.state) {
                (Kind::Auth, "missing scope or wrong site") => {
                    "give the key or the app this permission (for an app: its Permissions page in the Wix Developers dashboard), then check again"
                }
                (Kind::Auth, _) => "run `progallery auth login`",
                (Kind::Usage, _) => "keep one kind of credentials: see the message above",
                _ => "check the base URL and your connection",
            };
            let message = match check.state {
                "missing scope or wrong site" => {
                    format!("missing permission: {}", check.capability)
                }
                state => format!("credentials check: {state}"),
            };
            Err(CliError::new(kind, message).with_hint(hint).into())
        }
    }
}

/// The token line of `status`: its expiry as the client knows it (or as `/oauth2/token-info`
/// says, for a token from elsewhere).
struct TokenLine {
    text: String,
    json: Value,
}

async fn token_line(client: &Client) -> Option<TokenLine> {
    let external = match client.credentials() {
        Credentials::ApiKey { .. } => return None,
        Credentials::App(_) => false,
        Credentials::Token { .. } | Credentials::TokenCommand { .. } => true,
    };
    let status = match client.token_status().await {
        Ok(status) => status,
        Err(e) => {
            return Some(TokenLine {
                text: format!("not obtained: {e}"),
                json: json!({"obtained": false, "error": e.to_string()}),
            })
        }
    };
    let mut expires_at = status.as_ref().and_then(|s| s.expires_at);
    let mut said_by = "as received";
    if expires_at.is_none() && external {
        // A token from elsewhere says nothing of its expiry: ask the service.
        if let Ok(Some(info)) = client.token_info().await {
            expires_at = info_expiry(&info);
            said_by = "per /oauth2/token-info";
        }
    }
    let cached = status.as_ref().is_some_and(|s| s.from_cache);
    let when = expires_at.map(|at| {
        chrono::DateTime::<chrono::Utc>::from(at).to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
    });
    let left = expires_at.and_then(|at| at.duration_since(SystemTime::now()).ok());
    let text = match (&when, left) {
        (Some(when), Some(left)) => format!(
            "expires {when} (in {}; {said_by}{})",
            human_duration(left.as_secs()),
            if cached { ", from the cache" } else { "" }
        ),
        (Some(when), None) => format!("expired {when}"),
        (None, _) => "expiry unknown (renewed when refused)".to_string(),
    };
    Some(TokenLine {
        text,
        json: json!({"obtained": true, "expiresAt": when, "cached": cached}),
    })
}

/// `exp` of a token-info answer: seconds since the epoch as a number or a string (milliseconds
/// when it is that large).
fn info_expiry(info: &Value) -> Option<SystemTime> {
    let exp = info.get("exp").or_else(|| info.get("expiresAt"))?;
    let number = match exp {
        Value::Number(n) => n.as_f64()?,
        Value::String(s) => s.trim().parse::<f64>().ok()?,
        _ => return None,
    };
    let secs = if number > 1e11 {
        number / 1000.0
    } else {
        number
    };
    (secs.is_finite() && secs > 0.0)
        .then(|| SystemTime::UNIX_EPOCH + std::time::Duration::from_secs_f64(secs))
}

fn human_duration(secs: u64) -> String {
    match secs {
        0..=119 => format!("{secs} s"),
        120..=7199 => format!("{} min", secs / 60),
        _ => format!("{} h {} min", secs / 3600, (secs % 3600) / 60),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::identity::Identity;

    #[test]
    fn token_info_expiry_is_read_as_seconds_or_milliseconds_numbers_or_strings() {
        let at = |v: Value| info_expiry(&json!({ "exp": v }));
        let secs = SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_900_000_000);
        assert_eq!(at(json!(1_900_000_000)), Some(secs));
        assert_eq!(at(json!("1900000000")), Some(secs));
        assert_eq!(at(json!(1_900_000_000_000u64)), Some(secs));
        assert_eq!(at(json!("soon")), None);
    }

    #[test]
    fn durations_read_like_a_person_would_say_them() {
        assert_eq!(human_duration(59), "59 s");
        assert_eq!(human_duration(600), "10 min");
        assert_eq!(human_duration(4 * 3600 + 61), "4 h 1 min");
    }

    #[test]
    fn identities_are_named() {
        let id = Identity::Token(Sourced::new("t".into(), Source::Env));
        assert_eq!(id.kind(), "external access token");
    }
}
