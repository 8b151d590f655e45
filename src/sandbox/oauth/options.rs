//! What a sandbox knows of its apps, from `sandbox serve`'s flags: each app's secret, its
//! instances and their sites, the permissions its tokens lack ([`Capability`]), and how long a
//! token lives (by time, and optionally by use).

use std::collections::HashMap;
use std::time::Duration;

use super::DEFAULT_TOKEN_TTL;

/// A permission an app's token can be denied, as the client's `auth status` checks them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Capability {
    /// `GET` on the Pro Gallery API.
    GalleryRead,
    /// Any other method on the Pro Gallery API.
    GalleryWrite,
    /// The Media Manager (`/site-media/v1/...`).
    Media,
    /// Site Search (`/site-search/v1/...`, `/_api/site-search/v1/...`).
    Search,
}

impl Capability {
    pub const ALL: [Capability; 4] = [
        Capability::GalleryRead,
        Capability::GalleryWrite,
        Capability::Media,
        Capability::Search,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Capability::GalleryRead => "gallery-read",
            Capability::GalleryWrite => "gallery-write",
            Capability::Media => "media",
            Capability::Search => "search",
        }
    }

    pub fn parse(text: &str) -> Option<Capability> {
        let text = text.trim().to_ascii_lowercase();
        Capability::ALL.into_iter().find(|c| c.name() == text)
    }

    /// The capability a request needs, from its method and path; `None` for paths outside the
    /// four APIs (the sandbox's own, the OAuth endpoints).
    pub fn of_request(method: &str, path: &str) -> Option<Capability> {
        let gallery = ["/progallery/v2/", "/pro-gallery/v2/"]
            .iter()
            .any(|p| path.starts_with(p) || path == p.trim_end_matches('/'));
        if gallery {
            return Some(if method == "GET" || method == "HEAD" {
                Capability::GalleryRead
            } else {
                Capability::GalleryWrite
            });
        }
        if path.starts_with("/site-media/") {
            return Some(Capability::Media);
        }
        if path.starts_with("/site-search/") || path.starts_with("/_api/site-search/") {
            return Some(Capability::Search);
        }
        None
    }
}

/// One app the sandbox knows.
#[derive(Clone)]
pub struct AppConfig {
    pub id: String,
    pub secret: String,
    /// Instance id → site id.
    pub instances: HashMap<String, String>,
    pub denied: Vec<Capability>,
}

// The secret never appears in a debug dump.
impl std::fmt::Debug for AppConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppConfig")
            .field("id", &self.id)
            .field("instances", &self.instances)
            .field("denied", &self.denied)
            .finish_non_exhaustive()
    }
}

/// The apps of a sandbox and the lifetime of their tokens.
#[derive(Debug, Clone)]
pub struct OAuthOptions {
    pub apps: Vec<AppConfig>,
    pub token_ttl: Duration,
    /// A token also expires once it has authorised this many requests (`None`: only its time
    /// counts): an expiry at an exact point of a run, whatever the machine's speed.
    pub token_max_uses: Option<u64>,
}

impl Default for OAuthOptions {
    fn default() -> Self {
        OAuthOptions {
            apps: Vec::new(),
            token_ttl: DEFAULT_TOKEN_TTL,
            token_max_uses: None,
        }
    }
}

impl OAuthOptions {
    /// Site → the instance id a site's webhooks name, for each site where exactly one app is
    /// installed (elsewhere the events name the site id, as without apps).
    pub fn webhook_instances(&self) -> HashMap<String, String> {
        let mut by_site: HashMap<String, Vec<String>> = HashMap::new();
        for app in &self.apps {
            for (instance, site) in &app.instances {
                by_site
                    .entry(site.clone())
                    .or_default()
                    .push(instance.clone());
            }
        }
        by_site
            .into_iter()
            .filter(|(_, instances)| instances.len() == 1)
            .map(|(site, mut instances)| (site, instances.remove(0)))
            .collect()
    }

    /// Builds the options from `sandbox serve`'s flags: `apps` as `APP_ID:SECRET`, `instances` as
    /// `APP_ID:INSTANCE_ID[=SITE_ID]` (the seeded site when no site is given), `denials` as
    /// `APP_ID:CAPABILITY`. The error names the flag and the value at fault, never a secret.
    pub fn from_flags(
        apps: &[String],
        instances: &[String],
        denials: &[String],
        token_ttl: Duration,
        default_site: &str,
    ) -> Result<OAuthOptions, String> {
        let mut configs: Vec<AppConfig> = Vec::new();
        for app in apps {
            let Some((id, secret)) = app.split_once(':') else {
                return Err(
                    "--app: expected APP_ID:APP_SECRET (an app id, a colon, its secret)".into(),
                );
            };
            let (id, secret) = (id.trim(), secret.trim());
            if id.is_empty() || secret.is_empty() {
                return Err("--app: the app id and the secret must both be non-empty".into());
            }
            if configs.iter().any(|c| c.id == id) {
                return Err(format!("--app: app {id} is given twice"));
            }
            configs.push(AppConfig {
                id: id.to_string(),
                secret: secret.to_string(),
                instances: HashMap::new(),
                denied: Vec::new(),
            });
        }
        let find = |configs: &mut Vec<AppConfig>, id: &str, flag: &str| -> Result<usize, String> {
            configs.iter().position(|c| c.id == id).ok_or_else(|| {
                format!("{flag}: no app {id:?} was registered with --app APP_ID:SECRET")
            })
        };
        for instance in instances {
            let (head, site) = match instance.split_once('=') {
                Some((head, site)) => (head, site.trim()),
                None => (instance.as_str(), default_site),
            };
            let Some((app_id, instance_id)) = head.split_once(':') else {
                return Err(format!(
                    "--app-instance: expected APP_ID:INSTANCE_ID[=SITE_ID], got {instance:?}"
                ));
            };
            let (app_id, instance_id) = (app_id.trim(), instance_id.trim());
            if instance_id.is_empty() || site.is_empty() {
                return Err(format!(
                    "--app-instance: the instance and the site must be non-empty in {instance:?}"
                ));
            }
            let index = find(&mut configs, app_id, "--app-instance")?;
            configs[index]
                .instances
                .insert(instance_id.to_string(), site.to_string());
        }
        for denial in denials {
            let Some((app_id, capability)) = denial.split_once(':') else {
                return Err(format!(
                    "--app-deny: expected APP_ID:CAPABILITY, got {denial:?}"
                ));
            };
            let Some(capability) = Capability::parse(capability) else {
                return Err(format!(
                    "--app-deny: unknown capability {:?}; expected one of: {}",
                    capability.trim(),
                    Capability::ALL.map(Capability::name).join(", ")
                ));
            };
            let index = find(&mut configs, app_id.trim(), "--app-deny")?;
            if !configs[index].denied.contains(&capability) {
                configs[index].denied.push(capability);
            }
        }
        if token_ttl.is_zero() {
            return Err("--token-ttl must be at least 1 second".into());
        }
        Ok(OAuthOptions {
            apps: configs,
            token_ttl,
            token_max_uses: None,
        })
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// The seeded site, where an instance named without a site lives.
    pub const SITE: &str = "00000000-0000-0000-0000-000000000000";

    /// Two apps (app-2 denied search), app-1 installed on the seeded site and on site-2.
    pub fn options() -> OAuthOptions {
        OAuthOptions::from_flags(
            &["app-1:s3cret".into(), "app-2:other".into()],
            &["app-1:inst-1".into(), "app-1:inst-2=site-2".into()],
            &["app-2:search".into()],
            Duration::from_secs(60),
            SITE,
        )
        .expect("valid flags")
    }

    #[test]
    fn flags_are_parsed_and_bad_ones_named_without_the_secret() {
        let options = options();
        assert_eq!(options.apps[0].instances["inst-1"], SITE);
        assert_eq!(options.apps[0].instances["inst-2"], "site-2");
        assert_eq!(options.apps[1].denied, vec![Capability::Search]);
        for (apps, instances, denials, wanted) in [
            (vec!["nocolon"], vec![], vec![], "--app"),
            (vec!["a:b"], vec!["zz:i"], vec![], "no app \"zz\""),
            (vec!["a:b"], vec!["a"], vec![], "--app-instance"),
            (vec!["a:b"], vec![], vec!["a:fly"], "unknown capability"),
            (vec!["a:b", "a:c"], vec![], vec![], "twice"),
        ] {
            let strings = |v: Vec<&str>| v.into_iter().map(String::from).collect::<Vec<_>>();
            let err = OAuthOptions::from_flags(
                &strings(apps),
                &strings(instances),
                &strings(denials),
                Duration::from_secs(1),
                SITE,
            )
            .expect_err("refused");
            assert!(err.contains(wanted), "{err}");
            assert!(!err.contains("b:") && !err.contains(":c"), "{err}");
        }
    }

    #[test]
    fn capabilities_follow_the_path_and_method() {
        use Capability::*;
        for (method, path, wanted) in [
            ("GET", "/progallery/v2/galleries", Some(GalleryRead)),
            (
                "POST",
                "/pro-gallery/v2/galleries/x/items/delete",
                Some(GalleryWrite),
            ),
            ("PATCH", "/progallery/v2/galleries/x", Some(GalleryWrite)),
            ("GET", "/site-media/v1/files/get-file-by-id", Some(Media)),
            ("POST", "/_api/site-search/v1/search", Some(Search)),
            ("POST", "/oauth2/token", None),
        ] {
            assert_eq!(
                Capability::of_request(method, path),
                wanted,
                "{method} {path}"
            );
        }
    }

    #[test]
    fn one_instance_per_site_names_the_webhooks_instance() {
        let instances = options().webhook_instances();
        assert_eq!(instances.get("site-2").map(String::as_str), Some("inst-2"));
        assert_eq!(instances.get(SITE).map(String::as_str), Some("inst-1"));
        assert_eq!(instances.get("elsewhere"), None);
    }
}
