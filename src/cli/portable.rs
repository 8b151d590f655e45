//! clap definitions of the verbs that take galleries out and bring them in: `galleries export`,
//! `galleries import`, `galleries copy`, `items download` and `items sync` (help text is
//! documentation: written for users).

use std::path::PathBuf;

use clap::Args;

#[derive(Debug, Clone, Args)]
pub struct GalleriesExportArgs {
    /// Gallery: its id or its name (exact, else ignoring case); not with --all
    #[arg(
        value_name = "GALLERY",
        add = clap_complete::ArgValueCompleter::new(crate::gallery_names::complete),
        required_unless_present = "all",
        conflicts_with = "all"
    )]
    pub gallery_id: Option<String>,

    /// Folder to write: created if missing; an earlier export of the same gallery there is resumed
    #[arg(
        value_name = "DIR",
        required_unless_present = "all",
        conflicts_with = "all"
    )]
    pub dir: Option<PathBuf>,

    /// Export every gallery of the site, each into a folder of its own under DIR
    #[arg(long, value_name = "DIR")]
    pub all: Option<PathBuf>,

    /// Write gallery.json only: no media files, no manifest, no contact sheet
    #[arg(long)]
    pub no_media: bool,

    /// Files downloaded at once
    #[arg(long, value_name = "N", default_value_t = 4, value_parser = clap::value_parser!(u16).range(1..=32))]
    pub concurrency: u16,
}

#[derive(Debug, Clone, Args)]
pub struct GalleriesImportArgs {
    /// Folder written by `galleries export`
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,

    /// Fill this existing gallery (id or name; one made in the Editor, say) instead of creating
    /// one; asks first when it already holds items
    #[arg(long, value_name = "GALLERY", add = clap_complete::ArgValueCompleter::new(crate::gallery_names::complete))]
    pub into: Option<String>,

    /// Fill a gallery that already holds items without asking (needed off a terminal)
    #[arg(short, long)]
    pub yes: bool,

    /// Items uploaded and created at once
    #[arg(long, value_name = "N", default_value_t = 4, value_parser = clap::value_parser!(u16).range(1..=32))]
    pub concurrency: u16,
}

#[derive(Debug, Clone, Args)]
pub struct GalleriesCopyArgs {
    /// Gallery to copy, on the current profile's site: its id or its name
    #[arg(value_name = "GALLERY", add = clap_complete::ArgValueCompleter::new(crate::gallery_names::complete))]
    pub gallery_id: String,

    /// Saved profile of the site to copy into (`progallery auth login --profile NAME`)
    #[arg(long, value_name = "PROFILE")]
    pub to_profile: String,

    /// Fill this existing gallery of the other site (by id: names resolve on the current site)
    /// instead of creating one; asks first when it already holds items
    #[arg(long, value_name = "GALLERY_ID")]
    pub into: Option<String>,

    /// Keep a full export here (as `galleries export` writes it) instead of streaming each file
    /// through a temporary folder
    #[arg(long, value_name = "DIR")]
    pub keep: Option<PathBuf>,

    /// Fill a gallery that already holds items without asking (needed off a terminal)
    #[arg(short, long)]
    pub yes: bool,

    /// Items copied at once
    #[arg(long, value_name = "N", default_value_t = 4, value_parser = clap::value_parser!(u16).range(1..=32))]
    pub concurrency: u16,
}

#[derive(Debug, Clone, Args)]
pub struct ItemsDownloadArgs {
    /// Gallery: its id or its name (exact, else ignoring case)
    #[arg(value_name = "GALLERY", add = clap_complete::ArgValueCompleter::new(crate::gallery_names::complete))]
    pub gallery_id: String,

    /// Folder to write the files and mapping.jsonl into (created if missing; a rerun resumes)
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,

    /// Only these items (GUIDs); with --where, only those of them that match. Default: every item
    #[arg(value_name = "ITEM_ID")]
    pub item_ids: Vec<String>,

    /// Only the items matching this filter (the language of `items list --where`)
    #[arg(long = "where", value_name = "EXPR")]
    pub where_expr: Option<String>,

    /// Files downloaded at once
    #[arg(long, value_name = "N", default_value_t = 4, value_parser = clap::value_parser!(u16).range(1..=32))]
    pub concurrency: u16,
}

#[derive(Debug, Clone, Args)]
pub struct ItemsSyncArgs {
    /// Gallery: its id or its name (exact, else ignoring case)
    #[arg(value_name = "GALLERY", add = clap_complete::ArgValueCompleter::new(crate::gallery_names::complete))]
    pub gallery_id: String,

    /// Folder of images and videos the gallery should match
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,

    /// Also remove the items whose file is gone from the folder (journaled: `items restore` undoes it)
    #[arg(long)]
    pub delete: bool,

    /// Refuse the whole run, changing nothing, when it would remove more than N items
    #[arg(long, value_name = "N", requires = "delete")]
    pub max_delete: Option<u64>,

    /// The order of the items: a file listing file names, one per line (default: DIR/order.txt
    /// when it exists, else the files sorted by name)
    #[arg(long, value_name = "FILE")]
    pub order: Option<PathBuf>,

    /// Titles, descriptions, alt texts, links and tags per file: a manifest as `items add
    /// --from-file` reads it, its `source` the file name (default: DIR/metadata.csv, .jsonl or
    /// .json when one exists)
    #[arg(long, value_name = "FILE")]
    pub metadata: Option<PathBuf>,

    /// Show the plan and change nothing
    #[arg(long)]
    pub dry_run: bool,

    /// Do not ask before changing the gallery (needed off a terminal)
    #[arg(short, long)]
    pub yes: bool,

    /// Files uploaded at once
    #[arg(long, value_name = "N", default_value_t = 4, value_parser = clap::value_parser!(u16).range(1..=32))]
    pub concurrency: u16,
}
