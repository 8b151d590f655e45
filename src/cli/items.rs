//! clap definitions of `progallery items …` (help text is documentation: written for users).

use clap::{Args, Subcommand};

use super::{DestructiveArgs, ItemsSearchArgs, PagingArgs};

#[derive(Debug, Subcommand)]
#[command(
    after_help = "Examples:\n  progallery items list GALLERY_ID --all -o jsonl\n  progallery items add GALLERY_ID https://youtu.be/dQw4w9WgXcQ --title Launch\n  progallery items list GALLERY_ID -o id | progallery items bulk-delete GALLERY_ID --ids-from - --yes"
)]
pub enum ItemsCmd {
    /// List a gallery's items (one page unless --all)
    #[command(
        visible_alias = "ls",
        after_help = "Examples:\n  progallery items list GALLERY_ID --limit 20\n  progallery items list GALLERY_ID --all -o jsonl > items.jsonl"
    )]
    List(ItemsListArgs),

    /// Show one item
    #[command(after_help = "Examples:\n  progallery items get GALLERY_ID ITEM_ID -o json")]
    Get(ItemRef),

    /// Add an item from media already in Wix, a video URL, HTML text, or a JSON/JSONL file of items
    #[command(
        after_help = "Examples:\n  progallery items add G 11062b_12703ed9a6574547bcaed22b1ce44eef~mv2.jpeg --width 1920 --height 1280 --title Dunes\n  progallery items add G https://static.wixstatic.com/media/11062b_1270~mv2.jpeg --width 800 --height 600\n  progallery items add G https://www.youtube.com/watch?v=dQw4w9WgXcQ --title Launch\n  progallery items add G --text '<p>Opening soon</p>'\n  progallery items add G --from-file items.jsonl"
    )]
    Add(ItemsAddArgs),

    /// Change an item's title, description, alt text, link, tags or position
    #[command(
        after_help = "Examples:\n  progallery items update GALLERY_ID ITEM_ID --title 'New title' --tag summer --tag 2026"
    )]
    Update(ItemsUpdateArgs),

    /// Delete one or more items
    #[command(
        visible_alias = "rm",
        after_help = "Examples:\n  progallery items delete GALLERY_ID ITEM_ID --yes\n  progallery items delete GALLERY_ID ITEM_ID ITEM_ID --dry-run"
    )]
    Delete(ItemsDeleteArgs),

    /// Delete many items, selected by id, by --where filter or --all, journaled for undo
    #[command(
        after_help = "Examples:\n  progallery items list GALLERY_ID --where 'type=VIDEO and created<90d'          # look first\n  progallery items bulk-delete GALLERY_ID --where 'type=VIDEO and created<90d' --dry-run\n  progallery items bulk-delete GALLERY_ID --where duplicate-media --max-delete 500 --yes\n  progallery items list GALLERY_ID --all -o id | progallery items bulk-delete GALLERY_ID --ids-from - --yes\n  progallery items restore --journal ~/.local/share/progallery/journals/FILE.jsonl\n\nFilter terms (--where): type=IMAGE|VIDEO|TEXT, title=TEXT, title~TEXT (contains, any case),\ndescription~TEXT, tag=TAG, created<DATE, created>DATE, updated<DATE, updated>DATE, media=ID,\nalt-missing, title-missing, duplicate-media (every item after the first showing the same media);\ncombined with and, or, not and ( ). DATE: RFC 3339, YYYY-MM-DD, or an age like 30d, 12h, 2w."
    )]
    BulkDelete(ItemsBulkDeleteArgs),

    /// Search every gallery of the site by title and description (needs the Wix Site Search app)
    #[command(
        after_help = "Examples:\n  progallery items search sunset\n  progallery items search lighthuose --fuzzy --no-video\n  progallery items search --title-in Dunes,Lighthouse --all -o jsonl\n  progallery items search --filter '{\"$or\": [{\"title\": \"Dunes\"}, {\"isVideo\": true}]}'"
    )]
    Search(ItemsSearchArgs),
    /// Re-create the items a delete journaled (running it twice adds nothing twice)
    #[command(
        after_help = "Examples:\n  progallery items restore --journal ~/.local/share/progallery/journals/20260101T120000.000Z-GALLERY_ID.jsonl\n  progallery items restore --journal FILE --gallery OTHER_GALLERY_ID\n\nAn item counts as already there when the gallery has an item with the same sortOrder and the same\nmedia; those are skipped, so an interrupted or repeated restore never duplicates anything."
    )]
    Restore(ItemsRestoreArgs),
}

#[derive(Debug, Clone, Args)]
pub struct ItemsRestoreArgs {
    /// Journal written by items delete, items bulk-delete or galleries delete
    #[arg(long, value_name = "FILE")]
    pub journal: std::path::PathBuf,

    /// Restore into this gallery instead of the one the items came from
    #[arg(long, value_name = "GALLERY_ID")]
    pub gallery: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct ItemsListArgs {
    /// Gallery id (a GUID)
    #[arg(value_name = "GALLERY_ID")]
    pub gallery_id: String,

    /// Items per page (1..100, the service's maximum; default 50)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=100), conflicts_with_all = ["all", "where_expr"])]
    pub limit: Option<u32>,

    /// Only items matching this filter, from the whole gallery (same language as bulk-delete --where)
    #[arg(long = "where", value_name = "EXPR", conflicts_with = "offset")]
    pub where_expr: Option<String>,

    #[command(flatten)]
    pub paging: PagingArgs,
}

#[derive(Debug, Clone, Args)]
pub struct ItemRef {
    /// Gallery id (a GUID)
    #[arg(value_name = "GALLERY_ID")]
    pub gallery_id: String,

    /// Item id (a GUID)
    #[arg(value_name = "ITEM_ID")]
    pub item_id: String,
}

/// Metadata shared by `items add` and `items update`.
#[derive(Debug, Clone, Args)]
pub struct ItemMetadataArgs {
    /// Title
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,

    /// Description
    #[arg(long, value_name = "TEXT")]
    pub description: Option<String>,

    /// Alt text of an image item
    #[arg(long, value_name = "TEXT")]
    pub alt: Option<String>,

    /// Link opened when the item is clicked (an external URL, opened in a new tab)
    #[arg(long, value_name = "URL")]
    pub link: Option<String>,

    /// Tag (repeatable); replaces all tags on update
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,

    /// Position in the gallery (default on add: chosen by the service, after existing items)
    #[arg(long, value_name = "NUMBER", allow_negative_numbers = true)]
    pub sort_order: Option<f64>,
}

#[derive(Debug, Clone, Args)]
pub struct ItemsAddArgs {
    /// Gallery id (a GUID)
    #[arg(value_name = "GALLERY_ID")]
    pub gallery_id: String,

    /// A Wix media id, a static.wixstatic.com URL, or a YouTube/Vimeo URL
    #[arg(value_name = "MEDIA", conflicts_with_all = ["text", "from_file"], required_unless_present_any = ["text", "from_file"])]
    pub media: Option<String>,

    /// Original width in pixels (required for images)
    #[arg(long, value_name = "PX", value_parser = clap::value_parser!(u32).range(1..))]
    pub width: Option<u32>,

    /// Original height in pixels (required for images)
    #[arg(long, value_name = "PX", value_parser = clap::value_parser!(u32).range(1..))]
    pub height: Option<u32>,

    /// Add a text item with this HTML
    #[arg(long, value_name = "HTML", conflicts_with = "from_file")]
    pub text: Option<String>,

    /// Items as JSON (one object, an array, or `{"items": […]}`) or JSONL; `-` reads stdin
    #[arg(long, value_name = "FILE")]
    pub from_file: Option<String>,

    #[command(flatten)]
    pub metadata: ItemMetadataArgs,
}

#[derive(Debug, Clone, Args)]
pub struct ItemsUpdateArgs {
    #[command(flatten)]
    pub item: ItemRef,

    /// New HTML of a text item
    #[arg(long, value_name = "HTML")]
    pub text: Option<String>,

    #[command(flatten)]
    pub metadata: ItemMetadataArgs,
}

#[derive(Debug, Clone, Args)]
pub struct ItemsDeleteArgs {
    /// Gallery id (a GUID)
    #[arg(value_name = "GALLERY_ID")]
    pub gallery_id: String,

    /// Item ids (GUIDs)
    #[arg(value_name = "ITEM_ID", required = true)]
    pub item_ids: Vec<String>,

    #[command(flatten)]
    pub destructive: DestructiveArgs,
}

#[derive(Debug, Clone, Args)]
pub struct ItemsBulkDeleteArgs {
    /// Gallery id (a GUID)
    #[arg(value_name = "GALLERY_ID")]
    pub gallery_id: String,

    /// Item ids (GUIDs)
    #[arg(value_name = "ITEM_ID", required_unless_present_any = ["ids_from", "all", "where_expr"])]
    pub item_ids: Vec<String>,

    /// Read ids from a file (`-` reads stdin): lines (`-o id`/`-o tsv` output; `#` comments
    /// skipped), a JSON array (`-o json`), or JSON/JSONL objects with an "id" (`-o jsonl`)
    #[arg(long, value_name = "FILE")]
    pub ids_from: Option<String>,

    /// Select every item of the gallery
    #[arg(long, conflicts_with_all = ["item_ids", "ids_from", "where_expr"])]
    pub all: bool,

    /// Select the items matching this filter (with ids: only those ids that match); see below
    #[arg(long = "where", value_name = "EXPR")]
    pub where_expr: Option<String>,

    /// Refuse the whole run, deleting nothing, when more than N items are selected
    #[arg(long, value_name = "N")]
    pub max_delete: Option<u64>,

    #[command(flatten)]
    pub destructive: DestructiveArgs,
}
