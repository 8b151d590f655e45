//! Walking a paged resource: the one loop behind every "read them all" (a gallery's items,
//! galleries, search hits). Each resource wraps it in its own paginator (`items::ItemPages`,
//! `galleries::GalleryPages`, `search::SearchPages`) that knows its request; this file owns what
//! they share, and the page sizes and the concurrency live here, in one place.
//!
//! How a walk goes:
//! - **Total first.** When the total is known (read up front, or from the first page's answer),
//!   every page is known too: they are fetched a few at a time (`CONCURRENT_PAGES`) and handed
//!   over in order, so output streams in the resource's own order.
//! - **No total** (an answer without one): one page after another until a short page.
//! - **Stop rules, whatever the total claims**: the walk ends at the first empty or short page (the
//!   pages still in flight are dropped). A last page fuller than the total allows means the total
//!   is stale: the walk carries on, page by page, until a short one. The one exception is a first
//!   page embedded in another answer (a get-gallery's items): holding fewer than asked for is no
//!   end there, the walk goes on from the first entry it lacks.
//! - **A total is reported, never trusted.** When a walk ends having read fewer entries than the
//!   total claimed, the resource is counted once more (`recount`): a count that now agrees with
//!   what was read means the resource changed while it was read, and `mismatch` says so for the
//!   caller to warn; a count that still claims more than the service would serve is a service that
//!   cannot be trusted, and the walk ends with an error (a total of 10^12 over empty pages costs
//!   two requests and ends at once). Likewise, a walk that runs on past a stale total to more
//!   than twice it counts again, and ends with an error unless the new count covers what was read.
//! - **Pages that cannot be right end the walk with an error**: a page holding more entries than
//!   asked for (the service ignores the limit), or a page whose every entry was already read on
//!   one of the last pages (it ignores the offset, and would otherwise repeat itself forever).
//!   Single entries seen again on a recent page (the resource shifted while it was read) are
//!   dropped, so nothing is handed over twice.
//!
//! Requests: a walk of N entries with a known total costs ceil(N/page) pages; with the total read
//! by a separate request, one more. Nothing is fetched past the total when the pages agree with it.

use std::collections::{HashSet, VecDeque};
use std::hash::{DefaultHasher, Hash, Hasher};

use futures::future::BoxFuture;
use futures::stream::{FuturesOrdered, StreamExt};

use super::error::ApiError;

/// The page sizes of one resource: the largest the service serves and its default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageSize {
    pub max: u32,
    pub default: u32,
}

/// A gallery's items (`itemLimit` 1..100, default 50; spec/api.md §4 #3, #6).
pub const ITEMS: PageSize = PageSize {
    max: 100,
    default: 50,
};
/// Galleries (`limit` 1..10, default 10; spec/api.md §4 #1).
pub const GALLERIES: PageSize = PageSize {
    max: 10,
    default: 10,
};
/// Site Search hits (`paging.limit`; the spec gives no bound: the client asks for at most 100,
/// and shows 10 by default, as the service does).
pub const SEARCH: PageSize = PageSize {
    max: 100,
    default: 10,
};
/// Pages in flight at once once the total is known: enough to hide latency, few enough to stay
/// polite to a service limited to 200 requests a minute.
pub const CONCURRENT_PAGES: usize = 4;

/// One page as a resource's request returns it.
#[derive(Debug)]
pub struct Page<T> {
    pub entries: Vec<T>,
    /// The total the answer claims, if it carries one.
    pub total: Option<u64>,
}

/// What was read differs from the total the service claimed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mismatch {
    pub claimed: u64,
    pub read: u64,
}

/// Fetches the page at `offset` of `limit` entries.
pub type Fetch<'a, T> =
    Box<dyn Fn(u64, u32) -> BoxFuture<'a, Result<Page<T>, ApiError>> + Send + Sync + 'a>;

/// An entry's identity (its id), to notice entries handed over again.
pub type KeyOf<T> = fn(&T) -> Option<String>;

/// Counts the resource again (the total a fresh answer claims, if it carries one).
pub type Recount<'a> =
    Box<dyn Fn() -> BoxFuture<'a, Result<Option<u64>, ApiError>> + Send + Sync + 'a>;

/// Pages whose entries are remembered to notice repeats: enough to catch a service that ignores
/// the offset or cycles through a few pages, with memory that does not grow with the resource.
const RECENT_PAGES: usize = 8;

type InFlight<'a, T> = FuturesOrdered<BoxFuture<'a, (u64, Result<Page<T>, ApiError>)>>;

/// A walk over every page of one resource (see the module's comment).
pub struct Walk<'a, T> {
    fetch: Fetch<'a, T>,
    key_of: KeyOf<T>,
    limit: u32,
    concurrency: usize,
    /// The total claimed, once known.
    total: Option<u64>,
    /// True until the first page was asked for, when the total comes with the first page.
    unstarted: bool,
    /// A page already read (offset 0), handed over first.
    ready: Option<Page<T>>,
    /// The first page came embedded in another answer (`after_first`), which may hold fewer
    /// entries than asked for without being the end: the walk goes on from where it stops.
    embedded_first: bool,
    /// Walking one page at a time until a short page (no total, or a stale one).
    open_ended: bool,
    /// In open-ended mode: the last page was full, so the next one is wanted.
    want_next: bool,
    next_offset: u64,
    in_flight: InFlight<'a, T>,
    read: u64,
    /// The keys (hashed) of the last pages handed over, newest last.
    recent: VecDeque<HashSet<u64>>,
    finished: bool,
    /// The walk reached its end and the total it claimed is still to be checked.
    check_pending: bool,
    mismatch: Option<Mismatch>,
    recount: Option<Recount<'a>>,
    /// What the walk reads, for errors ("listing items of gallery G") and their noun ("items").
    what: String,
    noun: &'static str,
    /// Past a stale total, reading beyond this many entries makes the walk count again.
    overshoot_limit: u64,
}

impl<'a, T: Send + 'a> Walk<'a, T> {
    fn new(fetch: Fetch<'a, T>, key_of: KeyOf<T>, limit: u32) -> Walk<'a, T> {
        Walk {
            fetch,
            key_of,
            limit: limit.max(1),
            concurrency: CONCURRENT_PAGES,
            total: None,
            unstarted: false,
            ready: None,
            embedded_first: false,
            open_ended: false,
            want_next: false,
            next_offset: 0,
            in_flight: FuturesOrdered::new(),
            read: 0,
            recent: VecDeque::new(),
            finished: false,
            check_pending: false,
            mismatch: None,
            recount: None,
            what: "reading a list".to_string(),
            noun: "entries",
            overshoot_limit: u64::MAX,
        }
    }

    /// A walk whose total is known before any page is read.
    pub fn counted(fetch: Fetch<'a, T>, key_of: KeyOf<T>, limit: u32, total: u64) -> Self {
        let mut walk = Walk::new(fetch, key_of, limit);
        walk.total = Some(total);
        walk
    }

    /// A walk that reads the first page alone and learns the total from its answer.
    pub fn from_start(fetch: Fetch<'a, T>, key_of: KeyOf<T>, limit: u32) -> Self {
        let mut walk = Walk::new(fetch, key_of, limit);
        walk.unstarted = true;
        walk
    }

    /// A walk whose first page (offset 0, `limit` asked for) was read elsewhere, such as the items
    /// a get-gallery answer embeds; it is handed over first. Such an answer may embed fewer
    /// entries than asked for (even none) while its total says there are more: the walk then goes
    /// on from the first entry it lacks, so it is right whether or not the other answer honours
    /// the size asked for.
    pub fn after_first(fetch: Fetch<'a, T>, key_of: KeyOf<T>, limit: u32, first: Page<T>) -> Self {
        let mut walk = Walk::new(fetch, key_of, limit);
        walk.total = first.total;
        walk.next_offset = (first.entries.len() as u64).min(u64::from(walk.limit));
        walk.ready = Some(first);
        walk.embedded_first = true;
        walk
    }

    /// Pages in flight at most (the default is `CONCURRENT_PAGES`; 1 reads one after another,
    /// for a caller that stops early and wants no request wasted).
    pub fn concurrency(mut self, pages: usize) -> Self {
        self.concurrency = pages.max(1);
        self
    }

    /// How to count the resource again when what was read disagrees with its total (see the
    /// module's comment); `what` names the walk in errors ("listing items of gallery G") and
    /// `noun` its entries ("items").
    pub fn recount(mut self, what: String, noun: &'static str, recount: Recount<'a>) -> Self {
        self.what = what;
        self.noun = noun;
        self.recount = Some(recount);
        self
    }

    /// The total claimed, once known.
    pub fn total(&self) -> Option<u64> {
        self.total
    }

    /// After the walk ended: what was read, when it differs from the total claimed.
    pub fn mismatch(&self) -> Option<Mismatch> {
        self.mismatch
    }

    /// The next page's entries, in order; `None` once the walk is over (an error ends it too).
    pub async fn next_page(&mut self) -> Option<Result<Vec<T>, ApiError>> {
        loop {
            if self.finished {
                if std::mem::take(&mut self.check_pending) {
                    if let Err(error) = self.check_total().await {
                        return Some(Err(error));
                    }
                }
                return None;
            }
            if let Some(page) = self.ready.take() {
                match self.accept(0, page) {
                    Ok(Some(entries)) => return Some(Ok(entries)),
                    Ok(None) => continue,
                    Err(error) => return Some(Err(self.fail(error))),
                }
            }
            if self.unstarted {
                self.unstarted = false;
                self.next_offset = u64::from(self.limit);
                match (self.fetch)(0, self.limit).await {
                    Ok(page) => {
                        self.total = page.total;
                        self.ready = Some(page);
                        continue;
                    }
                    Err(error) => return Some(Err(self.fail(error))),
                }
            }
            if self.open_ended && self.want_next && self.read > self.overshoot_limit {
                if let Err(error) = self.check_overshoot().await {
                    return Some(Err(self.fail(error)));
                }
            }
            self.schedule();
            match self.in_flight.next().await {
                None => self.finish(),
                Some((_, Err(error))) => return Some(Err(self.fail(error))),
                Some((offset, Ok(page))) => match self.accept(offset, page) {
                    Ok(Some(entries)) => return Some(Ok(entries)),
                    Ok(None) => {}
                    Err(error) => return Some(Err(self.fail(error))),
                },
            }
        }
    }

    /// At the end: what was read against the total claimed. Fewer than claimed is checked with a
    /// fresh count; a count still above what the service served ends the walk with an error.
    async fn check_total(&mut self) -> Result<(), ApiError> {
        let Some(claimed) = self.total else {
            return Ok(());
        };
        if claimed == self.read {
            return Ok(());
        }
        if claimed > self.read {
            if let Some(recount) = &self.recount {
                let fresh = recount().await?;
                if let Some(fresh) = fresh.filter(|n| *n > self.read) {
                    return Err(ApiError::BadBody {
                        what: self.what.clone(),
                        detail: format!(
                            "the service counts {claimed} {noun} (asked again: {fresh}) but served only {read} before an empty or short page: its count cannot be trusted, so what was read may be incomplete",
                            noun = self.noun,
                            read = self.read
                        ),
                    });
                }
            }
        }
        self.mismatch = Some(Mismatch {
            claimed,
            read: self.read,
        });
        Ok(())
    }

    /// Past a stale total, far past it: counts again, and goes on only if the new count covers
    /// what was read (the resource grew meanwhile).
    async fn check_overshoot(&mut self) -> Result<(), ApiError> {
        let Some(recount) = &self.recount else {
            self.overshoot_limit = u64::MAX;
            return Ok(());
        };
        let claimed = self.total.unwrap_or(0);
        match recount().await? {
            Some(fresh) if fresh >= self.read => {
                self.total = Some(fresh);
                self.overshoot_limit = overshoot_limit(fresh, self.limit);
                Ok(())
            }
            fresh => Err(ApiError::BadBody {
                what: self.what.clone(),
                detail: format!(
                    "the service counts {claimed} {noun}{again} but keeps serving full pages past {read}: its paging cannot be trusted",
                    noun = self.noun,
                    again = fresh.map(|n| format!(" (asked again: {n})")).unwrap_or_default(),
                    read = self.read
                ),
            }),
        }
    }

    /// Every entry, in order.
    pub async fn collect(mut self) -> Result<Vec<T>, ApiError> {
        let mut all = Vec::new();
        while let Some(page) = self.next_page().await {
            all.extend(page?);
        }
        Ok(all)
    }

    /// Puts requests in flight: every page below the total, a few at a time; past it (or
    /// without one), the next page once the last one came back full.
    fn schedule(&mut self) {
        let limit = u64::from(self.limit);
        if self.open_ended || self.total.is_none() {
            if self.want_next && self.in_flight.is_empty() {
                self.want_next = false;
                self.push(self.next_offset);
                self.next_offset += limit;
            }
            return;
        }
        let total = self.total.unwrap_or(0);
        while self.in_flight.len() < self.concurrency && self.next_offset < total {
            self.push(self.next_offset);
            self.next_offset += limit;
        }
    }

    fn push(&mut self, offset: u64) {
        let request = (self.fetch)(offset, self.limit);
        self.in_flight
            .push_back(Box::pin(async move { (offset, request.await) }));
    }

    /// Takes one page in order: its entries to hand over (`None` when it ends the walk empty),
    /// or the error of a page that cannot be right.
    fn accept(&mut self, offset: u64, page: Page<T>) -> Result<Option<Vec<T>>, ApiError> {
        let limit = u64::from(self.limit);
        let count = page.entries.len() as u64;
        if count > limit {
            return Err(ApiError::BadBody {
                what: self.what.clone(),
                detail: format!(
                    "the service answered {count} {noun} at offset {offset} to a request for at most {limit}: it ignores the page size, so its pages cannot be followed",
                    noun = self.noun
                ),
            });
        }
        let (entries, repeated) = self.drop_repeats(page.entries);
        if count > 0 && repeated == count {
            return Err(ApiError::BadBody {
                what: self.what.clone(),
                detail: format!(
                    "the service answered the page at offset {offset} with {noun} it had already served: it ignores the offset, so the rest cannot be read",
                    noun = self.noun
                ),
            });
        }
        if std::mem::take(&mut self.embedded_first) {
            let total = self.total.unwrap_or(0);
            if count < limit && count < total {
                // Fewer than asked for, fewer than the total: not the end (see `after_first`).
                self.read += entries.len() as u64;
                return Ok(if count == 0 { None } else { Some(entries) });
            }
        }
        if count == 0 {
            self.finish();
            return Ok(None);
        }
        self.read += entries.len() as u64;
        if count < limit {
            self.finish();
        } else if self.open_ended || self.total.is_none() {
            self.want_next = true;
        } else {
            let total = self.total.unwrap_or(0);
            let last_page = offset + limit >= total;
            if last_page && self.read > total {
                // Fuller than the total allows: the total is stale, go on page by page.
                self.open_ended = true;
                self.want_next = true;
                self.overshoot_limit = overshoot_limit(total, self.limit);
            } else if last_page {
                self.finish();
            }
        }
        Ok(Some(entries))
    }

    /// Drops the entries already handed over on one of the last pages; remembers this page's.
    /// Returns what is left and how many were dropped.
    fn drop_repeats(&mut self, entries: Vec<T>) -> (Vec<T>, u64) {
        let mut keys = HashSet::with_capacity(entries.len());
        let mut repeated = 0;
        let kept: Vec<T> = entries
            .into_iter()
            .filter(|entry| {
                let Some(key) = (self.key_of)(entry) else {
                    return true;
                };
                let mut hasher = DefaultHasher::new();
                key.hash(&mut hasher);
                let hash = hasher.finish();
                if self.recent.iter().any(|page| page.contains(&hash)) || !keys.insert(hash) {
                    repeated += 1;
                    return false;
                }
                true
            })
            .collect();
        if self.recent.len() == RECENT_PAGES {
            self.recent.pop_front();
        }
        self.recent.push_back(keys);
        (kept, repeated)
    }

    fn finish(&mut self) {
        self.finished = true;
        self.check_pending = true;
        self.in_flight = FuturesOrdered::new();
    }

    fn fail(&mut self, error: ApiError) -> ApiError {
        self.finished = true;
        self.check_pending = false;
        self.in_flight = FuturesOrdered::new();
        error
    }
}

/// How far past a stale total of `claimed` a walk reads before counting again: twice the total
/// plus ten pages, more than any resource grows while it is read.
fn overshoot_limit(claimed: u64, limit: u32) -> u64 {
    claimed
        .saturating_mul(2)
        .saturating_add(u64::from(limit).saturating_mul(10))
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::{Arc, Mutex};
    use std::time::Duration;

    use super::*;

    /// A fake service: `pages[offset / limit]` is the size of each page it answers (beyond the
    /// list, empty pages), entries numbered by their position; it counts requests and the most in
    /// flight at once.
    #[derive(Default)]
    struct Fake {
        requests: Mutex<Vec<u64>>,
        in_flight: AtomicUsize,
        most_in_flight: AtomicUsize,
    }

    fn fetcher<'a>(
        fake: &'a Arc<Fake>,
        sizes: &'a [u64],
        total: Option<u64>,
        ignore_offset: bool,
    ) -> Fetch<'a, u64> {
        Box::new(move |offset, limit| {
            let fake = fake.clone();
            Box::pin(async move {
                fake.requests.lock().unwrap().push(offset);
                let now = fake.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
                fake.most_in_flight.fetch_max(now, Ordering::SeqCst);
                // Let the other requests in flight start before this one answers.
                tokio::task::yield_now().await;
                let index = if ignore_offset {
                    0
                } else {
                    (offset / u64::from(limit)) as usize
                };
                let size = sizes.get(index).copied().unwrap_or(0);
                let first = if ignore_offset { 0 } else { offset };
                fake.in_flight.fetch_sub(1, Ordering::SeqCst);
                Ok(Page {
                    entries: (first..first + size).collect(),
                    total,
                })
            })
        })
    }

    fn key(entry: &u64) -> Option<String> {
        Some(entry.to_string())
    }

    async fn walk_all(mut walk: Walk<'_, u64>) -> (Vec<u64>, Option<Mismatch>) {
        let mut all = Vec::new();
        while let Some(page) = walk.next_page().await {
            all.extend(page.unwrap());
        }
        (all, walk.mismatch())
    }

    #[tokio::test]
    async fn a_counted_walk_reads_each_page_once_and_nothing_past_the_total() {
        for (total, sizes) in [
            (250, vec![100, 100, 50]),
            (200, vec![100, 100]),
            (0, vec![]),
        ] {
            let fake = Arc::new(Fake::default());
            let walk = Walk::counted(fetcher(&fake, &sizes, None, false), key, 100, total);
            let (all, mismatch) = walk_all(walk).await;
            assert_eq!(all, (0..total).collect::<Vec<_>>());
            assert_eq!(mismatch, None);
            let mut asked = fake.requests.lock().unwrap().clone();
            asked.sort_unstable();
            assert_eq!(asked, (0..total).step_by(100).collect::<Vec<_>>());
        }
    }

    #[tokio::test]
    async fn pages_come_in_order_and_a_few_at_a_time() {
        let fake = Arc::new(Fake::default());
        let sizes = vec![10; 30];
        let walk = Walk::counted(fetcher(&fake, &sizes, None, false), key, 10, 300);
        let (all, _) = walk_all(walk).await;
        assert_eq!(all, (0..300).collect::<Vec<_>>());
        let most = fake.most_in_flight.load(Ordering::SeqCst);
        assert!((2..=CONCURRENT_PAGES).contains(&most), "{most} in flight");
    }

    #[tokio::test]
    async fn a_later_page_answering_first_is_still_handed_over_after_the_earlier_ones() {
        // The first page answers only once the fourth was asked for and answered.
        let fourth_done = Arc::new(tokio::sync::Notify::new());
        let signal = fourth_done.clone();
        let fetch: Fetch<'_, u64> = Box::new(move |offset, _| {
            let fourth_done = signal.clone();
            Box::pin(async move {
                match offset {
                    0 => fourth_done.notified().await,
                    30 => fourth_done.notify_one(),
                    _ => {}
                }
                Ok(Page {
                    entries: (offset..offset + 10).collect(),
                    total: None,
                })
            })
        });
        let walk = Walk::counted(fetch, key, 10, 40);
        let (all, _) = tokio::time::timeout(Duration::from_secs(60), walk_all(walk))
            .await
            .expect("the pages were not fetched concurrently");
        assert_eq!(all, (0..40).collect::<Vec<_>>());
    }

    #[tokio::test]
    async fn a_short_or_empty_page_ends_the_walk_whatever_the_total_claims() {
        // The total claims 1000; the third page is short.
        let fake = Arc::new(Fake::default());
        let sizes = vec![100, 100, 30, 100, 100];
        let walk =
            Walk::counted(fetcher(&fake, &sizes, None, false), key, 100, 1000).concurrency(1);
        let (all, mismatch) = walk_all(walk).await;
        assert_eq!(all.len(), 230);
        assert_eq!(
            mismatch,
            Some(Mismatch {
                claimed: 1000,
                read: 230
            })
        );
        assert_eq!(*fake.requests.lock().unwrap(), [0, 100, 200]);

        // An empty page in the middle: what came before it, and nothing after.
        let fake = Arc::new(Fake::default());
        let sizes = vec![100, 0, 100];
        let walk = Walk::counted(fetcher(&fake, &sizes, None, false), key, 100, 300);
        let (all, mismatch) = walk_all(walk).await;
        assert_eq!(all, (0..100).collect::<Vec<_>>());
        assert_eq!(mismatch.map(|m| m.read), Some(100));
    }

    #[tokio::test]
    async fn without_a_total_pages_are_read_one_after_another_until_a_short_one() {
        let fake = Arc::new(Fake::default());
        let sizes = vec![10, 10, 10, 4];
        let walk = Walk::from_start(fetcher(&fake, &sizes, None, false), key, 10);
        let (all, mismatch) = walk_all(walk).await;
        assert_eq!(all, (0..34).collect::<Vec<_>>());
        assert_eq!(mismatch, None);
        assert_eq!(*fake.requests.lock().unwrap(), [0, 10, 20, 30]);
        assert_eq!(fake.most_in_flight.load(Ordering::SeqCst), 1);

        // A full last page: one more request finds the end.
        let fake = Arc::new(Fake::default());
        let sizes = vec![10, 10];
        let (all, _) = walk_all(Walk::from_start(
            fetcher(&fake, &sizes, None, false),
            key,
            10,
        ))
        .await;
        assert_eq!(all.len(), 20);
        assert_eq!(*fake.requests.lock().unwrap(), [0, 10, 20]);
    }

    #[tokio::test]
    async fn the_first_answer_gives_the_total_then_the_rest_go_concurrently() {
        let fake = Arc::new(Fake::default());
        let sizes = vec![10; 9];
        let walk = Walk::from_start(fetcher(&fake, &sizes, Some(85), false), key, 10);
        let (all, mismatch) = walk_all(walk).await;
        // The total said 85 but the last page was full: the total was stale.
        assert_eq!(all.len(), 90);
        assert_eq!(
            mismatch,
            Some(Mismatch {
                claimed: 85,
                read: 90
            })
        );
        assert!(fake.most_in_flight.load(Ordering::SeqCst) > 1);
    }

    #[tokio::test]
    async fn a_stale_total_is_walked_past_until_a_short_page() {
        let fake = Arc::new(Fake::default());
        let sizes = vec![100, 100, 100, 30];
        let walk = Walk::counted(fetcher(&fake, &sizes, None, false), key, 100, 150);
        let (all, mismatch) = walk_all(walk).await;
        assert_eq!(all, (0..330).collect::<Vec<_>>());
        assert_eq!(
            mismatch,
            Some(Mismatch {
                claimed: 150,
                read: 330
            })
        );
    }

    /// Every page's entries, then the error that ended the walk, if any.
    async fn walk_to_end(mut walk: Walk<'_, u64>) -> (Vec<u64>, Option<ApiError>) {
        let mut all = Vec::new();
        while let Some(page) = walk.next_page().await {
            match page {
                Ok(entries) => all.extend(entries),
                Err(error) => {
                    assert!(walk.next_page().await.is_none(), "an error ends the walk");
                    return (all, Some(error));
                }
            }
        }
        (all, None)
    }

    /// A recount that answers `counts` in turn (the last one again once they run out).
    fn counting<'a>(asked: &'a Arc<AtomicUsize>, counts: &'a [Option<u64>]) -> Recount<'a> {
        Box::new(move || {
            let n = asked.fetch_add(1, Ordering::SeqCst);
            let count = counts[n.min(counts.len() - 1)];
            Box::pin(async move { Ok(count) })
        })
    }

    #[tokio::test]
    async fn a_service_that_ignores_the_offset_ends_the_walk_with_an_error() {
        let fake = Arc::new(Fake::default());
        let sizes = vec![10];
        let walk = Walk::from_start(fetcher(&fake, &sizes, None, true), key, 10);
        let (all, error) = walk_to_end(walk).await;
        assert_eq!(all, (0..10).collect::<Vec<_>>());
        let error = error.expect("an error").to_string();
        assert!(error.contains("ignores the offset"), "{error}");
        assert_eq!(fake.requests.lock().unwrap().len(), 2);
    }

    #[tokio::test]
    async fn a_service_cycling_through_a_few_pages_ends_with_an_error() {
        // Full pages A, B, A, B, … at every offset, with no total: it would never end.
        let fetch: Fetch<'_, u64> = Box::new(|offset, limit| {
            Box::pin(async move {
                let first = (offset / u64::from(limit)) % 2 * 10;
                Ok(Page {
                    entries: (first..first + 10).collect(),
                    total: None,
                })
            })
        });
        let (all, error) = walk_to_end(Walk::from_start(fetch, key, 10)).await;
        assert_eq!(all, (0..20).collect::<Vec<_>>());
        assert!(error.unwrap().to_string().contains("already served"));
    }

    #[tokio::test]
    async fn entries_seen_again_after_a_shift_are_handed_over_once() {
        // An item was added at the front between the first and second page: the second page
        // starts with the last entry of the first.
        let fetch: Fetch<'_, u64> = Box::new(|offset, _| {
            Box::pin(async move {
                let entries = if offset == 0 {
                    (0..10).collect()
                } else {
                    (9..14).collect()
                };
                Ok(Page {
                    entries,
                    total: None,
                })
            })
        });
        let (all, error) = walk_to_end(Walk::from_start(fetch, key, 10)).await;
        assert!(error.is_none());
        assert_eq!(all, (0..14).collect::<Vec<_>>());
    }

    #[tokio::test]
    async fn a_page_fuller_than_asked_for_ends_the_walk_with_an_error() {
        let fake = Arc::new(Fake::default());
        let sizes = vec![10, 25];
        let (all, error) = walk_to_end(Walk::counted(
            fetcher(&fake, &sizes, None, false),
            key,
            10,
            40,
        ))
        .await;
        assert_eq!(all.len(), 10);
        let error = error.expect("an error").to_string();
        assert!(error.contains("25 entries at offset 10"), "{error}");
    }

    #[tokio::test]
    async fn a_lying_total_over_empty_pages_is_counted_again_and_ends_with_an_error() {
        let fake = Arc::new(Fake::default());
        let asked = Arc::new(AtomicUsize::new(0));
        let counts = [Some(1_000_000_000_000)];
        let walk = Walk::counted(
            fetcher(&fake, &[], None, false),
            key,
            100,
            1_000_000_000_000,
        )
        .recount("listing things".into(), "things", counting(&asked, &counts));
        let (all, error) = walk_to_end(walk).await;
        assert!(all.is_empty());
        let error = error.expect("an error").to_string();
        assert!(
            error.starts_with("listing things: the service counts 1000000000000 things"),
            "{error}"
        );
        assert!(error.contains("served only 0"), "{error}");
        assert_eq!(asked.load(Ordering::SeqCst), 1, "counted again once");
        // The pages in flight at once, and no more: the first empty one ended the walk.
        assert!(fake.requests.lock().unwrap().len() <= CONCURRENT_PAGES);

        // The same through a first page embedded elsewhere (a selection's get-gallery).
        let fake = Arc::new(Fake::default());
        let asked = Arc::new(AtomicUsize::new(0));
        let first = Page {
            entries: Vec::new(),
            total: Some(1_000_000_000_000),
        };
        let walk = Walk::after_first(fetcher(&fake, &[], None, false), key, 100, first).recount(
            "listing".into(),
            "items",
            counting(&asked, &counts),
        );
        let (_, error) = walk_to_end(walk).await;
        assert!(error.is_some());
        let asked_pages = fake.requests.lock().unwrap().clone();
        assert!(asked_pages.len() <= CONCURRENT_PAGES, "{asked_pages:?}");
    }

    #[tokio::test]
    async fn a_count_that_agrees_when_asked_again_is_a_change_and_only_reported() {
        let fake = Arc::new(Fake::default());
        let asked = Arc::new(AtomicUsize::new(0));
        let counts = [Some(130)];
        let sizes = vec![100, 30];
        let walk = Walk::counted(fetcher(&fake, &sizes, None, false), key, 100, 250).recount(
            "listing".into(),
            "items",
            counting(&asked, &counts),
        );
        let mut walk = walk;
        let mut all = Vec::new();
        while let Some(page) = walk.next_page().await {
            all.extend(page.expect("no error"));
        }
        assert_eq!(all.len(), 130);
        assert_eq!(
            walk.mismatch(),
            Some(Mismatch {
                claimed: 250,
                read: 130
            })
        );
        assert_eq!(asked.load(Ordering::SeqCst), 1);
    }

    #[tokio::test]
    async fn far_past_a_stale_total_the_walk_counts_again() {
        // The total says 5, the pages never end.
        let endless: Fetch<'_, u64> = Box::new(|offset, limit| {
            Box::pin(async move {
                Ok(Page {
                    entries: (offset..offset + u64::from(limit)).collect(),
                    total: None,
                })
            })
        });
        let asked = Arc::new(AtomicUsize::new(0));
        let counts = [Some(5)];
        let walk = Walk::counted(endless, key, 10, 5).recount(
            "listing".into(),
            "items",
            counting(&asked, &counts),
        );
        let (all, error) = walk_to_end(walk).await;
        let error = error.expect("an error").to_string();
        assert!(error.contains("keeps serving full pages"), "{error}");
        assert!(all.len() <= 2 * 5 + 10 * 10 + 10, "{}", all.len());

        // A resource that really grew: the new count covers what was read, the walk goes on.
        let fake = Arc::new(Fake::default());
        let sizes = vec![10; 20];
        let asked = Arc::new(AtomicUsize::new(0));
        let counts = [Some(200)];
        let walk = Walk::counted(fetcher(&fake, &sizes, None, false), key, 10, 5).recount(
            "listing".into(),
            "items",
            counting(&asked, &counts),
        );
        let (all, error) = walk_to_end(walk).await;
        assert!(error.is_none(), "{error:?}");
        assert_eq!(all.len(), 200);
        assert_eq!(asked.load(Ordering::SeqCst), 1);
    }

    #[tokio::test]
    async fn a_first_page_read_elsewhere_is_handed_over_first() {
        let fake = Arc::new(Fake::default());
        let sizes = vec![100, 100, 20];
        let first = Page {
            entries: (0..100).collect(),
            total: Some(220),
        };
        let walk = Walk::after_first(fetcher(&fake, &sizes, None, false), key, 100, first);
        assert_eq!(walk.total(), Some(220));
        let (all, mismatch) = walk_all(walk).await;
        assert_eq!(all, (0..220).collect::<Vec<_>>());
        assert_eq!(mismatch, None);
        let mut asked = fake.requests.lock().unwrap().clone();
        asked.sort_unstable();
        assert_eq!(asked, [100, 200], "the first page is not read again");

        // An answer that embeds fewer than asked for (here 50, or none) is not the end when its
        // total says there is more: the walk goes on from the first entry it lacks.
        for embedded in [50, 0] {
            let fake = Arc::new(Fake::default());
            let fetch: Fetch<'_, u64> = {
                let fake = fake.clone();
                Box::new(move |offset, limit| {
                    let fake = fake.clone();
                    Box::pin(async move {
                        fake.requests.lock().unwrap().push(offset);
                        let end = (offset + u64::from(limit)).min(220);
                        Ok(Page {
                            entries: (offset..end).collect(),
                            total: None,
                        })
                    })
                })
            };
            let first = Page {
                entries: (0..embedded).collect(),
                total: Some(220),
            };
            let (all, mismatch) =
                walk_all(Walk::after_first(fetch, key, 100, first).concurrency(1)).await;
            assert_eq!(all, (0..220).collect::<Vec<_>>(), "{embedded} embedded");
            assert_eq!(mismatch, None);
            let asked = fake.requests.lock().unwrap().clone();
            let expected: Vec<u64> = (embedded..220).step_by(100).collect();
            assert_eq!(asked, expected);
        }

        // A first page that already holds everything: no request at all.
        let fake = Arc::new(Fake::default());
        let first = Page {
            entries: (0..7).collect(),
            total: Some(7),
        };
        let walk = Walk::after_first(fetcher(&fake, &sizes, None, false), key, 100, first);
        assert_eq!(walk_all(walk).await.0.len(), 7);
        assert!(fake.requests.lock().unwrap().is_empty());
    }

    #[tokio::test]
    async fn an_error_ends_the_walk() {
        let fetch: Fetch<'_, u64> = Box::new(|offset, _| {
            Box::pin(async move {
                if offset == 20 {
                    return Err(ApiError::Network {
                        what: "listing".into(),
                        detail: "connection reset".into(),
                        ambiguous: false,
                    });
                }
                Ok(Page {
                    entries: (offset..offset + 10).collect(),
                    total: None,
                })
            })
        });
        let mut walk = Walk::counted(fetch, key, 10, 50);
        assert!(walk.next_page().await.unwrap().is_ok());
        assert!(walk.next_page().await.unwrap().is_ok());
        assert!(walk.next_page().await.unwrap().is_err());
        assert!(walk.next_page().await.is_none());
    }
}
