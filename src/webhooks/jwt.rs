//! Signing and verifying webhook payloads: an RS256 JWT whose claims are
//! `{"data": "<JSON string>", "iat", "exp"}`, `data` being
//! `{"eventType","instanceId","data": "<JSON string: envelope>","identity": "<JSON string>"}`.
//!
//! Verification accepts RS256 only: `alg: none`, HS256 (the classic "public key as HMAC secret"
//! forgery) and every other algorithm are refused before any key is touched. Time claims are
//! checked with a small clock-skew allowance (`CLOCK_SKEW_SECS`): `exp` (required) past, `nbf`
//! or `iat` in the future, are refused. Failures are sorted
//! into three kinds because callers answer them differently (exit 2 vs 4; HTTP 400 vs 401).

use std::fmt;

use anyhow::{Context as _, Result};
use base64::Engine as _;
use jsonwebtoken::errors::ErrorKind;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde_json::{json, Value};

use super::event::DecodedEvent;

/// How long a signed payload stays valid. Long enough for a sender's retries with backoff to
/// reuse the same token; a sender that retries longer signs the same event again.
pub const TOKEN_TTL_SECS: i64 = 60 * 60;

/// Signs a decoded event into the body of a webhook request, valid from `now` for `ttl_secs`.
pub fn sign_event(
    event: &DecodedEvent,
    key: &EncodingKey,
    now: i64,
    ttl_secs: i64,
) -> Result<String> {
    let mut inner = json!({
        "eventType": event.event_type,
        "instanceId": event.instance_id,
        "data": event.data.to_string(),
        "identity": event.identity.to_string(),
    });
    // An object, not a JSON string: what Wix's SDK reads it as (it parses `identity` and `data`,
    // and takes `accountInfo` as it is).
    if let Some(account_info) = &event.account_info {
        inner["accountInfo"] = account_info.clone();
    }
    let claims = json!({
        "data": inner.to_string(),
        "iat": now,
        "exp": now + ttl_secs,
    });
    jsonwebtoken::encode(&Header::new(Algorithm::RS256), &claims, key).context("signing the event")
}

/// Why a payload was not accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VerifyError {
    /// Not a JWT at all (not three base64url parts with a JSON header): bad input.
    NotJwt(String),
    /// A JWT, refused: bad or missing signature, wrong key, algorithm other than RS256, expired.
    Rejected(String),
    /// Correctly signed, but the claims are not a Wix event (missing or unparsable nested JSON).
    Malformed(String),
}

impl fmt::Display for VerifyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            VerifyError::NotJwt(why) => write!(f, "not a JWT: {why}"),
            VerifyError::Rejected(why) => write!(f, "rejected: {why}"),
            VerifyError::Malformed(why) => write!(f, "malformed event: {why}"),
        }
    }
}

impl std::error::Error for VerifyError {}

/// Verifies payloads against one public key. Cheap to share across requests.
#[derive(Clone)]
pub struct Verifier {
    key: DecodingKey,
    validation: Validation,
}

impl Verifier {
    pub fn new(key: DecodingKey) -> Verifier {
        // RS256 only, `exp` required and checked, `nbf` checked when present, both with
        // `CLOCK_SKEW` of leeway; no audience: Wix payloads carry none.
        let mut validation = Validation::new(Algorithm::RS256);
        validation.validate_aud = false;
        validation.validate_nbf = true;
        validation.leeway = CLOCK_SKEW_SECS;
        Verifier { key, validation }
    }

    /// Verifies `payload` (surrounding whitespace ignored) and unwraps the nested JSON.
    pub fn verify(&self, payload: &str) -> Result<DecodedEvent, VerifyError> {
        let token = payload.trim();
        let alg = header_algorithm(token)?;
        if alg != "RS256" {
            return Err(VerifyError::Rejected(format!(
                "algorithm {alg:?} refused; only RS256 is accepted"
            )));
        }
        let claims = jsonwebtoken::decode::<Value>(token, &self.key, &self.validation)
            .map_err(classify)?
            .claims;
        check_issued_at(&claims, chrono::Utc::now().timestamp())?;
        unwrap_claims(&claims)
    }
}

/// How far the sender's clock may be ahead of or behind ours: a token is accepted up to this long
/// before its `nbf`/`iat` and after its `exp`.
pub const CLOCK_SKEW_SECS: u64 = 60;

/// A token issued (`iat`) later than now, beyond the clock skew, is not valid yet either: it was
/// made for later, or by a sender whose clock is wrong. `iat` must be a number when present.
fn check_issued_at(claims: &Value, now: i64) -> Result<(), VerifyError> {
    let Some(iat) = claims.get("iat") else {
        return Ok(());
    };
    let Some(iat) = iat.as_f64() else {
        return Err(VerifyError::Rejected(
            "token has an iat that is not a number".into(),
        ));
    };
    if iat > (now + CLOCK_SKEW_SECS as i64) as f64 {
        return Err(VerifyError::Rejected(format!(
            "token not valid yet: issued at {iat} but the time here is {now} (more than {CLOCK_SKEW_SECS} s of clock skew)"
        )));
    }
    Ok(())
}

/// The header's `alg`, after checking the token has the shape of a JWT.
fn header_algorithm(token: &str) -> Result<String, VerifyError> {
    if token.is_empty() {
        return Err(VerifyError::NotJwt("empty payload".into()));
    }
    let parts: Vec<&str> = token.split('.').collect();
    if parts.len() != 3 {
        return Err(VerifyError::NotJwt(format!(
            "expected 3 dot-separated parts, found {}",
            parts.len()
        )));
    }
    let is_base64url = |part: &str| {
        part.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'=')
    };
    if parts.iter().any(|part| !is_base64url(part)) {
        return Err(VerifyError::NotJwt("parts are not base64url".into()));
    }
    let header = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(parts[0].trim_end_matches('='))
        .map_err(|_| VerifyError::NotJwt("header is not base64url".into()))?;
    let header: Value = serde_json::from_slice(&header)
        .map_err(|_| VerifyError::NotJwt("header is not JSON".into()))?;
    header
        .get("alg")
        .and_then(Value::as_str)
        .map(str::to_string)
        .ok_or_else(|| VerifyError::NotJwt("header has no alg".into()))
}

fn classify(err: jsonwebtoken::errors::Error) -> VerifyError {
    match err.kind() {
        ErrorKind::InvalidSignature => {
            VerifyError::Rejected("signature does not match the public key".into())
        }
        ErrorKind::ExpiredSignature => VerifyError::Rejected("token expired".into()),
        ErrorKind::ImmatureSignature => {
            VerifyError::Rejected("token not valid yet (its nbf is in the future)".into())
        }
        ErrorKind::InvalidAlgorithm | ErrorKind::InvalidAlgorithmName => {
            VerifyError::Rejected("algorithm refused; only RS256 is accepted".into())
        }
        ErrorKind::MissingRequiredClaim(claim) => {
            VerifyError::Rejected(format!("token has no {claim} claim"))
        }
        ErrorKind::Base64(_) => VerifyError::Rejected("signature is not valid base64url".into()),
        ErrorKind::Json(_) | ErrorKind::Utf8(_) => {
            VerifyError::Malformed("claims are not a JSON object".into())
        }
        other => VerifyError::Rejected(format!("{other:?}")),
    }
}

/// A field that Wix sends as a JSON string; a JSON value in its place is accepted as well.
fn nested(value: Option<&Value>, what: &str) -> Result<Value, VerifyError> {
    match value {
        Some(Value::String(text)) => serde_json::from_str(text)
            .map_err(|e| VerifyError::Malformed(format!("{what} is not a JSON string: {e}"))),
        Some(Value::Null) | None => Err(VerifyError::Malformed(format!("{what} is missing"))),
        Some(other) => Ok(other.clone()),
    }
}

fn unwrap_claims(claims: &Value) -> Result<DecodedEvent, VerifyError> {
    let outer = nested(claims.get("data"), "claim \"data\"")?;
    let event_type = outer
        .get("eventType")
        .and_then(Value::as_str)
        .ok_or_else(|| VerifyError::Malformed("data.eventType is missing".into()))?
        .to_string();
    let instance_id = outer
        .get("instanceId")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    let envelope = nested(outer.get("data"), "data.data")?;
    if !envelope.is_object() {
        return Err(VerifyError::Malformed(
            "the envelope is not a JSON object".into(),
        ));
    }
    match envelope.get("id").and_then(Value::as_str) {
        Some(id) if !id.is_empty() => {}
        _ => return Err(VerifyError::Malformed("the envelope has no id".into())),
    }
    // Identity is informative; a missing one is not a reason to drop an event.
    let identity = match outer.get("identity") {
        None | Some(Value::Null) => Value::Null,
        some => nested(some, "data.identity")?,
    };
    // Kept as sent: an object, or a JSON string parsed like the other nested fields (a string
    // that is not JSON stays a string rather than losing the event).
    let account_info = match outer.get("accountInfo") {
        None | Some(Value::Null) => None,
        Some(Value::String(text)) => {
            Some(serde_json::from_str(text).unwrap_or_else(|_| Value::String(text.clone())))
        }
        Some(other) => Some(other.clone()),
    };
    Ok(DecodedEvent {
        event_type,
        instance_id,
        account_info,
        data: envelope,
        identity,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_from_the_future_are_refused_within_the_skew_allowance() {
        let now = 1_700_000_000;
        assert!(check_issued_at(&json!({}), now).is_ok());
        assert!(check_issued_at(&json!({"iat": now + 30}), now).is_ok());
        let refused = check_issued_at(&json!({"iat": now + 600}), now).unwrap_err();
        assert!(refused.to_string().contains("not valid yet"), "{refused}");
        assert!(check_issued_at(&json!({"iat": "soon"}), now).is_err());
    }
}
