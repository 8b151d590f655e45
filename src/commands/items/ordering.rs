//! Positions in a gallery. Items are shown by `sortOrder` ascending (spec/api.md §4), so putting
//! items somewhere means choosing numbers between their new neighbours. One solver serves `add`
//! (new items at a place), `move` (one item somewhere else) and `reorder` (a whole new order):
//! given the wanted sequence, where some entries keep their current number ("fixed") and the
//! others need one ("free"), it fills every run of free entries evenly between the fixed numbers
//! around it. When a run has no room left between two doubles, it frees the neighbouring fixed
//! entries one at a time (each costs one update) until it fits, so it renumbers as few items as
//! it can.

/// Sets new `sortOrder`s, a few at a time. An update that collides with a number another item
/// still holds (409, until that item moves too) is tried again after the others, up to three
/// rounds. Returns the updated items, in no particular order.
pub async fn apply_sort_orders(
    client: &crate::api::Client,
    gallery: &str,
    updates: &[(String, f64)],
) -> Result<Vec<crate::api::model::Item>, crate::api::ApiError> {
    use futures::StreamExt;
    let mut pending: Vec<(String, f64)> = updates.to_vec();
    let mut done = Vec::new();
    for round in 0..3 {
        let outcomes: Vec<_> = futures::stream::iter(pending.clone())
            .map(|(id, value)| async move {
                let changes = serde_json::json!({ "sortOrder": value });
                let outcome = crate::api::items::update(client, gallery, &id, changes).await;
                ((id, value), outcome)
            })
            .buffer_unordered(4)
            .collect()
            .await;
        pending.clear();
        for (update, outcome) in outcomes {
            match outcome {
                Ok(item) => done.push(item),
                Err(crate::api::ApiError::Status { status: 409, .. }) if round < 2 => {
                    pending.push(update)
                }
                Err(e) => return Err(e),
            }
        }
        if pending.is_empty() {
            break;
        }
    }
    Ok(done)
}

/// An item's sortOrder as a number.
pub fn sort_order_of(item: &crate::api::model::Item) -> Option<f64> {
    item.sort_order
        .as_ref()
        .and_then(serde_json::Number::as_f64)
}

/// One entry of the wanted order: `Some(current)` keeps its number, `None` needs one.
pub type Slot = Option<f64>;

/// Step used past either end of a gallery: whole units before the first item; after the last,
/// milliseconds counted from now (the service's own default is the creation time in seconds, so
/// appended items stay before anything the service appends later).
const STEP_BEFORE: f64 = 1.0;
const STEP_AFTER: f64 = 0.001;

/// The smallest gap kept between two numbers near `x`: far above rounding noise of a double.
fn min_gap(x: f64) -> f64 {
    (x.abs() * f64::EPSILON * 64.0).max(1e-6)
}

/// The seconds since the epoch, the service's default `sortOrder` scale.
pub fn now_seconds() -> f64 {
    let now = chrono::Utc::now();
    now.timestamp() as f64 + f64::from(now.timestamp_subsec_millis()) / 1000.0
}

/// Numbers for every entry, strictly increasing, changing as few fixed entries as it can.
/// Returns the number of each entry (fixed ones unchanged unless they had to move).
pub fn solve(slots: &[Slot], now: f64) -> Vec<f64> {
    let mut slots: Vec<Slot> = slots.to_vec();
    // Fixed numbers that are not increasing (a wanted order against the current one) cannot all
    // stay: keep a longest increasing subsequence of them, free the rest.
    let fixed: Vec<(usize, f64)> = slots
        .iter()
        .enumerate()
        .filter_map(|(i, s)| s.map(|v| (i, v)))
        .collect();
    let keep = longest_increasing(&fixed.iter().map(|(_, v)| *v).collect::<Vec<_>>());
    let keep: std::collections::HashSet<usize> = keep.into_iter().map(|k| fixed[k].0).collect();
    for (i, slot) in slots.iter_mut().enumerate() {
        if slot.is_some() && !keep.contains(&i) {
            *slot = None;
        }
    }
    loop {
        match first_tight_run(&slots) {
            None => break,
            Some((start, end)) => widen(&mut slots, start, end),
        }
    }
    fill(&slots, now)
}

/// The free runs `[start, end)` and their fixed bounds.
fn runs(slots: &[Slot]) -> Vec<(usize, usize)> {
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

fn bounds(slots: &[Slot], start: usize, end: usize) -> (Option<f64>, Option<f64>) {
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

fn first_tight_run(slots: &[Slot]) -> Option<(usize, usize)> {
    runs(slots).into_iter().find(|&(start, end)| {
        let (left, right) = bounds(slots, start, end);
        !fits(left, right, end - start)
    })
}

/// Frees the fixed neighbour on the side that leaves the most room per entry.
fn widen(slots: &mut [Slot], start: usize, end: usize) {
    let room = |slots: &[Slot], s: usize, e: usize| -> f64 {
        match bounds(slots, s, e) {
            (Some(a), Some(b)) => (b - a) / ((e - s) as f64 + 1.0),
            _ => f64::INFINITY,
        }
    };
    let extend = |slots: &[Slot], s: usize, e: usize| -> (usize, usize) {
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

fn fill(slots: &[Slot], now: f64) -> Vec<f64> {
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
                    let value = base + STEP_AFTER * (k as f64 + 1.0);
                    // Milliseconds, like the service's defaults; the step is twice the rounding.
                    let rounded = (value * 1000.0).round() / 1000.0;
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
pub fn longest_increasing(values: &[f64]) -> Vec<usize> {
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

    #[test]
    fn fills_between_and_past_the_ends() {
        let got = solve(&[Some(1.0), None, None, Some(4.0)], 100.0);
        assert_eq!(got, vec![1.0, 2.0, 3.0, 4.0]);
        let got = solve(&[None, None, Some(10.0)], 100.0);
        assert_eq!(got, vec![8.0, 9.0, 10.0]);
        let got = solve(&[Some(10.0), None, None], 100.0);
        assert_eq!(got, vec![10.0, 100.001, 100.002]);
        let got = solve(&[None, None], 5.0);
        assert_eq!(got, vec![5.001, 5.002]);
        let got = solve(&[Some(200.5), None], 100.0);
        assert_eq!(got, vec![200.5, 200.501]);
    }

    #[test]
    fn renumbers_minimally_when_there_is_no_room() {
        let a = 1_700_000_000.0;
        let b = a + f64::EPSILON * a * 2.0; // next-but-one double
        let slots = vec![Some(a - 10.0), Some(a), None, Some(b), Some(a + 10.0)];
        let got = solve(&slots, 0.0);
        assert!(increasing(&got), "{got:?}");
        let moved = slots
            .iter()
            .zip(&got)
            .filter(|(s, g)| s.is_some_and(|v| v != **g))
            .count();
        assert_eq!(moved, 1, "{got:?}");
        assert_eq!(got[0], a - 10.0);
        assert_eq!(got[4], a + 10.0);
    }

    #[test]
    fn keeps_a_longest_increasing_subsequence() {
        // Wanted order of items whose current numbers are 1..5: 2 and 5 are out of place.
        let slots: Vec<Slot> = [1.0, 3.0, 4.0, 2.0, 5.0].iter().map(|v| Some(*v)).collect();
        let got = solve(&slots, 0.0);
        assert!(increasing(&got), "{got:?}");
        let changed = slots
            .iter()
            .zip(&got)
            .filter(|(s, g)| s.unwrap() != **g)
            .count();
        assert_eq!(changed, 1, "{got:?}");
        assert_eq!(longest_increasing(&[3.0, 1.0, 2.0, 5.0, 4.0]).len(), 3);
        assert!(longest_increasing(&[]).is_empty());
    }
}
