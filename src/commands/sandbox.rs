//! `progallery sandbox serve|reset|status`.

use anyhow::Result;

use crate::cli::SandboxCmd;
use crate::context::Context;

pub async fn run(cmd: SandboxCmd, ctx: &Context) -> Result<i32> {
    let _ = (cmd, ctx);
    anyhow::bail!("the sandbox is not built yet")
}
