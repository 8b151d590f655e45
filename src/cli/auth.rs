//! clap definitions of `progallery auth …`, `api`, `completions` and the hidden `man`.

use std::path::PathBuf;

use clap::{Args, Subcommand};

#[derive(Debug, Subcommand)]
#[command(
    after_help = "A profile is one site: an API key with the site's id, or an app with its instance on the
site (one profile per instance: `--profile client-a`, `--profile client-b`, …).

Examples:
  progallery auth login --site-id SITE_ID
  printf %s \"$KEY\" |
    progallery auth login --api-key-stdin --site-id SITE_ID --profile staging
  progallery auth login --profile client-a --app-id APP_ID \\
    --instance-id INSTANCE_ID
  printf %s \"$SECRET\" |
    progallery auth login --app-id APP_ID --instance-id INSTANCE_ID \\
    --app-secret-stdin
  progallery auth status"
)]
pub enum AuthCmd {
    /// Save an API key and site id, or an app's id, secret and instance, in a profile (asks for
    /// the key or secret with hidden input on a terminal)
    Login(AuthLoginArgs),
    /// Remove a saved profile
    Logout,
    /// Show the identity in use (API key, app instance, external token), where each value comes
    /// from, the token's expiry, and which permissions work: gallery read, gallery write (a probe
    /// that changes nothing), Media Manager, Site Search
    Status,
}

#[derive(Debug, Clone, Args)]
pub struct AuthLoginArgs {
    /// Read the API key from stdin instead of prompting
    #[arg(long, conflicts_with_all = ["app_id", "instance_id", "app_secret_stdin"])]
    pub api_key_stdin: bool,

    /// The site's id (a GUID; asked for on a terminal when missing)
    #[arg(long, value_name = "SITE_ID", conflicts_with_all = ["app_id", "instance_id", "app_secret_stdin"])]
    pub site_id: Option<String>,

    /// Log in as this app (its OAuth app id, a GUID) instead of with an API key; the secret is
    /// asked for with hidden input, or read with --app-secret-stdin
    #[arg(long, value_name = "APP_ID")]
    pub app_id: Option<String>,

    /// The app's instance on the site to act on (a GUID; asked for on a terminal when missing)
    #[arg(long, value_name = "INSTANCE_ID", requires = "app_id")]
    pub instance_id: Option<String>,

    /// Read the app secret from stdin instead of prompting
    #[arg(long, requires = "app_id")]
    pub app_secret_stdin: bool,

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
