//! Which video a YouTube or Vimeo link shows, whatever the spelling: the same video is reachable
//! as `youtube.com/watch?v=ID`, `youtu.be/ID`, `/embed/ID`, `/shorts/ID`, on `m.youtube.com`, with
//! extra query parameters (`&t=42`, `&ab_channel=…`), or as `vimeo.com/ID` and
//! `player.vimeo.com/video/ID`. "Never twice" compares video items by provider and video id, so
//! adding `https://youtu.be/X` to a gallery that holds `https://www.youtube.com/watch?v=X` is
//! recognised as already there.

/// `(provider, video id)` of a YouTube or Vimeo link; `None` for any other URL, or a link that
/// names no single video (a channel, a playlist, a search).
pub fn identity(url: &str) -> Option<(&'static str, String)> {
    let parsed = url::Url::parse(url.trim()).ok()?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return None;
    }
    let host = parsed.host_str()?.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let segments: Vec<&str> = parsed
        .path_segments()
        .map(|s| s.filter(|s| !s.is_empty()).collect())
        .unwrap_or_default();
    match host {
        "youtu.be" => youtube_id(segments.first()?).map(|id| ("YOUTUBE", id)),
        "youtube.com" | "m.youtube.com" | "music.youtube.com" | "youtube-nocookie.com" => {
            let id = match segments.as_slice() {
                ["watch"] => parsed
                    .query_pairs()
                    .find(|(k, _)| k == "v")
                    .map(|(_, v)| v.into_owned())?,
                ["embed" | "shorts" | "v" | "live" | "e", id, ..] => (*id).to_string(),
                _ => return None,
            };
            youtube_id(&id).map(|id| ("YOUTUBE", id))
        }
        // vimeo.com/ID, vimeo.com/ID/HASH (unlisted), vimeo.com/channels/NAME/ID,
        // vimeo.com/groups/NAME/videos/ID, player.vimeo.com/video/ID: the video id is the first
        // all-digit segment.
        "vimeo.com" | "player.vimeo.com" => segments
            .iter()
            .find(|s| s.chars().all(|c| c.is_ascii_digit()))
            .map(|id| ("VIMEO", (*id).to_string())),
        _ => None,
    }
}

/// A YouTube video id: 11 characters of `[A-Za-z0-9_-]` (case matters).
fn youtube_id(text: &str) -> Option<String> {
    let ok = text.len() == 11
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    ok.then(|| text.to_string())
}

/// The key a video link is compared by: provider and id when known, else the URL as written.
pub fn key(url: &str) -> String {
    match identity(url) {
        Some((provider, id)) => format!("VIDEO:{provider}:{id}"),
        None => format!("VIDEO:{url}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn youtube_spellings_name_one_video() {
        let id = "dQw4w9WgXcQ";
        for url in [
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://youtube.com/watch?v=dQw4w9WgXcQ&t=42s",
            "https://www.youtube.com/watch?ab_channel=RickAstley&v=dQw4w9WgXcQ",
            "https://m.youtube.com/watch?v=dQw4w9WgXcQ&feature=share",
            "https://youtu.be/dQw4w9WgXcQ",
            "https://youtu.be/dQw4w9WgXcQ?si=abc&t=3",
            "http://www.youtube.com/embed/dQw4w9WgXcQ?autoplay=1",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
            "https://www.youtube.com/shorts/dQw4w9WgXcQ",
            "https://WWW.YOUTUBE.COM/watch?v=dQw4w9WgXcQ",
        ] {
            assert_eq!(identity(url), Some(("YOUTUBE", id.to_string())), "{url}");
            assert_eq!(key(url), "VIDEO:YOUTUBE:dQw4w9WgXcQ", "{url}");
        }
        // Ids are case-sensitive; a channel or a malformed id is no single video.
        assert_ne!(
            identity("https://youtu.be/DQW4W9WGXCQ"),
            identity("https://youtu.be/dQw4w9WgXcQ")
        );
        assert_eq!(identity("https://www.youtube.com/@RickAstley"), None);
        assert_eq!(identity("https://www.youtube.com/watch?v=short"), None);
        assert_eq!(identity("https://example.com/watch?v=dQw4w9WgXcQ"), None);
        assert_eq!(
            key("https://www.youtube.com/@RickAstley"),
            "VIDEO:https://www.youtube.com/@RickAstley"
        );
    }

    #[test]
    fn vimeo_spellings_name_one_video() {
        for url in [
            "https://vimeo.com/76979871",
            "https://www.vimeo.com/76979871?share=copy",
            "https://player.vimeo.com/video/76979871?h=8272103f6e",
            "https://vimeo.com/channels/staffpicks/76979871",
            "https://vimeo.com/76979871/8272103f6e",
        ] {
            assert_eq!(
                identity(url),
                Some(("VIMEO", "76979871".to_string())),
                "{url}"
            );
        }
        assert_eq!(identity("https://vimeo.com/channels/staffpicks"), None);
    }
}
