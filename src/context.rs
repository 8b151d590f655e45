//! What a command receives: the global flags, the resolved paths and (later) the profile, the API
//! client and the Printer. Built once in `main`.

use crate::cli::GlobalArgs;
use crate::paths::Paths;

pub struct Context {
    pub global: GlobalArgs,
    pub paths: Paths,
}
