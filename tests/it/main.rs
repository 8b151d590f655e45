//! Integration tests: the real `progallery` binary against a real sandbox server on loopback, in a
//! temporary home. One test binary (modules below) keeps link time down.

mod add;
mod cleanup_faults;
mod cleanup_restore;
mod cleanup_safety;
mod cleanup_select;
mod cleanup_support;
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
mod search_cli;
mod search_cli_errors;
mod search_fixture;
mod search_sandbox;
mod search_sandbox_rules;
mod webhooks_delivery;
mod webhooks_listen;
mod webhooks_sandbox;
mod webhooks_sandbox_support;
mod webhooks_support;
mod webhooks_trigger;
mod webhooks_verify;
