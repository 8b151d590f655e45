//! `progallery items move GALLERY ITEM --before ID|--after ID|--first|--last`: one new
//! `sortOrder` between the new neighbours; when two neighbours sit too close for a number in
//! between (or share one), the fewest nearby items are spread apart first (`ordering.rs`).

use anyhow::Result;

use super::ordering::{self, Placement, Slot};
use crate::cli::ItemsMoveArgs;
use crate::commands::input::require_guid;
use crate::context::Context;
use crate::error::{CliError, Kind};

pub async fn run(args: ItemsMoveArgs, ctx: &Context) -> Result<i32> {
    let item_id = args.item.item_id.as_str();
    require_guid(item_id, "item id")?;
    for other in [&args.before, &args.after].into_iter().flatten() {
        require_guid(other, "item id")?;
        if other == item_id {
            return Err(CliError::usage("an item cannot be moved next to itself")
                .with_hint(
                    "name another item of the gallery with --before/--after, or use --first/--last",
                )
                .into());
        }
    }
    let gallery = ctx.resolve_gallery(&args.item.gallery_id).await?;
    let gallery = gallery.as_str();
    let client = ctx.client().await?;
    let existing = ordering::in_gallery_order(crate::api::items::list_all(client, gallery).await?);
    let Some(from) = existing
        .iter()
        .position(|i| i.id.as_deref() == Some(item_id))
    else {
        return Err(not_found(item_id, gallery));
    };
    let item = existing[from].clone();
    let others: Vec<_> = existing
        .iter()
        .filter(|i| i.id.as_deref() != Some(item_id))
        .cloned()
        .collect();
    let index_of = |id: &str| others.iter().position(|i| i.id.as_deref() == Some(id));
    let to = if args.first {
        0
    } else if args.last {
        others.len()
    } else if let Some(before) = &args.before {
        index_of(before).ok_or_else(|| not_found(before, gallery))?
    } else if let Some(after) = &args.after {
        index_of(after).ok_or_else(|| not_found(after, gallery))? + 1
    } else {
        return Err(CliError::usage("give --before, --after, --first or --last").into());
    };
    // Ranks are places in the listing: `others` keep theirs around the moved item's.
    let mut slots: Vec<Slot> = others
        .iter()
        .enumerate()
        .map(|(k, other)| ordering::fixed(other, if k < from { k } else { k + 1 }))
        .collect();
    if to == from {
        ctx.printer.one(&item)?;
        ctx.printer
            .notice("the item is already there; nothing changed");
        return Ok(0);
    }
    slots.insert(to, None);
    let values = ordering::solve_in(&slots, &existing);
    let windows = ordering::windows(&values);
    let mut neighbours = Vec::new();
    for (k, value) in values.iter().enumerate() {
        if k == to {
            continue;
        }
        let other = &others[if k < to { k } else { k - 1 }];
        if slots[k].map(|f| f.value) != Some(*value) {
            if let Some(id) = &other.id {
                neighbours.push(Placement {
                    id: id.clone(),
                    value: *value,
                    window: windows[k],
                });
            }
        }
    }
    if !neighbours.is_empty() {
        ctx.printer.notice(&format!(
            "no room between the neighbours: spreading {} item(s) apart first",
            neighbours.len()
        ));
        ordering::apply_sort_orders(client, gallery, &neighbours).await?;
    }
    let placement = Placement {
        id: item_id.to_string(),
        value: values[to],
        window: windows[to],
    };
    let moved = ordering::apply_sort_orders(client, gallery, &[placement]).await?;
    if let Some(item) = moved.first() {
        ctx.printer.one(item)?;
    }
    Ok(0)
}

fn not_found(id: &str, gallery: &str) -> anyhow::Error {
    CliError::new(
        Kind::NotFound,
        format!("item {id} is not in gallery {gallery}"),
    )
    .with_hint(format!(
        "`progallery items list {gallery} --all` shows its items"
    ))
    .into()
}
