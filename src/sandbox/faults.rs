//! Fault injection for tests and rehearsals: random 503s before anything is done, random 504s after
//! a write committed (the ambiguous case a client must reconcile), added latency, a per-site request
//! budget per minute (429 with `Retry-After`), ids that always fail with 500, sites without the
//! Wix Site Search app (their searches answer 404), and upload connections dropped after so many
//! bytes (`media/drop_fault.rs`). Settings can be changed at runtime through `PUT /_sandbox/faults`.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Mutex;
use std::time::Instant;

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde_json::{json, Map, Value};

use super::errors::{ApiError, ApiResult, Violation};

/// The fault settings (also the `Options::faults` of `sandbox::start`).
#[derive(Debug, Clone, Default)]
pub struct Faults {
    /// Fraction of API requests answered 503 before anything is done.
    pub fail_rate: f64,
    /// Fraction of successful writes answered 504 after they committed.
    pub fail_after_commit_rate: f64,
    /// Added latency per API request.
    pub latency_ms: u64,
    /// Requests per minute per site before 429 (0 = unlimited).
    pub rate_limit_per_min: u32,
    /// Gallery or item ids whose requests always fail with 500.
    pub fail_ids: Vec<String>,
    /// Seed for the random draws, for reproducible runs.
    pub seed: Option<u64>,
    /// Sites without the Wix Site Search app: their searches answer 404 (`*` = every site).
    pub no_search_sites: Vec<String>,
    /// Cut every upload body (PUT or resumable PATCH) after this many bytes (0 = never).
    pub drop_upload_after_bytes: u64,
    /// How many uploads to cut that way (0 = every one).
    pub drop_upload_times: u32,
}

impl Faults {
    pub fn to_json(&self) -> Value {
        json!({
            "failRate": self.fail_rate,
            "failAfterCommitRate": self.fail_after_commit_rate,
            "latencyMs": self.latency_ms,
            "rateLimitPerMin": self.rate_limit_per_min,
            "failIds": self.fail_ids,
            "noSearchSites": self.no_search_sites,
            "dropUploadAfterBytes": self.drop_upload_after_bytes,
            "dropUploadTimes": self.drop_upload_times,
        })
    }

    /// Whether `site` is set up as lacking the Wix Site Search app.
    pub fn search_disabled_for(&self, site: &str) -> bool {
        self.no_search_sites.iter().any(|s| s == "*" || s == site)
    }

    /// Applies a partial `{"failRate", "failAfterCommitRate", "latencyMs", "rateLimitPerMin",
    /// "failIds", "noSearchSites", "seed"}`; a bad value rejects the whole change.
    pub fn apply(&mut self, patch: &Map<String, Value>) -> ApiResult<()> {
        let mut next = self.clone();
        for (key, value) in patch {
            let bad = |expected: &str| {
                ApiError::validation(vec![Violation::wrong_type(key.as_str(), expected)])
            };
            match key.as_str() {
                "failRate" | "failAfterCommitRate" => {
                    let rate = value
                        .as_f64()
                        .filter(|r| (0.0..=1.0).contains(r))
                        .ok_or_else(|| bad("a number between 0 and 1"))?;
                    if key == "failRate" {
                        next.fail_rate = rate;
                    } else {
                        next.fail_after_commit_rate = rate;
                    }
                }
                "latencyMs" => {
                    next.latency_ms = value
                        .as_u64()
                        .filter(|ms| *ms <= 60_000)
                        .ok_or_else(|| bad("a whole number of milliseconds up to 60000"))?
                }
                "rateLimitPerMin" => {
                    next.rate_limit_per_min = value
                        .as_u64()
                        .and_then(|n| u32::try_from(n).ok())
                        .ok_or_else(|| bad("a whole number"))?
                }
                "failIds" | "noSearchSites" => {
                    let list = value
                        .as_array()
                        .and_then(|list| {
                            list.iter()
                                .map(|v| v.as_str().map(str::to_string))
                                .collect::<Option<Vec<_>>>()
                        })
                        .ok_or_else(|| bad("an array of strings"))?;
                    if key == "failIds" {
                        next.fail_ids = list;
                    } else {
                        next.no_search_sites = list;
                    }
                }
                "dropUploadAfterBytes" => {
                    next.drop_upload_after_bytes = value
                        .as_u64()
                        .ok_or_else(|| bad("a whole number of bytes"))?
                }
                "dropUploadTimes" => {
                    next.drop_upload_times = value
                        .as_u64()
                        .and_then(|n| u32::try_from(n).ok())
                        .ok_or_else(|| bad("a whole number"))?
                }
                "seed" => next.seed = value.as_u64(),
                _ => {}
            }
        }
        *self = next;
        Ok(())
    }
}

/// Live fault state: settings, the random source and the per-site token buckets.
pub struct FaultState {
    settings: Mutex<Faults>,
    rng: Mutex<StdRng>,
    buckets: Mutex<HashMap<String, Bucket>>,
    /// Uploads cut so far (counted against `drop_upload_times`; reset when it changes).
    upload_drops: AtomicU32,
}

struct Bucket {
    tokens: f64,
    last: Instant,
}

impl FaultState {
    pub fn new(faults: Faults) -> FaultState {
        let rng = match faults.seed {
            Some(seed) => StdRng::seed_from_u64(seed),
            None => StdRng::from_entropy(),
        };
        FaultState {
            settings: Mutex::new(faults),
            rng: Mutex::new(rng),
            buckets: Mutex::new(HashMap::new()),
            upload_drops: AtomicU32::new(0),
        }
    }

    pub fn get(&self) -> Faults {
        self.settings
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    pub fn update(&self, patch: &Map<String, Value>) -> ApiResult<Faults> {
        let mut settings = self.settings.lock().unwrap_or_else(|p| p.into_inner());
        let reseed = patch.get("seed").and_then(Value::as_u64);
        settings.apply(patch)?;
        if let Some(seed) = reseed {
            *self.rng.lock().unwrap_or_else(|p| p.into_inner()) = StdRng::seed_from_u64(seed);
        }
        if patch.contains_key("dropUploadAfterBytes") || patch.contains_key("dropUploadTimes") {
            self.upload_drops.store(0, Ordering::Relaxed);
        }
        if patch.contains_key("rateLimitPerMin") {
            self.buckets
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .clear();
        }
        Ok(settings.clone())
    }

    /// After how many bytes the next upload body is to be cut, if the fault is armed.
    pub fn upload_drop_point(&self) -> Option<u64> {
        let faults = self.get();
        let left = faults.drop_upload_times == 0
            || self.upload_drops.load(Ordering::Relaxed) < faults.drop_upload_times;
        (faults.drop_upload_after_bytes > 0 && left).then_some(faults.drop_upload_after_bytes)
    }

    /// Counts one cut upload.
    pub fn record_upload_drop(&self) {
        self.upload_drops.fetch_add(1, Ordering::Relaxed);
    }

    /// True with probability `rate`.
    pub fn draw(&self, rate: f64) -> bool {
        if rate <= 0.0 {
            return false;
        }
        if rate >= 1.0 {
            return true;
        }
        self.rng
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .gen_bool(rate)
    }

    /// Takes one request from `site`'s budget; `Err(seconds)` says when the next one is allowed.
    /// A token bucket of `limit` requests refilled at `limit` per minute: bursts up to the limit
    /// pass, a steady rate above it is refused.
    pub fn take_token(&self, site: &str, limit: u32) -> Result<(), u64> {
        if limit == 0 {
            return Ok(());
        }
        let capacity = f64::from(limit);
        let per_sec = capacity / 60.0;
        let now = Instant::now();
        let mut buckets = self.buckets.lock().unwrap_or_else(|p| p.into_inner());
        // Site ids come from a header: bound the map. A bucket idle for a minute is full again,
        // so forgetting it changes nothing.
        if buckets.len() >= 10_000 {
            buckets.retain(|_, b| now.duration_since(b.last).as_secs() < 60);
        }
        let bucket = buckets.entry(site.to_string()).or_insert(Bucket {
            tokens: capacity,
            last: now,
        });
        let elapsed = now.duration_since(bucket.last).as_secs_f64();
        bucket.tokens = (bucket.tokens + elapsed * per_sec).min(capacity);
        bucket.last = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            Ok(())
        } else {
            let wait = ((1.0 - bucket.tokens) / per_sec).ceil().max(1.0);
            Err(wait as u64)
        }
    }
}
