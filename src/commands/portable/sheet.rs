//! `index.html` of an export: a contact sheet that shows the gallery from the exported files,
//! offline — one page, its style inline, no script, nothing fetched from the network. A grid of
//! thumbnails in gallery order (the image itself, a video's poster, a text item's words), each
//! with its position, type, title, description and alt text, and a warning badge on images that
//! have no alt text (what a screen reader would announce as nothing).

use serde_json::Value;

use super::manifest::Entry;
use super::naming::{html, url_path};
use crate::api::model::{Gallery, Item};

const STYLE: &str = r#"
:root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
body { margin: 0; background: #f3f2ef; color: #1f1f1f; }
header { padding: 22px 28px 6px; }
h1 { margin: 0 0 4px; font-size: 22px; font-weight: 650; }
.meta { color: #6a6a6a; font-size: 13px; }
.meta .warn { color: #b3261e; font-weight: 600; }
main { display: grid; grid-template-columns: repeat(auto-fill, minmax(230px, 1fr)); gap: 18px; padding: 18px 28px 36px; }
figure { margin: 0; background: #fff; border-radius: 8px; overflow: hidden; box-shadow: 0 1px 3px rgba(0,0,0,.14); display: flex; flex-direction: column; }
.thumb { position: relative; aspect-ratio: 4 / 3; background: #d9d7d2; display: flex; align-items: center; justify-content: center; overflow: hidden; }
.thumb img { width: 100%; height: 100%; object-fit: cover; display: block; }
.thumb .none { color: #77736b; font-size: 13px; padding: 12px; text-align: center; }
.thumb .text { padding: 14px 16px; font-size: 13px; line-height: 1.4; color: #333; overflow: hidden; max-height: 100%; box-sizing: border-box; width: 100%; }
.thumb .play { position: absolute; width: 44px; height: 44px; border-radius: 50%; background: rgba(0,0,0,.55); color: #fff; display: flex; align-items: center; justify-content: center; font-size: 18px; }
.pos, .type { position: absolute; top: 8px; font-size: 11px; line-height: 18px; padding: 0 7px; border-radius: 9px; background: rgba(0,0,0,.62); color: #fff; }
.pos { left: 8px; }
.type { right: 8px; letter-spacing: .04em; }
figcaption { padding: 10px 12px 12px; font-size: 13px; line-height: 1.4; display: flex; flex-direction: column; gap: 3px; }
.title { font-weight: 600; font-size: 14px; }
.untitled { color: #8a8a8a; font-style: italic; font-weight: 400; }
.desc { color: #444; }
.alt { color: #5f5f5f; }
.alt b { font-weight: 600; color: #3d3d3d; }
.badge { align-self: flex-start; margin-top: 2px; font-size: 11px; font-weight: 600; padding: 2px 8px; border-radius: 10px; background: #fde7e4; color: #b3261e; border: 1px solid #f3b5ad; }
.link a, .file a { color: #1a5fb4; word-break: break-all; }
.missing { color: #b3261e; }
"#;

/// The contact sheet of a gallery: `items` in gallery order, `entries` their manifest lines (by
/// position), `exported` when (RFC 3339).
pub fn render(gallery: &Gallery, items: &[Item], entries: &[Entry], exported: &str) -> String {
    let name = gallery
        .name
        .clone()
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| "Untitled gallery".to_string());
    let id = gallery.id.clone().unwrap_or_default();
    let missing_alt = items.iter().filter(|i| lacks_alt(i)).count();
    let mut page = String::new();
    page.push_str("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    page.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    page.push_str(&format!("<title>{} — contact sheet</title>\n", html(&name)));
    page.push_str(&format!(
        "<style>{STYLE}</style>\n</head>\n<body>\n<header>\n"
    ));
    page.push_str(&format!("<h1>{}</h1>\n", html(&name)));
    let mut meta = format!(
        "{} item(s) · gallery {} · exported {}",
        items.len(),
        html(&id),
        html(exported)
    );
    if missing_alt > 0 {
        meta.push_str(&format!(
            " · <span class=\"warn\">{missing_alt} image(s) without alt text</span>"
        ));
    }
    page.push_str(&format!(
        "<div class=\"meta\">{meta}</div>\n</header>\n<main>\n"
    ));
    for (index, item) in items.iter().enumerate() {
        let entry = entries.iter().find(|e| e.position == index + 1);
        page.push_str(&card(index + 1, item, entry));
    }
    page.push_str("</main>\n</body>\n</html>\n");
    page
}

/// An image item without alt text.
pub fn lacks_alt(item: &Item) -> bool {
    item.image.is_some()
        && item
            .image
            .as_ref()
            .and_then(|i| i.pointer("/imageInfo/altText"))
            .and_then(Value::as_str)
            .map_or(true, |alt| alt.trim().is_empty())
}

fn card(position: usize, item: &Item, entry: Option<&Entry>) -> String {
    let kind = item.kind().to_string();
    let title = item.title.clone().unwrap_or_default();
    let alt = item
        .image
        .as_ref()
        .and_then(|i| i.pointer("/imageInfo/altText"))
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    let media = entry.and_then(|e| e.media.as_ref());
    let poster = entry.and_then(|e| e.poster.as_ref());
    let link = entry.and_then(|e| e.link.clone());
    let mut thumb = String::new();
    match kind.as_str() {
        "IMAGE" => match media {
            Some(file) => {
                let shown = if alt.is_empty() { &title } else { &alt };
                thumb.push_str(&format!(
                    "<img src=\"{}\" alt=\"{}\">",
                    url_path(&file.file),
                    html(shown)
                ));
            }
            None => thumb.push_str("<div class=\"none missing\">image not downloaded</div>"),
        },
        "VIDEO" => {
            match poster {
                Some(file) => thumb.push_str(&format!(
                    "<img src=\"{}\" alt=\"{}\">",
                    url_path(&file.file),
                    html(&format!("Poster of {title}"))
                )),
                None => thumb.push_str("<div class=\"none\">video</div>"),
            }
            thumb.push_str("<span class=\"play\" aria-hidden=\"true\">▶</span>");
        }
        "TEXT" => {
            let words = item
                .text
                .as_ref()
                .and_then(|t| t.get("html"))
                .and_then(Value::as_str)
                .map(plain_text)
                .unwrap_or_default();
            thumb.push_str(&format!("<div class=\"text\">{}</div>", html(&words)));
        }
        _ => thumb.push_str("<div class=\"none\">no media</div>"),
    }
    let mut caption = String::new();
    if title.is_empty() {
        caption.push_str("<div class=\"title untitled\">Untitled</div>");
    } else {
        caption.push_str(&format!("<div class=\"title\">{}</div>", html(&title)));
    }
    if let Some(description) = item.description.as_deref().filter(|d| !d.is_empty()) {
        caption.push_str(&format!("<div class=\"desc\">{}</div>", html(description)));
    }
    if kind == "IMAGE" {
        if alt.trim().is_empty() {
            caption.push_str(
                "<span class=\"badge\" title=\"This image has no alt text\">⚠ No alt text</span>",
            );
        } else {
            caption.push_str(&format!(
                "<div class=\"alt\"><b>Alt:</b> {}</div>",
                html(&alt)
            ));
        }
    }
    if kind == "VIDEO" {
        match (media, &link) {
            (Some(file), _) => caption.push_str(&format!(
                "<div class=\"file\"><a href=\"{}\">{}</a></div>",
                url_path(&file.file),
                html(file.file.rsplit('/').next().unwrap_or(&file.file))
            )),
            (None, Some(url)) => caption.push_str(&format!(
                "<div class=\"link\"><a href=\"{}\">{}</a></div>",
                html(url),
                html(url)
            )),
            (None, None) => {}
        }
    }
    if let Some(error) = entry.and_then(|e| e.error.as_deref()) {
        caption.push_str(&format!(
            "<div class=\"missing\">Not downloaded: {}</div>",
            html(error)
        ));
    }
    format!(
        "<figure id=\"item-{position}\" data-type=\"{kind}\" data-item-id=\"{id}\">\n<div class=\"thumb\">{thumb}<span class=\"pos\">{position}</span><span class=\"type\">{kind}</span></div>\n<figcaption>{caption}</figcaption>\n</figure>\n",
        kind = html(&kind),
        id = html(item.id.as_deref().unwrap_or_default()),
    )
}

/// The words of a text item's HTML: tags dropped, the common entities read, space collapsed.
fn plain_text(markup: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in markup.chars() {
        match c {
            '<' => {
                in_tag = true;
                text.push(' ');
            }
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = text
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::portable::media::MediaFile;
    use serde_json::json;

    fn item(value: Value) -> Item {
        serde_json::from_value(value).unwrap()
    }

    #[test]
    fn cards_escape_everything_and_flag_missing_alt_text() {
        let gallery: Gallery =
            serde_json::from_value(json!({"id": "g", "name": "<Trip> & co"})).unwrap();
        let items = vec![
            item(
                json!({"id": "a", "title": "<b>Dunes</b>", "image": {"imageInfo": {"id": "m", "altText": "Sand \"dunes\""}}}),
            ),
            item(json!({"id": "b", "title": "No alt", "image": {"imageInfo": {"id": "n"}}})),
            item(
                json!({"id": "c", "title": "Words", "text": {"html": "<p>Hello&nbsp;<i>world</i> &amp; more</p>"}}),
            ),
            item(
                json!({"id": "d", "title": "Clip", "video": {"type": "YOUTUBE", "videoInfo": {"url": "https://youtu.be/x"}}}),
            ),
        ];
        let file = |name: &str| MediaFile {
            file: format!("media/{name}"),
            ..MediaFile::default()
        };
        let entries = vec![
            Entry {
                position: 1,
                media: Some(file("0001-dunes café.jpg")),
                ..Entry::default()
            },
            Entry {
                position: 2,
                media: Some(file("0002-no-alt.jpg")),
                ..Entry::default()
            },
            Entry {
                position: 4,
                link: Some("https://youtu.be/x".into()),
                ..Entry::default()
            },
        ];
        let page = render(&gallery, &items, &entries, "2026-01-01T00:00:00Z");
        assert!(page.contains("<h1>&lt;Trip&gt; &amp; co</h1>"), "{page}");
        assert!(page
            .contains("src=\"media/0001-dunes%20caf%C3%A9.jpg\" alt=\"Sand &quot;dunes&quot;\""));
        assert!(!page.contains("<b>Dunes</b>"));
        assert_eq!(page.matches("class=\"badge\"").count(), 1);
        assert!(page.contains("1 image(s) without alt text"));
        assert!(
            page.contains("<div class=\"text\">Hello world &amp; more</div>"),
            "{page}"
        );
        assert!(page.contains("href=\"https://youtu.be/x\""));
        assert!(!page.contains("<script"));
        assert!(
            !page.contains("http://") && !page.contains("src=\"https"),
            "nothing fetched from the network"
        );
    }
}
