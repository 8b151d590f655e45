//! One module per noun, one async fn per verb. `dispatch` is the only place that knows them all.

pub mod sandbox;
pub mod webhooks;

use anyhow::Result;

use crate::cli::{Cli, Command};
use crate::context::Context;
use crate::paths::Paths;

/// Runs the parsed command line and returns the process exit code.
pub async fn dispatch(cli: Cli) -> Result<i32> {
    let ctx = Context {
        global: cli.global,
        paths: Paths::from_env()?,
    };
    match cli.command {
        Command::Sandbox(cmd) => sandbox::run(cmd, &ctx).await,
        Command::Webhooks(cmd) => webhooks::run(cmd, &ctx).await,
    }
}
