//! Progress bars on stderr: shown only when stderr is a terminal and `--quiet` is off, and
//! drawn through a small stderr terminal of our own so tests can see them under
//! `PROGALLERY_FORCE_TTY`. Every bar, and every wait notice (`waits.rs`), is drawn through one
//! `MultiProgress` of the Printer, so a notice shown during a bulk run sits on its own line
//! under the bar instead of fighting it for the same one.

use std::io::{self, IsTerminal, Write};

use super::Printer;

impl Printer {
    /// A progress bar on stderr, hidden unless stderr is a terminal and `--quiet` is off.
    pub fn progress(&self, length: u64, message: &str) -> indicatif::ProgressBar {
        // Only on a real terminal, as before: under PROGALLERY_FORCE_TTY these bars stay out of
        // the tests' stderr (transfer bars are drawn there on purpose).
        if self.quiet || !self.terminal.stderr_tty || !io::stderr().is_terminal() {
            return indicatif::ProgressBar::hidden();
        }
        let bar = self.bars().add(indicatif::ProgressBar::with_draw_target(
            Some(length),
            indicatif::ProgressDrawTarget::hidden(),
        ));
        if let Ok(style) = indicatif::ProgressStyle::with_template(
            "{msg} [{wide_bar}] {pos}/{len} ({rate}, ETA {eta})",
        ) {
            // Whole items per second: indicatif's own `per_sec` prints four decimals.
            let style = style.with_key(
                "rate",
                |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                    // Before a second has passed the rate is one tick over microseconds
                    // (hundreds of thousands per second): show none rather than a wrong one.
                    if state.elapsed().as_secs_f64() < 1.0 {
                        let _ = write!(w, "-/s");
                    } else {
                        let _ = write!(w, "{:.0}/s", state.per_sec());
                    }
                },
            );
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_message(message.to_string());
        bar
    }

    /// The progress bar of a transfer (`items add`): bytes sent when there are bytes to send,
    /// with the items done in its message; items alone otherwise. Hidden like `progress`.
    pub fn transfer_progress(&self, items: u64, bytes: u64) -> indicatif::ProgressBar {
        if self.quiet || !self.terminal.stderr_tty {
            return indicatif::ProgressBar::hidden();
        }
        let (length, template) = if bytes > 0 {
            (
                bytes,
                "{msg} [{wide_bar}] {bytes}/{total_bytes} ({binary_bytes_per_sec}, {eta})",
            )
        } else {
            (items, "{msg} [{wide_bar}] ({eta})")
        };
        // Drawn on whatever stderr is once the Printer judged it a terminal (indicatif's own
        // check would hide it under PROGALLERY_FORCE_TTY, which tests use to see it).
        let bar = self.bars().add(indicatif::ProgressBar::with_draw_target(
            Some(length),
            indicatif::ProgressDrawTarget::hidden(),
        ));
        if let Ok(style) = indicatif::ProgressStyle::with_template(template) {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_message(format!("adding items 0/{items}"));
        bar
    }
}

impl Printer {
    /// The lines on stderr every bar and wait notice is drawn in, made on first use.
    pub(super) fn bars(&self) -> &indicatif::MultiProgress {
        self.bars.get_or_init(|| {
            indicatif::MultiProgress::with_draw_target(
                indicatif::ProgressDrawTarget::term_like_with_hz(Box::new(self.stderr_term()), 10),
            )
        })
    }

    /// stderr for a bar. indicatif pads a bar's line with spaces to the full width it is given
    /// (to keep the cursor at the right edge); on the real width, the `^C` a terminal echoes
    /// wrapped that line, and clearing the bar then cleared only the wrapped part, leaving a
    /// half-drawn bar above the summary. Three columns spare leave room for the echo. The bar
    /// itself takes what the text leaves (a fixed 30 overflowed 80 columns during a transfer),
    /// up to a line of 100 so it does not stretch across a wide screen.
    fn stderr_term(&self) -> StderrTerm {
        let columns = self.terminal.stderr_columns.unwrap_or(80);
        StderrTerm {
            width: columns.saturating_sub(3).clamp(20, 100),
        }
    }
}

/// stderr as indicatif's terminal: plain ANSI cursor moves.
#[derive(Debug)]
struct StderrTerm {
    width: u16,
}

impl StderrTerm {
    fn put(&self, text: &str) -> io::Result<()> {
        io::stderr().write_all(text.as_bytes())
    }
}

impl indicatif::TermLike for StderrTerm {
    fn width(&self) -> u16 {
        self.width
    }
    fn move_cursor_up(&self, n: usize) -> io::Result<()> {
        if n > 0 {
            self.put(&format!("\x1b[{n}A"))?;
        }
        Ok(())
    }
    fn move_cursor_down(&self, n: usize) -> io::Result<()> {
        if n > 0 {
            self.put(&format!("\x1b[{n}B"))?;
        }
        Ok(())
    }
    fn move_cursor_right(&self, n: usize) -> io::Result<()> {
        if n > 0 {
            self.put(&format!("\x1b[{n}C"))?;
        }
        Ok(())
    }
    fn move_cursor_left(&self, n: usize) -> io::Result<()> {
        if n > 0 {
            self.put(&format!("\x1b[{n}D"))?;
        }
        Ok(())
    }
    fn write_line(&self, s: &str) -> io::Result<()> {
        self.put(s)?;
        self.put("\n")
    }
    fn write_str(&self, s: &str) -> io::Result<()> {
        self.put(s)
    }
    fn clear_line(&self) -> io::Result<()> {
        self.put("\r\x1b[2K")
    }
    fn flush(&self) -> io::Result<()> {
        io::stderr().flush()
    }
}
