//! clap definitions of `progallery items search` (help text is documentation: written for users).

use clap::Args;

use super::PagingArgs;
use crate::api::paging;

#[derive(Debug, Clone, Args)]
pub struct ItemsSearchArgs {
    /// Words to find in titles and descriptions: every word must match the start of a word there,
    /// ignoring case. None: every item (narrowed by the filters)
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,

    /// Tolerate one typo per word (words of three or more characters)
    #[arg(long)]
    pub fuzzy: bool,

    /// Title is exactly T (filters compare whole titles, case-sensitively)
    #[arg(long, value_name = "T")]
    pub title_eq: Option<String>,

    /// Title is not T
    #[arg(long, value_name = "T")]
    pub title_ne: Option<String>,

    /// Title is one of these (comma-separated)
    #[arg(long, value_name = "A,B", value_delimiter = ',')]
    pub title_in: Option<Vec<String>>,

    /// Title sorts after T
    #[arg(long, value_name = "T")]
    pub title_gt: Option<String>,

    /// Title is T or sorts after it
    #[arg(long, value_name = "T")]
    pub title_ge: Option<String>,

    /// Title sorts before T
    #[arg(long, value_name = "T")]
    pub title_lt: Option<String>,

    /// Title is T or sorts before it
    #[arg(long, value_name = "T")]
    pub title_le: Option<String>,

    /// Only video items
    #[arg(long, conflicts_with = "no_video")]
    pub video: bool,

    /// Only items that are not videos
    #[arg(long)]
    pub no_video: bool,

    /// A filter in the Wix query language (fields title and isVideo), joined to the flags above
    /// with $and: JSON text, @FILE, or - for stdin
    #[arg(long, value_name = "JSON|@FILE|-")]
    pub filter: Option<String>,

    /// Results per page (1..100, the service's maximum; default 10)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=i64::from(paging::SEARCH.max)), conflicts_with = "all")]
    pub limit: Option<u32>,

    #[command(flatten)]
    pub paging: PagingArgs,
}
