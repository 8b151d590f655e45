//! The only code that speaks HTTP to the gallery service. `client` owns transport (auth headers,
//! retries, rate limiting, error decoding); `galleries` and `items` are typed calls on top of it
//! that never print (`media` for the Media Manager, `download` for media bytes out of it, `search` for Site
//! Search); `model` holds the
//! serde types that keep unknown fields; `paging` is the one walk over a paged resource (each
//! resource's paginator sits beside its calls) and holds the page sizes.

mod answer;
pub mod client;
pub mod download;
pub mod error;
pub mod galleries;
pub mod items;
pub mod media;
pub mod media_wait;
pub mod model;
pub mod paging;
mod ratelimit;
pub mod search;

pub use client::{Client, ClientOptions};
pub use error::ApiError;

/// Path prefix of every Pro Gallery endpoint (what the official SDK sends; spec/api.md §1).
pub const PREFIX: &str = "/progallery/v2";

/// Where Wix serves a media file by its id (the original; stock media that is not in the site's
/// Media Manager too).
pub const STATIC_MEDIA_BASE: &str = "https://static.wixstatic.com/media/";

/// The `User-Agent` of every request this tool makes.
pub const USER_AGENT: &str = concat!("progallery/", env!("CARGO_PKG_VERSION"));

/// Base URL of the real service.
pub const WIX_BASE_URL: &str = "https://www.wixapis.com";

/// True when `id` has the GUID shape the service uses for gallery and item ids.
pub fn is_guid(id: &str) -> bool {
    let bytes = id.as_bytes();
    bytes.len() == 36
        && bytes.iter().enumerate().all(|(i, b)| match i {
            8 | 13 | 18 | 23 => *b == b'-',
            _ => b.is_ascii_hexdigit(),
        })
}
