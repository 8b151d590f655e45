//! Integration tests: the real `progallery` binary against a real sandbox server on loopback, in a
//! temporary home. One test binary (modules below) keeps link time down.

mod common;

mod webhooks_listen;
mod webhooks_support;
mod webhooks_trigger;
mod webhooks_verify;
