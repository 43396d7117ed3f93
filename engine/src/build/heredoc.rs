//! RUN here-documents, found before `parse-dockerfile` sees the file: that parser takes one
//! document, and only when the command starts with it (`RUN <<EOF`), so `RUN <<A <<B` or
//! `RUN cat <<EOF > file` would read the documents' lines as instructions. Here every RUN's
//! documents are taken out (their lines left blank, so line numbers hold, and the RUN's `<<`
//! hidden), and handed back by the RUN's line. COPY/ADD documents stay with the parser, which
//! reads several; their lines are only skipped. An ONBUILD trigger's documents, whatever its
//! instruction, are all taken out and handed back by the ONBUILD's line.

use std::collections::HashMap;

/// One here-document of a RUN.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunDoc {
    /// The delimiter, unquoted.
    pub name: String,
    /// The lines as written, each with its newline.
    pub raw: String,
    /// The lines with leading tabs removed for `<<-`, else `raw`.
    pub content: String,
    /// False when the delimiter was quoted.
    pub expand: bool,
}

/// A RUN that has here-documents: its command as written (after the flags, continuations
/// joined, the `<<` markers kept) and its documents in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunDocs {
    pub command: String,
    pub docs: Vec<RunDoc>,
}

/// A here-document marker (`<<NAME`, `<<-NAME`, `<<"NAME"`) as BuildKit finds them: words of
/// the line, quotes kept, that start with `<<`.
fn markers(line: &str) -> Vec<(String, bool, bool)> {
    let mut out = Vec::new();
    for word in words(line) {
        let Some(rest) = word.strip_prefix("<<") else {
            continue;
        };
        let (chomp, rest) = match rest.strip_prefix('-') {
            Some(r) => (true, r),
            None => (false, rest),
        };
        let quoted = rest.contains(['"', '\'']);
        let name: String = rest.chars().filter(|c| *c != '"' && *c != '\'').collect();
        if name.is_empty() || name.contains('<') {
            continue;
        }
        out.push((name, chomp, !quoted));
    }
    out
}

/// Splits on whitespace outside quotes, quotes kept.
fn words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quote = None;
    for c in line.chars() {
        match quote {
            Some(q) => {
                cur.push(c);
                if c == q {
                    quote = None;
                }
            }
            None if c == '"' || c == '\'' => {
                quote = Some(c);
                cur.push(c);
            }
            None if c.is_whitespace() => {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            }
            None => cur.push(c),
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// `# escape=` among the leading comment lines.
fn escape_of(text: &str) -> char {
    for line in text.lines() {
        let t = line.trim();
        let Some(c) = t.strip_prefix('#') else { break };
        let c = c.trim_start();
        if let Some(v) = c.strip_prefix("escape") {
            if let Some(v) = v.trim_start().strip_prefix('=') {
                if let Some(ch) = v.trim().chars().next() {
                    return ch;
                }
            }
        }
    }
    '\\'
}

/// Takes the RUN here-documents out of `text`: the text the parser gets (the same lines and
/// byte offsets) and the
/// RUNs with documents by their first line (1-based). An unterminated document is an error
/// naming its line.
pub fn extract(text: &str) -> Result<(String, HashMap<usize, RunDocs>), (usize, String)> {
    let escape = escape_of(text);
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    let mut found = HashMap::new();
    let mut i = 0;
    while i < lines.len() {
        let first = lines[i].trim_start();
        if first.trim().is_empty() || first.starts_with('#') {
            i += 1;
            continue;
        }
        // The instruction's logical line: continuations joined, comment lines inside dropped.
        let start = i;
        let mut logical = String::new();
        loop {
            let l = lines[i].trim_end_matches(['\n', '\r']);
            if i > start && l.trim_start().starts_with('#') {
                i += 1;
                if i >= lines.len() {
                    break;
                }
                continue;
            }
            match l.trim_end().strip_suffix(escape) {
                Some(body) if i + 1 < lines.len() => {
                    logical.push_str(body);
                    i += 1;
                }
                _ => {
                    logical.push_str(l);
                    break;
                }
            }
        }
        let end = i; // the instruction's last line
        i += 1;
        let (mut keyword, mut args) = keyword_split(&logical);
        // An ONBUILD trigger's documents are recorded with it (BuildKit keeps them after the
        // trigger's text) and run by the child build, which parses the trigger again.
        let onbuild = keyword == "ONBUILD";
        if onbuild {
            (keyword, args) = keyword_split(&args);
        }
        if !matches!(keyword.as_str(), "RUN" | "COPY" | "ADD") {
            continue;
        }
        // The exec form has no here-documents (a `<<` in it is the program's business).
        if skip_flags(&args).starts_with('[') {
            continue;
        }
        let found_markers = markers(&args);
        if found_markers.is_empty() {
            continue;
        }
        let mut docs = Vec::new();
        for (name, chomp, expand) in found_markers {
            let mut raw = String::new();
            let mut content = String::new();
            loop {
                let Some(l) = lines.get(i) else {
                    return Err((
                        start + 1,
                        format!("here-document {name:?} has no terminating line {name:?}"),
                    ));
                };
                let bare = l.trim_end_matches(['\n', '\r']);
                let stripped = if chomp {
                    bare.trim_start_matches('\t')
                } else {
                    bare
                };
                if keyword == "RUN" || onbuild {
                    // Blank, and as long: byte offsets into the text stay those of `text`.
                    out[i] = format!("{}{}", " ".repeat(bare.len()), &l[bare.len()..]);
                }
                i += 1;
                if stripped == name {
                    break;
                }
                raw.push_str(bare);
                raw.push('\n');
                content.push_str(stripped);
                content.push('\n');
            }
            docs.push(RunDoc {
                name,
                raw,
                content,
                expand,
            });
        }
        if keyword != "RUN" && !onbuild {
            continue;
        }
        for line in &mut out[start..=end] {
            *line = line.replace("<<", "  ");
        }
        found.insert(
            start + 1,
            RunDocs {
                command: skip_flags(&args).to_string(),
                docs,
            },
        );
    }
    Ok((out.concat(), found))
}

/// An instruction's keyword (upper case) and the text after it.
fn keyword_split(logical: &str) -> (String, String) {
    let t = logical.trim_start();
    let keyword: String = t.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
    let args = t[keyword.len()..].to_string();
    (keyword.to_ascii_uppercase(), args)
}

/// The command after a RUN's `--flag[=value]` options.
fn skip_flags(args: &str) -> &str {
    let mut rest = args.trim_start();
    while rest.starts_with("--") {
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        rest = rest[end..].trim_start();
    }
    rest.trim_end()
}

/// Whether a RUN's command is nothing but one here-document (`<<EOF`), which BuildKit runs as
/// the script itself.
pub fn is_only_a_marker(command: &str) -> bool {
    let w = words(command);
    w.len() == 1 && markers(command).len() == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn several_documents_and_lines_kept() {
        let text = "FROM x\nRUN --network=none <<A cat - <<-\"B\" \\\n  > /out\none $X\nA\n\ttwo\n\tB\nCOPY <<C /c\nRUN <<D\nC\nRUN true\n";
        let (t, found) = extract(text).unwrap();
        assert_eq!(t.lines().count(), text.lines().count());
        assert_eq!(t.len(), text.len());
        assert!(!t.contains("one $X") && t.contains("RUN --network=none   A cat -   -\"B\""));
        // The COPY's document is left to the parser, the RUN in it untouched.
        assert!(t.contains("COPY <<C /c\nRUN <<D\nC\n"));
        let r = &found[&2];
        assert_eq!(r.command, "<<A cat - <<-\"B\"   > /out");
        assert_eq!(r.docs.len(), 2);
        assert_eq!(r.docs[0].content, "one $X\n");
        assert!(r.docs[0].expand);
        assert_eq!(r.docs[1].raw, "\ttwo\n");
        assert_eq!(r.docs[1].content, "two\n");
        assert!(!r.docs[1].expand);
        assert_eq!(found.len(), 1);
        assert!(!is_only_a_marker(&r.command));
        assert!(is_only_a_marker("<<EOF"));
    }

    #[test]
    fn the_exec_form_has_none() {
        let text = "FROM x\nRUN [\"sh\", \"-c\", \"cat <<EOF\"]\nCOPY a b\n";
        let (t, found) = extract(text).unwrap();
        assert_eq!(t, text);
        assert!(found.is_empty());
    }

    #[test]
    fn a_missing_terminator_names_the_line() {
        let e = extract("FROM x\n\nRUN <<EOF\necho\n").unwrap_err();
        assert_eq!(e.0, 3);
    }
}
