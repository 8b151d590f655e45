//! Sites and prefixes: the seeded default site, per-site isolation by `wix-site-id`, and the two
//! API path prefixes reaching the same data.

use serde_json::json;

use crate::common::*;

#[test]
fn the_default_site_is_seeded_with_the_reference_examples() {
    let sb = Sandbox::start();
    let resp = sb
        .request("GET", &format!("{API}/galleries"))
        .header("wix-site-id", SEEDED_SITE)
        .send();
    let body = ok(resp);
    assert_eq!(body["totalGalleries"], 2);
    let first = &body["galleries"][0];
    assert_eq!(first["id"], "e481d9b4-14b9-4a98-ae52-67f4170e3a63");
    assert_eq!(first["totalItems"], 4);
    assert!(
        first.get("name").is_none(),
        "the Editor gallery has no name"
    );
    let types: Vec<&str> = first["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["type"].as_str().unwrap())
        .collect();
    assert_eq!(
        types,
        ["IMAGE", "VIDEO", "VIDEO", "TEXT"],
        "sorted by sortOrder ascending"
    );
    let orders: Vec<f64> = first["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["sortOrder"].as_f64().unwrap())
        .collect();
    assert!(orders.windows(2).all(|w| w[0] < w[1]), "{orders:?}");
    // The reference's values as they are: seconds and milliseconds in one gallery.
    let raw: Vec<String> = first["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["sortOrder"].to_string())
        .collect();
    assert_eq!(
        raw,
        [
            "1644317968.985",
            "1642505672333",
            "1646212412985",
            "1657439075188"
        ]
    );
    assert_eq!(first["items"][1]["video"]["type"], "YOUTUBE");
    assert_eq!(
        first["items"][1]["id"],
        "17c786c6-5d5d-4271-995a-02d007809064"
    );
    assert_eq!(first["items"][2]["video"]["duration"], "20000");
    assert_eq!(body["galleries"][1]["name"], "Simple Gallery");
    // An item added with the default sortOrder (now, in seconds) lands after the seconds item
    // and before the millisecond ones, as on a real site with such data.
    let added = ok(sb
        .request(
            "POST",
            &format!("{API}/galleries/e481d9b4-14b9-4a98-ae52-67f4170e3a63/items"),
        )
        .header("wix-site-id", SEEDED_SITE)
        .json(&json!({"item": image_item("new")}))
        .send());
    let listed = ok(sb
        .request(
            "GET",
            &format!("{API}/galleries/e481d9b4-14b9-4a98-ae52-67f4170e3a63/items"),
        )
        .header("wix-site-id", SEEDED_SITE)
        .send());
    assert_eq!(listed["items"][1]["id"], added["item"]["id"]);
    // The test site (wix-site-id header) is another site: empty.
    let other = ok(sb.call("GET", "/galleries", None));
    assert_eq!(other, json!({"totalGalleries": 0, "galleries": []}));
}

#[test]
fn both_path_prefixes_reach_the_same_data() {
    let sb = Sandbox::empty();
    let id = sb.new_gallery("Shared");
    let other = sb
        .request("GET", &format!("/pro-gallery/v2/galleries/{id}"))
        .send();
    assert_eq!(ok(other)["gallery"]["name"], "Shared");
    let item = ok(sb
        .request("POST", &format!("/pro-gallery/v2/galleries/{id}/items"))
        .json(&json!({"item": image_item("x")}))
        .send())["item"]
        .clone();
    let back = ok(sb.call(
        "GET",
        &format!("/galleries/{id}/items/{}", item["id"].as_str().unwrap()),
        None,
    ));
    assert_eq!(back["item"], item);
}

#[test]
fn sites_are_isolated_by_the_wix_site_id_header() {
    let sb = Sandbox::empty();
    let site_a = "aaaaaaaa-0000-0000-0000-000000000000";
    let site_b = "bbbbbbbb-0000-0000-0000-000000000000";
    let create = |site: &str, sort: f64| {
        sb.request("POST", &format!("{API}/galleries"))
            .header("wix-site-id", site)
            .json(&json!({"gallery": {"name": site, "sortOrder": sort}}))
            .send()
    };
    let a = ok(create(site_a, 7.0))["gallery"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    // The same sortOrder is free on another site.
    ok(create(site_b, 7.0));
    let list_b = ok(sb
        .request("GET", &format!("{API}/galleries"))
        .header("wix-site-id", site_b)
        .send());
    assert_eq!(list_b["totalGalleries"], 1);
    assert_eq!(list_b["galleries"][0]["name"], site_b);
    let cross = sb
        .request("GET", &format!("{API}/galleries/{a}"))
        .header("wix-site-id", site_b)
        .send();
    assert_app_error(&cross, 404, "GALLERY_NOT_FOUND");
    let cross_delete = sb
        .request("DELETE", &format!("{API}/galleries/{a}"))
        .header("wix-site-id", site_b)
        .send();
    assert_app_error(&cross_delete, 404, "GALLERY_NOT_FOUND");
    let none = ok(sb
        .request("GET", &format!("{API}/galleries"))
        .header("wix-site-id", SEEDED_SITE)
        .send());
    assert_eq!(
        none["totalGalleries"], 0,
        "no header is the default site, which is neither"
    );
    let still = ok(sb
        .request("GET", &format!("{API}/galleries/{a}"))
        .header("wix-site-id", site_a)
        .send());
    assert_eq!(still["gallery"]["name"], site_a);
}
