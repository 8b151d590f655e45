//! clap definitions only: the global flags and one subcommand enum per noun. No logic lives here;
//! `main` resolves these into a `Context` and dispatches to `commands::*`.
//!
//! Doc comments on fields are the help text users read, so they are written for users.

use std::path::PathBuf;

use clap::builder::BoolishValueParser;
use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "progallery",
    version,
    about = "Manage Wix Pro Gallery galleries and items from the command line",
    long_about = None,
    propagate_version = true,
    after_help = "Examples:\n  progallery --sandbox galleries list\n  progallery items list GALLERY_ID --all -o jsonl | jq .title\n  progallery items list GALLERY_ID -o id | progallery items bulk-delete GALLERY_ID --ids-from - --yes"
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

/// Flags accepted before or after any subcommand.
#[derive(Debug, Clone, Args)]
pub struct GlobalArgs {
    /// Saved site profile to use (default: the config file's default profile)
    #[arg(long, global = true, env = "PROGALLERY_PROFILE", value_name = "NAME")]
    pub profile: Option<String>,

    /// Run against the built-in local sandbox site (no Wix account needed)
    #[arg(long, global = true, env = "PROGALLERY_SANDBOX", value_parser = BoolishValueParser::new(), action = clap::ArgAction::SetTrue)]
    pub sandbox: bool,

    /// Talk to another server, such as a `progallery sandbox serve` instance
    #[arg(long, global = true, env = "PROGALLERY_BASE_URL", value_name = "URL")]
    pub base_url: Option<String>,

    /// Output format (default: table on a terminal, tsv in a pipe)
    #[arg(
        short,
        long,
        global = true,
        env = "PROGALLERY_OUTPUT",
        value_enum,
        value_name = "FMT"
    )]
    pub output: Option<OutputFormat>,

    /// Print nothing but data on stdout: no progress, no notices
    #[arg(short, long, global = true)]
    pub quiet: bool,

    /// Log each HTTP exchange to stderr (secrets masked)
    #[arg(short, long, global = true, env = "PROGALLERY_DEBUG", value_parser = BoolishValueParser::new(), action = clap::ArgAction::SetTrue)]
    pub verbose: bool,

    /// When to use colour
    #[arg(long, global = true, value_enum, default_value_t = ColorWhen::Auto, value_name = "WHEN")]
    pub color: ColorWhen,

    /// Never prompt; fail with a usage error where a prompt would be needed
    #[arg(long, global = true, env = "PROGALLERY_NO_INPUT", value_parser = BoolishValueParser::new(), action = clap::ArgAction::SetTrue)]
    pub no_input: bool,

    /// Per-request timeout in seconds
    #[arg(long, global = true, value_name = "SECS", value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub timeout: Option<u64>,

    /// Attempts for retryable failures (429, 5xx, connection errors)
    #[arg(long, global = true, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=20))]
    pub retries: Option<u32>,

    /// Client-side request budget per minute (default: 200 against Wix, unlimited against a sandbox; 0 = unlimited).
    /// For `sandbox serve`: the server's budget per site per minute, answered 429 + Retry-After beyond it
    #[arg(long, global = true, value_name = "PER_MIN")]
    pub rate_limit: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Table,
    Json,
    Jsonl,
    Tsv,
    Id,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List, show, create, clone, update and delete galleries
    #[command(subcommand, visible_alias = "gallery", alias = "g")]
    Galleries(GalleriesCmd),

    /// List, show, add, update and delete the items of a gallery
    #[command(subcommand, visible_alias = "item", alias = "i")]
    Items(ItemsCmd),

    /// Save, remove and check the credentials of a site
    #[command(subcommand)]
    Auth(AuthCmd),

    /// Make a raw API call with the profile's credentials, for anything not covered
    #[command(
        after_help = "Examples:\n  progallery api GET /progallery/v2/galleries?limit=2\n  progallery api PATCH /progallery/v2/galleries/ID --data '{\"gallery\":{\"name\":\"Spring\"}}'\n  progallery api POST /progallery/v2/galleries --data @gallery.json"
    )]
    Api(ApiArgs),

    /// Print a shell completion script to stdout
    #[command(
        after_help = "Examples:\n  progallery completions bash > ~/.local/share/bash-completion/completions/progallery\n  progallery completions zsh > ~/.zfunc/_progallery"
    )]
    Completions(CompletionsArgs),

    /// Write man pages for every command into a directory
    #[command(hide = true)]
    Man(ManArgs),

    /// Run and manage the local sandbox service
    #[command(subcommand)]
    Sandbox(SandboxCmd),
}

// ---------------------------------------------------------------------------------------------
// galleries
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Subcommand)]
#[command(
    after_help = "Examples:\n  progallery galleries list --all\n  progallery galleries create --name Portfolio\n  progallery galleries delete GALLERY_ID --yes"
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
        after_help = "Examples:\n  progallery galleries get GALLERY_ID\n  progallery galleries get GALLERY_ID -o json > gallery.json"
    )]
    Get(GalleryIdArg),

    /// Create a gallery, empty or from a JSON file (such as `galleries get -o json` output)
    #[command(
        after_help = "Examples:\n  progallery galleries create --name Portfolio\n  progallery galleries create --from-file gallery.json"
    )]
    Create(GalleriesCreateArgs),

    /// Copy a gallery and its items into a new gallery
    #[command(
        after_help = "Examples:\n  progallery galleries clone GALLERY_ID --name 'Portfolio (copy)'"
    )]
    Clone(GalleriesCloneArgs),

    /// Rename a gallery or change its position on the site
    #[command(after_help = "Examples:\n  progallery galleries update GALLERY_ID --name Archive")]
    Update(GalleriesUpdateArgs),

    /// Delete a gallery and all its items
    #[command(
        visible_alias = "rm",
        after_help = "Examples:\n  progallery galleries delete GALLERY_ID            # asks you to type its name or id\n  progallery galleries delete GALLERY_ID --yes      # in scripts\n  progallery galleries delete GALLERY_ID --dry-run"
    )]
    Delete(GalleriesDeleteArgs),
}

#[derive(Debug, Clone, Args)]
pub struct PagingArgs {
    /// Skip this many entries
    #[arg(long, value_name = "N", default_value_t = 0, conflicts_with = "all")]
    pub offset: u64,

    /// Fetch every page (streams with -o jsonl)
    #[arg(long)]
    pub all: bool,
}

#[derive(Debug, Clone, Args)]
pub struct GalleriesListArgs {
    /// Galleries per page (1..10, the service's maximum)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=10), conflicts_with = "all")]
    pub limit: Option<u32>,

    #[command(flatten)]
    pub paging: PagingArgs,
}

#[derive(Debug, Clone, Args)]
pub struct GalleryIdArg {
    /// Gallery id (a GUID)
    #[arg(value_name = "GALLERY_ID")]
    pub gallery_id: String,
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
    /// Gallery to copy
    #[arg(value_name = "GALLERY_ID")]
    pub gallery_id: String,

    /// Name of the copy (default: the original's name)
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct GalleriesUpdateArgs {
    /// Gallery id (a GUID)
    #[arg(value_name = "GALLERY_ID")]
    pub gallery_id: String,

    /// New name
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,

    /// New position on the site
    #[arg(long, value_name = "NUMBER", allow_negative_numbers = true)]
    pub sort_order: Option<f64>,
}

#[derive(Debug, Clone, Args)]
pub struct DestructiveArgs {
    /// Do not ask for confirmation (required when not on a terminal)
    #[arg(short, long)]
    pub yes: bool,

    /// Print what would be deleted and change nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Clone, Args)]
pub struct GalleriesDeleteArgs {
    /// Gallery id (a GUID)
    #[arg(value_name = "GALLERY_ID")]
    pub gallery_id: String,

    #[command(flatten)]
    pub destructive: DestructiveArgs,
}

// ---------------------------------------------------------------------------------------------
// items
// ---------------------------------------------------------------------------------------------

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

    /// Delete many items in batches of up to 1000
    #[command(
        after_help = "Examples:\n  progallery items bulk-delete GALLERY_ID ID1 ID2 --yes\n  progallery items list GALLERY_ID --all -o id | progallery items bulk-delete GALLERY_ID --ids-from - --yes"
    )]
    BulkDelete(ItemsBulkDeleteArgs),

    /// Search every gallery of the site by title and description (needs the Wix Site Search app)
    #[command(
        after_help = "Examples:\n  progallery items search sunset\n  progallery items search lighthuose --fuzzy --no-video\n  progallery items search --title-in Dunes,Lighthouse --all -o jsonl\n  progallery items search --filter '{\"$or\": [{\"title\": \"Dunes\"}, {\"isVideo\": true}]}'"
    )]
    Search(ItemsSearchArgs),
}

#[derive(Debug, Clone, Args)]
pub struct ItemsSearchArgs {
    /// Words to find in titles and descriptions: every word must match the start of a word there,
    /// ignoring case. None: every item (narrowed by the filters)
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,

    /// Tolerate one typo per word (words of three or more characters)
    #[arg(long)]
    pub fuzzy: bool,

    /// Title is exactly T (filters compare whole titles, case-sensitively)
    #[arg(long, value_name = "T")]
    pub title_eq: Option<String>,

    /// Title is not T
    #[arg(long, value_name = "T")]
    pub title_ne: Option<String>,

    /// Title is one of these (comma-separated)
    #[arg(long, value_name = "A,B", value_delimiter = ',')]
    pub title_in: Option<Vec<String>>,

    /// Title sorts after T
    #[arg(long, value_name = "T")]
    pub title_gt: Option<String>,

    /// Title is T or sorts after it
    #[arg(long, value_name = "T")]
    pub title_ge: Option<String>,

    /// Title sorts before T
    #[arg(long, value_name = "T")]
    pub title_lt: Option<String>,

    /// Title is T or sorts before it
    #[arg(long, value_name = "T")]
    pub title_le: Option<String>,

    /// Only video items
    #[arg(long, conflicts_with = "no_video")]
    pub video: bool,

    /// Only items that are not videos
    #[arg(long)]
    pub no_video: bool,

    /// A filter in the Wix query language (fields title and isVideo), joined to the flags above
    /// with $and: JSON text, @FILE, or - for stdin
    #[arg(long, value_name = "JSON|@FILE|-")]
    pub filter: Option<String>,

    /// Results per page (1..100, the service's maximum; default 10)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=100), conflicts_with = "all")]
    pub limit: Option<u32>,

    #[command(flatten)]
    pub paging: PagingArgs,
}

#[derive(Debug, Clone, Args)]
pub struct ItemsListArgs {
    /// Gallery id (a GUID)
    #[arg(value_name = "GALLERY_ID")]
    pub gallery_id: String,

    /// Items per page (1..100, the service's maximum; default 50)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=100), conflicts_with = "all")]
    pub limit: Option<u32>,

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
    #[arg(value_name = "ITEM_ID", required_unless_present = "ids_from")]
    pub item_ids: Vec<String>,

    /// Read ids from a file, one per line (`-` reads stdin); blank lines and `#` comments are skipped
    #[arg(long, value_name = "FILE")]
    pub ids_from: Option<String>,

    #[command(flatten)]
    pub destructive: DestructiveArgs,
}

// ---------------------------------------------------------------------------------------------
// auth, api, completions, man
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Subcommand)]
#[command(
    after_help = "Examples:\n  progallery auth login --site-id SITE_ID\n  printf %s \"$KEY\" | progallery auth login --api-key-stdin --site-id SITE_ID --profile staging\n  progallery auth status"
)]
pub enum AuthCmd {
    /// Save an API key and site id in a profile (asks for the key with hidden input on a terminal)
    Login(AuthLoginArgs),
    /// Remove a saved profile
    Logout,
    /// Show the credentials in use, where each comes from, and whether they work
    Status,
}

#[derive(Debug, Clone, Args)]
pub struct AuthLoginArgs {
    /// Read the API key from stdin instead of prompting
    #[arg(long)]
    pub api_key_stdin: bool,

    /// The site's id (a GUID; asked for on a terminal when missing)
    #[arg(long, value_name = "SITE_ID")]
    pub site_id: Option<String>,

    /// Save without checking the credentials against the service
    #[arg(long)]
    pub no_verify: bool,
}

#[derive(Debug, Clone, Args)]
pub struct ApiArgs {
    /// HTTP method: GET, POST, PATCH, PUT or DELETE
    #[arg(value_name = "METHOD")]
    pub method: String,

    /// Path on the service, with any query string (e.g. /progallery/v2/galleries?limit=2)
    #[arg(value_name = "PATH")]
    pub path: String,

    /// Request body: JSON text, @FILE, or - for stdin
    #[arg(long, short = 'd', value_name = "JSON|@FILE|-")]
    pub data: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct CompletionsArgs {
    /// Shell to generate for
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Clone, Args)]
pub struct ManArgs {
    /// Directory to write the pages into (created if missing)
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
}

// ---------------------------------------------------------------------------------------------
// sandbox
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Subcommand)]
pub enum SandboxCmd {
    /// Serve the sandbox over HTTP until Ctrl-C or SIGTERM
    Serve(SandboxServeArgs),
    /// Delete every site's data in the sandbox database (seeded again on next use)
    Reset(SandboxDbArgs),
    /// Show the database path, its sites and their counts
    Status(SandboxDbArgs),
}

#[derive(Debug, Clone, Args)]
pub struct SandboxDbArgs {
    /// Database file (default: sandbox.db in the data dir)
    #[arg(long, value_name = "PATH")]
    pub db: Option<PathBuf>,
}

#[derive(Debug, Clone, Args)]
pub struct SandboxServeArgs {
    /// Address to listen on (loopback by default; port 0 picks a free port)
    #[arg(long, default_value = "127.0.0.1:8787", value_name = "ADDR")]
    pub addr: String,

    /// Database file (default: sandbox.db in the data dir)
    #[arg(long, value_name = "PATH", conflicts_with = "memory")]
    pub db: Option<PathBuf>,

    /// Keep everything in memory; nothing is written to disk
    #[arg(long)]
    pub memory: bool,

    /// Require exactly this Authorization value (anything else gets 403)
    #[arg(
        long,
        value_name = "KEY",
        env = "PROGALLERY_SANDBOX_API_KEY",
        hide_env_values = true
    )]
    pub api_key: Option<String>,

    /// Do not seed a new database with the reference's example galleries
    #[arg(long)]
    pub no_seed: bool,

    #[command(flatten)]
    pub faults: FaultArgs,
}

/// Fault injection for tests and rehearsals.
#[derive(Debug, Clone, Default, Args)]
pub struct FaultArgs {
    /// Fraction of API requests answered 503 before anything is done (0..1)
    #[arg(long, value_name = "R", default_value_t = 0.0)]
    pub fail_rate: f64,

    /// Fraction of writes answered 504 after they were committed: the ambiguous case (0..1)
    #[arg(long, value_name = "R", default_value_t = 0.0)]
    pub fail_after_commit_rate: f64,

    /// Added latency per API request, in milliseconds
    #[arg(long, value_name = "MS", default_value_t = 0)]
    pub latency: u64,

    /// Gallery or item ids whose requests always fail with 500 (repeatable, or comma-separated)
    #[arg(long = "fail-id", value_name = "ID", value_delimiter = ',')]
    pub fail_ids: Vec<String>,

    /// Seed for the random fault draws (for reproducible runs)
    #[arg(long, value_name = "N")]
    pub fault_seed: Option<u64>,

    /// Act as a site without the Wix Site Search app: search answers 404. Alone: every site;
    /// with site ids (comma-separated): only those
    #[arg(long = "no-search", value_name = "SITE_ID", num_args = 0..=1, value_delimiter = ',', default_missing_value = "*")]
    pub no_search: Option<Vec<String>>,
}
