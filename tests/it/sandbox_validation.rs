//! Every validation rule of spec §4 answered as a Wix-shaped 400, bad input never half-applied,
//! oversized bodies capped with a 413, unknown endpoints and methods answered in the same shape.

use serde_json::{json, Value};

use crate::common::*;

fn rejects(sb: &Sandbox, gallery: &str, item: Value, field: &str) -> Value {
    let resp = sb.call(
        "POST",
        &format!("/galleries/{gallery}/items"),
        Some(json!({"item": item})),
    );
    assert_violation(&resp, field)
}

#[test]
fn create_item_rules() {
    let sb = Sandbox::empty();
    let g = sb.new_gallery("G");
    let v = rejects(&sb, &g, json!({"title": "nothing"}), "item");
    assert_eq!(v["violatedRule"], "REQUIRED_FIELD");
    let mut two = image_item("two");
    two["text"] = json!({"html": "<p/>"});
    rejects(&sb, &g, two, "item");
    rejects(
        &sb,
        &g,
        json!({"image": {"type": "WIX_MEDIA"}}),
        "item.image.imageInfo",
    );
    rejects(
        &sb,
        &g,
        json!({"image": {"imageInfo": {"url": "u", "width": 0, "height": 5}}}),
        "item.image.imageInfo.width",
    );
    rejects(
        &sb,
        &g,
        json!({"image": {"imageInfo": {"url": "u", "width": 5, "height": -1}}}),
        "item.image.imageInfo.height",
    );
    rejects(
        &sb,
        &g,
        json!({"image": {"imageInfo": {"url": "u", "width": 5}}}),
        "item.image.imageInfo.height",
    );
    rejects(
        &sb,
        &g,
        json!({"image": {"imageInfo": {"width": 5, "height": 5}}}),
        "item.image.imageInfo.id",
    );
    rejects(
        &sb,
        &g,
        json!({"image": {"imageInfo": {"id": "", "url": "", "width": 5, "height": 5}}}),
        "item.image.imageInfo.id",
    );
    rejects(
        &sb,
        &g,
        json!({"image": {"imageInfo": {"url": "u", "width": "wide", "height": 5}}}),
        "item.image.imageInfo.width",
    );
    let mut focal = image_item("f");
    focal["image"]["focalPoint"] = json!({"x": 1.5, "y": 0.5});
    assert_eq!(
        rejects(&sb, &g, focal.clone(), "item.image.focalPoint.x")["violatedRule"],
        "MAX"
    );
    focal["image"]["focalPoint"] = json!({"x": 0.5, "y": -0.1});
    assert_eq!(
        rejects(&sb, &g, focal, "item.image.focalPoint.y")["violatedRule"],
        "MIN"
    );
    let mut quality = image_item("q");
    quality["image"]["quality"] = json!(29);
    let v = rejects(&sb, &g, quality.clone(), "item.image.quality");
    assert_eq!(v["data"]["threshold"], 30.0);
    quality["image"]["quality"] = json!(101);
    rejects(&sb, &g, quality.clone(), "item.image.quality");
    quality["image"]["quality"] = json!(30);
    sb.add_item(&g, quality);
    rejects(
        &sb,
        &g,
        json!({"video": {"type": "YOUTUBE"}}),
        "item.video.videoInfo",
    );
    rejects(
        &sb,
        &g,
        json!({"video": {"videoInfo": {"id": "", "url": ""}}}),
        "item.video.videoInfo.url",
    );
    rejects(
        &sb,
        &g,
        json!({"video": {"videoInfo": {"url": "u"}, "duration": "ten"}}),
        "item.video.duration",
    );
    rejects(
        &sb,
        &g,
        json!({"video": {"type": "TIKTOK", "videoInfo": {"url": "u"}}}),
        "item.video.type",
    );
    rejects(&sb, &g, json!({"text": {"css": {}}}), "item.text.html");
    rejects(&sb, &g, json!({"text": {"html": ""}}), "item.text.html");
    rejects(&sb, &g, json!({"text": {"html": 5}}), "item.text.html");
    rejects(
        &sb,
        &g,
        json!({"title": 5, "text": {"html": "x"}}),
        "item.title",
    );
    rejects(
        &sb,
        &g,
        json!({"sortOrder": "first", "text": {"html": "x"}}),
        "item.sortOrder",
    );
    rejects(
        &sb,
        &g,
        json!({"link": {"type": "SOMEWHERE"}, "text": {"html": "x"}}),
        "item.link.type",
    );
    rejects(
        &sb,
        &g,
        json!({"tags": {"values": "sea"}, "text": {"html": "x"}}),
        "item.tags.values",
    );
    let mut extra = image_item("e");
    extra["image"]["unsharpMasking"] = json!({"amount": 6, "radius": 1, "threshold": 0.5});
    rejects(&sb, &g, extra.clone(), "item.image.unsharpMasking.amount");
    extra["image"]["unsharpMasking"] = json!({"amount": 1, "radius": 1, "threshold": 2});
    rejects(&sb, &g, extra, "item.image.unsharpMasking.threshold");
    rejects(
        &sb,
        &g,
        json!({"link": {"target": 5}, "text": {"html": "x"}}),
        "item.link.target",
    );
    // Any window name is a target (spec §3), and the link's type is kept as sent.
    for (target, kind) in [("_top", "INTERNAL"), ("gallery-popup", "EXTERNAL")] {
        let link = json!({"type": kind, "url": "https://example.com/a", "target": target});
        let made = sb.add_item(&g, json!({"link": link.clone(), "text": {"html": "x"}}));
        assert_eq!(made["link"], link);
    }
    // An image is a file of the Media Manager: a URL without its media id is refused.
    rejects(
        &sb,
        &g,
        json!({"image": {"imageInfo": {"url": "https://static.wixstatic.com/media/x.jpg", "width": 5, "height": 5}}}),
        "item.image.imageInfo.id",
    );
    rejects(
        &sb,
        &g,
        json!({"title": "s", "secondaryMedia": "poster.jpg", "text": {"html": "x"}}),
        "item.secondaryMedia",
    );
    rejects(
        &sb,
        &g,
        json!({"text": {"html": "x", "css": "red"}}),
        "item.text.css",
    );
    rejects(&sb, &g, json!({"image": "pic"}), "item.image");
    // Several problems are all reported.
    let resp = sb.call(
        "POST",
        &format!("/galleries/{g}/items"),
        Some(json!({"item": {"title": 1, "image": {"imageInfo": {"url": "u"}}}})),
    );
    let list = resp.json()["details"]["validationError"]["fieldViolations"]
        .as_array()
        .unwrap()
        .len();
    assert!(list >= 3, "{}", resp.body);
    // None of the rejected items exists (only the two accepted ones: quality 30, the links).
    assert_eq!(
        ok(sb.call("GET", &format!("/galleries/{g}"), None))["gallery"]["totalItems"],
        3
    );
}

#[test]
fn malformed_bodies_are_400_not_crashes() {
    let sb = Sandbox::empty();
    let g = sb.new_gallery("G");
    let path = format!("{API}/galleries/{g}/items");
    for raw in [
        &b"{"[..],
        b"not json",
        b"[1,2]",
        b"\"str\"",
        b"\xff\xfe",
        b"{\"item\": }",
    ] {
        let resp = sb
            .request("POST", &path)
            .raw_body("application/json", raw)
            .send();
        assert_violation(&resp, "body");
    }
    assert_violation(
        &sb.call(
            "POST",
            &format!("/galleries/{g}/items"),
            Some(json!({"item": "x"})),
        ),
        "item",
    );
    assert_violation(
        &sb.call("POST", &format!("/galleries/{g}/items"), Some(json!({}))),
        "item",
    );
    assert_violation(
        &sb.call("POST", "/galleries", Some(json!({"gallery": []}))),
        "gallery",
    );
    assert_violation(
        &sb.call("POST", "/galleries", Some(json!({"cloneFromGalleryId": 5}))),
        "cloneFromGalleryId",
    );
    assert_violation(
        &sb.call(
            "POST",
            "/galleries",
            Some(json!({"gallery": {"items": {}}})),
        ),
        "gallery.items",
    );
    // Still serving.
    ok(sb.call("GET", "/galleries", None));
}

#[test]
fn a_gallery_with_one_bad_item_is_not_created_at_all() {
    let sb = Sandbox::empty();
    let body = json!({"gallery": {"name": "half", "items": [image_item("good"), {"image": {"imageInfo": {"url": "u"}}}]}});
    let resp = sb.call("POST", "/galleries", Some(body));
    assert_violation(&resp, "gallery.items[1].image.imageInfo.width");
    let mut dup = image_item("a");
    dup["sortOrder"] = json!(1);
    let resp = sb.call(
        "POST",
        "/galleries",
        Some(json!({"gallery": {"items": [dup.clone(), dup]}})),
    );
    assert_app_error(&resp, 409, "SORT_ORDER_ALREADY_EXISTS");
    assert_eq!(
        ok(sb.call("GET", "/galleries", None))["totalGalleries"],
        0,
        "no half-applied write"
    );
}

#[test]
fn oversized_bodies_get_a_wix_shaped_413() {
    let sb = Sandbox::empty();
    let g = sb.new_gallery("G");
    let mut big = image_item("big");
    big["description"] = json!("x".repeat(1024 * 1024 + 10));
    let resp = sb.call(
        "POST",
        &format!("/galleries/{g}/items"),
        Some(json!({"item": big})),
    );
    assert_app_error(&resp, 413, "PAYLOAD_TOO_LARGE");
    let mut fits = image_item("fits");
    fits["description"] = json!("x".repeat(900 * 1024));
    sb.add_item(&g, fits);
}

#[test]
fn unknown_endpoints_and_methods_are_wix_shaped() {
    let sb = Sandbox::empty();
    assert_app_error(&sb.call("GET", "/nothing-here", None), 404, "NOT_FOUND");
    assert_app_error(
        &sb.request("GET", "/progallery/v3/galleries").send(),
        404,
        "NOT_FOUND",
    );
    assert_app_error(
        &sb.call("POST", "/galleries/x/items/y", Some(json!({}))),
        405,
        "METHOD_NOT_ALLOWED",
    );
    assert_app_error(
        &sb.call("GET", "/galleries/%00%2e%2e/items/x", None),
        404,
        "GALLERY_NOT_FOUND",
    );
    // A path that does not decode to UTF-8 is a validation error, still Wix-shaped.
    assert_violation(
        &sb.call("GET", "/galleries/%FF%FE/items/x", None),
        "request",
    );
}
