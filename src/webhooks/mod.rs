//! Pro Gallery webhooks (spec/api.md §5): the event envelope, RS256 signing and verification, the
//! key pair the sandbox signs with, and the receiver behind `webhooks listen`.
//!
//! For the sandbox, delivery needs two calls:
//! - [`keys::load_or_create`]`(data_dir)` once at start, for the [`KeyPair`] (its `public_pem` is
//!   what `sandbox status` and `GET /_sandbox/webhook-public-key` show);
//! - [`sign_mutation`]`(&pair.encoding, &mutation)` per committed change, for the event and the JWT
//!   body, with the mutation built by one of `Mutation::{gallery_created, gallery_updated,
//!   gallery_deleted, item_created, item_updated, item_deleted}` (one per `sandbox::events::Event`
//!   variant).
//!
//! [`delivery::Delivery`] then queues and POSTs the signed events (asynchronously, at least once,
//! in order per gallery) to the sandbox's `--webhook-url`s.
//!
//! This module never speaks to the gallery service; it sends nothing but webhook deliveries.

pub mod dedup;
pub mod delivery;
pub mod event;
pub mod jwt;
pub mod keys;
pub mod listen;
pub mod sample;

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

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn a_signed_mutation_verifies_with_the_pair_and_not_with_another() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (pair, created) = keys::load_or_create(dir.path()).expect("key pair");
        assert!(created);
        let (again, created_again) = keys::load_or_create(dir.path()).expect("key pair");
        assert!(!created_again);
        assert_eq!(again.public_pem, pair.public_pem);
        let signed = sign_mutation(
            &pair.encoding,
            &Mutation {
                event_type: EventType::GalleryUpdated,
                instance_id: "site-1".into(),
                gallery_id: "g-1".into(),
                body: json!({"id": "g-1", "name": "N", "items": [{"id": "i"}]}),
                originated_from: None,
                identity: None,
                account_info: Some(json!({"siteId": "site-1"})),
            },
        )
        .expect("signed");
        let decoded = Verifier::new(pair.decoding.clone())
            .verify(&signed.token)
            .expect("verifies");
        assert_eq!(decoded, signed.event);
        assert_eq!(decoded.account_info, Some(json!({"siteId": "site-1"})));
        assert_eq!(
            decoded.data["updatedEvent"]["currentEntity"]["items"],
            json!([])
        );
        let other = KeyPair::generate().expect("other pair");
        assert!(matches!(
            Verifier::new(other.decoding).verify(&signed.token),
            Err(VerifyError::Rejected(_))
        ));
    }
}
