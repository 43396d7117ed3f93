//! Tables: the header row podman derives from field names, and the column aligner that lines up
//! tab-separated cells as Go's tabwriter does for podman.

/// `.ID` -> `ID` (or the override), `.CreatedAt` -> `CREATED AT`, `.Repository` -> `REPOSITORY`.
pub fn header_name(field: &str, overrides: &[(&str, &str)]) -> String {
    if let Some((_, h)) = overrides.iter().find(|(f, _)| *f == field) {
        return h.to_string();
    }
    let mut out = String::new();
    let chars: Vec<char> = field.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        // A word starts at an upper-case letter that follows a lower-case one, or that begins
        // a capitalised word after an acronym (`IDMappings` -> `ID MAPPINGS`).
        if i > 0 && c.is_uppercase() {
            let prev = chars[i - 1];
            let next_lower = chars.get(i + 1).is_some_and(|n| n.is_lowercase());
            if prev.is_lowercase() || prev.is_ascii_digit() || (prev.is_uppercase() && next_lower) {
                out.push(' ');
            }
        }
        out.extend(c.to_uppercase());
    }
    out
}

/// Aligns tab-separated cells as podman's tabwriter does (minimum cell width 12, padding 2):
/// a cell is text followed by a tab; the text after a line's last tab is not aligned.
/// Columns are aligned over runs of consecutive lines that have that column.
pub fn align(text: &str) -> String {
    const MIN_WIDTH: usize = 12;
    const PADDING: usize = 2;
    let lines: Vec<Vec<&str>> = text.split('\n').map(|l| l.split('\t').collect()).collect();
    // widths[line][col] for every tab-terminated cell.
    let mut widths: Vec<Vec<usize>> = lines
        .iter()
        .map(|cells| vec![0; cells.len().saturating_sub(1)])
        .collect();
    let max_cols = widths.iter().map(Vec::len).max().unwrap_or(0);
    for col in 0..max_cols {
        let mut i = 0;
        while i < lines.len() {
            if widths[i].len() <= col {
                i += 1;
                continue;
            }
            let start = i;
            let mut w = MIN_WIDTH;
            while i < lines.len() && widths[i].len() > col {
                w = w.max(lines[i][col].chars().count() + PADDING);
                i += 1;
            }
            for row in &mut widths[start..i] {
                row[col] = w;
            }
        }
    }
    let mut out = String::with_capacity(text.len() * 2);
    for (i, cells) in lines.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let mut line = String::new();
        for (col, cell) in cells.iter().enumerate() {
            line.push_str(cell);
            if col + 1 < cells.len() {
                let pad = widths[i][col].saturating_sub(cell.chars().count());
                line.extend(std::iter::repeat_n(' ', pad));
            }
        }
        // Trailing padding from an empty last cell is noise.
        out.push_str(if cells.len() > 1 && cells.last() == Some(&"") {
            line.trim_end_matches(' ')
        } else {
            &line
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_from_field_names() {
        let o = &[("ID", "IMAGE ID")];
        assert_eq!(header_name("Repository", o), "REPOSITORY");
        assert_eq!(header_name("ID", o), "IMAGE ID");
        assert_eq!(header_name("CreatedAt", o), "CREATED AT");
        assert_eq!(header_name("IDMappings", o), "ID MAPPINGS");
    }

    #[test]
    fn align_like_tabwriter() {
        assert_eq!(
            align("a\tb\nlonger-than-twelve\tc"),
            "a                   b\nlonger-than-twelve  c"
        );
        // Lines without tabs break a column block.
        assert_eq!(
            align("a\tb\nplain\nccc\td"),
            "a           b\nplain\nccc         d"
        );
    }
}
