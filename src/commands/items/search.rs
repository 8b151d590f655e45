//! `progallery items search [QUERY] [filters] [--all]`: finds gallery items anywhere on the site
//! through Site Search (spec/api.md §7) and prints them like the other lists (ID, TITLE, VIDEO,
//! DESCRIPTION; json/jsonl print the documents as the service sent them).
//!
//! The filter flags each become one condition and are joined with `--filter` under `$and`; the
//! result is checked for shape here (an object) and for meaning by the service, whose 400 names the
//! offending field. A 404 means the site has no Wix Site Search app, which is said plainly with
//! what to do about it, rather than as the generic "check the id" of a missing gallery.

use anyhow::Result;
use serde_json::{json, Value};

use crate::api::search::{self, ItemDocument, Page, Query, SearchPages};
use crate::api::{paging, ApiError, Client};
use crate::cli::ItemsSearchArgs;
use crate::commands::input::read_input;
use crate::context::Context;
use crate::error::{CliError, Kind};
use crate::output::{shorten, Record};

pub async fn run(args: ItemsSearchArgs, ctx: &Context) -> Result<i32> {
    let query = Query {
        expression: Some(args.query.join(" ")).filter(|e| !e.trim().is_empty()),
        fuzzy: args.fuzzy,
        filter: build_filter(&args)?,
    };
    let client = ctx.client().await?;
    if args.paging.all {
        return search_all(client, &query, ctx).await;
    }
    let limit = args.limit.unwrap_or(paging::SEARCH.default);
    // Fetched before the list starts, so a failure prints nothing on stdout (not even `[`).
    let page = fetch(client, &query, args.paging.offset, limit).await?;
    let mut out = ctx.printer.list::<ItemDocument>()?;
    for document in &page.documents {
        out.push(document)?;
    }
    out.finish()?;
    if let Some(total) = page.total {
        crate::commands::say_how_many_more(
            ctx,
            args.paging.offset,
            page.documents.len(),
            total,
            "matches",
        );
    }
    Ok(0)
}

/// Every result from the start (`SearchPages`): the first page says how many there are, then
/// the rest are fetched a few at a time and printed in order; a service that does not count is
/// paged one page after another until a short page.
async fn search_all(client: &Client, query: &Query, ctx: &Context) -> Result<i32> {
    let mut pages = SearchPages::new(client, query);
    // Started once the first page is in, so a failure prints nothing on stdout (not even `[`).
    let mut out = None;
    let mut progress = None;
    while let Some(page) = pages.next_page().await {
        let page = page.map_err(explain_missing_search)?;
        let out = match &mut out {
            Some(out) => out,
            None => out.insert(ctx.printer.list::<ItemDocument>()?),
        };
        for document in &page {
            out.push(document)?;
        }
        progress
            .get_or_insert_with(|| {
                ctx.printer
                    .progress(pages.total().unwrap_or(0), "searching items")
            })
            .inc(page.len() as u64);
        out.page_done()?;
    }
    if let Some(progress) = progress {
        progress.finish_and_clear();
    }
    match out {
        Some(out) => out.finish()?,
        None => ctx.printer.list::<ItemDocument>()?.finish()?,
    }
    ctx.printer
        .warn_changed(pages.mismatch(), "matches", "the site");
    Ok(0)
}

async fn fetch(client: &Client, query: &Query, offset: u64, limit: u32) -> Result<Page> {
    search::search(client, query, offset, limit)
        .await
        .map_err(explain_missing_search)
}

/// A 404 from the search endpoint: the site lacks the Site Search app (or the server has no such
/// endpoint at all). Exit 5 with what to do, keeping the service's words on the same line.
fn explain_missing_search(error: ApiError) -> anyhow::Error {
    match &error {
        ApiError::Status { status: 404, .. } => CliError::new(
            Kind::NotFound,
            format!("site search is not available on this site ({error})"),
        )
        .with_hint(
            "install the Wix Site Search app on the site (Wix dashboard: Apps > Wix Site Search); \
             searching needs it. `progallery items list GALLERY` works without it",
        )
        .into(),
        _ => error.into(),
    }
}

/// The conditions of the filter flags and `--filter`, joined with `$and` (none: no filter).
fn build_filter(args: &ItemsSearchArgs) -> Result<Option<Value>> {
    let mut conditions = Vec::new();
    for (operator, value) in [
        ("$eq", &args.title_eq),
        ("$ne", &args.title_ne),
        ("$gt", &args.title_gt),
        ("$gte", &args.title_ge),
        ("$lt", &args.title_lt),
        ("$lte", &args.title_le),
    ] {
        if let Some(value) = value {
            conditions.push(json!({ "title": { operator: value } }));
        }
    }
    if let Some(titles) = &args.title_in {
        conditions.push(json!({ "title": { "$in": titles } }));
    }
    if args.video || args.no_video {
        conditions.push(json!({ "isVideo": { "$eq": args.video } }));
    }
    if let Some(source) = &args.filter {
        let text = match source.strip_prefix('@') {
            Some(file) => read_input(file, "the --filter JSON")?,
            None if source == "-" => read_input("-", "the --filter JSON")?,
            None => source.clone(),
        };
        // A shell that ate the quotes is the usual cause, so the hint shows the quoting.
        let filter: Value = serde_json::from_str(&text).map_err(|e| {
            CliError::usage(format!("--filter is not valid JSON: {e}")).with_hint(
                "quote the whole filter for the shell: --filter '{\"title\": {\"$eq\": \"Dunes\"}}', or put it in a file and pass --filter @FILE",
            )
        })?;
        match filter {
            Value::Object(map) if map.is_empty() => {}
            Value::Object(_) => conditions.push(filter),
            other => {
                return Err(CliError::usage(format!(
                    "--filter must be a JSON object such as {{\"title\": {{\"$eq\": \"Dunes\"}}}}, got {}",
                    json_kind(&other)
                ))
                .with_hint("wrap the condition in an object keyed by the field: title or isVideo")
                .into())
            }
        }
    }
    Ok(match conditions.len() {
        0 => None,
        1 => conditions.pop(),
        _ => Some(json!({ "$and": conditions })),
    })
}

fn json_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

impl Record for ItemDocument {
    const HEADERS: &'static [&'static str] = &["ID", "TITLE", "VIDEO", "DESCRIPTION"];

    fn cells(&self, for_table: bool) -> Vec<String> {
        let video = match self.is_video {
            Some(true) => "yes",
            Some(false) => "no",
            None => "",
        };
        vec![
            self.id.clone().unwrap_or_default(),
            shorten(self.title.as_deref().unwrap_or_default(), 40, for_table),
            video.to_string(),
            shorten(
                self.description.as_deref().unwrap_or_default(),
                60,
                for_table,
            ),
        ]
    }

    fn id(&self) -> String {
        self.id.clone().unwrap_or_default()
    }

    fn to_json(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }
}
