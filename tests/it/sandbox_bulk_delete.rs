//! Sandbox bulk deletes: `POST …/items/delete` (1..1000 ids, exactly the deleted ids back, safe to
//! repeat) and the deprecated `DELETE …/items` with repeated `itemsIds` query parameters.

use serde_json::json;

use crate::common::*;

#[test]
fn bulk_delete_deletes_exactly_the_existing_ids() {
    let sb = Sandbox::empty();
    let g = sb.new_gallery("G");
    let ids: Vec<String> = (0..5)
        .map(|n| {
            sb.add_item(&g, image_item(&format!("i{n}")))["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    let other = sb.new_gallery("H");
    let foreign = sb.add_item(&other, image_item("foreign"))["id"]
        .as_str()
        .unwrap()
        .to_string();
    let request = json!({"itemIds": [ids[0], "missing", ids[2], ids[0], foreign], "galleryId": g});
    let resp = ok(sb.call(
        "POST",
        &format!("/galleries/{g}/items/delete?galleryId={g}"),
        Some(request.clone()),
    ));
    assert_eq!(resp, json!({"itemIds": [ids[0], ids[2]]}));
    let again = ok(sb.call(
        "POST",
        &format!("/galleries/{g}/items/delete"),
        Some(request),
    ));
    assert_eq!(again, json!({"itemIds": []}), "repeating is safe");
    assert_eq!(
        ok(sb.call("GET", &format!("/galleries/{g}"), None))["gallery"]["totalItems"],
        3
    );
    ok(sb.call("GET", &format!("/galleries/{other}/items/{foreign}"), None));

    let v = assert_violation(
        &sb.call(
            "POST",
            &format!("/galleries/{g}/items/delete"),
            Some(json!({"itemIds": []})),
        ),
        "itemIds",
    );
    assert_eq!(v["violatedRule"], "MIN");
    assert_violation(
        &sb.call(
            "POST",
            &format!("/galleries/{g}/items/delete"),
            Some(json!({})),
        ),
        "itemIds",
    );
    let many: Vec<String> = (0..1001).map(|n| format!("id{n}")).collect();
    let v = assert_violation(
        &sb.call(
            "POST",
            &format!("/galleries/{g}/items/delete"),
            Some(json!({"itemIds": many})),
        ),
        "itemIds",
    );
    assert_eq!(v["violatedRule"], "MAX");
    let thousand: Vec<String> = (0..1000).map(|n| format!("id{n}")).collect();
    ok(sb.call(
        "POST",
        &format!("/galleries/{g}/items/delete"),
        Some(json!({"itemIds": thousand})),
    ));
    assert_violation(
        &sb.call(
            "POST",
            &format!("/galleries/{g}/items/delete"),
            Some(json!({"itemIds": "x"})),
        ),
        "itemIds",
    );
    assert_violation(
        &sb.call(
            "POST",
            &format!("/galleries/{g}/items/delete"),
            Some(json!({"itemIds": [1]})),
        ),
        "itemIds[0]",
    );
    assert_app_error(
        &sb.call(
            "POST",
            "/galleries/nope/items/delete",
            Some(json!({"itemIds": ["a"]})),
        ),
        404,
        "GALLERY_NOT_FOUND",
    );
}

#[test]
fn deprecated_delete_takes_repeated_items_ids_and_answers_the_gallery() {
    let sb = Sandbox::empty();
    let g = sb.new_gallery("Old API");
    let ids: Vec<String> = (0..4)
        .map(|n| {
            sb.add_item(&g, image_item(&format!("i{n}")))["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    let resp = ok(sb.call(
        "DELETE",
        &format!(
            "/galleries/{g}/items?itemsIds={}&itemsIds={}&itemsIds=missing",
            ids[0], ids[1]
        ),
        None,
    ));
    assert_eq!(resp["gallery"]["id"], g.as_str());
    assert_eq!(resp["gallery"]["name"], "Old API");
    assert_eq!(resp["gallery"]["totalItems"], 2);
    assert_eq!(resp["gallery"]["items"], json!([]));
    let resp = ok(sb.call(
        "DELETE",
        &format!("/galleries/{g}/items"),
        Some(json!({"itemIds": [ids[2]]})),
    ));
    assert_eq!(resp["gallery"]["totalItems"], 1);
    let resp = ok(sb.call(
        "DELETE",
        &format!("/galleries/{g}/items"),
        Some(json!({"itemsIds": [ids[3]]})),
    ));
    assert_eq!(resp["gallery"]["totalItems"], 0);
    assert_violation(
        &sb.call("DELETE", &format!("/galleries/{g}/items"), None),
        "itemIds",
    );
}
