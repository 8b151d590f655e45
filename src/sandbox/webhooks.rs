//! The sandbox's webhooks: its signing key pair, turning each committed [`Event`] into the Wix
//! envelope of spec/api.md §5, and handing it to `crate::webhooks::delivery` for the
//! `--webhook-url`s. With no URL (the CLI's embedded `--sandbox` mode) nothing is built or sent,
//! and the key pair is loaded only if someone asks for the public key, so starting stays cheap.
//!
//! The key lives in the data dir (`webhook-private-key.pem`, shared with `webhooks listen` and
//! `webhooks trigger`); a sandbox without a data dir makes a fresh pair for its lifetime.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context as _, Result};
use serde_json::{json, Value};

use super::events::Event;
use crate::webhooks::delivery::{Delivery, Notify, RetryPolicy};
use crate::webhooks::event::event_from_mutation;
use crate::webhooks::{keys, KeyPair, Mutation};

/// Where and how the sandbox delivers its events.
#[derive(Debug, Clone, Default)]
pub struct WebhookOptions {
    /// Each event is POSTed to every URL; empty means no delivery at all.
    pub urls: Vec<String>,
    pub retry: RetryPolicy,
    /// Site → the app instance its events name as `instanceId` (set by `start` from the apps
    /// the sandbox knows); a site not listed is named by its own id.
    pub instances: HashMap<String, String>,
}

pub struct Webhooks {
    data_dir: Option<PathBuf>,
    urls: Vec<String>,
    instances: HashMap<String, String>,
    key: tokio::sync::OnceCell<KeyPair>,
    delivery: Option<Delivery>,
}

impl Webhooks {
    /// Loads (or creates) the key pair and starts delivery when there are URLs; otherwise only
    /// remembers where the key would be.
    pub async fn start(options: WebhookOptions, data_dir: Option<PathBuf>) -> Result<Webhooks> {
        let mut webhooks = Webhooks {
            data_dir,
            urls: options.urls,
            instances: options.instances,
            key: tokio::sync::OnceCell::new(),
            delivery: None,
        };
        if !webhooks.urls.is_empty() {
            let pair = webhooks.key_pair().await?.clone();
            let notify: Notify = Arc::new(notice);
            webhooks.delivery = Some(Delivery::start(
                &webhooks.urls,
                pair.encoding,
                options.retry,
                notify,
            )?);
        }
        Ok(webhooks)
    }

    /// The signing pair: the data dir's (created on first use) or, without one, a fresh pair.
    pub async fn key_pair(&self) -> Result<&KeyPair> {
        self.key
            .get_or_try_init(|| async {
                let dir = self.data_dir.clone();
                tokio::task::spawn_blocking(move || match dir {
                    Some(dir) => keys::load_or_create(&dir).map(|(pair, _)| pair),
                    None => KeyPair::generate(),
                })
                .await
                .context("loading the webhook key pair")?
                .context("loading the webhook key pair")
            })
            .await
    }

    /// True when events are delivered somewhere (so `emit` has work to do).
    pub fn delivering(&self) -> bool {
        self.delivery.is_some()
    }

    /// Queues the webhook for a committed event. Cheap and never waits: signing and sending
    /// happen in the delivery tasks.
    pub fn emit(&self, event: &Event) {
        let Some(delivery) = &self.delivery else {
            return;
        };
        let mutation = mutation_of(event);
        // The event is for the app instance on the site, and says which site (`accountInfo`).
        let site = mutation.instance_id.clone();
        let mut mutation = mutation.with_site(&site);
        if let Some(instance) = self.instances.get(&site) {
            mutation.instance_id = instance.clone();
        }
        let decoded = event_from_mutation(&mutation);
        delivery.enqueue(&mutation.gallery_id, decoded);
    }

    /// `GET /_sandbox/webhooks`: the URLs, the key file and the per-URL counters.
    pub fn status(&self) -> Value {
        json!({
            "urls": self.urls,
            "publicKeyPath": self.data_dir.as_ref().map(|d| keys::public_key_path(d).display().to_string()),
            "targets": self.delivery.as_ref().map(Delivery::status).unwrap_or_else(|| json!([])),
        })
    }

    /// Delivers what is still queued for up to `grace`, then reports what was left undelivered.
    pub async fn shutdown(&self, grace: Duration) {
        let Some(delivery) = &self.delivery else {
            return;
        };
        for (url, left) in delivery.shutdown(grace).await {
            notice(&format!(
                "webhooks: {left} event(s) not delivered to {url} (the sandbox stopped)"
            ));
        }
    }
}

/// Tells the sandbox's operator about deliveries (given up, left undelivered): one line on
/// stderr. The sandbox is a library that cannot name the client's `output`, so it writes it here.
fn notice(message: &str) {
    eprintln!("progallery: {message}");
}

/// The envelope rules live in `crate::webhooks::Mutation`; this only maps the variants.
fn mutation_of(event: &Event) -> Mutation {
    match event {
        Event::GalleryCreated { site, gallery } => Mutation::gallery_created(site, gallery.clone()),
        Event::GalleryUpdated { site, gallery } => Mutation::gallery_updated(site, gallery.clone()),
        Event::GalleryDeleted { site, gallery_id } => Mutation::gallery_deleted(site, gallery_id),
        Event::ItemCreated {
            site,
            gallery_id,
            item,
        } => Mutation::item_created(site, gallery_id, item.clone()),
        Event::ItemUpdated {
            site,
            gallery_id,
            item,
        } => Mutation::item_updated(site, gallery_id, item.clone()),
        Event::ItemDeleted {
            site,
            gallery_id,
            item_id,
            gallery_deleted,
        } => Mutation::item_deleted(site, gallery_id, item_id, *gallery_deleted),
    }
}
