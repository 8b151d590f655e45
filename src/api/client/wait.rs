//! Waits you can see. Every wait of the client — a `Retry-After` of a 429/503, the backoff before
//! a retry, the rate limiter holding a request back — goes through [`Client::pause`], and a
//! wait of unknown length (media not yet READY, polled) through [`Client::waiting`]. Both tell
//! the [`WaitObserver`] the context gave the client (on a terminal, a notice on stderr that says
//! what is waited for and for how long, cleared after) and log the wait under `-v`.
//!
//! The observer is how the client shows anything without printing itself: `api` never prints,
//! the Printer (`output::waits`) draws. Callers outside this file (the media poll) use the same
//! two methods:
//!
//! ```ignore
//! client.pause("listing items", "rate limited (429)", Duration::from_secs(3)).await;
//! let _notice = client.waiting("media 0a1b… to be ready", "the Media Manager is processing it");
//! ```

use std::sync::Arc;
use std::time::Duration;

use super::Client;
use crate::output;

/// A wait the client is about to do.
#[derive(Debug, Clone, Copy)]
pub struct Wait<'a> {
    /// What is held up ("listing items (offset 100)").
    pub what: &'a str,
    /// Why ("the service answered 429 (rate limited) and asked to retry after 3 s").
    pub why: &'a str,
    /// How long, when known.
    pub length: Option<Duration>,
}

/// Told about each wait as it starts; the notice it returns is dropped when the wait ends.
pub trait WaitObserver: Send + Sync {
    fn begin(&self, wait: &Wait<'_>) -> WaitNotice;
}

/// Whatever the observer shows for a wait; dropping it clears it.
#[derive(Default)]
pub struct WaitNotice {
    _shown: Option<Box<dyn Send + Sync>>,
}

impl WaitNotice {
    pub fn new(shown: impl Send + Sync + 'static) -> WaitNotice {
        WaitNotice {
            _shown: Some(Box::new(shown)),
        }
    }
}

/// The observer of a client built without one: shows nothing.
pub type Observer = Option<Arc<dyn WaitObserver>>;

impl Client {
    /// Waits `length` for the reason given, visibly: the observer is told (a terminal shows a
    /// notice for any wait over a second) and `-v` logs it.
    pub async fn pause(&self, what: &str, why: &str, length: Duration) {
        if self.options.verbose {
            output::diagnostic(&format!(
                "* waiting {} ms: {why} · {what}",
                length.as_millis()
            ));
        }
        let _notice = self.notice(Wait {
            what,
            why,
            length: Some(length),
        });
        tokio::time::sleep(length).await;
    }

    /// An open-ended wait (polling until something is ready): the notice lasts until the value
    /// returned is dropped. `-v` logs its start.
    pub fn waiting(&self, what: &str, why: &str) -> WaitNotice {
        if self.options.verbose {
            output::diagnostic(&format!("* waiting: {why} · {what}"));
        }
        self.notice(Wait {
            what,
            why,
            length: None,
        })
    }

    fn notice(&self, wait: Wait<'_>) -> WaitNotice {
        match &self.options.wait_observer {
            Some(observer) => observer.begin(&wait),
            None => WaitNotice::default(),
        }
    }

    /// Holds a request back until the rate limiter lets it go, visibly when that takes long.
    pub(super) async fn take_turn(&self, what: &str) {
        let Some(limiter) = &self.limiter else {
            return;
        };
        while let Err(wait) = limiter.try_acquire().await {
            self.pause(what, "keeping to the request budget (--rate-limit)", wait)
                .await;
        }
    }
}
