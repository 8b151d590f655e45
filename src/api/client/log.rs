//! The `-v` log of a request on stderr: method, URL, headers and the start of the body, with
//! the API key masked and access tokens not shown at all (secrets never appear in output).

use reqwest::header::AUTHORIZATION;
use serde_json::Value;

use super::Client;
use crate::output;

impl Client {
    pub(super) fn log_request(&self, request: &reqwest::Request, body: Option<&Value>) {
        output::diagnostic(&format!("> {} {}", request.method(), request.url()));
        // The default headers are added by reqwest when sending; show them here.
        if let super::Credentials::ApiKey {
            site_id: Some(site),
            ..
        } = &self.options.credentials
        {
            output::diagnostic(&format!("> wix-site-id: {site}"));
        }
        for (name, value) in request.headers() {
            let shown = if name == AUTHORIZATION {
                self.shown_authorization()
            } else {
                value.to_str().unwrap_or("<binary>").to_string()
            };
            output::diagnostic(&format!("> {name}: {shown}"));
        }
        output::diagnostic(&format!(
            "> user-agent: progallery/{}",
            env!("CARGO_PKG_VERSION")
        ));
        if let Some(body) = body {
            let text = body.to_string();
            let shown: String = text.chars().take(2000).collect();
            output::diagnostic(&format!("> {shown}"));
        }
    }
}

impl Client {
    /// What `-v` shows for the `Authorization` header: the API key masked, a token not at all.
    fn shown_authorization(&self) -> String {
        match &self.options.credentials {
            super::Credentials::ApiKey { key, .. } => mask_secret(key),
            _ => "**** (access token, not shown)".to_string(),
        }
    }
}

/// A secret shown as its first 4 and last 4 characters; short secrets are hidden entirely.
pub fn mask_secret(secret: &str) -> String {
    let chars: Vec<char> = secret.chars().collect();
    if chars.len() < 16 {
        return "****".to_string();
    }
    let head: String = chars[..4].iter().collect();
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("{head}…{tail}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks() {
        assert_eq!(mask_secret("IST.abcdefghijklmnopXYZW"), "IST.…XYZW");
        assert_eq!(mask_secret("short"), "****");
    }
}
