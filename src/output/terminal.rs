//! What the Printer knows about the terminal (which streams are terminals, the width, the
//! colour variables), detected once in `main` so commands and tests never probe it themselves.

use std::io::{self, IsTerminal};

/// What the Printer needs to know about the terminal, resolved once in `main`.
#[derive(Debug, Clone)]
pub struct Terminal {
    pub stdin_tty: bool,
    pub stdout_tty: bool,
    pub stderr_tty: bool,
    /// Width for tables when it cannot be detected (`COLUMNS`).
    pub columns: Option<u16>,
    /// Width of the terminal on stderr, where progress bars are drawn: `COLUMNS`, else asked
    /// of the terminal itself.
    pub stderr_columns: Option<u16>,
    pub no_color: bool,
    pub clicolor_force: bool,
}

impl Terminal {
    /// Detects the terminal; `force_tty` (the hidden `PROGALLERY_FORCE_TTY`, for tests) pretends
    /// every stream is one.
    pub fn detect(
        force_tty: bool,
        columns: Option<u16>,
        no_color: bool,
        clicolor_force: bool,
    ) -> Terminal {
        Terminal {
            stdin_tty: force_tty || io::stdin().is_terminal(),
            stdout_tty: force_tty || io::stdout().is_terminal(),
            stderr_tty: force_tty || io::stderr().is_terminal(),
            columns: columns.or(if force_tty { Some(120) } else { None }),
            stderr_columns: columns
                .or(if force_tty { Some(120) } else { None })
                .or_else(|| {
                    console::Term::stderr()
                        .size_checked()
                        .map(|(_rows, columns)| columns)
                }),
            no_color,
            clicolor_force,
        }
    }
}
