//! What a SOURCE argument (or a manifest's `source` column) names, decided before anything is
//! sent: a local file or folder (folders expand to their supported files, sorted by name), an
//! http(s) URL for the Media Manager to import, a YouTube/Vimeo link, or media already in Wix (a
//! media id or static.wixstatic.com URL). A string that is none of these is a usage error; a file
//! that exists but cannot be used (unreadable, empty, unsupported) is found later and reported as
//! that source's failure, so the others still go on.

use std::cmp::Ordering;
use std::path::{Path, PathBuf};

use serde_json::{json, Value};

use crate::api::download::STATIC_MEDIA_BASE as WIX_MEDIA_BASE;

/// What one entry adds.
#[derive(Debug, Clone)]
pub enum Source {
    /// A local file to upload; `mime` from its extension (checked against its first bytes later).
    File {
        path: PathBuf,
        mime: Option<&'static str>,
    },
    /// An http(s) URL the Media Manager imports.
    Import { url: String },
    /// A YouTube or Vimeo link: a video item, nothing uploaded.
    Video { provider: &'static str, url: String },
    /// Media already in Wix; its size comes from the flags or from the Media Manager.
    WixMedia {
        id: String,
        url: String,
        size: Option<(u32, u32)>,
    },
    /// HTML for a text item.
    Text { html: String },
    /// A whole item from a manifest (as `items list -o json` prints them), created as it is.
    Item { item: Value },
    /// Something found while expanding a folder that cannot be added (an unreadable folder).
    Broken { reason: String },
}

/// The last non-empty segment of a URL's path, percent-decoded.
fn last_segment(url: &str) -> Option<String> {
    url::Url::parse(url)
        .ok()?
        .path_segments()?
        .rev()
        .find(|s| !s.is_empty())
        .map(|s| {
            url::form_urlencoded::parse(format!("x={s}").as_bytes())
                .next()
                .map(|(_, v)| v.into_owned())
                .unwrap_or_else(|| s.to_string())
        })
}

impl Source {
    /// The default title: a file's or URL's name without its extension (a video link's video
    /// id, a Wix media id or the file name at the end of its URL). `--title ''` still gives none.
    pub fn default_title(&self) -> Option<String> {
        let name = self.file_name()?;
        let stem = match name.rsplit_once('.') {
            Some((stem, _)) if !stem.is_empty() => stem.to_string(),
            _ => name,
        };
        Some(stem)
    }

    /// The name of a file, or the last segment of an import URL (decoded).
    pub fn file_name(&self) -> Option<String> {
        Some(match self {
            Source::File { path, .. } => path.file_name()?.to_string_lossy().into_owned(),
            Source::Import { url } => last_segment(url)?,
            // The Media Manager's URLs end in the media id, or in a file name after `/v1/…`.
            Source::WixMedia { url, id, .. } => last_segment(url).unwrap_or_else(|| id.clone()),
            // `youtube.com/watch?v=ID` names its video in the query, `youtu.be/ID` and
            // `vimeo.com/ID` at the end of the path.
            Source::Video { url, .. } => {
                let parsed = url::Url::parse(url).ok()?;
                parsed
                    .query_pairs()
                    .find(|(k, _)| k == "v")
                    .map(|(_, v)| v.into_owned())
                    .filter(|v| !v.is_empty())
                    .or_else(|| last_segment(url))?
            }
            _ => return None,
        })
    }

    /// Whether the item will certainly not be an image (so alt text and focal point cannot apply).
    pub fn never_image(&self) -> bool {
        match self {
            Source::Video { .. } | Source::Text { .. } => true,
            Source::File { mime, .. } => mime.is_some_and(|m| m.starts_with("video/")),
            Source::Item { item } => item.get("image").is_none(),
            _ => false,
        }
    }
}

/// The mime type a file name's extension stands for, among what the Media Manager accepts.
pub fn mime_from_name(name: &str) -> Option<&'static str> {
    let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
    Some(match ext.as_str() {
        "jpg" | "jpeg" | "jpe" => "image/jpeg",
        "png" => "image/png",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "bmp" => "image/bmp",
        "mp4" | "m4v" => "video/mp4",
        "mov" => "video/quicktime",
        "webm" => "video/webm",
        _ => return None,
    })
}

/// The extension of a mime type the Media Manager accepts (what an import's display name gets
/// when its URL has none).
pub fn extension_of_mime(mime: &str) -> Option<&'static str> {
    let essence = mime
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    Some(match essence.as_str() {
        "image/jpeg" | "image/jpg" | "image/pjpeg" => "jpg",
        "image/png" => "png",
        "image/gif" => "gif",
        "image/webp" => "webp",
        "image/bmp" | "image/x-ms-bmp" => "bmp",
        "video/mp4" => "mp4",
        "video/quicktime" => "mov",
        "video/webm" => "webm",
        _ => return None,
    })
}

/// The mime type a file's first bytes show, when they are one of the accepted formats.
pub fn mime_from_magic(head: &[u8]) -> Option<&'static str> {
    if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if head.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if head.starts_with(b"GIF87a") || head.starts_with(b"GIF89a") {
        Some("image/gif")
    } else if head.len() >= 12 && &head[..4] == b"RIFF" && &head[8..12] == b"WEBP" {
        Some("image/webp")
    } else if head.starts_with(b"BM") && head.len() >= 26 {
        Some("image/bmp")
    } else if head.starts_with(&[0x1A, 0x45, 0xDF, 0xA3]) {
        Some("video/webm")
    } else if head.len() >= 12 && &head[4..8] == b"ftyp" {
        Some(if &head[8..12] == b"qt  " {
            "video/quicktime"
        } else {
            "video/mp4"
        })
    } else {
        None
    }
}

/// Whether text has the shape of a Wix media id. Real ids come in several forms (spec/api.md
/// §3), all accepted: an uploaded file's `11062b_12703ed9…~mv2.jpeg` (a video's without the
/// suffix), a stock image's `nsplsh_7157426736346c6e443551~mv2.jpg` (a six-letter prefix that
/// is no hex account id), and bare 32-hex names such as `c55f98ed1a97626a07ba65d13654d039.jpg`.
/// A file name such as `my_photo.jpg` is none of these.
pub fn looks_like_media_id(text: &str) -> bool {
    if !text
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "~.-_".contains(c))
    {
        return false;
    }
    let hex_run = |s: &str| s.chars().take_while(char::is_ascii_hexdigit).count();
    // Bare 32-hex name, with an extension or not.
    let stem = text.split(['.', '~']).next().unwrap_or_default();
    if stem.len() == 32 && hex_run(stem) == 32 {
        return true;
    }
    let Some((prefix, rest)) = text.split_once('_') else {
        return false;
    };
    let body = rest.chars().take_while(char::is_ascii_alphanumeric).count();
    prefix.len() == 6
        && prefix
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && body >= 16
}

/// Resolves one source string; folders expand into several. `base` makes relative paths
/// absolute (the manifest's folder, or the working directory). Returns `(label, source)` pairs.
pub fn resolve(
    text: &str,
    base: &Path,
    recursive: bool,
    size: Option<(u32, u32)>,
) -> Result<Vec<(String, Source)>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("is empty".to_string());
    }
    if text.starts_with("http://") || text.starts_with("https://") {
        return resolve_url(text, size).map(|s| vec![(text.to_string(), s)]);
    }
    let path = base.join(text);
    if std::fs::symlink_metadata(&path).is_ok() {
        if path.is_dir() {
            let mut found = Vec::new();
            walk(&path, text, recursive, &mut found, &mut Vec::new());
            return Ok(found);
        }
        let mime = mime_from_name(text);
        return Ok(vec![(text.to_string(), Source::File { path, mime })]);
    }
    if looks_like_media_id(text) {
        return Ok(vec![(
            text.to_string(),
            Source::WixMedia {
                id: text.to_string(),
                url: format!("{WIX_MEDIA_BASE}{text}"),
                size,
            },
        )]);
    }
    Err(format!(
        "{text:?} is no file or folder here, nor a URL or a Wix media id"
    ))
}

fn resolve_url(text: &str, size: Option<(u32, u32)>) -> Result<Source, String> {
    let url = url::Url::parse(text).map_err(|e| format!("{text:?} is not a URL: {e}"))?;
    let host = url.host_str().unwrap_or_default().to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    Ok(match host {
        "youtube.com" | "m.youtube.com" | "youtu.be" | "youtube-nocookie.com" => Source::Video {
            provider: "YOUTUBE",
            url: text.to_string(),
        },
        "vimeo.com" | "player.vimeo.com" => Source::Video {
            provider: "VIMEO",
            url: text.to_string(),
        },
        "static.wixstatic.com" => {
            let id = url
                .path()
                .strip_prefix("/media/")
                .and_then(|rest| rest.split('/').next())
                .filter(|id| !id.is_empty())
                .ok_or_else(|| {
                    format!("{text} is not a Wix media URL (expected https://static.wixstatic.com/media/<id>)")
                })?;
            Source::WixMedia {
                id: id.to_string(),
                url: text.to_string(),
                size,
            }
        }
        _ => Source::Import {
            url: text.to_string(),
        },
    })
}

/// A folder's supported files, sorted by name (numbers in names compare as numbers, so
/// `img2` comes before `img10`), and with `recursive` its subfolders' in the same order. Hidden
/// entries are left out; other files are not media and are skipped. A symbolic link back to a
/// folder being walked (`ln -s .. loop`) is not followed again: `above` holds the folders on the
/// way down, so a loop ends instead of recursing until the stack runs out.
fn walk(
    dir: &Path,
    label: &str,
    recursive: bool,
    found: &mut Vec<(String, Source)>,
    above: &mut Vec<PathBuf>,
) {
    let here = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    if above.contains(&here) {
        return;
    }
    above.push(here);
    walk_entries(dir, label, recursive, found, above);
    above.pop();
}

fn walk_entries(
    dir: &Path,
    label: &str,
    recursive: bool,
    found: &mut Vec<(String, Source)>,
    above: &mut Vec<PathBuf>,
) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            found.push((
                label.to_string(),
                Source::Broken {
                    reason: format!("cannot read the folder: {e}"),
                },
            ));
            return;
        }
    };
    let mut names: Vec<(String, PathBuf)> = entries
        .filter_map(Result::ok)
        .map(|e| (e.file_name().to_string_lossy().into_owned(), e.path()))
        .filter(|(name, _)| !name.starts_with('.'))
        .collect();
    names.sort_by(|a, b| natural_cmp(&a.0, &b.0));
    for (name, path) in names {
        let child_label = format!("{}/{name}", label.trim_end_matches('/'));
        if path.is_dir() {
            if recursive {
                walk(&path, &child_label, recursive, found, above);
            }
        } else if let Some(mime) = mime_from_name(&name) {
            found.push((
                child_label,
                Source::File {
                    path,
                    mime: Some(mime),
                },
            ));
        }
    }
}

/// Compares names case-insensitively, runs of digits by their value.
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    let (mut a_chars, mut b_chars) = (a.chars().peekable(), b.chars().peekable());
    loop {
        match (a_chars.peek().copied(), b_chars.peek().copied()) {
            (None, None) => return a.cmp(b),
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) if x.is_ascii_digit() && y.is_ascii_digit() => {
                let take = |it: &mut std::iter::Peekable<std::str::Chars>| {
                    let mut digits = String::new();
                    while let Some(c) = it.peek().copied().filter(char::is_ascii_digit) {
                        digits.push(c);
                        it.next();
                    }
                    digits
                };
                let (da, db) = (take(&mut a_chars), take(&mut b_chars));
                let (ta, tb) = (da.trim_start_matches('0'), db.trim_start_matches('0'));
                let order = ta.len().cmp(&tb.len()).then_with(|| ta.cmp(tb));
                if order != Ordering::Equal {
                    return order;
                }
            }
            (Some(x), Some(y)) => {
                let order = x.to_lowercase().cmp(y.to_lowercase());
                if order != Ordering::Equal {
                    return order;
                }
                a_chars.next();
                b_chars.next();
            }
        }
    }
}

/// The item a video link makes.
pub fn video_item(provider: &str, url: &str) -> Value {
    json!({ "type": provider, "videoInfo": { "url": url } })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_of_sources() {
        let here = Path::new(".");
        let one = |t: &str| resolve(t, here, false, None).unwrap().remove(0).1;
        assert!(matches!(
            one("https://youtu.be/abc"),
            Source::Video {
                provider: "YOUTUBE",
                ..
            }
        ));
        assert!(matches!(
            one("https://vimeo.com/1"),
            Source::Video {
                provider: "VIMEO",
                ..
            }
        ));
        assert!(matches!(
            one("https://example.com/a.jpg"),
            Source::Import { .. }
        ));
        match one("https://static.wixstatic.com/media/11062b_abc~mv2.jpeg/v1/fill/x.jpg") {
            Source::WixMedia { id, .. } => assert_eq!(id, "11062b_abc~mv2.jpeg"),
            other => panic!("{other:?}"),
        }
        for id in [
            "11062b_12703ed9a6574547bcaed22b1ce44eef~mv2.jpeg",
            "11062b_20125b6ebe434abd96c4d7773634d1db",
            "nsplsh_7157426736346c6e443551~mv2.jpg",
            "c55f98ed1a97626a07ba65d13654d039.jpg",
            "c55f98ed1a97626a07ba65d13654d039",
        ] {
            match one(id) {
                Source::WixMedia { id: got, url, .. } => {
                    assert_eq!(got, id);
                    assert_eq!(url, format!("https://static.wixstatic.com/media/{id}"));
                }
                other => panic!("{id}: {other:?}"),
            }
        }
        for not_media in [
            "my_photo.jpg",
            "holiday_2024_summer_trip.jpg",
            "c55f98ed1a97626a07ba65d13654d03.jpg",
            "NSPLSH_7157426736346c6e443551~mv2.jpg",
        ] {
            assert!(!looks_like_media_id(not_media), "{not_media}");
        }
        assert!(resolve("my_photo.jpg", here, false, None).is_err());
        assert!(resolve("no such thing.jpg", here, false, None).is_err());
        assert!(resolve("https://static.wixstatic.com/x", here, false, None).is_err());
        assert_eq!(
            Source::Import {
                url: "https://x/a%20b.jpg?q=1".into()
            }
            .default_title(),
            Some("a b".into())
        );
        // Links and media ids are titled too.
        for (source, title) in [
            ("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=3", "dQw4w9WgXcQ"),
            ("https://youtu.be/dQw4w9WgXcQ", "dQw4w9WgXcQ"),
            ("https://vimeo.com/76979871", "76979871"),
            ("11062b_12703ed9a6574547bcaed22b1ce44eef~mv2.jpeg", "11062b_12703ed9a6574547bcaed22b1ce44eef~mv2"),
            ("https://static.wixstatic.com/media/11062b_abc~mv2.jpeg/v1/fill/w_640,h_480/dunes.jpg", "dunes"),
        ] {
            assert_eq!(one(source).default_title().as_deref(), Some(title), "{source}");
        }
    }

    #[test]
    fn natural_order_and_magic() {
        let mut names = vec!["img10.jpg", "IMG2.jpg", "img1.jpg", "a.jpg"];
        names.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(names, vec!["a.jpg", "img1.jpg", "IMG2.jpg", "img10.jpg"]);
        assert_eq!(mime_from_magic(b"\x89PNG\r\n\x1a\n...."), Some("image/png"));
        assert_eq!(mime_from_magic(b"GIF89a"), Some("image/gif"));
        assert_eq!(mime_from_magic(b"hello"), None);
        assert_eq!(mime_from_name("x.JPEG"), Some("image/jpeg"));
        assert_eq!(mime_from_name("notes.txt"), None);
        assert_eq!(extension_of_mime("image/JPEG; q=1"), Some("jpg"));
        assert_eq!(extension_of_mime("video/quicktime"), Some("mov"));
        assert_eq!(extension_of_mime("application/octet-stream"), None);
    }
}
