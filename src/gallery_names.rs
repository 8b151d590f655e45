//! Galleries by name: the one place that turns what a user typed for a gallery (an id or a name)
//! into a gallery id, and the cached list of names that shell completion offers.
//!
//! Matching rules (`match_name`), in order:
//! 1. an argument shaped like a GUID is an id, used as it is: no lookup, so scripts that pass ids
//!    pay no extra request (a gallery *named* like a GUID is reached by its id; when such an id is
//!    not found, the not-found error names the gallery that bears it as its name);
//! 2. otherwise the site's galleries are read (one walk of the galleries paginator) and the name
//!    must match exactly, else case-insensitively; either must be unique. No match, or several,
//!    is a usage error (exit 2) listing the candidates with their ids.
//!
//! The names cache (`<data dir>/gallery-names.json`, mode 0600, replaced atomically) holds the
//! galleries of the site last read whole: written by `galleries list` when it read every gallery
//! and by every name lookup. Completion reads it and never calls the service.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// One gallery as the names cache and the matching know it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Named {
    pub id: String,
    #[serde(default)]
    pub name: String,
}

/// What an argument resolves to among the site's galleries.
#[derive(Debug, PartialEq, Eq)]
pub enum Match {
    /// Exactly one gallery.
    One(Named),
    /// Several galleries bear this name (exactly, or ignoring case): the candidates.
    Ambiguous(Vec<Named>),
    /// None does: the galleries whose names contain it ignoring case (or all, when none does).
    Unknown(Vec<Named>),
}

/// Finds `wanted` among `galleries` by name: exact first, then ignoring case; see the module
/// comment.
pub fn match_name(wanted: &str, galleries: &[Named]) -> Match {
    let exact: Vec<&Named> = galleries.iter().filter(|g| g.name == wanted).collect();
    let chosen = if exact.is_empty() {
        let folded = wanted.to_lowercase();
        galleries
            .iter()
            .filter(|g| g.name.to_lowercase() == folded)
            .collect()
    } else {
        exact
    };
    match chosen.as_slice() {
        [one] => Match::One((*one).clone()),
        [] => {
            let folded = wanted.to_lowercase();
            let near: Vec<Named> = galleries
                .iter()
                .filter(|g| g.name.to_lowercase().contains(&folded))
                .cloned()
                .collect();
            Match::Unknown(if near.is_empty() {
                galleries.to_vec()
            } else {
                near
            })
        }
        many => Match::Ambiguous(many.iter().map(|g| (*g).clone()).collect()),
    }
}

/// The candidates of an ambiguous or unknown name on one line (`"Name" ID, "Other" ID`): an
/// error stays one error line and one hint. At most `MAX_LISTED`, then a count of the rest.
pub fn candidate_list(candidates: &[Named]) -> String {
    const MAX_LISTED: usize = 8;
    let mut listed: Vec<String> = candidates
        .iter()
        .take(MAX_LISTED)
        .map(|g| format!("{:?} {}", g.name, g.id))
        .collect();
    if candidates.len() > MAX_LISTED {
        listed.push(format!(
            "and {} more (`progallery galleries list --all`)",
            candidates.len() - MAX_LISTED
        ));
    }
    listed.join(", ")
}

/// The names cache on disk.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Cache {
    /// Which site the names belong to (base URL and site id, or the embedded sandbox).
    pub site: String,
    pub galleries: Vec<Named>,
}

pub fn cache_path(data_dir: &Path) -> PathBuf {
    data_dir.join("gallery-names.json")
}

/// Reads the cache; `None` when there is none or it cannot be read (completion then offers no
/// names, it never fails).
pub fn read_cache(data_dir: &Path) -> Option<Cache> {
    // Through `files`: a FIFO in its place must not hang a Tab.
    let bytes = crate::files::read_regular(&cache_path(data_dir), 16 * 1024 * 1024).ok()?;
    serde_json::from_slice(&bytes).ok()
}

/// Replaces the cache: a temporary file beside it, owner-only, renamed over it. A failure only
/// costs completion its names, so it is returned for the caller to ignore or log.
pub fn write_cache(data_dir: &Path, cache: &Cache) -> std::io::Result<()> {
    let text = serde_json::to_string(cache).map_err(std::io::Error::other)?;
    crate::files::write_private_atomically(&cache_path(data_dir), text.as_bytes())
}

/// Completion of a gallery argument: the cached names that start with what was typed (ignoring
/// case), each with its id as the help text. Reads only the cache file: a Tab never waits for
/// the network. Bash inserts a candidate as it is, so for bash (the only shell whose adapter
/// sets `_CLAP_COMPLETE_INDEX`) spaces and other special characters are backslash-escaped.
pub fn complete(current: &std::ffi::OsStr) -> Vec<clap_complete::CompletionCandidate> {
    let Ok(paths) = crate::paths::Paths::from_env() else {
        return Vec::new();
    };
    let Some(cache) = read_cache(&paths.data_dir) else {
        return Vec::new();
    };
    let bash = std::env::var_os("_CLAP_COMPLETE_INDEX").is_some();
    let typed = current.to_string_lossy();
    let typed = if bash {
        unescape_bash(&typed)
    } else {
        typed.into_owned()
    };
    let typed = typed.to_lowercase();
    cache
        .galleries
        .iter()
        .filter(|g| !g.name.is_empty() && g.name.to_lowercase().starts_with(&typed))
        .map(|g| {
            let value = if bash {
                escape_bash(&g.name)
            } else {
                g.name.clone()
            };
            clap_complete::CompletionCandidate::new(value).help(Some(g.id.clone().into()))
        })
        .collect()
}

fn escape_bash(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_whitespace() || "\\'\"`$&|;<>()[]{}*?!#~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn unescape_bash(typed: &str) -> String {
    let typed = typed.trim_start_matches(['"', '\'']);
    let mut out = String::with_capacity(typed.len());
    let mut chars = typed.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(next) = chars.next() {
                out.push(next);
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(id: &str, name: &str) -> Named {
        Named {
            id: id.to_string(),
            name: name.to_string(),
        }
    }

    #[test]
    fn exact_beats_case_insensitive_and_both_must_be_unique() {
        let all = vec![
            named("1", "Trip"),
            named("2", "trip"),
            named("3", "Portfolio"),
            named("4", "Archive 2024"),
            named("5", "Archive 2024"),
        ];
        assert_eq!(match_name("Trip", &all), Match::One(named("1", "Trip")));
        assert_eq!(match_name("trip", &all), Match::One(named("2", "trip")));
        assert_eq!(
            match_name("TRIP", &all),
            Match::Ambiguous(vec![named("1", "Trip"), named("2", "trip")])
        );
        assert_eq!(
            match_name("portfolio", &all),
            Match::One(named("3", "Portfolio"))
        );
        assert_eq!(
            match_name("Archive 2024", &all),
            Match::Ambiguous(vec![named("4", "Archive 2024"), named("5", "Archive 2024")])
        );
        // Unknown: the near names, else everything.
        assert_eq!(
            match_name("archive", &all),
            Match::Unknown(vec![named("4", "Archive 2024"), named("5", "Archive 2024")])
        );
        assert_eq!(match_name("Nothing", &all), Match::Unknown(all.clone()));
    }

    #[test]
    fn bash_escaping_round_trips() {
        assert_eq!(escape_bash("My Trip (2)"), "My\\ Trip\\ \\(2\\)");
        assert_eq!(unescape_bash("My\\ Tr"), "My Tr");
        assert_eq!(unescape_bash("\"My Tr"), "My Tr");
    }
}
