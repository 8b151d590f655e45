//! Integration tests: the real `progallery` binary against a real sandbox server on loopback, in a
//! temporary home. One test binary (modules below) keeps link time down.

mod add;
mod cli_api;
mod cli_auth;
mod cli_errors;
mod cli_galleries;
mod cli_generated;
mod cli_items;
mod common;
mod items_edit;
mod media_sandbox;
mod sandbox_bulk_delete;
mod sandbox_faults;
mod sandbox_galleries;
mod sandbox_helpers;
mod sandbox_items;
mod sandbox_processes;
mod sandbox_sites;
mod sandbox_validation;
