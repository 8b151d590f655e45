//! clap definitions of `progallery galleries …` (help text is documentation: written for users).

use clap::{Args, Subcommand};

use super::{
    DestructiveArgs, GalleriesCopyArgs, GalleriesExportArgs, GalleriesImportArgs, PagingArgs,
};
use crate::api::paging;

#[derive(Debug, Subcommand)]
#[command(
    after_help = "Examples:\n  progallery galleries list --all\n  progallery galleries create --name Portfolio\n  progallery galleries export GALLERY ./trip\n  progallery galleries delete GALLERY --yes"
)]
pub enum GalleriesCmd {
    /// List the site's galleries (one page unless --all)
    #[command(
        visible_alias = "ls",
        after_help = "Examples:\n  progallery galleries list\n  progallery galleries list --all -o jsonl"
    )]
    List(GalleriesListArgs),

    /// Show one gallery
    #[command(
        after_help = "Examples:\n  progallery galleries get GALLERY\n  progallery galleries get GALLERY -o json > gallery.json"
    )]
    Get(GalleryIdArg),

    /// Create a gallery, empty or from a JSON file (such as `galleries get -o json` output)
    #[command(
        after_help = "Examples:\n  progallery galleries create --name Portfolio\n  progallery galleries create --from-file gallery.json"
    )]
    Create(GalleriesCreateArgs),

    /// Copy a gallery and its items into a new gallery
    #[command(
        after_help = "Examples:\n  progallery galleries clone GALLERY --name 'Portfolio (copy)'"
    )]
    Clone(GalleriesCloneArgs),

    /// Rename a gallery or change its position on the site
    #[command(after_help = "Examples:\n  progallery galleries update GALLERY --name Archive")]
    Update(GalleriesUpdateArgs),

    /// Delete a gallery and all its items
    #[command(
        visible_alias = "rm",
        after_help = "Examples:\n  progallery galleries delete GALLERY            # asks for its name or id\n  progallery galleries delete GALLERY --yes      # in scripts\n  progallery galleries delete GALLERY --dry-run"
    )]
    Delete(GalleriesDeleteArgs),

    /// Bring back a deleted gallery and its items from the journal its delete wrote
    #[command(
        after_help = "Examples:\n  progallery galleries restore --journal ~/.local/share/progallery/journals/20260101T120000.000Z-GALLERY_ID.jsonl\n\nThe gallery comes back with a new id, its name and position, and every item (see `items restore`).\nRunning it again finds the restored gallery (same name and sortOrder) and adds nothing twice."
    )]
    Restore(GalleriesRestoreArgs),

    /// Write a gallery to a folder: its JSON, every media file and an offline contact sheet
    #[command(
        after_help = "The folder holds gallery.json (the gallery and every item, as the service returned them),
media/ (each item's original: 0001-title.jpg, …), manifest.jsonl (which file is which item's, with
media id, size and SHA-256) and index.html (a contact sheet: open it in a browser, no network needed).
YouTube and Vimeo items keep their links. Running it again into the same folder resumes: complete
files are kept.

Examples:
  progallery galleries export GALLERY ./trip
  progallery galleries export GALLERY ./trip --no-media   # gallery.json only
  progallery galleries export --all ./backup              # a folder per gallery"
    )]
    Export(GalleriesExportArgs),

    /// Recreate an exported gallery in this profile's site: media re-uploaded, items in order
    #[command(
        after_help = "Each media file is uploaded into this site's Media Manager (new media ids) and the items are
created in the same order with all their metadata. idmap.jsonl in the folder records old → new ids
(gallery, items, media), so running it again after an interruption adds only what is missing.
Without --into a new gallery is created: it shows on the live site only once the owner connects it
in the Editor. Prints the gallery it filled (`-o id` gives its id).

Examples:
  progallery galleries import ./trip
  progallery --profile staging galleries import ./trip --into GALLERY --yes
  progallery --sandbox galleries import ./trip   # rehearse on the local sandbox"
    )]
    Import(GalleriesImportArgs),

    /// Copy a gallery to another site (a saved profile): export and import in one step
    #[command(
        after_help = "Each file is streamed through a temporary folder (fetched, uploaded, removed), so no full copy is
kept on disk unless --keep DIR asks for one. The credentials of --to-profile come from its saved
profile (WIX_API_KEY and WIX_SITE_ID only stand for the current one). A rerun adds only what is
missing.

Examples:
  progallery galleries copy GALLERY --to-profile staging
  progallery --profile shop galleries copy GALLERY --to-profile staging \\
    --into OTHER_GALLERY_ID --yes
  progallery galleries copy GALLERY --to-profile staging --keep ./copy-of-trip"
    )]
    Copy(GalleriesCopyArgs),
}

#[derive(Debug, Clone, Args)]
pub struct GalleriesRestoreArgs {
    /// Journal written by galleries delete
    #[arg(long, value_name = "FILE")]
    pub journal: std::path::PathBuf,
}

#[derive(Debug, Clone, Args)]
pub struct GalleriesListArgs {
    /// Galleries per page (1..10, the service's maximum)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=i64::from(paging::GALLERIES.max)), conflicts_with = "all")]
    pub limit: Option<u32>,

    #[command(flatten)]
    pub paging: PagingArgs,
}

#[derive(Debug, Clone, Args)]
pub struct GalleryIdArg {
    /// Gallery: its id or its name (exact, else ignoring case). Left out on a terminal: picked
    /// from a list
    #[arg(value_name = "GALLERY", add = clap_complete::ArgValueCompleter::new(crate::gallery_names::complete))]
    pub gallery_id: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct GalleriesCreateArgs {
    /// Name of the new gallery
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,

    /// Position of the gallery on the site (default: chosen by the service)
    #[arg(long, value_name = "NUMBER", allow_negative_numbers = true)]
    pub sort_order: Option<f64>,

    /// A gallery as JSON (`{"gallery": …}` or the bare object); `-` reads stdin. Its items are created too
    #[arg(long, value_name = "FILE")]
    pub from_file: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct GalleriesCloneArgs {
    /// Gallery: its id or its name (exact, else ignoring case). Left out on a terminal: picked
    /// from a list
    #[arg(value_name = "GALLERY", add = clap_complete::ArgValueCompleter::new(crate::gallery_names::complete))]
    pub gallery_id: Option<String>,

    /// Name of the copy (default: the original's name)
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct GalleriesUpdateArgs {
    /// Gallery: its id or its name (exact, else ignoring case). Left out on a terminal: picked
    /// from a list
    #[arg(value_name = "GALLERY", add = clap_complete::ArgValueCompleter::new(crate::gallery_names::complete))]
    pub gallery_id: Option<String>,

    /// New name
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,

    /// New position on the site
    #[arg(long, value_name = "NUMBER", allow_negative_numbers = true)]
    pub sort_order: Option<f64>,
}

#[derive(Debug, Clone, Args)]
pub struct GalleriesDeleteArgs {
    /// Gallery: its id or its name (exact, else ignoring case). Left out on a terminal: picked
    /// from a list
    #[arg(value_name = "GALLERY", add = clap_complete::ArgValueCompleter::new(crate::gallery_names::complete))]
    pub gallery_id: Option<String>,

    #[command(flatten)]
    pub destructive: DestructiveArgs,
}
