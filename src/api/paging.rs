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
//!   pages still in flight are dropped), and at a page that starts with the same entry as the one
//!   before (a service that ignores the offset would otherwise repeat itself forever). A last page
//!   fuller than the total allows means the total is stale: the walk carries on, page by page,
//!   until a short one. Whenever what was read differs from the total claimed, `mismatch` says
//!   so, for the caller to warn (the resource changed while it was read). The one exception is a
//!   first page embedded in another answer (a get-gallery's items): holding fewer than asked for
//!   is no end there, the walk goes on from the first entry it lacks.
//!
//! Requests: a walk of N entries with a known total costs ceil(N/page) pages; with the total read
//! by a separate request, one more. Nothing is fetched past the total when the pages agree with it.

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

/// The entry a page starts with, to notice a page that repeats the previous one.
pub type KeyOf<T> = fn(&T) -> Option<String>;

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
    previous_key: Option<String>,
    finished: bool,
    mismatch: Option<Mismatch>,
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
            previous_key: None,
            finished: false,
            mismatch: None,
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
                return None;
            }
            if let Some(page) = self.ready.take() {
                if let Some(entries) = self.accept(0, page) {
                    return Some(Ok(entries));
                }
                continue;
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
            self.schedule();
            match self.in_flight.next().await {
                None => {
                    self.finish();
                    return None;
                }
                Some((_, Err(error))) => return Some(Err(self.fail(error))),
                Some((offset, Ok(page))) => {
                    if let Some(entries) = self.accept(offset, page) {
                        return Some(Ok(entries));
                    }
                }
            }
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

    /// Takes one page in order: its entries to hand over, or `None` when it ends the walk empty.
    fn accept(&mut self, offset: u64, page: Page<T>) -> Option<Vec<T>> {
        let entries = page.entries;
        let count = entries.len() as u64;
        if std::mem::take(&mut self.embedded_first) {
            let total = self.total.unwrap_or(0);
            if count < u64::from(self.limit) && count < total {
                // Fewer than asked for, fewer than the total: not the end (see `after_first`).
                self.previous_key = entries.first().and_then(self.key_of);
                self.read += count;
                return if count == 0 { None } else { Some(entries) };
            }
        }
        let key = entries.first().and_then(self.key_of);
        if count == 0 || (offset > 0 && key.is_some() && key == self.previous_key) {
            self.finish();
            return None;
        }
        self.previous_key = key;
        self.read += count;
        let limit = u64::from(self.limit);
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
            } else if last_page {
                self.finish();
            }
        }
        Some(entries)
    }

    fn finish(&mut self) {
        self.finished = true;
        self.in_flight = FuturesOrdered::new();
        if let Some(claimed) = self.total {
            if claimed != self.read {
                self.mismatch = Some(Mismatch {
                    claimed,
                    read: self.read,
                });
            }
        }
    }

    fn fail(&mut self, error: ApiError) -> ApiError {
        self.finished = true;
        self.in_flight = FuturesOrdered::new();
        error
    }
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

    #[tokio::test]
    async fn a_service_that_ignores_the_offset_does_not_loop() {
        let fake = Arc::new(Fake::default());
        let sizes = vec![10];
        let walk = Walk::from_start(fetcher(&fake, &sizes, None, true), key, 10);
        let (all, _) = walk_all(walk).await;
        assert_eq!(all, (0..10).collect::<Vec<_>>());
        assert_eq!(fake.requests.lock().unwrap().len(), 2);
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
