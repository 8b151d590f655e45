//! Free-text matching of a search expression against a document's title and description.
//!
//! Both sides are cut into words the same way: lowercased (Unicode-aware), split at every
//! character that is not a letter or a digit. A document matches when *every* word of the
//! expression matches some word of the searched fields, where "matches" means is a prefix of it
//! (`sun` finds `Sunset`, as a search box does while the user types). With `fuzzy`, a word of three
//! or more characters may also differ by one edit (insert, delete, substitute, or swap two
//! neighbours) from a word of the document or from one of its prefixes; shorter words get no
//! tolerance, since one edit would let them match almost anything (the rule Elasticsearch's
//! `fuzziness: AUTO` uses for short terms).

/// Words shorter than this are matched exactly even when fuzzy.
const FUZZY_MIN_CHARS: usize = 3;

/// The words of a search expression, ready to match many documents.
#[derive(Debug, Clone)]
pub struct TextQuery {
    words: Vec<Vec<char>>,
    fuzzy: bool,
}

impl TextQuery {
    pub fn new(expression: &str, fuzzy: bool) -> TextQuery {
        TextQuery {
            words: words(expression).map(|w| w.chars().collect()).collect(),
            fuzzy,
        }
    }

    /// True when the expression has no words (empty, blank, punctuation only): it then
    /// restricts nothing and every document matches.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Whether every word of the query matches a word of one of `fields`.
    pub fn matches(&self, fields: &[Option<&str>]) -> bool {
        if self.words.is_empty() {
            return true;
        }
        let document: Vec<Vec<char>> = fields
            .iter()
            .flatten()
            .flat_map(|text| words(text))
            .map(|w| w.chars().collect())
            .collect();
        self.words.iter().all(|word| {
            document
                .iter()
                .any(|candidate| word_matches(word, candidate, self.fuzzy))
        })
    }
}

/// Lowercased words of `text`, split at anything that is not alphanumeric.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// `query` is a prefix of `word`, or (fuzzy, long enough) one edit away from `word` or from a
/// prefix of it whose length is within one of the query's.
fn word_matches(query: &[char], word: &[char], fuzzy: bool) -> bool {
    if word.starts_with(query) {
        return true;
    }
    if !fuzzy || query.len() < FUZZY_MIN_CHARS {
        return false;
    }
    let shortest = query.len() - 1;
    let longest = (query.len() + 1).min(word.len());
    (shortest..=longest).any(|len| within_one_edit(query, &word[..len]))
}

/// Optimal-string-alignment distance ≤ 1, in one pass: the strings agree except for one
/// inserted, deleted or substituted character, or one swapped pair of neighbours.
fn within_one_edit(a: &[char], b: &[char]) -> bool {
    let (shorter, longer) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if longer.len() - shorter.len() > 1 {
        return false;
    }
    let Some(first_difference) = shorter.iter().zip(longer).position(|(x, y)| x != y) else {
        // One is a prefix of the other and the lengths differ by at most one.
        return true;
    };
    let i = first_difference;
    if shorter.len() == longer.len() {
        let substituted = shorter[i + 1..] == longer[i + 1..];
        let swapped = i + 1 < shorter.len()
            && shorter[i] == longer[i + 1]
            && shorter[i + 1] == longer[i]
            && shorter[i + 2..] == longer[i + 2..];
        substituted || swapped
    } else {
        // The longer one has an extra character at `i`.
        shorter[i..] == longer[i + 1..]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn one_edit() {
        for (a, b) in [
            ("sunset", "sunset"),
            ("sunset", "sunsets"),
            ("sunset", "unset"),
            ("sunset", "sunsat"),
            ("sunset", "snuset"),
            ("sunset", "sunste"),
            ("ab", "ba"),
            ("", "a"),
        ] {
            assert!(within_one_edit(&chars(a), &chars(b)), "{a} ~ {b}");
            assert!(within_one_edit(&chars(b), &chars(a)), "{b} ~ {a}");
        }
        for (a, b) in [
            ("sunset", "sunsetss"),
            ("sunset", "snusat"),
            ("sunset", "nuset"),
            ("abc", "cba"),
            ("", "ab"),
        ] {
            assert!(!within_one_edit(&chars(a), &chars(b)), "{a} !~ {b}");
        }
    }

    #[test]
    fn all_words_must_match_case_insensitively() {
        let q = TextQuery::new("RED sun", false);
        assert!(q.matches(&[Some("Red sunset"), None]));
        assert!(q.matches(&[Some("Sunset"), Some("over the red sea")]));
        assert!(!q.matches(&[Some("Red moon"), None]));
        assert!(!q.matches(&[None, None]));
        assert!(TextQuery::new(" ,; ", false).matches(&[None]));
    }

    #[test]
    fn fuzzy_tolerates_one_typo_per_word_of_three_or_more() {
        let doc = [Some("Lighthouse at dusk"), Some("Ölfjord, Norway")];
        assert!(!TextQuery::new("lighthuose", false).matches(&doc));
        assert!(TextQuery::new("lighthuose", true).matches(&doc));
        assert!(TextQuery::new("ligthouse dsuk", true).matches(&doc));
        assert!(TextQuery::new("lihgt", true).matches(&doc)); // prefix with a swap
        assert!(TextQuery::new("ölfjrd", true).matches(&doc));
        assert!(!TextQuery::new("lihgthuose", true).matches(&doc)); // two edits
        assert!(!TextQuery::new("ax", true).matches(&doc)); // short: exact only
        assert!(TextQuery::new("at", true).matches(&doc));
    }
}
