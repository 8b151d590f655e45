//! The permission checks of `auth status`, each on its own: gallery read (a one-gallery page),
//! gallery write (see [`probe_gallery_write`]), Media Manager (a read of a file that does not
//! exist) and Site Search (a one-result search). None of them changes anything.

use reqwest::Method;
use serde_json::{json, Value};

use crate::api::client::{Call, Idempotency};
use crate::api::{galleries, items, ApiError, Client};
use crate::error::Kind;

/// Outcome of one check.
pub(super) struct Check {
    pub capability: &'static str,
    pub state: &'static str,
    pub detail: String,
    /// Why it is a problem, as an exit code's kind; `None` when it is not one.
    pub kind: Option<Kind>,
}

impl Check {
    fn ok(capability: &'static str, detail: impl Into<String>) -> Check {
        Check {
            capability,
            state: "OK",
            detail: detail.into(),
            kind: None,
        }
    }

    /// A failed probe: a refusal names the missing permission; anything else says what it was.
    fn failed(capability: &'static str, error: &ApiError) -> Check {
        let (state, kind) = match error {
            ApiError::Status { status: 401, .. } | ApiError::Credentials { .. } => {
                ("unauthenticated", Some(Kind::Auth))
            }
            ApiError::Status { status: 403, .. } => {
                ("missing scope or wrong site", Some(Kind::Auth))
            }
            ApiError::Network { .. } => ("unreachable", Some(Kind::General)),
            ApiError::Status {
                status: 429 | 503, ..
            } => ("rate limited or unavailable", Some(Kind::RateLimited)),
            _ => ("failed", Some(Kind::General)),
        };
        Check {
            capability,
            state,
            detail: error.to_string(),
            kind,
        }
    }

    fn skipped(capability: &'static str, why: &str) -> Check {
        Check {
            capability,
            state: "not checked",
            detail: why.to_string(),
            kind: None,
        }
    }

    pub fn to_json(&self) -> Value {
        json!({
            "capability": self.capability,
            "ok": self.kind.is_none() && self.state != "not checked",
            "state": self.state,
            "detail": self.detail,
        })
    }
}

pub(super) const GALLERY_READ: &str = "gallery read";
const GALLERY_WRITE: &str = "gallery write";
const MEDIA: &str = "Media Manager";
const SEARCH: &str = "Site Search";

/// The four checks. Once the credentials themselves are refused, the rest are not tried (they
/// would fail the same way, and nothing more is sent with refused credentials).
pub(super) async fn capability_checks(client: &Client) -> Vec<Check> {
    let mut checks = Vec::new();
    let first_gallery = match galleries::list(client, 0, 1, Some(1)).await {
        Ok(page) => {
            checks.push(Check::ok(
                GALLERY_READ,
                match page.total {
                    Some(n) => format!("the site has {n} galleries"),
                    None => "galleries are readable".into(),
                },
            ));
            page.galleries.into_iter().find_map(|g| g.id)
        }
        Err(e) => {
            let check = Check::failed(GALLERY_READ, &e);
            let refused = check.state == "unauthenticated";
            checks.push(check);
            if refused {
                for capability in [GALLERY_WRITE, MEDIA, SEARCH] {
                    checks.push(Check::skipped(capability, "the credentials were refused"));
                }
                return checks;
            }
            None
        }
    };
    checks.push(probe_gallery_write(client, first_gallery.as_deref()).await);
    checks.push(probe_media(client).await);
    checks.push(probe_search(client).await);
    checks
}

/// Gallery write, tried without changing anything: a bulk delete of one freshly made random
/// item id. Ids a gallery does not hold are skipped, not errors (spec/api.md §4), and a random
/// GUID is held by no gallery, so nothing is deleted and no webhook fires; yet it is a write, so
/// the service checks the write permission (401/403 when it is missing). It is sent to the
/// site's first gallery when there is one (200 then means allowed); a site without galleries
/// gets it for a random gallery, where the 404 for the gallery comes after the permission check.
/// (An update of a missing item would be a write too, but its body must be valid for the
/// service to get that far, and a no-op update is exactly what the echo-loop rules avoid.)
async fn probe_gallery_write(client: &Client, gallery: Option<&str>) -> Check {
    let random_gallery = uuid::Uuid::new_v4().to_string();
    let target = gallery.unwrap_or(&random_gallery);
    let probe = vec![uuid::Uuid::new_v4().to_string()];
    let (answer, _) = items::bulk_delete_tracked(client, target, &probe).await;
    match answer {
        Ok(deleted) if deleted.is_empty() => Check::ok(
            GALLERY_WRITE,
            "a bulk delete of a random item id was accepted (it deleted nothing)",
        ),
        Ok(deleted) => Check {
            capability: GALLERY_WRITE,
            state: "OK",
            detail: format!("the probe was accepted, and the service says it deleted {deleted:?}"),
            kind: None,
        },
        Err(ApiError::Status { status: 404, .. }) if gallery.is_none() => Check::ok(
            GALLERY_WRITE,
            "no gallery to try on: a write to a random one got 404, past the permission check",
        ),
        Err(e) => Check::failed(GALLERY_WRITE, &e),
    }
}

/// Media Manager: a read of a file id that cannot exist; 404 (or any answer but a refusal)
/// means the Media Manager lets these credentials in.
async fn probe_media(client: &Client) -> Check {
    let what = "reading the Media Manager (a file that does not exist)";
    let call = Call::new(
        Method::GET,
        format!("{}/files/get-file-by-id", crate::api::media::MEDIA_PREFIX),
        what,
    )
    .query(
        "fileId",
        format!("progallery-probe-{}", uuid::Uuid::new_v4()),
    );
    match client.send(call).await {
        Ok(_) => Check::ok(MEDIA, "readable"),
        Err(ApiError::Status {
            status: 400 | 404, ..
        }) => Check::ok(
            MEDIA,
            "readable (the probe's file does not exist, as expected)",
        ),
        Err(e) => Check::failed(MEDIA, &e),
    }
}

/// Site Search: a one-result search. A 404 is a site without the Site Search app, not a
/// missing permission.
async fn probe_search(client: &Client) -> Check {
    let what = "searching gallery items (one result)";
    let body =
        json!({"documentType": "PROGALLERY_ITEM", "search": {"paging": {"limit": 1, "offset": 0}}});
    let call = Call::new(Method::POST, crate::api::search::PATH.to_string(), what)
        .body(&body)
        .idempotency(Idempotency::Safe);
    match client.send(call).await {
        Ok(_) => Check::ok(SEARCH, "searchable"),
        Err(ApiError::Status { status: 404, .. }) => Check {
            capability: SEARCH,
            state: "not installed",
            detail: "the site has no Wix Site Search app (`items search` answers 404)".into(),
            kind: None,
        },
        Err(e) => Check::failed(SEARCH, &e),
    }
}
