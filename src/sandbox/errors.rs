//! Wix-shaped error responses (spec §2): every non-200 answer of the sandbox is one of these, with
//! either `details.applicationError` (a code such as `GALLERY_NOT_FOUND`) or
//! `details.validationError.fieldViolations`. Handlers and the store return `ApiError`; nothing else
//! in the sandbox builds an error body.

use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

/// One rejected field of a request, as listed in `validationError.fieldViolations`.
#[derive(Debug, Clone)]
pub struct Violation {
    pub field: String,
    pub description: String,
    pub rule: &'static str,
    pub data: Option<Value>,
}

impl Violation {
    pub fn new(
        field: impl Into<String>,
        description: impl Into<String>,
        rule: &'static str,
    ) -> Self {
        Violation {
            field: field.into(),
            description: description.into(),
            rule,
            data: None,
        }
    }

    pub fn with_data(mut self, data: Value) -> Self {
        self.data = Some(data);
        self
    }

    pub fn required(field: impl Into<String>) -> Self {
        Violation::new(field, "is required", "REQUIRED_FIELD")
    }

    pub fn wrong_type(field: impl Into<String>, expected: &str) -> Self {
        Violation::new(field, format!("must be {expected}"), "FORMAT")
    }
}

/// An error answer: status, JSON body and, for 429, the `Retry-After` seconds.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub body: Value,
    pub retry_after: Option<u64>,
}

impl ApiError {
    /// An `applicationError` body with the given code.
    pub fn application(status: StatusCode, code: &str, description: impl Into<String>) -> Self {
        let description = description.into();
        ApiError {
            status,
            body: json!({
                "message": format!("{code}: {description}"),
                "details": {"applicationError": {"code": code, "description": description, "data": {}}}
            }),
            retry_after: None,
        }
    }

    /// A 400 with every violation found (the first one names the message).
    pub fn validation(violations: Vec<Violation>) -> Self {
        let message = match violations.first() {
            Some(first) if violations.len() == 1 => {
                format!("INVALID_ARGUMENT: {} {}", first.field, first.description)
            }
            Some(first) => format!(
                "INVALID_ARGUMENT: {} {} (and {} more)",
                first.field,
                first.description,
                violations.len() - 1
            ),
            None => "INVALID_ARGUMENT: invalid request".to_string(),
        };
        let list: Vec<Value> = violations
            .iter()
            .map(|v| {
                let mut entry = json!({
                    "field": v.field,
                    "description": v.description,
                    "violatedRule": v.rule,
                });
                if let Some(data) = &v.data {
                    entry["data"] = data.clone();
                }
                entry
            })
            .collect();
        ApiError {
            status: StatusCode::BAD_REQUEST,
            body: json!({
                "message": message,
                "details": {"validationError": {"fieldViolations": list}}
            }),
            retry_after: None,
        }
    }

    pub fn invalid(
        field: impl Into<String>,
        description: impl Into<String>,
        rule: &'static str,
    ) -> Self {
        ApiError::validation(vec![Violation::new(field, description, rule)])
    }

    pub fn gallery_not_found(id: &str) -> Self {
        ApiError::application(
            StatusCode::NOT_FOUND,
            "GALLERY_NOT_FOUND",
            format!("gallery {id} does not exist"),
        )
    }

    pub fn item_not_found(gallery_id: &str, item_id: &str) -> Self {
        ApiError::application(
            StatusCode::NOT_FOUND,
            "ITEM_NOT_FOUND",
            format!("item {item_id} does not exist in gallery {gallery_id}"),
        )
    }

    pub fn sort_order_taken(sort_order: f64, scope: &str) -> Self {
        ApiError::application(
            StatusCode::CONFLICT,
            "SORT_ORDER_ALREADY_EXISTS",
            format!("sortOrder {sort_order} is already used by another {scope}"),
        )
    }

    pub fn internal(description: impl Into<String>) -> Self {
        ApiError::application(StatusCode::INTERNAL_SERVER_ERROR, "INTERNAL", description)
    }

    pub fn unavailable(description: impl Into<String>) -> Self {
        ApiError::application(StatusCode::SERVICE_UNAVAILABLE, "UNAVAILABLE", description)
    }
}

impl From<rusqlite::Error> for ApiError {
    fn from(err: rusqlite::Error) -> Self {
        // A busy database after the busy timeout is an overload, not a bug: say so with a
        // retryable 503 rather than a 500 (clients retry 503 safely).
        if let rusqlite::Error::SqliteFailure(code, _) = &err {
            if matches!(
                code.code,
                rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
            ) {
                return ApiError::unavailable("the sandbox database is busy; retry");
            }
        }
        ApiError::internal(format!("database error: {err}"))
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (self.status, axum::Json(self.body)).into_response();
        if let Some(secs) = self.retry_after {
            if let Ok(value) = HeaderValue::from_str(&secs.to_string()) {
                response.headers_mut().insert("retry-after", value);
            }
        }
        response
    }
}

pub type ApiResult<T> = Result<T, ApiError>;
