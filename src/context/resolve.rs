//! `Context::resolve_gallery`: the one resolver every command calls for a gallery argument (an id
//! or a name; see `gallery_names` for the rules), and the picker offered on a terminal when the
//! gallery was left out. A command converts with one line:
//!
//! ```ignore
//! let gallery = ctx.resolve_gallery(&args.gallery_id).await?;              // required argument
//! let gallery = ctx.resolve_or_pick_gallery(args.gallery_id.as_deref()).await?;  // optional one
//! ```

use anyhow::Result;

use super::Context;
use crate::api::galleries::GalleryPages;
use crate::api::model::Gallery;
use crate::error::{CliError, Kind};
use crate::gallery_names::{self, candidate_list, Match, Named};

impl Context {
    /// The id of the gallery `arg` names: a GUID as it is, else the unique gallery of that name
    /// (exact, then ignoring case). Unknown or ambiguous names are usage errors listing the
    /// candidates with their ids.
    pub async fn resolve_gallery(&self, arg: &str) -> Result<String> {
        if crate::api::is_guid(arg) {
            self.ids_taken_as_given
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push(arg.to_string());
            return Ok(arg.to_string());
        }
        if arg.trim().is_empty() {
            return Err(CliError::usage("the gallery given is empty")
                .with_hint("give a gallery's id or name: `progallery galleries list` shows them")
                .into());
        }
        let galleries = self.gallery_names().await?;
        match gallery_names::match_name(arg, &galleries) {
            Match::One(gallery) => Ok(gallery.id),
            Match::Ambiguous(candidates) => Err(CliError::usage(format!(
                "{} galleries are named {arg:?}: {}",
                candidates.len(),
                candidate_list(&candidates)
            ))
            .with_hint("pass the id of the one you mean")
            .into()),
            Match::Unknown(candidates) if candidates.is_empty() => Err(CliError::usage(format!(
                "no gallery is named {arg:?}: the site has no galleries"
            ))
            .with_hint("create one with `progallery galleries create --name NAME`")
            .into()),
            Match::Unknown(candidates) => Err(CliError::usage(format!(
                "no gallery is named {arg:?} (and it is not an id)"
            ))
            .with_hint(format!(
                "the site has {}: pass one of these names (quoted) or an id",
                candidate_list(&candidates)
            ))
            .into()),
        }
    }

    /// [`Context::resolve_gallery`] for an argument that may be left out: then, on a terminal,
    /// the user picks the gallery from a list; off a terminal or under `--no-input` it is a usage
    /// error, and nothing is asked.
    pub async fn resolve_or_pick_gallery(&self, arg: Option<&str>) -> Result<String> {
        if let Some(arg) = arg {
            return self.resolve_gallery(arg).await;
        }
        let hint = "give a gallery's id or name: `progallery galleries list` shows them";
        if self.global.no_input {
            return Err(
                CliError::usage("no gallery given, and --no-input forbids asking")
                    .with_hint(hint)
                    .into(),
            );
        }
        if !self.printer.can_prompt() {
            return Err(CliError::usage(
                "no gallery given (a list to pick from is offered only on a terminal)",
            )
            .with_hint(hint)
            .into());
        }
        let galleries = self.gallery_names().await?;
        if galleries.is_empty() {
            return Err(CliError::usage("no gallery given, and the site has none")
                .with_hint("create one with `progallery galleries create --name NAME`")
                .into());
        }
        let labels: Vec<String> = galleries
            .iter()
            .map(|g| {
                if g.name.is_empty() {
                    format!("(no name)  {}", g.id)
                } else {
                    format!("{}  {}", g.name, g.id)
                }
            })
            .collect();
        match self.printer.pick("Which gallery?", &labels)? {
            Some(index) => Ok(galleries[index].id.clone()),
            None => {
                Err(CliError::new(Kind::Interrupted, "no gallery picked; nothing was done").into())
            }
        }
    }

    /// Every gallery of the site as (id, name), read whole once per run, and kept in the names
    /// cache for completion.
    async fn gallery_names(&self) -> Result<Vec<Named>> {
        let client = self.client().await?;
        let mut pages = GalleryPages::new(client, Some(1));
        let mut all = Vec::new();
        while let Some(page) = pages.next_page().await {
            all.extend(page?);
        }
        Ok(self.remember_gallery_names(&all))
    }

    /// Writes the names of every gallery of the site (a whole list, as read) to the names cache.
    /// Completion only loses its names when this fails, so a failure is logged under `-v` and
    /// otherwise ignored.
    pub fn remember_gallery_names(&self, galleries: &[Gallery]) -> Vec<Named> {
        let named: Vec<Named> = galleries
            .iter()
            .filter_map(|g| {
                Some(Named {
                    id: g.id.clone()?,
                    name: g.name.clone().unwrap_or_default(),
                })
            })
            .collect();
        let cache = gallery_names::Cache {
            site: self.site_key(),
            galleries: named.clone(),
        };
        if let Err(e) = gallery_names::write_cache(&self.paths.data_dir, &cache) {
            if self.global.verbose {
                crate::output::diagnostic(&format!("* not caching gallery names: {e}"));
            }
        }
        named
    }

    /// Which site this run acts on, for the names cache.
    fn site_key(&self) -> String {
        if self.embedded_sandbox() {
            return "embedded sandbox".to_string();
        }
        match self.client.get() {
            Some(client) => format!(
                "{} site {}",
                client.base_url(),
                client.site_id().unwrap_or("(the key's)")
            ),
            None => String::new(),
        }
    }

    /// A not-found error after an id was used as given: when a gallery bears that id as its
    /// *name*, the error says so and gives the gallery's real id (ids are never looked up as
    /// names, so a gallery named like a GUID is reached by its id). Other errors pass unchanged.
    pub async fn explain_not_found(&self, err: anyhow::Error) -> anyhow::Error {
        if crate::error::kind_of(&err) != Kind::NotFound {
            return err;
        }
        let taken = self
            .ids_taken_as_given
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        if taken.is_empty() {
            return err;
        }
        let Ok(galleries) = self.gallery_names().await else {
            return err;
        };
        for id in taken {
            if let Some(named) = galleries.iter().find(|g| g.name == id && g.id != id) {
                let message = format!("{err:#}");
                return CliError::new(Kind::NotFound, message)
                    .with_hint(format!(
                        "no gallery has the id {id}, but one is named so: its id is {}",
                        named.id
                    ))
                    .into();
            }
        }
        err
    }
}
