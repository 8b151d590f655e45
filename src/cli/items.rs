//! clap definitions of `progallery items …` (help text is documentation: written for users).

use clap::{Args, Subcommand};

use super::{DestructiveArgs, ItemsDownloadArgs, ItemsSearchArgs, ItemsSyncArgs, PagingArgs};
use crate::api::paging;

#[derive(Debug, Subcommand)]
#[command(
    after_help = "Examples:\n  progallery items list GALLERY --all -o jsonl\n  progallery items add GALLERY https://youtu.be/dQw4w9WgXcQ --title Launch\n  progallery items list GALLERY -o id |\n    progallery items bulk-delete GALLERY --ids-from - --yes"
)]
pub enum ItemsCmd {
    /// List a gallery's items (one page unless --all)
    #[command(
        visible_alias = "ls",
        after_help = "Examples:\n  progallery items list GALLERY --limit 20\n  progallery items list GALLERY --all -o jsonl > items.jsonl"
    )]
    List(ItemsListArgs),

    /// Show one item
    #[command(after_help = "Examples:\n  progallery items get GALLERY ITEM_ID -o json")]
    Get(ItemRef),

    /// Add items from files, folders, URLs, Wix media, video links, HTML or a manifest
    #[command(
        // The longer description rides in after_help rather than long_about: a long_about makes
        // `--help` switch to clap's one-flag-per-paragraph layout, so `-h` and `--help` differed.
        after_help = "Local files are uploaded to the site's Media Manager (streamed, several at once), http(s)\nURLs are imported by it, and Wix media ids, static.wixstatic.com URLs and YouTube/Vimeo links\nare used as they are. Items land in input order. What the gallery already holds (same file\ncontent, media, link or text) is skipped, so re-running an add only adds what is missing; a\nsource that fails is reported and the others go on (exit 3; when every source failed, the failures'\nown code, else 1).\n\nExamples:\n  progallery items add G photos/ --recursive --tag summer\n  progallery items add G a.jpg b.png --position first\n  progallery items add G https://example.com/cat.jpg --title Cat\n  progallery items add G 11062b_12703ed9a6574547bcaed22b1ce44eef~mv2.jpeg \\\n    --alt Dunes\n  progallery items add G https://youtu.be/dQw4w9WgXcQ --title Launch\n  progallery items add G --text '<p>Opening soon</p>'\n  progallery items add G --from-file manifest.csv --concurrency 8"
    )]
    Add(ItemsAddArgs),

    /// Change one item's title, description, alt text, link, tags, focal point or position, or many from a file
    #[command(
        after_help = "Examples:\n  progallery items update GALLERY ITEM_ID --title 'New title' --add-tag summer\n  progallery items update GALLERY ITEM_ID --clear-link --remove-tag draft\n  progallery items update GALLERY --from-file alt-texts.jsonl"
    )]
    Update(ItemsUpdateArgs),

    /// Move an item before or after another, or to either end
    #[command(
        after_help = "Examples:\n  progallery items move GALLERY ITEM_ID --first\n  progallery items move GALLERY ITEM_ID --after OTHER_ITEM_ID"
    )]
    Move(ItemsMoveArgs),

    /// Put every item of a gallery in a given order, with the fewest updates
    #[command(
        after_help = "Examples:\n  progallery items list GALLERY --all -o id | tac |\n    progallery items reorder GALLERY --ids-from -\n  progallery items reorder GALLERY --ids-from order.txt --dry-run"
    )]
    Reorder(ItemsReorderArgs),

    /// Delete one or more items
    #[command(
        visible_alias = "rm",
        after_help = "Examples:\n  progallery items delete GALLERY ITEM_ID --yes\n  progallery items delete GALLERY ITEM_ID ITEM_ID --dry-run"
    )]
    Delete(ItemsDeleteArgs),

    /// Delete many items, selected by id, by --where filter or --all, journaled for undo
    #[command(
        after_help = "Examples:\n  progallery items list GALLERY --where 'type=VIDEO and created<90d'\n  progallery items bulk-delete GALLERY --where 'type=VIDEO and created<90d' \\\n    --dry-run\n  progallery items bulk-delete GALLERY --where duplicate-media \\\n    --max-delete 500 --yes\n  progallery items list GALLERY --all -o id |\n    progallery items bulk-delete GALLERY --ids-from - --yes\n  progallery items restore --journal \"$(progallery journals --limit 1 -o id)\"\n\nFilter terms (--where): type=IMAGE|VIDEO|TEXT, title=TEXT, title~TEXT (contains, any case),\ndescription~TEXT, tag=TAG, created<DATE, created>DATE, updated<DATE, updated>DATE, media=ID,\nalt-missing, title-missing, duplicate-media (every item after the first showing the same media);\ncombined with and, or, not and ( ). DATE: RFC 3339, YYYY-MM-DD, or an age like 30d, 12h, 2w."
    )]
    BulkDelete(ItemsBulkDeleteArgs),

    /// Search every gallery of the site by title and description (needs the Wix Site Search app)
    #[command(
        after_help = "Examples:\n  progallery items search sunset\n  progallery items search lighthuose --fuzzy --no-video\n  progallery items search --title-in Dunes,Lighthouse --all -o jsonl\n  progallery items search \\\n    --filter '{\"$or\": [{\"title\": \"Dunes\"}, {\"isVideo\": true}]}'"
    )]
    Search(ItemsSearchArgs),
    /// Re-create the items a delete journaled (running it twice adds nothing twice)
    #[command(
        after_help = "Examples:\n  progallery items restore --journal ~/.local/share/progallery/journals/20260101T120000.000Z-GALLERY_ID.jsonl\n  progallery items restore --journal FILE --gallery OTHER_GALLERY\n\nAn item counts as already there when the gallery has an item with the same sortOrder and the same\nmedia; those are skipped, so an interrupted or repeated restore never duplicates anything."
    )]
    Restore(ItemsRestoreArgs),

    /// Download the media files of a gallery's items, with a mapping.jsonl of what is where
    #[command(
        after_help = "Each selected item's original file goes into DIR (0001-title.jpg, … in gallery order); YouTube and
Vimeo items have no file. mapping.jsonl holds one line per item: {\"itemId\", \"mediaId\", \"type\",
\"path\", \"url\", \"size\", \"sha256\"} (path null for a link or a text item). Running it again resumes.

Examples:
  progallery items download GALLERY ./photos
  progallery items download GALLERY ./videos --where 'type=VIDEO'
  progallery items download GALLERY ./two ITEM_ID ITEM_ID"
    )]
    Download(ItemsDownloadArgs),

    /// Make a gallery match a folder of images and videos: add, replace, reorder and (with --delete) remove
    #[command(
        after_help = "The plan is computed first and shown; --dry-run stops there, and on a terminal you are asked before
anything changes. New files are added; a file whose content changed replaces its item's media (title,
description, alt text, links and tags kept); the gallery's order follows the file names (or an order
file); files gone from the folder remove their items only with --delete (journaled: `items restore`
undoes it). A folder and gallery that already match send no write at all. Which file is which item
is remembered in DIR/.progallery-sync.json.

Examples:
  progallery items sync GALLERY ~/Pictures/trip --dry-run
  progallery items sync GALLERY ~/Pictures/trip --yes
  progallery items sync GALLERY ~/Pictures/trip --delete --max-delete 20 --yes
  progallery items sync GALLERY ./shop --metadata ./shop/metadata.csv \\
    --order ./shop/order.txt"
    )]
    Sync(ItemsSyncArgs),
}

#[derive(Debug, Clone, Args)]
pub struct ItemsRestoreArgs {
    /// Journal written by items delete, items bulk-delete or galleries delete
    #[arg(long, value_name = "FILE")]
    pub journal: std::path::PathBuf,

    /// Restore into this gallery (id or name) instead of the one the items came from
    #[arg(long, value_name = "GALLERY", add = clap_complete::ArgValueCompleter::new(crate::gallery_names::complete))]
    pub gallery: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct ItemsListArgs {
    /// Gallery: its id or its name (exact, else ignoring case). Left out on a terminal: picked
    /// from a list
    #[arg(value_name = "GALLERY", add = clap_complete::ArgValueCompleter::new(crate::gallery_names::complete))]
    pub gallery_id: Option<String>,

    /// Items per page (1..100, the service's maximum; default 50)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=i64::from(paging::ITEMS.max)), conflicts_with_all = ["all", "where_expr"])]
    pub limit: Option<u32>,

    /// Only items matching this filter, from the whole gallery (same language as bulk-delete --where)
    #[arg(long = "where", value_name = "EXPR", conflicts_with = "offset")]
    pub where_expr: Option<String>,

    #[command(flatten)]
    pub paging: PagingArgs,
}

#[derive(Debug, Clone, Args)]
pub struct ItemRef {
    /// Gallery: its id or its name (exact, else ignoring case)
    #[arg(value_name = "GALLERY", add = clap_complete::ArgValueCompleter::new(crate::gallery_names::complete))]
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

    /// Link opened when the item is clicked (an external http(s) URL)
    #[arg(long, value_name = "URL")]
    pub link: Option<String>,

    /// Text of the link
    #[arg(long, value_name = "TEXT")]
    pub link_text: Option<String>,

    /// Where the link opens: _blank (a new tab, the default), _self, or a window name
    #[arg(long, value_name = "TARGET")]
    pub link_target: Option<String>,

    /// Tag (repeatable). With `items update` the tags given replace the item's tags, except
    /// Wix's system tags (starting with `_`, such as `_fileOrigin_uploaded`), which are kept
    /// unless --drop-system-tags; --add-tag and --remove-tag change some of them
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,

    /// Focal point of an image: X,Y as fractions 0..1 from the top left (0.5,0.5 is the centre)
    #[arg(long, value_name = "X,Y")]
    pub focal_point: Option<String>,

    /// Exact sortOrder number (items are shown by it, ascending); to place an item next to another,
    /// use `items add --position` or `items move`
    #[arg(long, value_name = "NUMBER", allow_negative_numbers = true)]
    pub sort_order: Option<f64>,
}

#[derive(Debug, Clone, Args)]
pub struct ItemsAddArgs {
    /// Gallery: its id or its name (exact, else ignoring case). Left out on a terminal: picked
    /// from a list
    #[arg(value_name = "GALLERY", add = clap_complete::ArgValueCompleter::new(crate::gallery_names::complete))]
    pub gallery_id: Option<String>,

    /// What to add: image or video files, folders, http(s) URLs (imported by the Media Manager),
    /// YouTube/Vimeo URLs, Wix media ids or static.wixstatic.com URLs
    #[arg(value_name = "SOURCE", conflicts_with_all = ["text", "from_file"], required_unless_present_any = ["text", "from_file"])]
    pub sources: Vec<String>,

    /// Add the supported files of folders' subfolders too
    #[arg(short, long)]
    pub recursive: bool,

    /// Original width in pixels of a Wix media id (default: read from the Media Manager)
    #[arg(long, value_name = "PX", value_parser = clap::value_parser!(u32).range(1..))]
    pub width: Option<u32>,

    /// Original height in pixels of a Wix media id (default: read from the Media Manager)
    #[arg(long, value_name = "PX", value_parser = clap::value_parser!(u32).range(1..))]
    pub height: Option<u32>,

    /// Add a text item with this HTML
    #[arg(long, value_name = "HTML", conflicts_with = "from_file")]
    pub text: Option<String>,

    /// A manifest, one row per item: CSV with a header (source,title,description,alt,link,tags,
    /// sortOrder), JSONL or JSON rows with those keys, or whole items as `items list -o json`
    /// prints them; `-` reads stdin. Checked whole before anything is sent
    #[arg(long, value_name = "FILE")]
    pub from_file: Option<String>,

    /// Where the new items go: first, last, before:ITEM_ID or after:ITEM_ID (input order is kept)
    #[arg(long, value_name = "WHERE", conflicts_with = "sort_order")]
    pub position: Option<String>,

    /// How many sources are uploaded, imported and added at once
    #[arg(long, value_name = "N", default_value_t = 4, value_parser = clap::value_parser!(u16).range(1..=32))]
    pub concurrency: u16,

    /// Give up on an upload or URL import the Media Manager has not made READY after this many
    /// seconds (files are processed before they can be used; videos are transcoded first)
    #[arg(long, visible_alias = "import-timeout", value_name = "SECS", default_value_t = 600, value_parser = clap::value_parser!(u64).range(1..=86400))]
    pub ready_timeout: u64,

    /// Add even what the gallery already holds (same file content, media, video URL or text)
    #[arg(long)]
    pub allow_duplicates: bool,

    #[command(flatten)]
    pub metadata: ItemMetadataArgs,
}

#[derive(Debug, Clone, Args)]
pub struct ItemsUpdateArgs {
    /// Gallery: its id or its name (exact, else ignoring case)
    #[arg(value_name = "GALLERY", add = clap_complete::ArgValueCompleter::new(crate::gallery_names::complete))]
    pub gallery_id: String,

    /// Item id (a GUID); not with --from-file
    #[arg(
        value_name = "ITEM_ID",
        required_unless_present = "from_file",
        conflicts_with = "from_file"
    )]
    pub item_id: Option<String>,

    /// New HTML of a text item
    #[arg(long, value_name = "HTML", conflicts_with = "from_file")]
    pub text: Option<String>,

    /// Remove the item's link
    #[arg(long, conflicts_with_all = ["link", "link_text", "link_target"])]
    pub clear_link: bool,

    /// Add a tag, keeping the others (repeatable)
    #[arg(long = "add-tag", value_name = "TAG", conflicts_with = "tags")]
    pub add_tags: Vec<String>,

    /// Remove a tag, keeping the others (repeatable)
    #[arg(long = "remove-tag", value_name = "TAG", conflicts_with = "tags")]
    pub remove_tags: Vec<String>,

    /// With --tag: drop the item's system tags too (those starting with `_`, which Wix and its
    /// apps set, such as `_fileOrigin_uploaded`); without it they are kept
    #[arg(long, requires = "tags")]
    pub drop_system_tags: bool,

    /// Edits for many items: JSONL (or a JSON array) of objects with `id` and any of title,
    /// description, alt, link, linkText, linkTarget, clearLink, tags, dropSystemTags, addTags,
    /// removeTags, focalPoint, sortOrder, text; `-` reads stdin. Checked whole before anything
    /// is sent
    #[arg(long, value_name = "FILE")]
    pub from_file: Option<String>,

    /// Updates sent at once with --from-file
    #[arg(long, value_name = "N", default_value_t = 4, value_parser = clap::value_parser!(u16).range(1..=32))]
    pub concurrency: u16,

    #[command(flatten)]
    pub metadata: ItemMetadataArgs,
}

#[derive(Debug, Clone, Args)]
#[command(group(clap::ArgGroup::new("place").required(true).args(["before", "after", "first", "last"])))]
pub struct ItemsMoveArgs {
    #[command(flatten)]
    pub item: ItemRef,

    /// Put it just before this item
    #[arg(long, value_name = "ITEM_ID")]
    pub before: Option<String>,

    /// Put it just after this item
    #[arg(long, value_name = "ITEM_ID")]
    pub after: Option<String>,

    /// Make it the first item
    #[arg(long)]
    pub first: bool,

    /// Make it the last item
    #[arg(long)]
    pub last: bool,
}

#[derive(Debug, Clone, Args)]
pub struct ItemsReorderArgs {
    /// Gallery: its id or its name (exact, else ignoring case). Left out on a terminal: picked
    /// from a list
    #[arg(value_name = "GALLERY", add = clap_complete::ArgValueCompleter::new(crate::gallery_names::complete))]
    pub gallery_id: Option<String>,

    /// Every item id of the gallery, one per line, in the wanted order (`-` reads stdin); blank
    /// lines and `#` comments are skipped
    #[arg(long, value_name = "FILE", required = true)]
    pub ids_from: String,

    /// Print the items that would change and change nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Clone, Args)]
pub struct ItemsDeleteArgs {
    /// Gallery: its id or its name (exact, else ignoring case)
    #[arg(value_name = "GALLERY", add = clap_complete::ArgValueCompleter::new(crate::gallery_names::complete))]
    pub gallery_id: String,

    /// Item ids (GUIDs)
    #[arg(value_name = "ITEM_ID", required = true)]
    pub item_ids: Vec<String>,

    #[command(flatten)]
    pub destructive: DestructiveArgs,
}

#[derive(Debug, Clone, Args)]
pub struct ItemsBulkDeleteArgs {
    /// Gallery: its id or its name (exact, else ignoring case). Left out on a terminal: picked
    /// from a list
    #[arg(value_name = "GALLERY", add = clap_complete::ArgValueCompleter::new(crate::gallery_names::complete))]
    pub gallery_id: Option<String>,

    /// Item ids (GUIDs)
    #[arg(value_name = "ITEM_ID")]
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
