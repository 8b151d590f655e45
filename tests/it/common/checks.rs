//! Checks and readings the test files share: the shape of a failed run's stderr, the titles of a
//! list of items, the files of a folder, a file's permission bits.

use std::path::Path;

use serde_json::Value;

use super::process::Run;

/// Asserts the shape every failed run must have: exit `code`, stdout empty, stderr exactly an
/// error line (holding `says`) and a hint line, no panic. `name` says which case it is.
#[track_caller]
pub fn assert_one_error_and_a_hint(name: &str, run: &Run, code: i32, says: &str) {
    let context = format!(
        "{name}: exit {}\nstdout: {}\nstderr: {}",
        run.code, run.stdout, run.stderr
    );
    assert_eq!(run.code, code, "{context}");
    assert!(run.stdout.is_empty(), "{context}");
    assert!(!run.stderr.contains("panicked"), "{context}");
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{context}");
    assert!(lines[0].starts_with("progallery: error: "), "{context}");
    assert!(lines[0].contains(says), "{context}");
    assert!(lines[1].starts_with("hint: "), "{context}");
    assert!(lines[1].len() > "hint: ".len() + 10, "{context}");
}

/// The titles of `items`, in their order ("" for an item without one).
pub fn titles(items: &[Value]) -> Vec<String> {
    items
        .iter()
        .map(|i| i["title"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// The names of the entries of a folder, sorted (none when it does not exist).
pub fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// The journals a CLI run in `home` left (their file names, sorted; none when there is no
/// journals folder).
pub fn journal_files(home: &Path) -> Vec<String> {
    names_in(&home.join("data/journals"))
}

/// The permission bits of `path` itself (a link is not followed).
#[track_caller]
pub fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::symlink_metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}
