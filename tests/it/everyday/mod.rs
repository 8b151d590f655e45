//! Everyday use (issue 15): galleries by name, `--fields` and `--jq`, tables that keep what
//! people read, waits you can see, `journals`, hints that point the right way, default titles.

mod fields_jq;
mod hints;
mod journals;
mod names;
mod tables;
mod waits;
