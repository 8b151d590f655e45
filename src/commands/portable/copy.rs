//! `progallery galleries copy GALLERY --to-profile P [--into GALLERY] [--keep DIR]`: a gallery of
//! this profile's site into the site of profile P, as `galleries export` then `galleries import`
//! would, in one step. Without `--keep`, nothing but the file in flight is on disk: each item's
//! media is fetched into a temporary folder, uploaded to the other site, and removed; the id map
//! that makes a rerun add only what is missing lives in the data dir
//! (`copies/<site>-<gallery>.jsonl`). With `--keep DIR` the full export is written to DIR (and
//! resumed there, as `galleries export` does), then imported from it, its map beside it.

use anyhow::{Context as _, Result};

use super::export::{check_folder, export_one, MEDIA_DIR};
use super::idmap::{IdMap, IDMAP};
use super::import::{self, Files, Target};
use super::media::Downloads;
use super::{naming, whole_gallery};
use crate::cli::GalleriesCopyArgs;
use crate::commands::input::require_guid;
use crate::context::Context;
use crate::error::{CliError, Kind};
use crate::hashcache;

pub async fn run(args: GalleriesCopyArgs, ctx: &Context) -> Result<i32> {
    let gallery_id = ctx.resolve_gallery(&args.gallery_id).await?;
    // --into names a gallery of the other profile's site: by id (names resolve on this site).
    if let Some(into) = &args.into {
        require_guid(into, "gallery id")?;
    }
    let target_client = ctx.client_for_profile(&args.to_profile).await?;
    let source_client = ctx.client().await?;
    let concurrency = usize::from(args.concurrency);
    let target = Target {
        into: args.into.clone(),
        yes: args.yes,
    };
    let key = target_key_of(&target_client);
    ctx.handle_interrupts();
    // The files in flight, without --keep: removed when the copy ends, however it ends.
    let mut in_flight = None;
    let (gallery, files, idmap) = if let Some(dir) = &args.keep {
        check_folder(dir, &gallery_id)?;
        let exported = export_one(ctx, source_client, &gallery_id, dir, true, concurrency).await?;
        if let Some(failure) = exported.failures.first() {
            return Err(CliError::new(
                Kind::Partial,
                format!(
                    "{} file(s) of the gallery could not be fetched into {} (the first: {}: {}); nothing was copied",
                    exported.failures.len(),
                    dir.display(),
                    failure.label,
                    failure.message
                ),
            )
            .with_hint("run the same copy again: the files already in the folder are kept, the rest fetched")
            .into());
        }
        let (gallery, entries) = import::read_export(dir)?;
        let idmap = IdMap::open(&dir.join(IDMAP), &key)?;
        let files = Files::Folder {
            dir: dir.clone(),
            entries,
        };
        (gallery, files, idmap)
    } else {
        let gallery = whole_gallery(source_client, &gallery_id, &ctx.printer).await?;
        let copies = ctx.paths.data_dir.join("copies");
        std::fs::create_dir_all(&copies)
            .with_context(|| format!("creating {}", copies.display()))?;
        let source_key = hashcache::site_key_of(ctx, source_client);
        let idmap = IdMap::open(
            // The resolved id, not the argument as typed: a name (which may hold a '/') and the
            // id must find the same map, or a rerun would copy the gallery again.
            &copies.join(format!("{source_key}-{gallery_id}.jsonl")),
            &key,
        )?;
        let temp = in_flight.insert(
            tempfile::Builder::new()
                .prefix("progallery-copy-")
                .tempdir()
                .context("creating a temporary folder for the files in flight")?,
        );
        let downloads = Downloads::new(ctx, source_client, temp.path(), MEDIA_DIR, concurrency)?;
        let width = naming::position_width(gallery.items.as_ref().map_or(0, Vec::len));
        let files = Files::Stream { downloads, width };
        (gallery, files, idmap)
    };
    import::import(
        ctx,
        &target_client,
        gallery,
        files,
        idmap,
        target,
        concurrency,
    )
    .await
}

/// The id map's name for the other site (never the embedded sandbox: a profile is a real site
/// or a server's).
fn target_key_of(client: &crate::api::Client) -> String {
    hashcache::site_key(client.base_url(), client.site_id())
}
