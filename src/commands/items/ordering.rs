//! Positions in a gallery. Items are shown by `sortOrder` ascending (spec/api.md §4), so putting
//! items somewhere means choosing numbers between their new neighbours. One solver serves `add`
//! (new items at a place), `move` (one item somewhere else) and `reorder` (a whole new order):
//! given the wanted sequence, where some entries keep their current number ("fixed") and the
//! others need one ("free"), it fills every run of free entries evenly between the fixed numbers
//! around it. When a run has no room left between two doubles, it frees the neighbouring fixed
//! entries one at a time (each costs one update) until it fits, so it renumbers as few items as
//! it can.
//!
//! Nothing here depends on how the service treats a duplicate `sortOrder` (the docs say both
//! "fails" and "allowed", with no error code): fixed numbers that are equal (ties the service
//! may hold) are made distinct like any other out-of-order pair, a free entry never gets a
//! number another item of the gallery holds now, so the updates of a move or reorder can land in
//! any order, and a number refused anyway (another writer took it meanwhile) is replaced by
//! another one of its window (`SortWindow`), which keeps the wanted order too.

use crate::api::items::{may_be_sort_order_refusal, SortWindow};

/// An item's new place: its id, its new number, and the window any number of which keeps it
/// there.
#[derive(Debug, Clone, PartialEq)]
pub struct Placement {
    pub id: String,
    pub value: f64,
    pub window: SortWindow,
}

/// Times an update is sent with another number of its window after a possible refusal.
const SORT_ORDER_TRIES: u32 = 4;

/// Sets new `sortOrder`s, a few at a time; a number that may have been refused (see
/// `may_be_sort_order_refusal`) is replaced by another of its window, a few times. Returns the
/// updated items, in no particular order.
pub async fn apply_sort_orders(
    client: &crate::api::Client,
    gallery: &str,
    placements: &[Placement],
) -> Result<Vec<crate::api::model::Item>, crate::api::ApiError> {
    use futures::{StreamExt, TryStreamExt};
    futures::stream::iter(placements.iter().cloned())
        .map(|placement| async move {
            let mut value = placement.value;
            let mut tries = 1;
            loop {
                let changes = serde_json::json!({ "sortOrder": value });
                match crate::api::items::update(client, gallery, &placement.id, changes).await {
                    Ok(item) => return Ok(item),
                    Err(e) if may_be_sort_order_refusal(&e) && tries < SORT_ORDER_TRIES => {
                        tries += 1;
                        value = placement.window.another(value);
                    }
                    Err(e) => return Err(e),
                }
            }
        })
        .buffer_unordered(4)
        .try_collect()
        .await
}

/// The items as one consistent listing: each id once, by sortOrder, items that share one in the
/// order they were listed. A gallery read page by page while other writers add to it can come
/// back torn (an item on two pages, a later page shifted); planning on such a listing must not
/// "repair" an order that only the read got wrong by renumbering other writers' items.
pub fn in_gallery_order(items: Vec<crate::api::model::Item>) -> Vec<crate::api::model::Item> {
    let mut seen = std::collections::HashSet::new();
    let mut items: Vec<_> = items
        .into_iter()
        .filter(|item| item.id.as_ref().map_or(true, |id| seen.insert(id.clone())))
        .collect();
    items.sort_by(|a, b| {
        let key = |item: &crate::api::model::Item| sort_order_of(item).unwrap_or(f64::INFINITY);
        key(a).total_cmp(&key(b))
    });
    items
}

/// An item's sortOrder as a number.
pub fn sort_order_of(item: &crate::api::model::Item) -> Option<f64> {
    item.sort_order
        .as_ref()
        .and_then(serde_json::Number::as_f64)
}

/// An entry of the wanted order that has a number now: the number, and its rank (its place in
/// the gallery as listed now, which is how the service orders items that share a number).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fixed {
    pub value: f64,
    pub rank: usize,
}

/// One entry of the wanted order: `Some(current)` may keep its number, `None` needs one.
pub type Slot = Option<Fixed>;

/// The entry for an item listed at `rank` (`None` without a number).
pub fn fixed(item: &crate::api::model::Item, rank: usize) -> Slot {
    sort_order_of(item).map(|value| Fixed { value, rank })
}

/// The numbers of the gallery's entries during solving: `None` needs one.
type Number = Option<f64>;

/// Step used past either end of a gallery: whole units before the first item; after the last,
/// milliseconds counted from now (the service's own default is the creation time in seconds, so
/// appended items stay before anything the service appends later), or from the last item when
/// it is later: one millisecond on its scale (see `millisecond_at`).
const STEP_BEFORE: f64 = 1.0;

/// Past this, a number is epoch milliseconds, not seconds (epoch seconds reach 1e10 only in the
/// year 2286; epoch milliseconds passed 1e12 in 2001). Real galleries hold both.
const MILLISECOND_SCALE: f64 = 1e11;

/// One millisecond at the scale of `x`: 0.001 next to epoch seconds (or any small number), 1
/// next to epoch milliseconds, where 0.001 would be only a few doubles apart.
fn millisecond_at(x: f64) -> f64 {
    if x.abs() >= MILLISECOND_SCALE {
        1.0
    } else {
        0.001
    }
}

/// The smallest gap kept between two numbers near `x`: far above rounding noise of a double.
fn min_gap(x: f64) -> f64 {
    (x.abs() * f64::EPSILON * 64.0).max(1e-6)
}

/// The seconds since the epoch, the service's default `sortOrder` scale.
fn now_seconds() -> f64 {
    let now = chrono::Utc::now();
    now.timestamp() as f64 + f64::from(now.timestamp_subsec_millis()) / 1000.0
}

/// Numbers for every entry in the wanted order, changing as few fixed entries as it can, and
/// giving no entry that needs a number one of `held` (the numbers items of the gallery hold now).
/// Returns the number of each entry (fixed ones unchanged unless they had to move). New numbers
/// are strictly between their neighbours'; two fixed entries next to each other may keep a
/// number they share when they keep the order the service lists them in.
fn solve(slots: &[Slot], now: f64, held: &[f64]) -> Vec<f64> {
    // Fixed entries out of their current order (by number, then by rank among equal numbers)
    // cannot all stay: keep a longest increasing subsequence of them, free the rest.
    let fixed: Vec<(usize, Fixed)> = slots
        .iter()
        .enumerate()
        .filter_map(|(i, s)| s.map(|f| (i, f)))
        .collect();
    let keys: Vec<(f64, usize)> = fixed.iter().map(|(_, f)| (f.value, f.rank)).collect();
    let keep = longest_increasing(&keys);
    let keep: std::collections::HashSet<usize> = keep.into_iter().map(|k| fixed[k].0).collect();
    let mut slots: Vec<Number> = slots
        .iter()
        .enumerate()
        .map(|(i, s)| s.filter(|_| keep.contains(&i)).map(|f| f.value))
        .collect();
    loop {
        match first_tight_run(&slots) {
            None => break,
            Some((start, end)) => widen(&mut slots, start, end),
        }
    }
    let mut values = fill(&slots, now);
    avoid_held(&slots, &mut values, held);
    values
}

/// [`solve`] now, in a gallery whose items are `gallery`: no entry that needs a number gets one an
/// item there holds (a service may refuse a duplicate).
pub fn solve_in(slots: &[Slot], gallery: &[crate::api::model::Item]) -> Vec<f64> {
    let held: Vec<f64> = gallery.iter().filter_map(sort_order_of).collect();
    solve(slots, now_seconds(), &held)
}

/// Moves each new number that another item holds now to an unheld one between its neighbours.
fn avoid_held(slots: &[Number], values: &mut [f64], held: &[f64]) {
    let held: std::collections::HashSet<u64> = held.iter().map(|v| v.to_bits()).collect();
    for i in 0..values.len() {
        if slots[i].is_some() || !held.contains(&values[i].to_bits()) {
            continue;
        }
        let left = i.checked_sub(1).map(|j| values[j]);
        let right = values.get(i + 1).copied();
        let (mut low, mut high) = (
            left.unwrap_or(values[i] - STEP_BEFORE),
            right.unwrap_or(values[i] + end_room(values[i]) * 2.0),
        );
        // Halve towards whichever side has room until the number is free (a handful of steps:
        // the run was given room for at least `min_gap` on each side).
        let mut candidate = values[i];
        for _ in 0..64 {
            let up = (candidate + high) / 2.0;
            let down = (low + candidate) / 2.0;
            let next = if up > candidate && up < high {
                low = candidate;
                up
            } else if down < candidate && down > low {
                high = candidate;
                down
            } else {
                break;
            };
            candidate = next;
            if !held.contains(&candidate.to_bits()) {
                values[i] = candidate;
                break;
            }
        }
    }
}

/// Room kept past the last entry for its window: half the step used there.
fn end_room(x: f64) -> f64 {
    (millisecond_at(x) / 2.0).max(min_gap(x) * 16.0)
}

/// The window of every entry of a solved sequence: halfway to each neighbour's number, and past
/// either end half a step (see `SortWindow`).
pub fn windows(values: &[f64]) -> Vec<SortWindow> {
    (0..values.len())
        .map(|i| {
            let v = values[i];
            let low = match i.checked_sub(1) {
                Some(j) => values[j] + (v - values[j]) / 2.0,
                None => v - STEP_BEFORE / 2.0,
            };
            let high = match values.get(i + 1) {
                Some(&next) => v + (next - v) / 2.0,
                None => v + end_room(v),
            };
            SortWindow { low, high }
        })
        .collect()
}

/// The free runs `[start, end)` and their fixed bounds.
fn runs(slots: &[Number]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < slots.len() {
        if slots[i].is_none() {
            let start = i;
            while i < slots.len() && slots[i].is_none() {
                i += 1;
            }
            out.push((start, i));
        } else {
            i += 1;
        }
    }
    out
}

fn bounds(slots: &[Number], start: usize, end: usize) -> (Option<f64>, Option<f64>) {
    let left = start.checked_sub(1).and_then(|i| slots[i]);
    let right = slots.get(end).copied().flatten();
    (left, right)
}

fn fits(left: Option<f64>, right: Option<f64>, count: usize) -> bool {
    match (left, right) {
        (Some(a), Some(b)) => {
            let gap = (b - a) / (count as f64 + 1.0);
            gap >= min_gap(a).max(min_gap(b))
        }
        _ => true,
    }
}

fn first_tight_run(slots: &[Number]) -> Option<(usize, usize)> {
    runs(slots).into_iter().find(|&(start, end)| {
        let (left, right) = bounds(slots, start, end);
        !fits(left, right, end - start)
    })
}

/// Frees the fixed neighbour on the side that leaves the most room per entry.
fn widen(slots: &mut [Number], start: usize, end: usize) {
    let room = |slots: &[Number], s: usize, e: usize| -> f64 {
        match bounds(slots, s, e) {
            (Some(a), Some(b)) => (b - a) / ((e - s) as f64 + 1.0),
            _ => f64::INFINITY,
        }
    };
    let extend = |slots: &[Number], s: usize, e: usize| -> (usize, usize) {
        // Freeing a neighbour merges the run with any free run beyond it.
        let (mut s, mut e) = (s, e);
        while s > 0 && slots[s - 1].is_none() {
            s -= 1;
        }
        while e < slots.len() && slots[e].is_none() {
            e += 1;
        }
        (s, e)
    };
    let left_option = (start > 0).then(|| {
        let mut trial = slots.to_vec();
        trial[start - 1] = None;
        let (s, e) = extend(&trial, start - 1, end);
        (room(&trial, s, e), start - 1)
    });
    let right_option = (end < slots.len()).then(|| {
        let mut trial = slots.to_vec();
        trial[end] = None;
        let (s, e) = extend(&trial, start, end + 1);
        (room(&trial, s, e), end)
    });
    let pick = match (left_option, right_option) {
        (Some(l), Some(r)) => {
            if r.0 > l.0 {
                r.1
            } else {
                l.1
            }
        }
        (Some(l), None) => l.1,
        (None, Some(r)) => r.1,
        (None, None) => return,
    };
    slots[pick] = None;
}

fn fill(slots: &[Number], now: f64) -> Vec<f64> {
    let mut out: Vec<f64> = slots.iter().map(|s| s.unwrap_or(0.0)).collect();
    for (start, end) in runs(slots) {
        let count = end - start;
        let (left, right) = bounds(slots, start, end);
        for k in 0..count {
            out[start + k] = match (left, right) {
                (Some(a), Some(b)) => a + (b - a) * (k as f64 + 1.0) / (count as f64 + 1.0),
                (None, Some(b)) => b - STEP_BEFORE * (count - k) as f64,
                (left, None) => {
                    let base = left.map_or(now, |a| a.max(now));
                    let step = millisecond_at(base);
                    let value = base + step * (k as f64 + 1.0);
                    // Whole milliseconds, like the service's defaults; the step is twice the
                    // rounding.
                    let rounded = (value / step).round() * step;
                    if left.is_some_and(|a| rounded <= a) {
                        value
                    } else {
                        rounded
                    }
                }
            };
        }
    }
    out
}

/// Indexes of a longest strictly increasing subsequence (patience sorting, O(n log n)).
fn longest_increasing<T: PartialOrd>(values: &[T]) -> Vec<usize> {
    let mut tails: Vec<usize> = Vec::new();
    let mut previous: Vec<Option<usize>> = vec![None; values.len()];
    for (i, v) in values.iter().enumerate() {
        let position = tails.partition_point(|&t| values[t] < *v);
        previous[i] = position.checked_sub(1).map(|p| tails[p]);
        if position == tails.len() {
            tails.push(i);
        } else {
            tails[position] = i;
        }
    }
    let mut out = Vec::with_capacity(tails.len());
    let mut cursor = tails.last().copied();
    while let Some(i) = cursor {
        out.push(i);
        cursor = previous[i];
    }
    out.reverse();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn increasing(values: &[f64]) -> bool {
        values.windows(2).all(|w| w[0] < w[1])
    }

    /// Slots whose fixed entries are listed now in the order given (ranks 0, 1, 2, …).
    fn listed(values: &[Option<f64>]) -> Vec<Slot> {
        let mut rank = 0;
        values
            .iter()
            .map(|v| {
                v.map(|value| {
                    rank += 1;
                    Fixed {
                        value,
                        rank: rank - 1,
                    }
                })
            })
            .collect()
    }

    fn kept(slots: &[Slot], got: &[f64]) -> usize {
        slots
            .iter()
            .zip(got)
            .filter(|(s, g)| s.is_some_and(|f| f.value == **g))
            .count()
    }

    #[test]
    fn fills_between_and_past_the_ends() {
        let solved = |values: &[Option<f64>], now: f64| solve(&listed(values), now, &[]);
        let got = solved(&[Some(1.0), None, None, Some(4.0)], 100.0);
        assert_eq!(got, vec![1.0, 2.0, 3.0, 4.0]);
        let got = solved(&[None, None, Some(10.0)], 100.0);
        assert_eq!(got, vec![8.0, 9.0, 10.0]);
        let got = solved(&[Some(10.0), None, None], 100.0);
        assert_eq!(got, vec![10.0, 100.001, 100.002]);
        let got = solved(&[None, None], 5.0);
        assert_eq!(got, vec![5.001, 5.002]);
        let got = solved(&[Some(200.5), None], 100.0);
        assert_eq!(got, vec![200.5, 200.501]);
    }

    #[test]
    fn mixed_scales_and_a_tie_around_the_new_entry() {
        // Seconds and milliseconds in one gallery, and a tie (a service that accepts duplicates)
        // with the new entry wanted between the tied pair: one of them moves, nothing else.
        let ms = 1_642_505_672_333.0;
        let slots = listed(&[
            Some(1_644_317_968.985),
            Some(ms),
            None,
            Some(ms),
            Some(ms + 5.0),
        ]);
        let got = solve(&slots, 1_700_000_000.0, &[]);
        assert!(increasing(&got), "{got:?}");
        assert_eq!(kept(&slots, &got), 3, "{got:?}");
        // Past a millisecond-scale end the numbers grow by milliseconds of that scale.
        let got = solve(&listed(&[Some(ms), None, None]), 1_700_000_000.0, &[]);
        assert_eq!(got, vec![ms, ms + 1.0, ms + 2.0]);
        let w = windows(&got);
        assert_eq!((w[2].low, w[2].high), (ms + 1.5, ms + 2.5));
    }

    #[test]
    fn ties_that_keep_their_listed_order_stay_and_swapped_ones_do_not() {
        // Items listed a, b, c, d with b and c sharing 5: adding at the end leaves the tie alone.
        let slots = listed(&[Some(1.0), Some(5.0), Some(5.0), Some(9.0), None]);
        let got = solve(&slots, 100.0, &[]);
        assert_eq!(got, vec![1.0, 5.0, 5.0, 9.0, 100.001]);
        // Wanted c before b: the service would keep listing b first, so one of them moves.
        let b = Fixed {
            value: 5.0,
            rank: 1,
        };
        let c = Fixed {
            value: 5.0,
            rank: 2,
        };
        let slots = vec![
            Some(Fixed {
                value: 1.0,
                rank: 0,
            }),
            Some(c),
            Some(b),
        ];
        let got = solve(&slots, 100.0, &[]);
        assert!(increasing(&got), "{got:?}");
        assert_eq!(kept(&slots, &got), 2, "{got:?}");
    }

    #[test]
    fn a_new_number_is_never_one_another_item_holds() {
        // Items at 1 and 4 stay; 2 and 3 are where the fill would put the two new entries, but
        // other items (moving elsewhere) still hold them.
        let slots = listed(&[Some(1.0), None, None, Some(4.0)]);
        let got = solve(&slots, 0.0, &[1.0, 2.0, 3.0, 4.0]);
        assert!(increasing(&got), "{got:?}");
        assert!(
            got[1] != 2.0 && got[1] != 3.0 && got[2] != 2.0 && got[2] != 3.0,
            "{got:?}"
        );
        assert_eq!((got[0], got[3]), (1.0, 4.0));
        let got = solve(&listed(&[Some(10.0), None]), 100.0, &[100.001]);
        assert!(got[1] > 10.0 && got[1] != 100.001, "{got:?}");
    }

    #[test]
    fn a_torn_listing_is_read_as_one_consistent_order() {
        let item = |id: &str, order: f64| -> crate::api::model::Item {
            serde_json::from_value(serde_json::json!({"id": id, "sortOrder": order})).unwrap()
        };
        let torn = vec![
            item("a", 1.0),
            item("c", 5.0),
            item("b", 3.0),
            item("c", 5.0),
            item("t1", 4.0),
            item("t2", 4.0),
        ];
        let ids: Vec<String> = in_gallery_order(torn)
            .into_iter()
            .map(|i| i.id.unwrap())
            .collect();
        assert_eq!(ids, ["a", "b", "t1", "t2", "c"]);
    }

    #[test]
    fn windows_keep_the_order_whatever_number_is_picked_inside() {
        let values = vec![1.0, 2.0, 4.0, 1_642_505_672_333.0];
        let windows = windows(&values);
        for (i, w) in windows.iter().enumerate() {
            assert!(w.low < values[i] && values[i] < w.high, "{i}: {w:?}");
            if let Some(next) = windows.get(i + 1) {
                assert!(w.high <= next.low, "{i}: windows overlap");
            }
            for _ in 0..100 {
                let other = w.another(values[i]);
                assert!(other > w.low && other < w.high && other != values[i]);
            }
        }
    }

    #[test]
    fn renumbers_minimally_when_there_is_no_room() {
        let a = 1_700_000_000.0;
        let b = a + f64::EPSILON * a * 2.0; // next-but-one double
        let slots = listed(&[Some(a - 10.0), Some(a), None, Some(b), Some(a + 10.0)]);
        let got = solve(&slots, 0.0, &[]);
        assert!(increasing(&got), "{got:?}");
        assert_eq!(kept(&slots, &got), 3, "{got:?}");
        assert_eq!(got[0], a - 10.0);
        assert_eq!(got[4], a + 10.0);
    }

    #[test]
    fn keeps_a_longest_increasing_subsequence() {
        // Wanted order of items whose current numbers are 1..5: 2 and 5 are out of place.
        let slots: Vec<Slot> = [1.0, 3.0, 4.0, 2.0, 5.0]
            .iter()
            .map(|v| {
                Some(Fixed {
                    value: *v,
                    rank: *v as usize,
                })
            })
            .collect();
        let got = solve(&slots, 0.0, &[]);
        assert!(increasing(&got), "{got:?}");
        assert_eq!(kept(&slots, &got), 4, "{got:?}");
        assert_eq!(longest_increasing(&[3.0, 1.0, 2.0, 5.0, 4.0]).len(), 3);
        assert!(longest_increasing::<f64>(&[]).is_empty());
    }
}
