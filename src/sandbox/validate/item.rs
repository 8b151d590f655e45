//! Item validation and normalisation (spec §3 Item, §4 validation errors): exactly one of
//! `image`/`video`/`text`, the media rules of each, and the types of the other writable fields.
//! Every problem found is reported, each with the full path of its field.

use serde_json::{json, Map, Value};

use crate::sandbox::errors::{ApiError, ApiResult, Violation};

/// Which media an item holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Image,
    Video,
    Text,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Image, Kind::Video, Kind::Text];

    pub fn field(self) -> &'static str {
        match self {
            Kind::Image => "image",
            Kind::Video => "video",
            Kind::Text => "text",
        }
    }

    pub fn type_name(self) -> &'static str {
        match self {
            Kind::Image => "IMAGE",
            Kind::Video => "VIDEO",
            Kind::Text => "TEXT",
        }
    }

    /// The kind of a stored or incoming item: the one media field present (null counts as absent).
    pub fn of(item: &Map<String, Value>) -> Vec<Kind> {
        Kind::ALL
            .into_iter()
            .filter(|k| item.get(k.field()).is_some_and(|v| !v.is_null()))
            .collect()
    }
}

/// Top-level item fields the service sets itself (sent ones are ignored), and the SDK's
/// repeated `galleryId` (a request field, not the item's).
const NOT_KEPT: [&str; 5] = ["id", "type", "createdDate", "updatedDate", "galleryId"];

/// Whether a top-level field of an incoming item is stored: every field but those the service
/// sets. Real items carry fields beyond spec §3 (`secondaryMedia`, and whatever Wix adds next),
/// and a JSON round trip or a restore through the sandbox must not lose them.
pub fn is_kept_item_field(name: &str) -> bool {
    !NOT_KEPT.contains(&name)
}

/// The kept fields of an incoming item, nulls dropped (an absent field and a null are the same).
pub fn writable_item_fields(input: &Map<String, Value>) -> Map<String, Value> {
    input
        .iter()
        .filter(|(name, value)| is_kept_item_field(name) && !value.is_null())
        .map(|(name, value)| (name.clone(), value.clone()))
        .collect()
}

/// Validates an item's writable fields (all of them: on create the input, on update the merged
/// result) and normalises them (a numeric video `duration` becomes its string form). `prefix` is the
/// field path of the item in the request (`item`, `gallery.items[2]`).
pub fn check_item(fields: &mut Map<String, Value>, prefix: &str) -> ApiResult<Kind> {
    let mut violations = Vec::new();
    let at = |name: &str| format!("{prefix}.{name}");

    if let Some(v) = fields.get("sortOrder") {
        if !v.is_number() {
            violations.push(Violation::wrong_type(at("sortOrder"), "a number"));
        }
    }
    for name in ["title", "description"] {
        if let Some(v) = fields.get(name) {
            if !v.is_string() {
                violations.push(Violation::wrong_type(at(name), "a string"));
            }
        }
    }
    if let Some(link) = fields.get("link") {
        check_link(link, &at("link"), &mut violations);
    }
    if let Some(tags) = fields.get("tags") {
        check_tags(tags, &at("tags"), &mut violations);
    }
    // Kept as sent (spec §3); only its type is checked.
    if let Some(secondary) = fields.get("secondaryMedia") {
        if !secondary.is_object() {
            violations.push(Violation::wrong_type(at("secondaryMedia"), "an object"));
        }
    }

    let kinds = Kind::of(fields);
    let kind = match kinds.as_slice() {
        [one] => Some(*one),
        [] => {
            violations.push(Violation::new(
                prefix,
                "must have exactly one of image, video or text",
                "REQUIRED_FIELD",
            ));
            None
        }
        _ => {
            violations.push(Violation::new(
                prefix,
                "must have only one of image, video or text",
                "OTHER",
            ));
            None
        }
    };
    match kind {
        Some(Kind::Image) => {
            if let Some(image) = fields.get("image") {
                check_image(image, &at("image"), &mut violations);
            }
        }
        Some(Kind::Video) => {
            if let Some(video) = fields.get_mut("video") {
                check_video(video, &at("video"), &mut violations);
            }
        }
        Some(Kind::Text) => {
            if let Some(text) = fields.get("text") {
                check_text(text, &at("text"), &mut violations);
            }
        }
        None => {}
    }
    match kind {
        Some(kind) if violations.is_empty() => Ok(kind),
        _ => Err(ApiError::validation(violations)),
    }
}

fn check_enum(value: Option<&Value>, field: &str, allowed: &[&str], out: &mut Vec<Violation>) {
    match value {
        None | Some(Value::Null) => {}
        Some(Value::String(s)) if allowed.contains(&s.as_str()) => {}
        Some(_) => out.push(
            Violation::new(
                field,
                format!("must be one of {}", allowed.join(", ")),
                "FORMAT",
            )
            .with_data(json!({"allowed": allowed})),
        ),
    }
}

fn check_range(value: Option<&Value>, field: &str, min: f64, max: f64, out: &mut Vec<Violation>) {
    match value {
        None | Some(Value::Null) => {}
        Some(v) => match v.as_f64() {
            Some(n) if n < min => out.push(
                Violation::new(field, format!("must be between {min} and {max}"), "MIN")
                    .with_data(json!({"threshold": min})),
            ),
            Some(n) if n > max => out.push(
                Violation::new(field, format!("must be between {min} and {max}"), "MAX")
                    .with_data(json!({"threshold": max})),
            ),
            Some(_) => {}
            None => out.push(Violation::wrong_type(field, "a number")),
        },
    }
}

fn non_empty_str(value: Option<&Value>) -> bool {
    matches!(value, Some(Value::String(s)) if !s.is_empty())
}

fn check_optional_string(value: Option<&Value>, field: &str, out: &mut Vec<Violation>) {
    if let Some(v) = value {
        if !v.is_string() && !v.is_null() {
            out.push(Violation::wrong_type(field, "a string"));
        }
    }
}

fn check_link(link: &Value, field: &str, out: &mut Vec<Violation>) {
    let Some(map) = link.as_object() else {
        out.push(Violation::wrong_type(field, "an object"));
        return;
    };
    check_enum(
        map.get("type"),
        &format!("{field}.type"),
        &["EXTERNAL", "INTERNAL", "UNDEFINED"],
        out,
    );
    // `_blank`, `_self` or any window name the site owner chose (spec §3).
    check_optional_string(map.get("target"), &format!("{field}.target"), out);
    check_optional_string(map.get("url"), &format!("{field}.url"), out);
    check_optional_string(map.get("text"), &format!("{field}.text"), out);
}

fn check_tags(tags: &Value, field: &str, out: &mut Vec<Violation>) {
    let Some(map) = tags.as_object() else {
        out.push(Violation::wrong_type(field, "an object"));
        return;
    };
    match map.get("values") {
        None | Some(Value::Null) => {}
        Some(Value::Array(values)) if values.iter().all(Value::is_string) => {}
        Some(_) => out.push(Violation::wrong_type(
            format!("{field}.values"),
            "an array of strings",
        )),
    }
}

fn check_image(image: &Value, field: &str, out: &mut Vec<Violation>) {
    let Some(map) = image.as_object() else {
        out.push(Violation::wrong_type(field, "an object"));
        return;
    };
    check_enum(
        map.get("type"),
        &format!("{field}.type"),
        &["WIX_MEDIA", "EXTERNAL", "UNDEFINED"],
        out,
    );
    let info_field = format!("{field}.imageInfo");
    match map.get("imageInfo") {
        None | Some(Value::Null) => out.push(Violation::required(&info_field)),
        Some(Value::Object(info)) => {
            for dim in ["width", "height"] {
                let name = format!("{info_field}.{dim}");
                match info.get(dim) {
                    None | Some(Value::Null) => out.push(Violation::required(name)),
                    Some(v) => match v.as_f64() {
                        Some(n) if n > 0.0 => {}
                        Some(_) => out.push(
                            Violation::new(name, "must be a positive number", "MIN")
                                .with_data(json!({"threshold": 1})),
                        ),
                        None => out.push(Violation::wrong_type(name, "a number")),
                    },
                }
            }
            for name in ["id", "url", "altText", "filename"] {
                check_optional_string(info.get(name), &format!("{info_field}.{name}"), out);
            }
            // Wix shows only images in the Media Manager (spec §3, §6): a URL alone is not one.
            if !non_empty_str(info.get("id")) {
                out.push(Violation::new(
                    format!("{info_field}.id"),
                    "is required: the id of a file in the Media Manager",
                    "REQUIRED_FIELD",
                ));
            }
        }
        Some(_) => out.push(Violation::wrong_type(info_field, "an object")),
    }
    match map.get("focalPoint") {
        None | Some(Value::Null) => {}
        Some(Value::Object(point)) => {
            for axis in ["x", "y"] {
                check_range(
                    point.get(axis),
                    &format!("{field}.focalPoint.{axis}"),
                    0.0,
                    1.0,
                    out,
                );
            }
        }
        Some(_) => out.push(Violation::wrong_type(
            format!("{field}.focalPoint"),
            "an object",
        )),
    }
    check_range(
        map.get("quality"),
        &format!("{field}.quality"),
        30.0,
        100.0,
        out,
    );
    match map.get("unsharpMasking") {
        None | Some(Value::Null) => {}
        Some(Value::Object(mask)) => {
            check_range(
                mask.get("amount"),
                &format!("{field}.unsharpMasking.amount"),
                0.0,
                5.0,
                out,
            );
            check_range(
                mask.get("threshold"),
                &format!("{field}.unsharpMasking.threshold"),
                0.0,
                1.0,
                out,
            );
            if let Some(radius) = mask.get("radius") {
                if !radius.is_number() && !radius.is_null() {
                    out.push(Violation::wrong_type(
                        format!("{field}.unsharpMasking.radius"),
                        "a number",
                    ));
                }
            }
        }
        Some(_) => out.push(Violation::wrong_type(
            format!("{field}.unsharpMasking"),
            "an object",
        )),
    }
}

fn check_video(video: &mut Value, field: &str, out: &mut Vec<Violation>) {
    let Some(map) = video.as_object_mut() else {
        out.push(Violation::wrong_type(field, "an object"));
        return;
    };
    check_enum(
        map.get("type"),
        &format!("{field}.type"),
        &["WIX_MEDIA", "YOUTUBE", "VIMEO", "UNDEFINED"],
        out,
    );
    let info_field = format!("{field}.videoInfo");
    match map.get("videoInfo") {
        None | Some(Value::Null) => out.push(Violation::required(&info_field)),
        Some(Value::Object(info)) => {
            check_optional_string(info.get("id"), &format!("{info_field}.id"), out);
            check_optional_string(info.get("url"), &format!("{info_field}.url"), out);
            if !non_empty_str(info.get("id")) && !non_empty_str(info.get("url")) {
                out.push(Violation::new(
                    format!("{info_field}.url"),
                    "or videoInfo.id is required",
                    "REQUIRED_FIELD",
                ));
            }
            for list in ["resolutions", "posters"] {
                match info.get(list) {
                    None | Some(Value::Null) | Some(Value::Array(_)) => {}
                    Some(_) => out.push(Violation::wrong_type(
                        format!("{info_field}.{list}"),
                        "an array",
                    )),
                }
            }
        }
        Some(_) => out.push(Violation::wrong_type(info_field, "an object")),
    }
    // int64 values travel as strings; a client that sends a plain integer is understood and
    // answered in the canonical string form.
    let duration_field = format!("{field}.duration");
    match map.get("duration") {
        None | Some(Value::Null) => {}
        Some(Value::String(s)) if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) => {}
        Some(Value::Number(n)) if n.as_u64().is_some() => {
            let text = n.to_string();
            map.insert("duration".to_string(), Value::String(text));
        }
        Some(_) => out.push(Violation::new(
            duration_field,
            "must be a whole number of milliseconds (as a string)",
            "FORMAT",
        )),
    }
}

fn check_text(text: &Value, field: &str, out: &mut Vec<Violation>) {
    let Some(map) = text.as_object() else {
        out.push(Violation::wrong_type(field, "an object"));
        return;
    };
    match map.get("html") {
        Some(Value::String(s)) if !s.trim().is_empty() => {}
        None | Some(Value::Null) | Some(Value::String(_)) => {
            out.push(Violation::required(format!("{field}.html")))
        }
        Some(_) => out.push(Violation::wrong_type(format!("{field}.html"), "a string")),
    }
    match map.get("css") {
        None | Some(Value::Null) | Some(Value::Object(_)) => {}
        Some(_) => out.push(Violation::wrong_type(format!("{field}.css"), "an object")),
    }
}
