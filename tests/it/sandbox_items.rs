//! Sandbox item endpoints (#6–#10): create/get/update/delete, round-tripping of unknown nested
//! fields, the SDK's habit of repeating ids, ordering and sortOrder uniqueness, and paging.

use serde_json::{json, Value};

use crate::common::*;

#[test]
fn item_lifecycle_create_get_update_delete() {
    let sb = Sandbox::empty();
    let g = sb.new_gallery("G");
    let mut input = image_item("first");
    input["id"] = json!("client-chosen");
    input["type"] = json!("VIDEO");
    input["createdDate"] = json!("2001-01-01T00:00:00Z");
    let item = sb.add_item(&g, input);
    let id = item["id"].as_str().unwrap().to_string();
    assert_ne!(id, "client-chosen", "read-only id ignored");
    assert_eq!(item["type"], "IMAGE", "type derived from the media");
    assert_ne!(item["createdDate"], "2001-01-01T00:00:00Z");
    assert_eq!(item["createdDate"], item["updatedDate"]);
    assert!(item["sortOrder"].is_number());

    let got = ok(sb.call("GET", &format!("/galleries/{g}/items/{id}"), None));
    assert_eq!(got["item"], item);

    // Updated a millisecond after it was made: its dates differ.
    next_millisecond();
    let updated = ok(sb.call(
        "PATCH",
        &format!("/galleries/{g}/items/{id}"),
        Some(json!({"item": {"title": "renamed", "description": "now described"}})),
    ))["item"]
        .clone();
    assert_eq!(updated["title"], "renamed");
    assert_eq!(updated["description"], "now described");
    assert_eq!(updated["image"], item["image"]);
    assert_eq!(updated["createdDate"], item["createdDate"]);
    assert_ne!(updated["updatedDate"], item["updatedDate"]);
    assert_eq!(
        ok(sb.call("GET", &format!("/galleries/{g}/items/{id}"), None))["item"],
        updated
    );

    let deleted = ok(sb.call("DELETE", &format!("/galleries/{g}/items/{id}"), None));
    assert_eq!(deleted, json!({"itemId": id}));
    assert_app_error(
        &sb.call("GET", &format!("/galleries/{g}/items/{id}"), None),
        404,
        "ITEM_NOT_FOUND",
    );
    assert_app_error(
        &sb.call("DELETE", &format!("/galleries/{g}/items/{id}"), None),
        404,
        "ITEM_NOT_FOUND",
    );
    assert_app_error(
        &sb.call(
            "PATCH",
            &format!("/galleries/{g}/items/{id}"),
            Some(json!({"item": {"title": "x"}})),
        ),
        404,
        "ITEM_NOT_FOUND",
    );
    assert_app_error(
        &sb.call("GET", &format!("/galleries/nope/items/{id}"), None),
        404,
        "GALLERY_NOT_FOUND",
    );
    assert_app_error(
        &sb.call(
            "POST",
            "/galleries/nope/items",
            Some(json!({"item": image_item("x")})),
        ),
        404,
        "GALLERY_NOT_FOUND",
    );
    assert_eq!(
        ok(sb.call("GET", &format!("/galleries/{g}"), None))["gallery"]["totalItems"],
        0
    );
}

#[test]
fn videos_and_text_items_are_typed_and_durations_are_strings() {
    let sb = Sandbox::empty();
    let g = sb.new_gallery("G");
    let video = sb.add_item(&g, video_item("v"));
    assert_eq!(video["type"], "VIDEO");
    assert_eq!(video["video"]["duration"], "20000");
    let mut numeric = video_item("n");
    numeric["video"]["duration"] = json!(1500);
    assert_eq!(sb.add_item(&g, numeric)["video"]["duration"], "1500");
    let text = sb.add_item(&g, text_item("t"));
    assert_eq!(text["type"], "TEXT");
    assert_eq!(text["text"]["css"], json!({"width": 420}));
}

#[test]
fn unknown_fields_at_every_level_round_trip_and_request_ids_are_not_stored() {
    let sb = Sandbox::empty();
    let g = sb.new_gallery("G");
    let mut input = image_item("x");
    input["image"]["imageInfo"]["futureField"] = json!({"nested": [1, 2, null]});
    input["image"]["exif"] = json!({"Model": "X100", "ISO": 200});
    input["image"]["focalPoint"] = json!({"x": 0.25, "y": 1});
    input["link"] = json!({"type": "EXTERNAL", "url": "https://example.com", "target": "_blank"});
    input["tags"] = json!({"values": ["_fileOrigin_uploaded", "sea"]});
    input["galleryId"] = json!(g);
    input["somethingNew"] = json!(true);
    input["secondaryMedia"] = json!({"image": {"imageInfo": {"id": "11062b_def~mv2.jpg", "width": 10, "height": 10}, "focalPoint": {"x": 0.1, "y": 0.9}}});
    // Read-only fields a client sends back are ignored, not stored.
    input["type"] = json!("VIDEO");
    input["createdDate"] = json!("2001-01-01T00:00:00Z");
    let item = sb.add_item(&g, input.clone());
    assert_eq!(item["image"], input["image"]);
    assert_eq!(item["link"], input["link"]);
    assert_eq!(item["tags"], input["tags"]);
    assert_eq!(
        item["somethingNew"], true,
        "unknown top-level fields are kept"
    );
    assert_eq!(item["secondaryMedia"], input["secondaryMedia"]);
    assert_eq!(item["type"], "IMAGE");
    assert_ne!(item["createdDate"], "2001-01-01T00:00:00Z");
    assert!(
        item.get("galleryId").is_none(),
        "the SDK's request id is not an item field"
    );
    let id = item["id"].as_str().unwrap();
    // The SDK repeats ids in the query string and in bodies.
    let got = ok(sb.call(
        "GET",
        &format!("/galleries/{g}/items/{id}?galleryId={g}&itemId={id}"),
        None,
    ));
    assert_eq!(got["item"], item);
    let updated = ok(sb.call(
        "PATCH",
        &format!("/galleries/{g}/items/{id}?galleryId={g}&itemId={id}"),
        Some(
            json!({"galleryId": g, "itemId": id, "item": {"id": id, "galleryId": g, "title": "y"}}),
        ),
    ));
    assert_eq!(updated["item"]["title"], "y");
    assert_eq!(updated["item"]["secondaryMedia"], input["secondaryMedia"]);
    // A present unknown field is replaced, a null one cleared, like any other field.
    let updated = ok(sb.call(
        "PATCH",
        &format!("/galleries/{g}/items/{id}"),
        Some(json!({"item": {"somethingNew": {"v": 2}, "secondaryMedia": null}})),
    ));
    assert_eq!(updated["item"]["somethingNew"], json!({"v": 2}));
    assert!(updated["item"].get("secondaryMedia").is_none());
    let listed = ok(sb.call(
        "GET",
        &format!("/galleries/{g}/items?galleryId={g}&unknown=1"),
        None,
    ));
    assert_eq!(listed["items"][0]["image"], input["image"]);
    ok(sb.call(
        "DELETE",
        &format!("/galleries/{g}/items/{id}?galleryId={g}&itemId={id}"),
        None,
    ));
}

#[test]
fn items_are_ordered_by_sort_order_which_is_unique_per_gallery() {
    let sb = Sandbox::empty();
    let g = sb.new_gallery("G");
    for (title, order) in [("c", 30.0), ("a", -5.5), ("b", 10.0)] {
        let mut item = image_item(title);
        item["sortOrder"] = json!(order);
        assert_eq!(sb.add_item(&g, item)["sortOrder"].as_f64(), Some(order));
    }
    let listed = ok(sb.call("GET", &format!("/galleries/{g}/items"), None));
    let titles: Vec<&str> = listed["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["a", "b", "c"]);
    assert!(
        listed.get("totalItems").is_none(),
        "list items has no total"
    );

    let mut dup = image_item("dup");
    dup["sortOrder"] = json!(10.0);
    assert_app_error(
        &sb.call(
            "POST",
            &format!("/galleries/{g}/items"),
            Some(json!({"item": dup.clone()})),
        ),
        409,
        "SORT_ORDER_ALREADY_EXISTS",
    );
    // The same sortOrder in another gallery is fine.
    let other = sb.new_gallery("H");
    sb.add_item(&other, dup);
    // Moving onto a taken sortOrder is a conflict; keeping one's own is not.
    let a = listed["items"][0]["id"].as_str().unwrap();
    assert_app_error(
        &sb.call(
            "PATCH",
            &format!("/galleries/{g}/items/{a}"),
            Some(json!({"item": {"sortOrder": 30}})),
        ),
        409,
        "SORT_ORDER_ALREADY_EXISTS",
    );
    ok(sb.call(
        "PATCH",
        &format!("/galleries/{g}/items/{a}"),
        Some(json!({"item": {"sortOrder": -5.5}})),
    ));
    let moved = ok(sb.call(
        "PATCH",
        &format!("/galleries/{g}/items/{a}"),
        Some(json!({"item": {"sortOrder": 99}})),
    ));
    assert_eq!(
        moved["item"]["sortOrder"],
        json!(99),
        "whole numbers have no fraction"
    );
    let listed = ok(sb.call("GET", &format!("/galleries/{g}/items"), None));
    assert_eq!(listed["items"][2]["title"], "a");
}

#[test]
fn default_sort_orders_strictly_increase_even_within_a_millisecond() {
    let sb = Sandbox::empty();
    let items: Vec<Value> = (0..300).map(|n| image_item(&format!("i{n}"))).collect();
    let g = sb.gallery_with_items("G", items);
    let mut orders = Vec::new();
    for offset in [0, 100, 200] {
        let page = ok(sb.call(
            "GET",
            &format!("/galleries/{g}/items?itemOffset={offset}&itemLimit=100"),
            None,
        ));
        for (n, item) in page["items"].as_array().unwrap().iter().enumerate() {
            assert_eq!(
                item["title"],
                format!("i{}", offset + n),
                "creation order kept"
            );
            orders.push(item["sortOrder"].as_f64().unwrap());
        }
    }
    assert_eq!(orders.len(), 300);
    assert!(orders.windows(2).all(|w| w[0] < w[1]));
    // Single creates keep increasing too.
    let next = sb.add_item(&g, image_item("later"))["sortOrder"]
        .as_f64()
        .unwrap();
    assert!(next > orders[299]);
}

#[test]
fn list_items_pages_and_checks_limits() {
    let sb = Sandbox::empty();
    let items: Vec<Value> = (0..120).map(|n| text_item(&format!("t{n}"))).collect();
    let g = sb.gallery_with_items("G", items);
    let titles = |query: &str| -> Vec<String> {
        ok(sb.call("GET", &format!("/galleries/{g}/items{query}"), None))["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["title"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(titles("").len(), 50);
    assert_eq!(titles("?itemLimit=100").len(), 100);
    assert_eq!(titles("?itemOffset=118&itemLimit=5"), ["t118", "t119"]);
    assert_eq!(
        titles("?itemOffset=90&itemLimit=3"),
        ["t90", "t91", "t92"],
        "a page in the middle"
    );
    assert_eq!(titles("?itemOffset=10&itemLimit=2"), ["t10", "t11"]);
    assert!(titles("?itemOffset=500").is_empty());
    assert_eq!(
        titles("?offset=100&limit=1").len(),
        50,
        "offset/limit ignored here"
    );
    assert_violation(
        &sb.call("GET", &format!("/galleries/{g}/items?itemLimit=101"), None),
        "itemLimit",
    );
    assert_violation(
        &sb.call("GET", &format!("/galleries/{g}/items?itemLimit=0"), None),
        "itemLimit",
    );
    assert_violation(
        &sb.call("GET", &format!("/galleries/{g}/items?itemOffset=-3"), None),
        "itemOffset",
    );
    assert_violation(
        &sb.call("GET", &format!("/galleries/{g}/items?itemOffset=1.5"), None),
        "itemOffset",
    );
    assert_app_error(
        &sb.call("GET", "/galleries/nope/items", None),
        404,
        "GALLERY_NOT_FOUND",
    );
}

#[test]
fn update_replaces_present_fields_whole_and_refuses_kind_changes() {
    let sb = Sandbox::empty();
    let g = sb.new_gallery("G");
    let mut input = image_item("x");
    input["image"]["focalPoint"] = json!({"x": 0.5, "y": 0.5});
    input["description"] = json!("d");
    let item = sb.add_item(&g, input);
    let id = item["id"].as_str().unwrap();
    let new_image = json!({"imageInfo": {"id": "11062b_y~mv2.jpg", "url": "https://x/y.jpg", "width": 10, "height": 20}});
    let updated = ok(sb.call(
        "PATCH",
        &format!("/galleries/{g}/items/{id}"),
        Some(json!({"item": {"image": new_image, "description": null}})),
    ))["item"]
        .clone();
    assert_eq!(
        updated["image"], new_image,
        "image replaced whole (focalPoint gone)"
    );
    assert!(updated.get("description").is_none(), "null clears a field");
    assert_eq!(updated["title"], "x");
    assert_eq!(updated["sortOrder"], item["sortOrder"]);

    let to_video = sb.call(
        "PATCH",
        &format!("/galleries/{g}/items/{id}"),
        Some(json!({"item": {"video": video_item("v")["video"]}})),
    );
    assert_violation(&to_video, "item.video");
    let wrong_id = sb.call(
        "PATCH",
        &format!("/galleries/{g}/items/{id}"),
        Some(json!({"item": {"id": "other", "title": "t"}})),
    );
    assert_violation(&wrong_id, "item.id");
    let bad_image = sb.call(
        "PATCH",
        &format!("/galleries/{g}/items/{id}"),
        Some(json!({"item": {"image": {"imageInfo": {"id": "m", "url": "u", "width": 0, "height": 1}}}})),
    );
    assert_violation(&bad_image, "item.image.imageInfo.width");
    assert_violation(
        &sb.call(
            "PATCH",
            &format!("/galleries/{g}/items/{id}"),
            Some(json!({"title": "no wrapper"})),
        ),
        "item",
    );
    // Nothing of the refused updates landed.
    let now = ok(sb.call("GET", &format!("/galleries/{g}/items/{id}"), None))["item"].clone();
    assert_eq!(now, updated);
}

#[test]
fn deep_pages_stay_exact_as_the_gallery_changes() {
    // Past 256 items pages start from cached anchors; every change of order must invalidate them.
    let sb = Sandbox::empty();
    let g = sb.generated_gallery(700);
    let titles = |offset: usize, limit: usize| -> Vec<String> {
        ok(sb.call(
            "GET",
            &format!("/galleries/{g}/items?itemOffset={offset}&itemLimit={limit}"),
            None,
        ))["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["title"].as_str().unwrap().to_string())
            .collect()
    };
    let expect = |positions: std::ops::Range<usize>, shift: usize| -> Vec<String> {
        positions
            .map(|p| format!("Generated item {}", p + shift))
            .collect()
    };
    for offset in [0, 100, 255, 256, 257, 300, 511, 512, 650] {
        assert_eq!(
            titles(offset, 100),
            expect(offset..(offset + 100).min(700), 0),
            "offset {offset}"
        );
    }
    assert_eq!(titles(699, 10), expect(699..700, 0));

    // Delete the first 10: every later page shifts by 10.
    let first: Vec<String> =
        ok(sb.call("GET", &format!("/galleries/{g}/items?itemLimit=10"), None))["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["id"].as_str().unwrap().to_string())
            .collect();
    ok(sb.call(
        "POST",
        &format!("/galleries/{g}/items/delete"),
        Some(json!({"itemIds": first})),
    ));
    assert_eq!(titles(300, 5), expect(300..305, 10));
    assert_eq!(titles(512, 3), expect(512..515, 10));

    // Move the last item to the front: positions past it shift back by one.
    let last = ok(sb.call(
        "GET",
        &format!("/galleries/{g}/items?itemOffset=689&itemLimit=1"),
        None,
    ))["items"][0]
        .clone();
    assert_eq!(last["title"], "Generated item 699");
    let id = last["id"].as_str().unwrap();
    ok(sb.call(
        "PATCH",
        &format!("/galleries/{g}/items/{id}"),
        Some(json!({"item": {"sortOrder": -1}})),
    ));
    assert_eq!(titles(0, 1), ["Generated item 699"]);
    assert_eq!(titles(300, 2), expect(299..301, 10));

    // Add one at the end: it shows on the last page.
    sb.add_item(&g, image_item("appended"));
    assert_eq!(titles(690, 5), ["appended"]);
    assert_eq!(
        ok(sb.call("GET", &format!("/galleries/{g}"), None))["gallery"]["totalItems"],
        691
    );
}
