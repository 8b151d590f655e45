//! Reading the service's answers: the typed field of a JSON answer, and recognising the object an
//! unanswered create may have made. Shared by every typed call, so a garbled answer reads the same
//! everywhere and reconciliation after an ambiguous failure follows one rule.

use chrono::{DateTime, Utc};
use serde_json::{Number, Value};

use super::error::ApiError;

/// The first of `keys` present in `body`, decoded as `T` (the first key names it in errors; later
/// keys are spellings the service has also been seen to use).
pub(super) fn field<T: serde::de::DeserializeOwned>(
    what: &str,
    body: &Value,
    keys: &[&str],
) -> Result<T, ApiError> {
    let field = keys
        .iter()
        .find_map(|k| body.get(*k))
        .ok_or_else(|| ApiError::BadBody {
            what: what.to_string(),
            detail: format!("the answer has no `{}` field", keys[0]),
        })?;
    T::deserialize(field).map_err(|e| ApiError::BadBody {
        what: what.to_string(),
        detail: format!(
            "the answer's `{}` is not what the API describes: {e}",
            keys[0]
        ),
    })
}

/// A typed answer is always a JSON object; anything else is a garbled answer.
pub(super) fn require_object(what: &str, body: Value) -> Result<Value, ApiError> {
    if body.is_object() {
        Ok(body)
    } else {
        Err(ApiError::BadBody {
            what: what.to_string(),
            detail: "the answer is JSON but not an object, as the API describes".to_string(),
        })
    }
}

/// How far the service's clock may be behind ours when judging "created since we sent it".
const CLOCK_SKEW: chrono::Duration = chrono::Duration::seconds(120);

/// What an object made by an unanswered create must look like, apart from its content: created
/// since the create was sent (allowing for clock skew) and, when the create named a `sortOrder`,
/// at exactly that one (sortOrders are unique, which makes that match exact).
pub(super) struct CreatedSince {
    since: DateTime<Utc>,
    sort_order: Option<f64>,
}

impl CreatedSince {
    pub(super) fn new(started: DateTime<Utc>, sent: &Value) -> CreatedSince {
        CreatedSince {
            since: started - CLOCK_SKEW,
            sort_order: sent.get("sortOrder").and_then(Value::as_f64),
        }
    }

    pub(super) fn admits(&self, created_date: Option<&str>, sort_order: Option<&Number>) -> bool {
        let recent = created_date
            .and_then(|d| DateTime::parse_from_rfc3339(d).ok())
            .is_some_and(|d| d >= self.since);
        let same_sort = match self.sort_order {
            Some(sent) => sort_order
                .and_then(Number::as_f64)
                .is_some_and(|held| same_number(held, sent)),
            None => true,
        };
        recent && same_sort
    }
}

/// Two doubles that are the same number once a service has stored and written it back: equal, or
/// apart by no more than a 15-significant-digit round trip can move one (a relative 1e-13, far
/// below the millisecond steps the client spaces sortOrders by at either scale).
fn same_number(a: f64, b: f64) -> bool {
    a == b || (a - b).abs() <= 1e-13 * a.abs().max(b.abs())
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn created_since_needs_a_recent_date_and_the_sent_sort_order() {
        let started = DateTime::parse_from_rfc3339("2026-01-01T12:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let any_sort = CreatedSince::new(started, &json!({"title": "x"}));
        assert!(any_sort.admits(Some("2026-01-01T11:59:00Z"), None));
        assert!(!any_sort.admits(Some("2026-01-01T11:57:00Z"), None));
        assert!(!any_sort.admits(None, None));
        let exact = CreatedSince::new(started, &json!({"sortOrder": 5.5}));
        let five_and_a_half = Number::from_f64(5.5).unwrap();
        let six = Number::from(6);
        assert!(exact.admits(Some("2026-01-01T12:00:01Z"), Some(&five_and_a_half)));
        assert!(!exact.admits(Some("2026-01-01T12:00:01Z"), Some(&six)));
        assert!(!exact.admits(Some("2026-01-01T12:00:01Z"), None));
        // A number the service wrote back one ulp away is still the one sent; the next
        // millisecond is not.
        let sent = CreatedSince::new(started, &json!({"sortOrder": 1796019327.8700001}));
        let stored = Number::from_f64(1796019327.87).unwrap();
        let next = Number::from_f64(1796019327.871).unwrap();
        assert!(sent.admits(Some("2026-01-01T12:00:01Z"), Some(&stored)));
        assert!(!sent.admits(Some("2026-01-01T12:00:01Z"), Some(&next)));
    }
}
