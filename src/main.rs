//! Entry point: parse the command line, resolve it once, dispatch to a command, and turn the
//! outcome into output and an exit code (the mapping lives in `error.rs`).

mod cli;
mod commands;
mod context;
// Parts of the exit-code table and of Paths are used by commands built on other branches; until
// they merge, they are dead code here.
#[allow(dead_code)]
mod error;
#[allow(dead_code)]
mod paths;
mod sandbox;
mod webhooks;

use clap::Parser;

fn main() {
    let cli = cli::Cli::parse();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    let result = runtime.block_on(commands::dispatch(cli));
    let code = match result {
        Ok(code) => code,
        Err(err) => {
            let kind = error::kind_of(&err);
            eprintln!("progallery: error: {err:#}");
            if let Some(hint) = error::hint_of(&err) {
                eprintln!("hint: {hint}");
            }
            kind.exit_code()
        }
    };
    std::process::exit(code);
}
