//! The credentials a client speaks with (spec/api.md §1): an API key with its site, an app's
//! client credentials for one of its instances, a ready access token, or a command that prints
//! one. A type of their own, so that the token code and the request code can both name them.

/// How the client authenticates.
#[derive(Clone)]
pub enum Credentials {
    /// An API key; it needs the site it acts on (`wix-site-id`).
    ApiKey {
        key: String,
        site_id: Option<String>,
    },
    /// An app's client credentials for one of its instances.
    App(AppCredentials),
    /// A ready access token from elsewhere; `from` names where (for messages).
    Token { token: String, from: String },
    /// A shell command that prints a fresh access token when run.
    TokenCommand { command: String },
}

#[derive(Clone)]
pub struct AppCredentials {
    pub app_id: String,
    pub app_secret: String,
    pub instance_id: String,
}

// Never print a secret, even in a debug dump.
impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Credentials::ApiKey { site_id, .. } => f
                .debug_struct("ApiKey")
                .field("site_id", site_id)
                .finish_non_exhaustive(),
            Credentials::App(app) => f
                .debug_struct("App")
                .field("app_id", &app.app_id)
                .field("instance_id", &app.instance_id)
                .finish_non_exhaustive(),
            Credentials::Token { from, .. } => f
                .debug_struct("Token")
                .field("from", from)
                .finish_non_exhaustive(),
            Credentials::TokenCommand { .. } => f.write_str("TokenCommand"),
        }
    }
}

impl Credentials {
    /// Whether a refused token can be replaced by a fresh one.
    pub(super) fn renewable(&self) -> bool {
        matches!(self, Credentials::App(_) | Credentials::TokenCommand { .. })
    }

    /// Who is speaking, for messages: never a secret.
    pub fn describe(&self) -> String {
        match self {
            Credentials::ApiKey { .. } => "the API key".to_string(),
            Credentials::App(app) => format!("app {} (instance {})", app.app_id, app.instance_id),
            Credentials::Token { from, .. } => format!("the access token from {from}"),
            Credentials::TokenCommand { .. } => "the token from --token-command".to_string(),
        }
    }
}
