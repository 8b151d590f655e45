//! The entries of one `items add`: the sources of the command line, `--text` or a manifest,
//! resolved and checked before anything is sent (every problem listed at once, exit 2), and the
//! local files read once to learn their size, type and content hash.

use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::Result;
use sha2::{Digest, Sha256};

use super::sources::{self, Source};
use super::{manifest, Entry};
use crate::cli::ItemsAddArgs;
use crate::commands::input::read_input_bytes;
use crate::commands::items::metadata::Meta;
use crate::error::CliError;

/// Resolves the sources (arguments, `--text` or a manifest) into entries; every problem found is
/// a usage error listing them all, before anything is sent. Also says whether this is a single
/// item (printed as one object, like `items get`).
pub(super) fn collect_entries(
    args: &ItemsAddArgs,
    flags: &Meta,
    size: Option<(u32, u32)>,
) -> Result<(Vec<Entry>, bool)> {
    let mut entries = Vec::new();
    let mut problems = Vec::new();
    let single;
    if let Some(file) = &args.from_file {
        single = false;
        let text = read_input_bytes(file, "the manifest")?;
        let name = if file == "-" { "stdin" } else { file.as_str() };
        let base = if file == "-" {
            PathBuf::from(".")
        } else {
            Path::new(file)
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_else(|| PathBuf::from("."))
        };
        let (rows, row_problems) =
            manifest::parse(name, &text).map_err(|errors| too_many(errors, name))?;
        let mut numbered: Vec<(usize, String)> = row_problems;
        for row in rows {
            let meta = flags.overlay(&row.meta);
            if let Some(item) = row.item {
                entries.push(Entry {
                    label: format!("{name} {}", row.place),
                    source: Source::Item { item },
                    meta: Meta::default(),
                });
                continue;
            }
            if let Some(html) = row.text {
                entries.push(Entry {
                    label: format!("{name} {}", row.place),
                    source: Source::Text { html },
                    meta,
                });
                continue;
            }
            let Some(source) = row.source else { continue };
            match sources::resolve(&source, &base, args.recursive, size) {
                Ok(found) => {
                    for (label, source) in found {
                        if row.meta.touches_image() && source.never_image() {
                            numbered.push((
                                row.order,
                                format!(
                                    "{name} {}, column alt/focalPoint: {label} is not an image",
                                    row.place
                                ),
                            ));
                        }
                        entries.push(Entry {
                            label: format!("{name} {} ({label})", row.place),
                            source,
                            meta: meta.clone(),
                        });
                    }
                }
                Err(why) => numbered.push((
                    row.order,
                    format!("{name} {}, column source: {why}", row.place),
                )),
            }
        }
        if !numbered.is_empty() {
            numbered.sort_by_key(|(order, _)| *order);
            return Err(too_many(numbered.into_iter().map(|(_, p)| p).collect(), name).into());
        }
    } else if let Some(html) = &args.text {
        single = true;
        if flags.touches_image() {
            return Err(CliError::usage(
                "--alt and --focal-point apply to images only, not to text",
            )
            .into());
        }
        entries.push(Entry {
            label: "--text".to_string(),
            source: Source::Text { html: html.clone() },
            meta: flags.clone(),
        });
    } else {
        for text in &args.sources {
            match sources::resolve(text, Path::new("."), args.recursive, size) {
                Ok(found) => {
                    for (label, source) in found {
                        entries.push(Entry {
                            label,
                            source,
                            meta: flags.clone(),
                        });
                    }
                }
                Err(why) => problems.push(why),
            }
        }
        if !problems.is_empty() {
            let mut error = CliError::usage(problems.join("; "));
            error = error.with_hint("a SOURCE is a file, a folder, an http(s) URL, a YouTube/Vimeo link or a Wix media id");
            return Err(error.into());
        }
        single = args.sources.len() == 1
            && entries.len() == 1
            && entries[0].label == args.sources[0].trim();
        if flags.touches_image() && entries.iter().all(|e| e.source.never_image()) {
            return Err(CliError::usage("--alt and --focal-point apply to images only").into());
        }
    }
    if size.is_some()
        && !entries
            .iter()
            .any(|e| matches!(e.source, Source::WixMedia { .. }))
    {
        return Err(CliError::usage(
            "--width and --height apply to Wix media ids only (uploaded and imported files are measured by the Media Manager)",
        )
        .into());
    }
    Ok((entries, single))
}

/// A usage error listing problems (the first 20).
pub(super) fn too_many(problems: Vec<String>, name: &str) -> CliError {
    let count = problems.len();
    let hint = "fix the rows named and run it again: nothing was sent, so nothing is duplicated";
    // One problem fits on the error line; several are listed under it.
    if let [only] = problems.as_slice() {
        return CliError::usage(format!("{only} (nothing was sent)")).with_hint(hint);
    }
    let mut message = format!("{name}: {count} problem(s), nothing was sent:");
    for problem in problems.iter().take(20) {
        message.push_str("\n  ");
        message.push_str(problem);
    }
    if count > 20 {
        message.push_str(&format!("\n  … and {} more", count - 20));
    }
    CliError::usage(message).with_hint(hint)
}

/// A local file's size, mime type and content hash.
pub(crate) type Inspected = (u64, Option<&'static str>, String);

/// Size, type (from the first bytes, else the extension) and SHA-256 of a local file, read in
/// chunks so that memory stays flat whatever its size.
pub(crate) fn inspect_file(
    path: &Path,
    by_name: Option<&'static str>,
) -> Result<Inspected, String> {
    // A FIFO or a device named as a source is refused, never read (it could block or never end).
    let mut file = crate::files::open_regular(path).map_err(|e| match e {
        crate::files::FileError::Io { error, .. } => format!("cannot read the file: {error}"),
        other => format!("cannot read the file: {other}"),
    })?;
    let size = file
        .metadata()
        .map_err(|e| format!("cannot read the file: {e}"))?
        .len();
    if size == 0 {
        return Err("the file is empty".to_string());
    }
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 256 * 1024];
    let mut head: Vec<u8> = Vec::new();
    loop {
        let n = file
            .read(&mut buf)
            .map_err(|e| format!("cannot read the file: {e}"))?;
        if n == 0 {
            break;
        }
        if head.len() < 32 {
            head.extend_from_slice(&buf[..n.min(32 - head.len())]);
        }
        hasher.update(&buf[..n]);
    }
    let mime = sources::mime_from_magic(&head).or(by_name);
    if mime.is_none() {
        return Err(
            "not a supported image or video (jpeg, png, gif, webp, bmp, mp4, mov, webm)"
                .to_string(),
        );
    }
    let hash = crate::digest::hex(&hasher.finalize());
    Ok((size, mime, hash))
}
