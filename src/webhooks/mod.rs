//! Pro Gallery webhooks (spec/api.md §5): the event envelope, RS256 signing and verification, the
//! key pair the sandbox signs with, and the receiver behind `webhooks listen`.
//!
//! For the sandbox, delivery needs two calls:
//! - [`keys::load_or_create`]`(data_dir)` once at start, for the [`KeyPair`];
//! - [`sign_mutation`]`(&pair.encoding, &mutation)` per committed change, for the event id and JWT body.
//!
//! This module never speaks to the gallery service; it sends nothing but webhook deliveries.

pub mod dedup;
pub mod event;
pub mod jwt;
pub mod keys;
pub mod listen;

pub use event::{DecodedEvent, EventType, Mutation};
pub use jwt::{Verifier, VerifyError};
pub use keys::KeyPair;

/// A signed delivery: the event id (for logs and dedup) and the request body (the JWT).
#[derive(Debug, Clone)]
pub struct SignedEvent {
    pub event: DecodedEvent,
    pub token: String,
}

/// Turns a committed mutation into a signed webhook body (fresh event id, `eventTime` now,
/// valid for [`jwt::TOKEN_TTL_SECS`]). To retry later than that, re-sign `event` with
/// [`jwt::sign_event`]: the event id stays, so receivers still deduplicate.
pub fn sign_mutation(
    key: &jsonwebtoken::EncodingKey,
    mutation: &Mutation,
) -> anyhow::Result<SignedEvent> {
    let event = event::event_from_mutation(mutation);
    let token = jwt::sign_event(
        &event,
        key,
        chrono::Utc::now().timestamp(),
        jwt::TOKEN_TTL_SECS,
    )?;
    Ok(SignedEvent { event, token })
}
