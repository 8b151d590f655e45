//! clap definitions of `progallery auth …`, `api`, `completions` and the hidden `man`.

use std::path::PathBuf;

use clap::{Args, Subcommand};

#[derive(Debug, Subcommand)]
#[command(
    after_help = "Examples:\n  progallery auth login --site-id SITE_ID\n  printf %s \"$KEY\" |\n    progallery auth login --api-key-stdin --site-id SITE_ID --profile staging\n  progallery auth status"
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
