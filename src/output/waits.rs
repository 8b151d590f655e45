//! Wait notices: the Printer's side of the client's wait hook (`api::client::wait`). On a
//! terminal (and without `--quiet`), a wait over a second shows one line on stderr, drawn with
//! the progress bars and cleared when the wait ends: what is held up, why, and how long is left
//! (a known wait: `Retry-After`, a backoff, the rate limiter) or how long it has lasted so far
//! (polling until media is READY, shown once it has lasted a second).

use std::sync::{Arc, Mutex};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};

use super::Printer;
use crate::api::client::{Wait, WaitNotice, WaitObserver};

/// Waits shorter than this show nothing: nobody is left wondering for less.
const SHOWN_FROM: Duration = Duration::from_secs(1);

impl Printer {
    /// The observer the context gives the API client.
    pub fn wait_observer(&self) -> Arc<dyn WaitObserver> {
        let shown = !self.quiet && self.terminal.stderr_tty;
        Arc::new(Notices {
            bars: shown.then(|| self.bars().clone()),
        })
    }
}

struct Notices {
    /// None when notices are not shown (off a terminal, or `--quiet`).
    bars: Option<indicatif::MultiProgress>,
}

impl WaitObserver for Notices {
    fn begin(&self, wait: &Wait<'_>) -> WaitNotice {
        let Some(bars) = &self.bars else {
            return WaitNotice::default();
        };
        // Why first: when the line is cut to the terminal's width, it is the "what" that goes.
        let message = format!("{} · {}", wait.why, wait.what);
        match wait.length {
            Some(length) if length < SHOWN_FROM => WaitNotice::default(),
            Some(length) => WaitNotice::new(Cleared(Some(notice(bars, message, Some(length))))),
            None => {
                // Shown only once the wait has lasted a second; a wait that ends first is never
                // drawn. `cancelled` is set under the lock by the notice's drop, so a timer that
                // fires just then cannot leave a line behind.
                let slot: Slot = Arc::new(Mutex::new((false, None)));
                let Ok(runtime) = tokio::runtime::Handle::try_current() else {
                    return WaitNotice::new(Cleared(Some(notice(bars, message, None))));
                };
                let timer = {
                    let slot = Arc::clone(&slot);
                    let bars = bars.clone();
                    runtime.spawn(async move {
                        tokio::time::sleep(SHOWN_FROM).await;
                        let mut guard = slot.lock().unwrap_or_else(|e| e.into_inner());
                        if !guard.0 {
                            guard.1 = Some(notice(&bars, message, None));
                        }
                    })
                };
                WaitNotice::new(Delayed { slot, timer })
            }
        }
    }
}

type Slot = Arc<Mutex<(bool, Option<ProgressBar>)>>;

/// One notice line: "⠋ waiting 3 s · listing items: the service answered 429 …" counting
/// down, or "waiting 4s so far · …" counting up.
fn notice(
    bars: &indicatif::MultiProgress,
    message: String,
    length: Option<Duration>,
) -> ProgressBar {
    let bar = bars.add(ProgressBar::with_draw_target(
        None,
        ProgressDrawTarget::hidden(),
    ));
    let template = match length {
        Some(_) => "{spinner} waiting {left} · {wide_msg}",
        None => "{spinner} waiting {elapsed} so far · {wide_msg}",
    };
    if let Ok(style) = ProgressStyle::with_template(template) {
        let total = length.unwrap_or_default();
        bar.set_style(style.with_key(
            "left",
            move |state: &ProgressState, w: &mut dyn std::fmt::Write| {
                let left = total.saturating_sub(state.elapsed());
                let _ = write!(w, "{} s", left.as_secs_f64().ceil() as u64);
            },
        ));
    }
    bar.set_message(message);
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

struct Cleared(Option<ProgressBar>);

impl Drop for Cleared {
    fn drop(&mut self) {
        if let Some(bar) = self.0.take() {
            bar.finish_and_clear();
        }
    }
}

struct Delayed {
    slot: Slot,
    timer: tokio::task::JoinHandle<()>,
}

impl Drop for Delayed {
    fn drop(&mut self) {
        self.timer.abort();
        let mut guard = self.slot.lock().unwrap_or_else(|e| e.into_inner());
        guard.0 = true;
        if let Some(bar) = guard.1.take() {
            bar.finish_and_clear();
        }
    }
}
