//! CSV as RFC 4180 has it: commas, `"` quoting with `""` for a quote, quoted fields may hold
//! commas and newlines, CRLF or LF line ends. Small enough to own rather than add a crate; it
//! keeps the line each record starts on, which the manifest's error messages name.

/// Records with the line each starts on.
pub fn split_csv(text: &str) -> Result<Vec<(usize, Vec<String>)>, String> {
    let mut records = Vec::new();
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut line = 1;
    let mut start_line = 1;
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    let mut any = false;
    while let Some(c) = chars.next() {
        any = true;
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                '\n' => {
                    line += 1;
                    field.push(c);
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.trim().is_empty() => {
                field.clear();
                quoted = true;
            }
            ',' => fields.push(std::mem::take(&mut field)),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                fields.push(std::mem::take(&mut field));
                records.push((start_line, std::mem::take(&mut fields)));
                line += 1;
                start_line = line;
                any = false;
            }
            _ => field.push(c),
        }
    }
    if quoted {
        return Err(format!("line {start_line}: a quoted field is never closed"));
    }
    if any {
        fields.push(field);
        records.push((start_line, fields));
    }
    Ok(records)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_newlines_and_line_numbers() {
        let records = split_csv("a,b\r\n\"x, \"\"y\"\"\",\"two\nlines\"\nlast,\n").unwrap();
        assert_eq!(records[0], (1, vec!["a".to_string(), "b".to_string()]));
        assert_eq!(
            records[1].1,
            vec!["x, \"y\"".to_string(), "two\nlines".to_string()]
        );
        assert_eq!(records[2], (4, vec!["last".to_string(), String::new()]));
        assert!(split_csv("a,\"open\n").is_err());
    }
}
