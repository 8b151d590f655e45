//! Sandbox gallery endpoints (#1–#5): listing and its limits, create (with items and as a clone),
//! get with item paging, update (PATCH and PUT) and cascading delete.

use serde_json::{json, Value};

use crate::common::*;

#[test]
fn list_galleries_pages_by_creation_and_checks_its_limits() {
    let sb = Sandbox::empty();
    // Galleries are ordered by createdDate (milliseconds); a millisecond apart, creation order
    // shows.
    let ids: Vec<String> = (0..12)
        .map(|n| {
            next_millisecond();
            sb.new_gallery(&format!("g{n}"))
        })
        .collect();
    let page = ok(sb.call("GET", "/galleries", None));
    assert_eq!(page["totalGalleries"], 12);
    let got: Vec<&str> = page["galleries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        got,
        ids[..10].iter().map(String::as_str).collect::<Vec<_>>(),
        "default limit 10, oldest first"
    );
    let rest = ok(sb.call("GET", "/galleries?offset=10&limit=5", None));
    assert_eq!(rest["galleries"].as_array().unwrap().len(), 2);
    assert_eq!(rest["galleries"][1]["id"], ids[11].as_str());
    let beyond = ok(sb.call("GET", "/galleries?offset=50", None));
    assert_eq!(beyond["galleries"], json!([]));
    assert_eq!(beyond["totalGalleries"], 12);

    let v = assert_violation(&sb.call("GET", "/galleries?limit=11", None), "limit");
    assert_eq!(v["violatedRule"], "MAX");
    assert_eq!(v["data"]["threshold"], 10);
    let v = assert_violation(&sb.call("GET", "/galleries?limit=0", None), "limit");
    assert_eq!(v["violatedRule"], "MIN");
    assert_violation(&sb.call("GET", "/galleries?offset=-1", None), "offset");
    assert_violation(&sb.call("GET", "/galleries?offset=abc", None), "offset");
    assert_violation(
        &sb.call("GET", "/galleries?itemLimit=101", None),
        "itemLimit",
    );
    assert_violation(&sb.call("GET", "/galleries?itemLimit=0", None), "itemLimit");
}

#[test]
fn list_galleries_embeds_item_limit_items() {
    let sb = Sandbox::empty();
    let items: Vec<Value> = (0..15).map(|n| image_item(&format!("i{n}"))).collect();
    sb.gallery_with_items("G", items);
    let page = ok(sb.call("GET", "/galleries", None));
    assert_eq!(
        page["galleries"][0]["items"].as_array().unwrap().len(),
        10,
        "itemLimit defaults to 10"
    );
    assert_eq!(page["galleries"][0]["totalItems"], 15);
    let page = ok(sb.call("GET", "/galleries?itemLimit=3", None));
    assert_eq!(page["galleries"][0]["items"].as_array().unwrap().len(), 3);
}

#[test]
fn create_gallery_with_items_gives_increasing_defaults() {
    let sb = Sandbox::empty();
    let before = chrono_now_secs();
    let body = ok(sb.call("POST",
        "/galleries",
        Some(
            json!({"gallery": {"name": "Trip", "totalItems": 99, "id": "ignored", "items": [image_item("a"), video_item("b"), text_item("c")]}}),
        ),
    ));
    let g = &body["gallery"];
    assert_eq!(g["name"], "Trip");
    assert_ne!(g["id"], "ignored");
    assert_eq!(g["totalItems"], 3);
    let sort = g["sortOrder"].as_f64().unwrap();
    assert!(
        sort >= before - 1.0 && sort < before + 60.0,
        "gallery sortOrder {sort} is not creation time"
    );
    assert!(g["createdDate"].as_str().unwrap().ends_with('Z'));
    let types: Vec<&str> = g["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["type"].as_str().unwrap())
        .collect();
    assert_eq!(types, ["IMAGE", "VIDEO", "TEXT"]);
    let orders: Vec<f64> = g["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["sortOrder"].as_f64().unwrap())
        .collect();
    assert!(orders.windows(2).all(|w| w[0] < w[1]), "{orders:?}");
    // An empty body creates an unnamed gallery.
    let empty = ok(sb.request("POST", &format!("{API}/galleries")).send());
    assert!(empty["gallery"].get("name").is_none());
    assert_eq!(empty["gallery"]["items"], json!([]));
    assert_eq!(empty["gallery"]["totalItems"], 0);
}

fn chrono_now_secs() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs_f64()
}

#[test]
fn clone_copies_name_and_items_with_new_ids_and_overrides() {
    let sb = Sandbox::empty();
    let source = ok(sb.call("POST",
        "/galleries",
        Some(json!({"gallery": {"name": "Original", "items": [image_item("one"), text_item("two")]}})),
    ))["gallery"]
        .clone();
    let source_id = source["id"].as_str().unwrap();
    let clone = ok(sb.call(
        "POST",
        "/galleries",
        Some(json!({"cloneFromGalleryId": source_id})),
    ))["gallery"]
        .clone();
    assert_ne!(clone["id"], source["id"]);
    assert_eq!(clone["name"], "Original");
    assert_eq!(clone["totalItems"], 2);
    assert_ne!(clone["sortOrder"], source["sortOrder"]);
    for (copy, orig) in clone["items"]
        .as_array()
        .unwrap()
        .iter()
        .zip(source["items"].as_array().unwrap())
    {
        assert_ne!(copy["id"], orig["id"]);
        assert_eq!(copy["title"], orig["title"], "relative order kept");
        assert_eq!(copy["type"], orig["type"]);
    }
    let renamed = ok(sb.call(
        "POST",
        "/galleries",
        Some(json!({"cloneFromGalleryId": source_id, "gallery": {"name": "Copy"}})),
    ))["gallery"]
        .clone();
    assert_eq!(renamed["name"], "Copy");
    assert_eq!(renamed["totalItems"], 2);
    let missing = sb.call(
        "POST",
        "/galleries",
        Some(json!({"cloneFromGalleryId": "nope"})),
    );
    assert_app_error(&missing, 404, "GALLERY_NOT_FOUND");
    // The source is untouched.
    let again = ok(sb.call("GET", &format!("/galleries/{source_id}"), None));
    assert_eq!(again["gallery"]["items"], source["items"]);
}

#[test]
fn get_gallery_pages_items_with_item_offset_and_item_limit() {
    let sb = Sandbox::empty();
    let items: Vec<Value> = (0..55).map(|n| image_item(&format!("i{n}"))).collect();
    let id = sb.gallery_with_items("G", items);
    let g = ok(sb.call("GET", &format!("/galleries/{id}"), None))["gallery"].clone();
    assert_eq!(
        g["items"].as_array().unwrap().len(),
        50,
        "itemLimit defaults to 50"
    );
    assert_eq!(g["totalItems"], 55);
    let g = ok(sb.call(
        "GET",
        &format!("/galleries/{id}?itemOffset=53&itemLimit=10"),
        None,
    ))["gallery"]
        .clone();
    let titles: Vec<&str> = g["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["i53", "i54"]);
    // offset/limit are not this endpoint's names: ignored.
    let g =
        ok(sb.call("GET", &format!("/galleries/{id}?offset=1&limit=3"), None))["gallery"].clone();
    assert_eq!(g["items"].as_array().unwrap().len(), 50);
    assert_eq!(g["items"][0]["title"], "i0");
    assert_violation(
        &sb.call("GET", &format!("/galleries/{id}?itemLimit=101"), None),
        "itemLimit",
    );
    assert_violation(
        &sb.call("GET", &format!("/galleries/{id}?itemOffset=-1"), None),
        "itemOffset",
    );
    assert_app_error(
        &sb.call("GET", "/galleries/does-not-exist", None),
        404,
        "GALLERY_NOT_FOUND",
    );
}

#[test]
fn update_gallery_by_patch_and_put_changes_only_given_fields() {
    let sb = Sandbox::empty();
    let id = sb.new_gallery("Before");
    sb.add_item(&id, image_item("kept"));
    let patched = ok(sb.call(
        "PATCH",
        &format!("/galleries/{id}"),
        Some(json!({"gallery": {"name": "After", "items": []}})),
    ));
    assert_eq!(patched["gallery"]["name"], "After");
    assert_eq!(
        patched["gallery"]["totalItems"], 1,
        "items in an update body are ignored"
    );
    assert_eq!(patched["gallery"]["items"][0]["title"], "kept");
    let put = ok(sb.call(
        "PUT",
        &format!("/galleries/{id}"),
        Some(json!({"gallery": {"sortOrder": 42.5}})),
    ));
    assert_eq!(put["gallery"]["sortOrder"], 42.5);
    assert_eq!(put["gallery"]["name"], "After");
    // Per-site sortOrder uniqueness.
    let other = sb.new_gallery("Other");
    let clash = sb.call(
        "PATCH",
        &format!("/galleries/{other}"),
        Some(json!({"gallery": {"sortOrder": 42.5}})),
    );
    assert_app_error(&clash, 409, "SORT_ORDER_ALREADY_EXISTS");
    let clash = sb.call(
        "POST",
        "/galleries",
        Some(json!({"gallery": {"sortOrder": 42.5}})),
    );
    assert_app_error(&clash, 409, "SORT_ORDER_ALREADY_EXISTS");
    // Setting its own sortOrder again is fine.
    ok(sb.call(
        "PATCH",
        &format!("/galleries/{id}"),
        Some(json!({"gallery": {"sortOrder": 42.5}})),
    ));
    assert_violation(
        &sb.call("PATCH", &format!("/galleries/{id}"), Some(json!({}))),
        "gallery",
    );
    assert_violation(
        &sb.call(
            "PATCH",
            &format!("/galleries/{id}"),
            Some(json!({"gallery": {"name": 5}})),
        ),
        "gallery.name",
    );
    assert_violation(
        &sb.call(
            "PATCH",
            &format!("/galleries/{id}"),
            Some(json!({"gallery": {"sortOrder": "x"}})),
        ),
        "gallery.sortOrder",
    );
    assert_app_error(
        &sb.call(
            "PATCH",
            "/galleries/nope",
            Some(json!({"gallery": {"name": "x"}})),
        ),
        404,
        "GALLERY_NOT_FOUND",
    );
}

#[test]
fn delete_gallery_removes_its_items_and_emits_events() {
    let sb = Sandbox::empty();
    let id = sb.new_gallery("Doomed");
    let a = sb.add_item(&id, image_item("a"));
    let b = sb.add_item(&id, text_item("b"));
    let resp = ok(sb.call("DELETE", &format!("/galleries/{id}"), None));
    assert_eq!(resp, json!({"galleryId": id}));
    assert_app_error(
        &sb.call("GET", &format!("/galleries/{id}"), None),
        404,
        "GALLERY_NOT_FOUND",
    );
    assert_app_error(
        &sb.call(
            "GET",
            &format!("/galleries/{id}/items/{}", a["id"].as_str().unwrap()),
            None,
        ),
        404,
        "GALLERY_NOT_FOUND",
    );
    assert_app_error(
        &sb.call("DELETE", &format!("/galleries/{id}"), None),
        404,
        "GALLERY_NOT_FOUND",
    );
    let events = sb.events();
    let tail: Vec<Value> = events.iter().rev().take(3).rev().cloned().collect();
    assert_eq!(tail[0]["type"], "ItemDeleted");
    assert_eq!(tail[0]["galleryDeleted"], true);
    let deleted: Vec<&Value> = vec![&tail[0]["itemId"], &tail[1]["itemId"]];
    assert!(deleted.contains(&&a["id"]) && deleted.contains(&&b["id"]));
    assert_eq!(
        tail[2],
        json!({"type": "GalleryDeleted", "site": DEFAULT_TEST_SITE, "galleryId": id})
    );
    // A new gallery can reuse nothing of the old one: it is gone from the listing.
    assert_eq!(ok(sb.call("GET", "/galleries", None))["totalGalleries"], 0);
}
