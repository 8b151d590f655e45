//! clap definitions of the app (OAuth) side of `sandbox serve`: the apps it issues tokens to,
//! their instances, the tokens' lifetime and the permissions an app is denied.

use clap::Args;

#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "Apps (OAuth client credentials at /oauth2/token)")]
pub struct SandboxAppArgs {
    /// Issue access tokens to this app: APP_ID:APP_SECRET. Repeatable; the variable takes a
    /// comma-separated list and keeps the secret out of `ps`
    #[arg(
        long = "app",
        value_name = "APP_ID:SECRET",
        env = "PROGALLERY_SANDBOX_APPS",
        hide_env_values = true,
        value_delimiter = ','
    )]
    pub apps: Vec<String>,

    /// Install an app on a site: its instance INSTANCE_ID acts on SITE_ID (default: the seeded
    /// site). Repeatable; a token is issued only for an instance given here
    #[arg(long = "app-instance", value_name = "APP_ID:INSTANCE_ID[=SITE_ID]")]
    pub app_instances: Vec<String>,

    /// Lifetime of an access token, in seconds (Wix's is 4 hours)
    #[arg(long, value_name = "SECS", default_value_t = 14_400, value_parser = clap::value_parser!(u64).range(1..=604_800))]
    pub token_ttl: u64,

    /// Also expire a token once it has authorised N requests: an expiry at an exact point of a
    /// run (in the middle of a bulk delete, say), whatever the machine's speed
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub token_max_uses: Option<u64>,

    /// Withhold a permission from an app's tokens (403 PERMISSION_DENIED): APP_ID:CAPABILITY,
    /// CAPABILITY being gallery-read, gallery-write, media or search. Repeatable
    #[arg(long = "app-deny", value_name = "APP_ID:CAPABILITY")]
    pub app_denials: Vec<String>,
}
