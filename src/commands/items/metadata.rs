//! An item's metadata as `items add` and `items update` take it (flags, manifest columns, edit
//! rows): title, description, alt text, link, tags, focal point, sortOrder. Each value is checked
//! here once, with a message that the caller prefixes with where it came from (`--focal-point`,
//! `manifest.csv line 4, column focalPoint`), and turned into the item's wire fields.

use serde_json::{json, Map, Value};

use crate::cli::ItemMetadataArgs;
use crate::error::CliError;

/// A link as given: any part may be absent (an update may change only its text).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LinkSpec {
    pub url: Option<String>,
    pub text: Option<String>,
    pub target: Option<String>,
}

/// Metadata of one item; `None` = not given.
#[derive(Debug, Clone, Default)]
pub struct Meta {
    pub title: Option<String>,
    pub description: Option<String>,
    pub alt: Option<String>,
    pub link: Option<LinkSpec>,
    pub tags: Option<Vec<String>>,
    pub focal_point: Option<(f64, f64)>,
    pub sort_order: Option<f64>,
}

pub fn check_link_url(url: &str) -> Result<String, String> {
    let parsed = url::Url::parse(url).map_err(|e| format!("{url:?} is not a URL: {e}"))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(format!("{url:?} must be an http(s) URL"));
    }
    Ok(url.to_string())
}

/// `_blank`, `_self`, or any window name the site owner uses (spec/api.md §3): one word.
pub fn check_link_target(target: &str) -> Result<String, String> {
    if target.is_empty() || target.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(format!(
            "{target:?} must be _blank, _self or a window name (one word)"
        ));
    }
    Ok(target.to_string())
}

/// `X,Y` with both fractions in 0..1.
pub fn parse_focal_point(text: &str) -> Result<(f64, f64), String> {
    let (x, y) = text
        .split_once(',')
        .ok_or_else(|| format!("{text:?} must be X,Y (two fractions 0..1, e.g. 0.5,0.3)"))?;
    let number = |s: &str| -> Result<f64, String> {
        let v: f64 = s
            .trim()
            .parse()
            .map_err(|_| format!("{s:?} in {text:?} is not a number"))?;
        if (0.0..=1.0).contains(&v) {
            Ok(v)
        } else {
            Err(format!("{v} in {text:?} is outside 0..1"))
        }
    };
    Ok((number(x)?, number(y)?))
}

pub fn check_sort_order(value: f64) -> Result<f64, String> {
    if value.is_finite() {
        Ok(value)
    } else {
        Err("must be a finite number".to_string())
    }
}

/// Tags from a list or from one comma-separated string; blanks dropped, order kept, no repeats.
pub fn clean_tags<I: IntoIterator<Item = String>>(tags: I) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for tag in tags {
        let tag = tag.trim().to_string();
        if !tag.is_empty() && !out.contains(&tag) {
            out.push(tag);
        }
    }
    out
}

impl Meta {
    /// The metadata flags, checked (a bad value is a usage error naming its flag).
    pub fn from_args(args: &ItemMetadataArgs) -> anyhow::Result<Meta> {
        let usage = |flag: &str, why: String| CliError::usage(format!("{flag} {why}"));
        let link = if args.link.is_some() || args.link_text.is_some() || args.link_target.is_some()
        {
            Some(LinkSpec {
                url: match &args.link {
                    Some(url) => Some(check_link_url(url).map_err(|e| usage("--link", e))?),
                    None => None,
                },
                text: args.link_text.clone(),
                target: match &args.link_target {
                    Some(t) => Some(check_link_target(t).map_err(|e| usage("--link-target", e))?),
                    None => None,
                },
            })
        } else {
            None
        };
        Ok(Meta {
            title: args.title.clone(),
            description: args.description.clone(),
            alt: args.alt.clone(),
            link,
            tags: (!args.tags.is_empty()).then(|| clean_tags(args.tags.iter().cloned())),
            focal_point: match &args.focal_point {
                Some(text) => Some(parse_focal_point(text).map_err(|e| usage("--focal-point", e))?),
                None => None,
            },
            sort_order: match args.sort_order {
                Some(v) => Some(check_sort_order(v).map_err(|e| usage("--sort-order", e))?),
                None => None,
            },
        })
    }

    /// Whether anything lives inside the image (and so needs an image item).
    pub fn touches_image(&self) -> bool {
        self.alt.is_some() || self.focal_point.is_some()
    }

    /// Row values override these (flags) where the row has them.
    pub fn overlay(&self, row: &Meta) -> Meta {
        Meta {
            title: row.title.clone().or_else(|| self.title.clone()),
            description: row.description.clone().or_else(|| self.description.clone()),
            alt: row.alt.clone().or_else(|| self.alt.clone()),
            link: row.link.clone().or_else(|| self.link.clone()),
            tags: row.tags.clone().or_else(|| self.tags.clone()),
            focal_point: row.focal_point.or(self.focal_point),
            sort_order: row.sort_order.or(self.sort_order),
        }
    }

    /// Writes the top-level fields (title, description, link, tags, sortOrder) and, when the item
    /// has an image, alt text and focal point into it. `current_link` completes a partial link.
    pub fn apply(&self, item: &mut Map<String, Value>, current_link: Option<&Value>) {
        if let Some(title) = &self.title {
            item.insert("title".into(), json!(title));
        }
        if let Some(description) = &self.description {
            item.insert("description".into(), json!(description));
        }
        if let Some(link) = &self.link {
            item.insert("link".into(), link_value(link, current_link));
        }
        if let Some(tags) = &self.tags {
            item.insert("tags".into(), json!({ "values": tags }));
        }
        if let Some(sort_order) = self.sort_order {
            item.insert("sortOrder".into(), json!(sort_order));
        }
        if let Some(image) = item.get_mut("image").and_then(Value::as_object_mut) {
            if let Some((x, y)) = self.focal_point {
                image.insert("focalPoint".into(), json!({ "x": x, "y": y }));
            }
            if let Some(alt) = &self.alt {
                if let Some(info) = image.get_mut("imageInfo").and_then(Value::as_object_mut) {
                    info.insert("altText".into(), json!(alt));
                }
            }
        }
    }
}

/// A link's wire form: parts not given keep the current link's (its `type` too: a page link of
/// the site stays one when only its text changes); a new URL, always an http(s) one, makes it
/// an external link; a new link opens in a new tab unless told otherwise.
fn link_value(link: &LinkSpec, current: Option<&Value>) -> Value {
    let mut out = match current {
        Some(Value::Object(map)) => map.clone(),
        _ => Map::new(),
    };
    if link.url.is_some() || !out.contains_key("type") {
        out.insert("type".into(), json!("EXTERNAL"));
    }
    if let Some(url) = &link.url {
        out.insert("url".into(), json!(url));
    }
    if let Some(text) = &link.text {
        out.insert("text".into(), json!(text));
    }
    match &link.target {
        Some(target) => {
            out.insert("target".into(), json!(target));
        }
        None => {
            out.entry("target").or_insert(json!("_blank"));
        }
    }
    Value::Object(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn focal_points_and_links() {
        assert_eq!(parse_focal_point("0.5, 0.25"), Ok((0.5, 0.25)));
        assert!(parse_focal_point("1.5,0").is_err());
        assert!(parse_focal_point("0.5").is_err());
        assert!(parse_focal_point("a,b").is_err());
        assert!(check_link_url("ftp://x").is_err());
        let link = LinkSpec {
            text: Some("More".into()),
            ..LinkSpec::default()
        };
        let current = json!({"type": "INTERNAL", "url": "https://a", "target": "gallery-pop"});
        let value = link_value(&link, Some(&current));
        assert_eq!(value["url"], "https://a");
        assert_eq!(value["text"], "More");
        assert_eq!(value["target"], "gallery-pop");
        assert_eq!(
            value["type"], "INTERNAL",
            "a text change keeps the link's type"
        );
        let new_url = LinkSpec {
            url: Some("https://b".into()),
            ..LinkSpec::default()
        };
        assert_eq!(link_value(&new_url, Some(&current))["type"], "EXTERNAL");
        assert_eq!(link_value(&new_url, None)["target"], "_blank");
        assert_eq!(check_link_target("_top"), Ok("_top".into()));
        assert_eq!(check_link_target("popup1"), Ok("popup1".into()));
        assert!(check_link_target("two words").is_err());
        assert!(check_link_target("").is_err());
        assert_eq!(
            clean_tags(vec![" a".into(), "".into(), "b".into(), "a".into()]),
            vec!["a", "b"]
        );
    }
}
