//! The local stand-in for the Pro Gallery service (axum + SQLite), written from
//! `../shared/spec/api.md` on its own. It must not import `crate::api`.
