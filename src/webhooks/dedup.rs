//! The last N event ids a listener has accepted, so a redelivered event is dropped without the
//! memory growing with the listener's lifetime.

use std::collections::{HashSet, VecDeque};

pub struct RecentIds {
    capacity: usize,
    order: VecDeque<String>,
    seen: HashSet<String>,
}

impl RecentIds {
    pub fn new(capacity: usize) -> RecentIds {
        let capacity = capacity.max(1);
        RecentIds {
            capacity,
            order: VecDeque::with_capacity(capacity),
            seen: HashSet::with_capacity(capacity),
        }
    }

    /// Records `id`; false when it was already among the last `capacity` ids.
    pub fn insert(&mut self, id: &str) -> bool {
        if self.seen.contains(id) {
            return false;
        }
        if self.order.len() == self.capacity {
            if let Some(oldest) = self.order.pop_front() {
                self.seen.remove(&oldest);
            }
        }
        self.order.push_back(id.to_string());
        self.seen.insert(id.to_string());
        true
    }

    /// Forgets `id` (its handling failed, so the sender's retry must be accepted).
    pub fn forget(&mut self, id: &str) {
        if self.seen.remove(id) {
            self.order.retain(|kept| kept != id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RecentIds;

    #[test]
    fn remembers_the_last_n_ids_only() {
        let mut recent = RecentIds::new(3);
        assert!(recent.insert("a"));
        assert!(!recent.insert("a"));
        assert!(recent.insert("b"));
        assert!(recent.insert("c"));
        assert!(recent.insert("d"), "evicts a");
        assert!(
            recent.insert("a"),
            "a was forgotten once 3 newer ids arrived"
        );
        assert!(!recent.insert("d"));
        assert_eq!(recent.order.len(), 3);
        assert_eq!(recent.seen.len(), 3);
    }

    #[test]
    fn forget_lets_a_retry_in() {
        let mut recent = RecentIds::new(10);
        assert!(recent.insert("x"));
        recent.forget("x");
        assert!(recent.insert("x"));
        assert_eq!(recent.order.len(), 1);
    }
}
