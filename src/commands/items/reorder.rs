//! `progallery items reorder GALLERY --ids-from FILE|-`: puts every item in the order listed with
//! the fewest updates. The items whose current order already agrees with the list (a longest
//! increasing subsequence of their current positions) keep their `sortOrder`; only the others
//! get a new one, between the kept neighbours (`ordering.rs`).

use std::collections::{HashMap, HashSet};

use anyhow::Result;

use super::ordering::{self, Placement, Slot};
use crate::api::model::Item;
use crate::cli::ItemsReorderArgs;
use crate::commands::input::{read_input, require_guid};
use crate::commands::outcome::{self, Outcome, Report, Rows, Status};
use crate::context::Context;
use crate::error::CliError;

pub async fn run(args: ItemsReorderArgs, ctx: &Context) -> Result<i32> {
    let ids = read_ids(&args.ids_from)?;
    let gallery = ctx
        .resolve_or_pick_gallery(args.gallery_id.as_deref())
        .await?;
    let gallery = gallery.as_str();
    let client = ctx.client().await?;
    let existing = ordering::in_gallery_order(crate::api::items::list_all(client, gallery).await?);
    let by_id: HashMap<&str, &Item> = existing
        .iter()
        .filter_map(|i| i.id.as_deref().map(|id| (id, i)))
        .collect();
    let unknown: Vec<&String> = ids
        .iter()
        .filter(|id| !by_id.contains_key(id.as_str()))
        .collect();
    if !unknown.is_empty() {
        return Err(CliError::usage(format!(
            "{} listed id(s) are not items of gallery {gallery}: {}",
            unknown.len(),
            sample(unknown.iter().map(|s| s.as_str()))
        ))
        .into());
    }
    let listed: HashSet<&str> = ids.iter().map(String::as_str).collect();
    let left_out: Vec<&str> = by_id
        .keys()
        .copied()
        .filter(|id| !listed.contains(id))
        .collect();
    if !left_out.is_empty() {
        return Err(CliError::usage(format!(
            "the list leaves out {} of the gallery's {} items ({}); list every item once",
            left_out.len(),
            existing.len(),
            sample(left_out.into_iter())
        ))
        .with_hint(format!(
            "start from `progallery items list {gallery} --all -o id` and reorder its lines"
        ))
        .into());
    }
    let rank: HashMap<&str, usize> = existing
        .iter()
        .enumerate()
        .filter_map(|(k, i)| i.id.as_deref().map(|id| (id, k)))
        .collect();
    let slots: Vec<Slot> = ids
        .iter()
        .map(|id| {
            let item = by_id.get(id.as_str())?;
            ordering::fixed(item, *rank.get(id.as_str())?)
        })
        .collect();
    let values = ordering::solve_in(&slots, &existing);
    let windows = ordering::windows(&values);
    let updates: Vec<Placement> = ids
        .iter()
        .zip(&slots)
        .zip(values.iter().zip(windows))
        .filter(|((_, slot), (value, _))| slot.map(|f| f.value) != Some(**value))
        .map(|((id, _), (value, window))| Placement {
            id: id.clone(),
            value: *value,
            window,
        })
        .collect();
    if args.dry_run {
        let mut out = ctx.printer.list::<Item>()?;
        for placement in &updates {
            if let Some(item) = by_id.get(placement.id.as_str()) {
                let mut changed = (*item).clone();
                changed.sort_order = serde_json::Number::from_f64(placement.value);
                out.push(&changed)?;
            }
        }
        out.finish()?;
        ctx.printer.notice(&format!(
            "dry run: would move {} of {} item(s); nothing was sent",
            updates.len(),
            ids.len()
        ));
        return Ok(0);
    }
    let moved = ordering::apply_sort_orders(client, gallery, &updates).await?;
    let mut moved: HashMap<String, Item> = moved
        .into_iter()
        .filter_map(|item| item.id.clone().map(|id| (id, item)))
        .collect();
    // One outcome per listed item, in the wanted order: moved, or already in place.
    let mut report = Report::new(ctx, Rows::Items, outcome::MOVED);
    for id in &ids {
        let outcome = match (moved.remove(id), by_id.get(id.as_str())) {
            (Some(item), _) => Outcome::of_item(item, Status::Moved),
            (None, Some(item)) => {
                Outcome::of_item((*item).clone(), Status::Skipped).with_error("already in place")
            }
            (None, None) => Outcome::new(Some(id.clone()), Status::Skipped),
        };
        report.add(outcome)?;
    }
    report.finish(gallery)
}

fn sample<'a>(ids: impl Iterator<Item = &'a str>) -> String {
    let all: Vec<&str> = ids.collect();
    let mut text = all.iter().take(3).copied().collect::<Vec<_>>().join(", ");
    if all.len() > 3 {
        text.push_str(", …");
    }
    text
}

/// Ids one per line; blank lines and `#` comments skipped; each checked; no repeats.
fn read_ids(source: &str) -> Result<Vec<String>> {
    let text = read_input(source, "item ids")?;
    let mut ids = Vec::new();
    let mut seen = HashSet::new();
    for (number, line) in text.lines().enumerate() {
        let id = line.trim();
        if id.is_empty() || id.starts_with('#') {
            continue;
        }
        require_guid(id, "item id")
            .map_err(|e| e.context(format!("{source} line {}", number + 1)))?;
        if !seen.insert(id.to_string()) {
            return Err(CliError::usage(format!(
                "{source} line {}: item {id} is listed twice",
                number + 1
            ))
            .with_hint("list each item once, in the wanted order")
            .into());
        }
        ids.push(id.to_string());
    }
    if ids.is_empty() {
        return Err(CliError::usage(format!("{source} lists no item ids"))
            .with_hint("write the gallery's ids in the wanted order first: `progallery items list GALLERY --all -o id > order.txt`")
            .into());
    }
    Ok(ids)
}
