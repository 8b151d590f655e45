//! How exported files are named: `0001-sunset-at-sidi-kaouki.jpg` — the item's position in the
//! gallery (as many digits as the largest position needs, at least four, so names sort in gallery
//! order), then its title made safe for any file system, then the media's own extension. Also the
//! small escapes the contact sheet needs (HTML text, a relative URL path).

/// Longest slug kept from a title, in characters.
const SLUG_MAX: usize = 60;

/// Digits of the position prefix for a gallery of `count` items.
pub fn position_width(count: usize) -> usize {
    count.to_string().len().max(4)
}

/// A title as a file-name part: letters and digits (any script) lowercased, everything else a
/// single `-`, no `-` at either end, at most `SLUG_MAX` characters; empty when nothing is left.
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in title.chars() {
        if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.extend(c.to_lowercase());
        } else {
            dash = true;
        }
        if out.chars().count() >= SLUG_MAX {
            break;
        }
    }
    let cut: String = out.chars().take(SLUG_MAX).collect();
    cut.trim_end_matches('-').to_string()
}

/// `0001-sunset` for the item at `position` (1-based), from its title, else its kind.
pub fn stem(position: usize, width: usize, title: Option<&str>, kind: &str) -> String {
    let name = title.map(slug).filter(|s| !s.is_empty());
    let name = name.unwrap_or_else(|| kind.to_ascii_lowercase());
    format!("{position:0width$}-{name}")
}

/// Extensions media files are known by (lowercase, as written in names).
const MEDIA_EXTENSIONS: &[&str] = &[
    "jpg", "jpeg", "png", "gif", "webp", "bmp", "tif", "tiff", "heic", "avif", "svg", "mp4", "m4v",
    "mov", "webm", "avi", "mkv", "mpg", "mpeg", "wmv", "flv", "3gp",
];

/// The media extension at the end of a name, id or URL path (`~mv2.jpeg` → `jpeg`).
pub fn extension_of(name: &str) -> Option<String> {
    let name = name.split(['?', '#']).next().unwrap_or(name);
    let last = name.rsplit('/').next().unwrap_or(name);
    let (_, ext) = last.rsplit_once('.')?;
    let ext = ext.to_ascii_lowercase();
    MEDIA_EXTENSIONS.contains(&ext.as_str()).then_some(ext)
}

/// The extension a content type stands for.
pub fn extension_for_type(content_type: &str) -> Option<&'static str> {
    Some(match content_type {
        "image/jpeg" | "image/jpg" | "image/pjpeg" => "jpg",
        "image/png" => "png",
        "image/gif" => "gif",
        "image/webp" => "webp",
        "image/bmp" | "image/x-ms-bmp" => "bmp",
        "image/tiff" => "tif",
        "image/heic" => "heic",
        "image/avif" => "avif",
        "image/svg+xml" => "svg",
        "video/mp4" => "mp4",
        "video/quicktime" => "mov",
        "video/webm" => "webm",
        "video/x-msvideo" => "avi",
        "video/x-matroska" => "mkv",
        "video/mpeg" => "mpg",
        _ => return None,
    })
}

/// Text for HTML: `&`, `<`, `>`, `"` and `'` escaped.
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A relative path (`/`-separated) as a URL path: each byte outside the unreserved set
/// percent-encoded, so any file name works in `src=` and `href=`.
pub fn url_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_sort_in_gallery_order_and_read_well() {
        assert_eq!(
            stem(1, 4, Some("Sunset at Sidi Kaouki!"), "IMAGE"),
            "0001-sunset-at-sidi-kaouki"
        );
        assert_eq!(stem(12, 5, None, "VIDEO"), "00012-video");
        assert_eq!(stem(3, 4, Some("  ***  "), "TEXT"), "0003-text");
        assert_eq!(slug("Élan — Café/Ünïcödé"), "élan-café-ünïcödé");
        assert_eq!(slug("../../etc/passwd"), "etc-passwd");
        assert_eq!(slug(&"a ".repeat(100)).chars().count(), 59);
        assert_eq!(position_width(999), 4);
        assert_eq!(position_width(12_345), 5);
    }

    #[test]
    fn extensions_and_escapes() {
        assert_eq!(extension_of("11062b_x~mv2.JPEG").as_deref(), Some("jpeg"));
        assert_eq!(
            extension_of("https://a/b/file.mp4?x=1").as_deref(),
            Some("mp4")
        );
        assert_eq!(
            extension_of("11062b_20125b6ebe434abd96c4d7773634d1db"),
            None
        );
        assert_eq!(extension_of("notes.txt"), None);
        assert_eq!(extension_for_type("video/quicktime"), Some("mov"));
        assert_eq!(
            html("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
        assert_eq!(
            url_path("media/0001-café #1.jpg"),
            "media/0001-caf%C3%A9%20%231.jpg"
        );
    }
}
