//! `progallery api METHOD PATH [--data JSON|@FILE|-]`: a raw call with the profile's credentials
//! through the same client (retries, rate limit, error decoding), for anything not covered. The
//! answer's JSON goes to stdout as is.

use anyhow::Result;
use reqwest::Method;

use super::input::{parse_json, read_input};
use crate::api::client::{Call, Idempotency};
use crate::cli::ApiArgs;
use crate::context::Context;
use crate::error::CliError;

pub async fn run(args: ApiArgs, ctx: &Context) -> Result<i32> {
    let method = match args.method.to_ascii_uppercase().as_str() {
        "GET" => Method::GET,
        "POST" => Method::POST,
        "PATCH" => Method::PATCH,
        "PUT" => Method::PUT,
        "DELETE" => Method::DELETE,
        other => {
            return Err(CliError::usage(format!(
                "unsupported method {other:?}: use GET, POST, PATCH, PUT or DELETE"
            ))
            .with_hint("e.g. progallery api GET /progallery/v2/galleries")
            .into())
        }
    };
    let path = if args.path.starts_with('/') {
        args.path.clone()
    } else if args.path.starts_with("http://") || args.path.starts_with("https://") {
        return Err(CliError::usage(
            "PATH is a path on the service (like /progallery/v2/galleries), not a URL",
        )
        .with_hint("use --base-url to talk to another server")
        .into());
    } else {
        format!("/{}", args.path)
    };
    let body = match &args.data {
        None => None,
        Some(data) => {
            let text = match data.strip_prefix('@') {
                Some(file) => read_input(file, "the request body")?,
                None if data == "-" => read_input("-", "the request body")?,
                None => data.clone(),
            };
            Some(parse_json(&text, "--data")?)
        }
    };
    let client = ctx.client().await?;
    let what = format!("{method} {path}");
    // A raw POST may be anything, including a create: never repeat it after an ambiguous failure.
    let idempotency = if method == Method::POST {
        Idempotency::Create
    } else {
        Idempotency::Safe
    };
    let mut call = Call::new(method, path, what).idempotency(idempotency);
    if let Some(body) = &body {
        call = call.body(body);
    }
    let answer = client.send(call).await?;
    ctx.printer.json(&answer)?;
    Ok(0)
}
