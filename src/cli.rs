//! clap definitions only: the global flags and one subcommand enum per noun. No logic lives here;
//! `main` resolves these into a `Context` and dispatches to `commands::*`.
//!
//! Doc comments on fields are the help text users read, so they are written for users.

mod auth;
mod galleries;
mod items;

use std::path::PathBuf;

pub use auth::{ApiArgs, AuthCmd, AuthLoginArgs, CompletionsArgs, ManArgs};
pub use galleries::{
    GalleriesCloneArgs, GalleriesCmd, GalleriesCreateArgs, GalleriesDeleteArgs, GalleriesListArgs,
    GalleriesUpdateArgs, GalleryIdArg,
};
pub use items::{
    ItemMetadataArgs, ItemRef, ItemsAddArgs, ItemsBulkDeleteArgs, ItemsCmd, ItemsDeleteArgs,
    ItemsListArgs, ItemsMoveArgs, ItemsReorderArgs, ItemsUpdateArgs,
};

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

// Parsed once per run: the size of the largest variant (the items verbs' flags) does not matter.
#[allow(clippy::large_enum_variant)]
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
}
