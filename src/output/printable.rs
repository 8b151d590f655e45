//! Text from the service or from files, made safe to print for people. A title, a file name or
//! an error page may hold terminal control sequences (ESC, CSI, BEL, a carriage return): printed
//! raw in a table or a message, they could recolour the terminal, move the cursor, rewrite the
//! lines above or set its title. People's output (tables, `get` details, notices, warnings and
//! errors) shows each such character in caret notation instead (`^[` for ESC, `^?` for DEL,
//! `\u{9b}` for the C1 controls), as `cat -v` does; line breaks and tabs are kept. Data formats
//! (`json`, `jsonl`, `tsv`, `id`) are never altered: scripts get the bytes the service sent.

use std::borrow::Cow;

/// `text` with every control character but `\n` and `\t` written visibly.
pub fn printable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            c if !needs_escape(c) => out.push(c),
            '\u{7f}' => out.push_str("^?"),
            c if (c as u32) < 0x20 => {
                out.push('^');
                out.push(char::from(b'@' + c as u8));
            }
            c => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
        }
    }
    Cow::Owned(out)
}

/// A table cell: [`printable`], and a tab is a space (a tab would break the column's width).
pub fn printable_cell(cell: &str) -> String {
    printable(cell).replace('\t', " ")
}

fn needs_escape(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_sequences_are_shown_not_obeyed() {
        assert_eq!(printable("Sunset"), "Sunset");
        assert!(matches!(printable("Sunset"), Cow::Borrowed(_)));
        assert_eq!(printable("\x1b[2J\x1b]0;pwned\x07x"), "^[[2J^[]0;pwned^Gx");
        assert_eq!(printable("a\rb\x7fc\u{9b}31m"), "a^Mb^?c\\u{9b}31m");
        assert_eq!(printable("line 1\n\tline 2"), "line 1\n\tline 2");
        assert_eq!(printable_cell("a\tb\x1b"), "a b^[");
        assert_eq!(printable("Déjà vu 🌅"), "Déjà vu 🌅");
    }
}
