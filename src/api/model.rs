//! serde types for the service's objects. Known fields are typed for the columns the CLI shows;
//! every other field, and the nested media objects, are kept as JSON, so that what `-o json` prints
//! is lossless and can be fed back to `create`/`add`. Numbers stay `serde_json::Number` so that a
//! `sortOrder` of `5` does not come back as `5.0`.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Number, Value};

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Gallery {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_items: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<Item>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sort_order: Option<Number>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_date: Option<String>,
    /// Fields this version does not know, kept as they came.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Item {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sort_order: Option<Number>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub item_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub video: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_date: Option<String>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Item {
    /// The kind, from `type` or else from which media field is set.
    pub fn kind(&self) -> &str {
        if let Some(t) = self.item_type.as_deref() {
            return t;
        }
        if self.image.is_some() {
            "IMAGE"
        } else if self.video.is_some() {
            "VIDEO"
        } else if self.text.is_some() {
            "TEXT"
        } else {
            "UNDEFINED"
        }
    }

    /// What the item shows: the Wix media id or URL of an image, the URL of a video, the HTML of a
    /// text item.
    pub fn media(&self) -> String {
        let pick = |v: Option<&Value>, info: &str, keys: &[&str]| -> Option<String> {
            let info = v?.get(info)?;
            keys.iter()
                .filter_map(|k| info.get(*k).and_then(Value::as_str))
                .find(|s| !s.is_empty())
                .map(str::to_string)
        };
        pick(self.image.as_ref(), "imageInfo", &["id", "url"])
            .or_else(|| pick(self.video.as_ref(), "videoInfo", &["url", "id"]))
            .or_else(|| {
                self.text
                    .as_ref()?
                    .get("html")
                    .and_then(Value::as_str)
                    .map(str::to_string)
            })
            .unwrap_or_default()
    }
}

impl Item {
    /// Where the item's media lives, the same kind of thing for every type: the URL of an image
    /// (its `imageInfo.url`, else the static.wixstatic.com URL of its media id) or of a video
    /// (`videoInfo.url`); empty for a text item, which has no media.
    pub fn media_url(&self) -> String {
        let text = |value: Option<&Value>| {
            value
                .and_then(Value::as_str)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        };
        if let Some(info) = self.image.as_ref().and_then(|i| i.get("imageInfo")) {
            return text(info.get("url"))
                .or_else(|| {
                    text(info.get("id")).map(|id| format!("{}{id}", super::STATIC_MEDIA_BASE))
                })
                .unwrap_or_default();
        }
        self.video
            .as_ref()
            .and_then(|v| v.get("videoInfo"))
            .and_then(|info| text(info.get("url")))
            .unwrap_or_default()
    }
}

impl Item {
    /// The non-empty text values of `key` in the item's `image.imageInfo`, then its
    /// `video.videoInfo` (the media ids, file names or URLs it records).
    fn media_info_texts<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        [(&self.image, "imageInfo"), (&self.video, "videoInfo")]
            .into_iter()
            .filter_map(move |(field, info)| {
                field
                    .as_ref()?
                    .get(info)?
                    .get(key)?
                    .as_str()
                    .filter(|text| !text.is_empty())
            })
    }

    /// The Wix media ids the item shows (its image's, its video's).
    pub fn media_ids(&self) -> Vec<String> {
        self.media_info_texts("id").map(str::to_string).collect()
    }

    /// The file name the item's image or video was uploaded under, when it says.
    pub fn uploaded_file_name(&self) -> Option<String> {
        self.media_info_texts("filename").next().map(str::to_string)
    }

    /// Where the item's image or video file can be read over HTTP: the image's URL (a static URL
    /// serves the original), else the video's.
    pub fn media_http_url(&self) -> Option<String> {
        self.media_info_texts("url")
            .find(|url| url.starts_with("http://") || url.starts_with("https://"))
            .map(str::to_string)
    }

    /// The URL a video item plays from: its `videoInfo.url`, else the first of its resolutions'.
    /// Which videos count as links (YouTube and Vimeo, anything but Wix media) is the caller's.
    pub fn video_url(&self) -> Option<String> {
        let info = self.video.as_ref()?.get("videoInfo")?;
        info.get("url")
            .and_then(Value::as_str)
            .filter(|u| !u.is_empty())
            .or_else(|| {
                info.get("resolutions")?
                    .as_array()?
                    .iter()
                    .find_map(|r| r.get("url")?.as_str())
            })
            .map(str::to_string)
    }
}

/// Formats a JSON number the way it came (`1611056409.2088726`, `5`).
pub fn number_text(n: &Option<Number>) -> String {
    n.as_ref().map(Number::to_string).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_fields_and_number_forms_round_trip() {
        let text = r#"{"id":"a","sortOrder":5,"type":"IMAGE","image":{"imageInfo":{"id":"m","width":1,"height":2}},"futureField":{"x":[1,2]},"createdDate":"2021-01-19T11:40:09Z"}"#;
        let item: Item = serde_json::from_str(text).unwrap();
        let back: Value = serde_json::to_value(&item).unwrap();
        let original: Value = serde_json::from_str(text).unwrap();
        assert_eq!(back, original);
        assert!(serde_json::to_string(&item)
            .unwrap()
            .contains("\"sortOrder\":5,"));
        assert_eq!(item.media(), "m");
    }

    #[test]
    fn gallery_keeps_precise_sort_order() {
        let text = r#"{"id":"g","sortOrder":1611056409.2088726,"items":[],"totalItems":0}"#;
        let g: Gallery = serde_json::from_str(text).unwrap();
        assert_eq!(number_text(&g.sort_order), "1611056409.2088726");
        assert_eq!(
            serde_json::to_value(&g).unwrap(),
            serde_json::from_str::<Value>(text).unwrap()
        );
    }

    #[test]
    fn media_info_reads_the_image_then_the_video_and_skips_empty_values() {
        let item: Item = serde_json::from_value(serde_json::json!({
            "image": {"imageInfo": {"id": "", "filename": "", "url": "wix:image://v1/x"}},
            "video": {"type": "YOUTUBE", "videoInfo": {"id": "v", "filename": "clip.mp4",
                      "url": "", "resolutions": [{"url": "https://v/480p"}]}}
        }))
        .unwrap();
        assert_eq!(item.media_ids(), ["v"]);
        assert_eq!(item.uploaded_file_name().as_deref(), Some("clip.mp4"));
        assert_eq!(item.media_http_url(), None);
        assert_eq!(item.video_url().as_deref(), Some("https://v/480p"));
    }
}
