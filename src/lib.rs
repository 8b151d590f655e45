//! The library target of the `progallery` package: the sandbox (the local stand-in for the Pro
//! Gallery service), the webhook envelope (events, RS256 signing and verification, key pairs,
//! delivery, the receiver behind `webhooks listen`), and the safe handling of local files and the
//! content hashes both they and the client use (`files`, `digest`).
//!
//! The command-line client (`src/main.rs`) is a separate crate that uses this one. Nothing here
//! can name the client's modules (`api`, `commands`, `output`, `config`, its error type...): the
//! sandbox is written from `../shared/spec/api.md` on its own, and the compiler now checks that it
//! stays so. What the sandbox has to say goes to stderr by itself, and its errors are `anyhow`
//! errors plus, where a caller must tell them apart, this crate's own types
//! ([`webhooks::keys::KeyError`]); the binary maps those to exit codes and hints.

pub mod digest;
pub mod files;
pub mod sandbox;
mod server;
pub mod webhooks;
