//! clap definitions only: the global flags and one subcommand enum per noun. No logic lives here;
//! `main` resolves these into a `Context` and dispatches to `commands::*`.
//!
//! Doc comments on fields are the help text users read, so they are written for users.

mod apps;
mod auth;
mod galleries;
mod items;
mod portable;
mod search;

use std::path::PathBuf;

pub use apps::SandboxAppArgs;
pub use auth::{ApiArgs, AuthCmd, AuthLoginArgs, CompletionsArgs, ManArgs};
pub use galleries::{
    GalleriesCloneArgs, GalleriesCmd, GalleriesCreateArgs, GalleriesDeleteArgs, GalleriesListArgs,
    GalleriesRestoreArgs, GalleriesUpdateArgs, GalleryIdArg,
};
pub use items::{
    ItemMetadataArgs, ItemRef, ItemsAddArgs, ItemsBulkDeleteArgs, ItemsCmd, ItemsDeleteArgs,
    ItemsListArgs, ItemsMoveArgs, ItemsReorderArgs, ItemsRestoreArgs, ItemsUpdateArgs,
};
pub use portable::{
    GalleriesCopyArgs, GalleriesExportArgs, GalleriesImportArgs, ItemsDownloadArgs, ItemsSyncArgs,
};
pub use search::ItemsSearchArgs;

use clap::builder::BoolishValueParser;
use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "progallery",
    version,
    about = "Manage Wix Pro Gallery galleries and items from the command line",
    long_about = None,
    propagate_version = true,
    after_help = "Examples:\n  progallery --sandbox galleries list\n  progallery items list GALLERY --all -o jsonl --jq .title\n  progallery items list GALLERY -o id |\n    progallery items bulk-delete GALLERY --ids-from - --yes"
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

/// Flags accepted before or after any subcommand. They get a help heading of their own, so a
/// verb's `--help` lists the verb's own options first and these after them.
#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "Global options")]
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

    /// Get the access token by running this shell command (e.g. `wix token --site SITE_ID`):
    /// it prints the token, and is run again when the token is refused
    #[arg(
        long,
        global = true,
        env = "PROGALLERY_TOKEN_COMMAND",
        value_name = "CMD"
    )]
    pub token_command: Option<String>,

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

    /// Columns of table and tsv output: comma-separated dotted JSON paths (id,title,image.imageInfo.url;
    /// `#` is an item's position)
    #[arg(long, global = true, value_name = "PATHS", value_delimiter = ',')]
    pub fields: Option<Vec<String>>,

    /// Filter json/jsonl output through this jq expression (built in; strings print raw, as with
    /// jq -r). Without -o it implies -o json
    #[arg(long, global = true, value_name = "EXPR")]
    pub jq: Option<String>,

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

    /// Per-request timeout in seconds [default: 30]
    #[arg(long, global = true, value_name = "SECS", value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub timeout: Option<u64>,

    /// Attempts for retryable failures (429, 5xx, connection errors) [default: 4]
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

// Parsed once per run: the size of the largest variant (the items verbs' flags) does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List, show, create, clone, update, delete, restore, export, import and copy galleries
    #[command(subcommand, visible_alias = "gallery", alias = "g")]
    Galleries(GalleriesCmd),

    /// List, search, add, update, move, reorder, delete, restore, download and sync the items of a gallery
    #[command(subcommand, visible_alias = "item", alias = "i")]
    Items(ItemsCmd),

    /// Save, remove and check the credentials of a site
    #[command(subcommand)]
    Auth(AuthCmd),

    /// Make a raw API call with the profile's credentials, for anything not covered
    #[command(
        after_help = "Examples:\n  progallery api GET /progallery/v2/galleries?limit=2\n  progallery api PATCH /progallery/v2/galleries/ID \\\n    --data '{\"gallery\":{\"name\":\"Spring\"}}'\n  progallery api POST /progallery/v2/galleries --data @gallery.json"
    )]
    Api(ApiArgs),

    /// List the journals of recent deletes, with the command that restores each
    #[command(
        after_help = "Examples:\n  progallery journals\n  progallery journals --limit 1 -o id          # the latest journal's path\n  progallery journals -o json \\\n    --jq '.[] | select(.restored | not) | .restoreCommand'"
    )]
    Journals(JournalsArgs),

    /// Print a shell completion script to stdout
    #[command(
        after_help = "Examples:\n  echo 'source <(progallery completions bash)' >> ~/.bashrc\n  echo 'source <(progallery completions zsh)' >> ~/.zshrc"
    )]
    Completions(CompletionsArgs),

    /// Write man pages for every command into a directory
    #[command(hide = true)]
    Man(ManArgs),

    /// Run and manage the local sandbox service
    #[command(
        subcommand,
        after_help = "Examples:\n  progallery --sandbox galleries list      # embedded: no server needed\n  progallery sandbox serve --addr 127.0.0.1:8787\n  progallery sandbox status"
    )]
    Sandbox(SandboxCmd),
    /// Receive, verify and send Pro Gallery webhook events
    #[command(subcommand)]
    Webhooks(WebhooksCmd),
}

#[derive(Debug, Clone, Args)]
pub struct JournalsArgs {
    /// Show at most this many, newest first
    #[arg(long, value_name = "N", default_value_t = 20, conflicts_with = "all")]
    pub limit: usize,

    /// Show every journal in the data dir
    #[arg(long)]
    pub all: bool,
}

/// Paging flags shared by the list verbs.
#[derive(Debug, Clone, Args)]
pub struct PagingArgs {
    /// Skip this many entries
    #[arg(long, value_name = "N", default_value_t = 0, conflicts_with = "all")]
    pub offset: u64,

    /// Fetch every page (streams with -o jsonl)
    #[arg(long)]
    pub all: bool,
}

/// Flags shared by the destructive verbs.
#[derive(Debug, Clone, Args)]
pub struct DestructiveArgs {
    /// Do not ask for confirmation (required when not on a terminal)
    #[arg(short, long)]
    pub yes: bool,

    /// Print what would be deleted and change nothing
    #[arg(long)]
    pub dry_run: bool,
}

// ---------------------------------------------------------------------------------------------
// sandbox
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Subcommand)]
pub enum SandboxCmd {
    /// Serve the sandbox over HTTP until Ctrl-C or SIGTERM
    #[command(after_help = "Examples:
  progallery sandbox serve
  progallery sandbox serve --memory --addr 127.0.0.1:0
  progallery sandbox serve --webhook-url http://127.0.0.1:4242/webhooks
  progallery sandbox serve --app my-app:s3cret \\
    --app-instance my-app:6b1f0f9e-1d2c-4c3b-9a8e-000000000001")]
    Serve(Box<SandboxServeArgs>),
    /// Delete every site's data in the sandbox database, its media files and the media cache
    /// kept for it (seeded again on next use); asks first on a terminal, else needs --yes
    #[command(after_help = "Examples:
  progallery sandbox reset --dry-run
  progallery sandbox reset --yes")]
    Reset(SandboxResetArgs),
    /// Show the database path, its sites and their counts, and the webhook signing key
    Status(SandboxDbArgs),
}

#[derive(Debug, Clone, Args)]
pub struct SandboxDbArgs {
    /// Database file (default: sandbox.db in the data dir)
    #[arg(long, value_name = "PATH")]
    pub db: Option<PathBuf>,
}

#[derive(Debug, Clone, Args)]
pub struct SandboxResetArgs {
    /// Database file (default: sandbox.db in the data dir)
    #[arg(long, value_name = "PATH")]
    pub db: Option<PathBuf>,

    #[command(flatten)]
    pub destructive: DestructiveArgs,
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

    /// Require exactly this API key in Authorization (any other key gets 403; app tokens are
    /// checked as tokens). An API key must come with a wix-site-id header
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

    /// POST every change as a signed Wix webhook (RS256 JWT body) to this URL; repeatable.
    /// Delivery is asynchronous, retried with backoff for up to a day, in order per gallery
    #[arg(long = "webhook-url", value_name = "URL")]
    pub webhook_urls: Vec<String>,

    #[command(flatten)]
    pub webhook_retry: WebhookRetryArgs,

    /// How long an uploaded or imported image stays PENDING before it is READY, in milliseconds
    /// (as on Wix, no file is usable at once)
    #[arg(long, value_name = "MS", default_value_t = 300)]
    pub media_ready_after: u64,

    /// How long an uploaded or imported video stays PENDING ("transcoding"), in milliseconds
    #[arg(long, value_name = "MS", default_value_t = 1500)]
    pub video_ready_after: u64,

    #[command(flatten)]
    pub faults: FaultArgs,

    #[command(flatten)]
    pub readings: ReadingArgs,

    #[command(flatten)]
    pub apps: SandboxAppArgs,
}

/// Where Wix's docs leave the service's behaviour open: which reading the sandbox follows. The
/// environment variables also set the embedded `--sandbox`.
#[derive(Debug, Clone, Args)]
pub struct ReadingArgs {
    /// An item created or moved to a sortOrder another item of its gallery holds: reject it
    /// (current docs: "the function fails") or accept it (older docs; items sharing a sortOrder
    /// are listed in creation order)
    #[arg(
        long,
        value_name = "READING",
        default_value = "reject",
        value_parser = ["reject", "accept"],
        env = "PROGALLERY_SANDBOX_DUPLICATE_SORT_ORDER"
    )]
    pub duplicate_sort_order: String,

    /// The scale of the sortOrder an item created without one gets: epoch seconds with a
    /// millisecond fraction, or epoch milliseconds (real galleries hold both)
    #[arg(
        long,
        value_name = "SCALE",
        default_value = "seconds",
        value_parser = ["seconds", "milliseconds"],
        env = "PROGALLERY_SANDBOX_DEFAULT_SORT_ORDER"
    )]
    pub default_sort_order: String,
}

/// Webhook retry timing, hidden: the defaults are what users want; tests shorten them.
#[derive(Debug, Clone, Default, Args)]
pub struct WebhookRetryArgs {
    /// Wait before the first retry of a failed delivery, in milliseconds (default 1000)
    #[arg(long, value_name = "MS", hide = true)]
    pub webhook_retry_ms: Option<u64>,

    /// Longest wait between two delivery attempts, in milliseconds (default 30000)
    #[arg(long, value_name = "MS", hide = true)]
    pub webhook_max_retry_ms: Option<u64>,

    /// Drop an event still failing after this long, in milliseconds (default one day)
    #[arg(long, value_name = "MS", hide = true)]
    pub webhook_give_up_ms: Option<u64>,
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

    /// Drop the connection of an upload (a PUT, or a resumable upload's PATCH) after this many
    /// bytes of its body; the bytes that arrived are kept, as a real server keeps them
    #[arg(long, value_name = "BYTES", default_value_t = 0)]
    pub drop_upload_after: u64,

    /// How many uploads --drop-upload-after cuts (0: every one)
    #[arg(
        long,
        value_name = "N",
        default_value_t = 0,
        requires = "drop_upload_after"
    )]
    pub drop_upload_times: u32,
}

// ---------------------------------------------------------------------------------------------
// webhooks
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Subcommand)]
#[command(after_help = "Examples:
  progallery webhooks listen --addr 127.0.0.1:4242
  progallery webhooks listen --exec ./mirror.sh \\\n    --events gallery_item_created,gallery_item_updated
  progallery webhooks trigger gallery_item_created \\\n    --to http://127.0.0.1:4242/webhooks
  progallery webhooks verify --public-key wix-public-key.pem payload.jwt")]
pub enum WebhooksCmd {
    /// Receive webhook deliveries: verify, deduplicate, print, forward or run a command
    #[command(after_help = "Examples:
  progallery webhooks listen --addr 127.0.0.1:4242
  progallery webhooks listen --public-key wix.pem \\\n    --forward-to http://localhost:3000/in
  progallery webhooks listen --exec 'jq -c .data.actionEvent.body >> log.jsonl'
  progallery webhooks listen --skip-echoes --exec ./write-back.sh")]
    Listen(WebhooksListenArgs),
    /// Verify one signed payload and print the decoded event as JSON
    #[command(
        after_help = "Exit codes: 0 valid, 4 refused (bad signature, wrong key, expired or not valid yet beyond 60 s of\nclock skew, not RS256), 2 not a JWT.

Examples:
  progallery webhooks verify --public-key wix-public-key.pem payload.jwt
  curl -s ... | progallery webhooks verify --public-key wix-public-key.pem -"
    )]
    Verify(WebhooksVerifyArgs),
    /// Send one signed sample event to a URL
    #[command(
        after_help = "Event types: created, updated, deleted, gallery_item_created, gallery_item_updated,
gallery_item_deleted (or the full wix.pro_gallery.gallery_v2_... name).

Examples:
  progallery webhooks trigger created --to http://127.0.0.1:4242/webhooks
  progallery webhooks trigger gallery_item_deleted \\\n    --gallery 4937b26c-b9d3-4c43-b772-f1f3ba840b3d \\\n    --to http://127.0.0.1:4242/webhooks
  progallery webhooks trigger gallery_item_updated --print |\n    progallery webhooks verify -"
    )]
    Trigger(WebhooksTriggerArgs),
}

#[derive(Debug, Clone, Args)]
pub struct WebhooksListenArgs {
    /// Public key to verify deliveries with: a PEM file, or a file holding the key's bare base64
    /// body as Wix's dashboard shows it (default: the sandbox's key in the data dir, created if missing)
    #[arg(long, value_name = "FILE")]
    pub public_key: Option<PathBuf>,

    /// Address to listen on (port 0 picks a free port)
    #[arg(long, default_value = "127.0.0.1:4242", value_name = "ADDR")]
    pub addr: String,

    /// URL path deliveries are POSTed to
    #[arg(long, default_value = "/webhooks", value_name = "PATH")]
    pub path: String,

    /// Only these event types (comma-separated; slugs or full names); others are answered 200 and skipped
    #[arg(long, value_name = "TYPES", value_delimiter = ',')]
    pub events: Vec<String>,

    /// POST each decoded event as JSON to this URL; a failure answers the sender 502 so it retries
    #[arg(long, value_name = "URL")]
    pub forward_to: Option<String>,

    /// Run this shell command (sh -c) per event with the decoded event as JSON on stdin, and
    /// WIX_EVENT_TYPE, WIX_EVENT_SLUG, WIX_EVENT_ID, WIX_ENTITY_ID, WIX_ITEM_ID, WIX_INSTANCE_ID,
    /// WIX_ORIGINATED_FROM and PROGALLERY_EVENT_ECHO (1 for the echo of this tool's own write) in
    /// its environment
    #[arg(long, value_name = "CMD")]
    pub exec: Option<String>,

    /// Drop echoes (events caused by this tool's own writes on this machine, from its ledger in
    /// the data dir) before printing, forwarding or --exec: a write-back cannot loop
    #[arg(long)]
    pub skip_echoes: bool,

    /// How long after one of this tool's writes its event still counts as its echo
    #[arg(long, value_name = "SECS", default_value_t = 3600, value_parser = clap::value_parser!(u64).range(1..=86_400))]
    pub echo_window: u64,
    /// Seconds a sender has to send a request's headers, and as long again for its body; slower
    /// connections are dropped
    #[arg(long, value_name = "SECS", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub read_timeout: u64,
}

#[derive(Debug, Clone, Args)]
pub struct WebhooksVerifyArgs {
    /// Public key to verify with: a PEM file, or a file holding the key's bare base64 body
    /// (default: the sandbox's key in the data dir)
    #[arg(long, value_name = "FILE")]
    pub public_key: Option<PathBuf>,

    /// File holding the payload (the raw request body); `-` or nothing reads stdin
    #[arg(value_name = "FILE")]
    pub input: Option<PathBuf>,
}

#[derive(Debug, Clone, Args)]
pub struct WebhooksTriggerArgs {
    /// Event type: a slug such as `gallery_item_created` or the full eventType
    #[arg(value_name = "EVENT_TYPE")]
    pub event_type: String,

    /// Where to POST the signed event (the default is where `webhooks listen` listens)
    #[arg(
        long,
        value_name = "URL",
        default_value = "http://127.0.0.1:4242/webhooks",
        conflicts_with = "print"
    )]
    pub to: String,

    /// Write the signed payload (the JWT a delivery's body would be) to stdout instead of sending
    /// it, e.g. for `webhooks verify`
    #[arg(long)]
    pub print: bool,

    /// Private key (PEM) to sign with (default: the sandbox's key in the data dir, created if missing)
    #[arg(long, value_name = "FILE")]
    pub private_key: Option<PathBuf>,

    /// Gallery id the event is about (default: a random id)
    #[arg(long, value_name = "ID")]
    pub gallery: Option<String>,

    /// instanceId to put in the event (default: a fixed sample id)
    #[arg(long, value_name = "ID")]
    pub instance_id: Option<String>,

    /// Put accountInfo.siteId in the event, as Wix does for a site's events
    #[arg(long, value_name = "SITE_ID")]
    pub site_id: Option<String>,

    /// For gallery_item_deleted: mark it as caused by deleting the gallery (originatedFrom "Gallery Deleted")
    #[arg(long)]
    pub gallery_deleted: bool,
}
