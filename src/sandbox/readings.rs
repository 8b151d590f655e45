//! Where Wix's documentation leaves the service's behaviour open, the sandbox follows one reading
//! by default and offers every other reading behind a switch (`sandbox serve` flags, the same
//! names as `PROGALLERY_SANDBOX_*` environment variables for the embedded `--sandbox`), so the
//! client can be tested under each. The README's "How closely the sandbox follows Wix" lists
//! them with their evidence.

use std::fmt;
use std::str::FromStr;

/// What happens to an item created or moved to a `sortOrder` another item of its gallery holds.
/// Current docs: "the function fails" (no error code given); older docs: duplicates are allowed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum DuplicateSortOrder {
    /// Refused with 409 (the code is the sandbox's own; a client must not depend on it).
    #[default]
    Reject,
    /// Stored as asked; items that share a sortOrder are listed in creation order (the first
    /// one created comes first).
    Accept,
}

/// The scale of the `sortOrder` an item gets when it is created without one. Real galleries
/// hold both (the reference's examples: `1644317968.985` next to `1642505672333`, each matching
/// its item's creation time).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SortOrderScale {
    /// Epoch seconds with a millisecond fraction (`1611056409.209`).
    #[default]
    Seconds,
    /// Whole epoch milliseconds (`1611056409209`).
    Milliseconds,
}

/// The readings a running sandbox follows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Readings {
    pub duplicate_sort_order: DuplicateSortOrder,
    pub default_sort_order: SortOrderScale,
}

impl DuplicateSortOrder {
    pub const NAMES: [&'static str; 2] = ["reject", "accept"];
}

impl SortOrderScale {
    pub const NAMES: [&'static str; 2] = ["seconds", "milliseconds"];

    /// A default sortOrder from a time in epoch milliseconds.
    pub fn from_millis(self, ms: i64) -> f64 {
        match self {
            SortOrderScale::Seconds => ms as f64 / 1000.0,
            SortOrderScale::Milliseconds => ms as f64,
        }
    }
}

/// A value that is not one of a switch's names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownReading {
    pub given: String,
    pub expected: &'static [&'static str],
}

impl fmt::Display for UnknownReading {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:?} is not one of {}",
            self.given,
            self.expected.join(", ")
        )
    }
}

impl std::error::Error for UnknownReading {}

/// The reading named `text` (any case, spaces around ignored): `values[i]` is called `names[i]`.
fn reading_named<T: Copy>(
    text: &str,
    names: &'static [&'static str],
    values: &[T],
) -> Result<T, UnknownReading> {
    let wanted = text.trim().to_ascii_lowercase();
    names
        .iter()
        .position(|name| *name == wanted)
        .map(|i| values[i])
        .ok_or_else(|| UnknownReading {
            given: text.to_string(),
            expected: names,
        })
}

impl FromStr for DuplicateSortOrder {
    type Err = UnknownReading;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        use DuplicateSortOrder::{Accept, Reject};
        reading_named(text, &Self::NAMES, &[Reject, Accept])
    }
}

impl FromStr for SortOrderScale {
    type Err = UnknownReading;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        use SortOrderScale::{Milliseconds, Seconds};
        reading_named(text, &Self::NAMES, &[Seconds, Milliseconds])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_and_scales_convert() {
        assert_eq!("accept".parse(), Ok(DuplicateSortOrder::Accept));
        assert_eq!(" Reject ".parse(), Ok(DuplicateSortOrder::Reject));
        let bad = "allow".parse::<DuplicateSortOrder>().unwrap_err();
        assert_eq!(bad.to_string(), "\"allow\" is not one of reject, accept");
        assert_eq!("milliseconds".parse(), Ok(SortOrderScale::Milliseconds));
        assert!("ms".parse::<SortOrderScale>().is_err());
        assert_eq!(
            SortOrderScale::Seconds.from_millis(1_611_056_409_209),
            1_611_056_409.209
        );
        assert_eq!(
            SortOrderScale::Milliseconds.from_millis(1_611_056_409_209),
            1_611_056_409_209.0
        );
    }
}
