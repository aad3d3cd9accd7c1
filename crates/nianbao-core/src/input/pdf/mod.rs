//! PDF files with text (exports of Word, WPS, LibreOffice, Chromium): the glyphs of each
//! page with their positions, placed into the cells of the tables its rules draw, and the
//! rest read as lines and paragraphs (see [`layout`]). Running headers, footers and page
//! numbers are dropped; pages are apart by a line holding a form feed (`\f`), which is how
//! the report JSON gives each position its `page`. A PDF of images alone is a scan (no
//! OCR); an encrypted one is refused, as is one whose fonts map no glyph to text.
//!
//! Own code rather than a PDF crate: the general ones bring encodings, decryption and
//! image codecs that the page's file reader would carry for nothing; reading text needs the
//! object syntax, Flate, fonts' ToUnicode maps and a small content-stream interpreter.

mod columns;
mod content;
mod file;
mod font;
mod grid;
mod layout;
mod object;

use super::Refusal;

/// Is this a PDF (its header within the first KiB, as readers allow)?
pub fn is_pdf(bytes: &[u8]) -> bool {
    memchr::memmem::find(&bytes[..bytes.len().min(1024)], b"%PDF-").is_some()
}

/// The text of a PDF, pages apart by a `\f` line.
pub fn text(bytes: &[u8]) -> Result<String, Refusal> {
    text_with_progress(bytes, &mut |_, _| {})
}

/// [`text`], telling `progress(done, pages)` after each page is read (the page shows it for
/// a long PDF).
pub fn text_with_progress(
    bytes: &[u8],
    progress: &mut dyn FnMut(usize, usize),
) -> Result<String, Refusal> {
    let f = file::File::parse(bytes);
    if f.encrypted() {
        return Err(Refusal::PdfEncrypted);
    }
    let pages = f.pages();
    if pages.is_empty() {
        return Err(Refusal::PdfDamaged);
    }
    let mut runner = content::Runner::new(&f);
    let (mut glyphs, mut unmapped, mut images) = (0, 0, 0);
    let mut all: Vec<(Vec<layout::Line>, [f64; 4])> = Vec::with_capacity(pages.len());
    for (k, p) in pages.iter().enumerate() {
        let ink = runner.page(&p.contents, &p.resources);
        progress(k + 1, pages.len());
        glyphs += ink.glyphs.len();
        unmapped += ink.unmapped;
        images += ink.images;
        all.push((layout::page_lines(&ink), p.media));
    }
    if glyphs == 0 {
        return Err(if unmapped > 0 {
            Refusal::PdfNoUnicode
        } else if images > 0 {
            Refusal::PdfScanned
        } else {
            Refusal::Empty
        });
    }
    drop_running(&mut all);
    for i in 1..all.len() {
        let (before, after) = all.split_at_mut(i);
        continue_table(&mut before[i - 1].0, &mut after[0].0);
        // a row wholly merged into the page before leaves nothing
        if after[0]
            .0
            .first()
            .is_some_and(|l| l.cells.as_ref().is_some_and(Vec::is_empty))
        {
            let gone = after[0].0.remove(0);
            // what it carried over, the next row carries
            if let Some(next) = after[0].0.first_mut().filter(|l| l.is_row()) {
                next.carried = gone.carried;
            }
        }
    }
    let mut pages: Vec<layout::Page> = all
        .into_iter()
        .map(|(l, _)| layout::paragraphs(l))
        .collect();
    // a paragraph that goes on on the next page is one paragraph (on the page it starts)
    for i in 1..pages.len() {
        let (before, after) = pages.split_at_mut(i);
        let (prev, next) = (&mut before[i - 1], &mut after[0]);
        let kept_whole = match (prev.room, next.lines.first()) {
            (Some(room), Some(first)) => first.lead > 0.0 && first.lead > room,
            _ => false,
        };
        if (prev.open_end || kept_whole) && next.flush_start {
            if let Some(last) = prev.lines.last_mut().filter(|l| !l.is_row()) {
                let first = next.lines.remove(0);
                layout::join_wrapped(&mut last.text, &first.text);
            }
        }
    }
    let mut out = String::new();
    for (i, p) in pages.into_iter().enumerate() {
        if i > 0 {
            out.push_str("\u{c}\n");
        }
        for l in p.lines {
            out.push_str(&l.into_text());
            out.push('\n');
        }
    }
    Ok(out)
}

/// A table that goes on from one page to the next. A row broken by the page break (each
/// piece of its second part under a cell of the first, the cell above being the nearest
/// one at the same place) is one row again, its cells' parts joined. Otherwise the next
/// page's first row is a row of its own, and its cells that only continue a merged cell of
/// the page before (under a cell open at the table's bottom: blank, or spanning rows) are
/// part of that cell, not cells again.
fn continue_table(prev: &mut [layout::Line], next: &mut [layout::Line]) {
    let same = |a: &layout::Cell, b: &layout::Cell| {
        (a.x0 - b.x0).abs() <= 2.0 && (a.x1 - b.x1).abs() <= 2.0
    };
    // a value cell (a number or a placeholder such as `/`), as the table readers tell one
    let numeric = |t: &str| crate::base::value::is_value(t.trim());
    let Some(first) = next.first_mut() else {
        return;
    };
    let split_top = first.split_top;
    let Some(below) = first.cells.as_mut() else {
        return;
    };
    let Some(last_row) = prev.iter().rposition(|l| l.is_row()) else {
        return;
    };
    if prev[last_row + 1..].iter().any(|l| !l.text.is_empty()) {
        return;
    }
    let open = std::mem::take(&mut prev[last_row].open);
    let broken = prev[last_row].split_bottom || split_top;
    let is_open = |c: &layout::Cell| {
        open.iter()
            .any(|&(x0, x1)| (x0 - c.x0).abs() <= 2.0 && (x1 - c.x1).abs() <= 2.0)
    };
    // the table's rows on the page before, from the last one up
    let rows: Vec<usize> = (0..=last_row)
        .rev()
        .take_while(|&i| prev[i].is_row())
        .collect();
    let above = |prev: &[layout::Line], c: &layout::Cell| -> Option<(usize, usize)> {
        rows.iter().find_map(|&i| {
            let k = prev[i].cells.as_ref()?.iter().position(|a| same(a, c))?;
            Some((i, k))
        })
    };
    // blank cells that only continue a cell above: open under it, or spanning rows (the
    // cell above perhaps on a page before, carried over as such a blank)
    let carried_above = |c: &layout::Cell| {
        rows.iter().any(|&i| {
            prev[i]
                .carried
                .iter()
                .any(|&(x0, x1)| (x0 - c.x0).abs() <= 2.0 && (x1 - c.x1).abs() <= 2.0)
        })
    };
    let mut carried = Vec::new();
    below.retain(|c| {
        let goes_on = c.text.is_empty()
            && (is_open(c) || (c.tall && (above(prev, c).is_some() || carried_above(c))));
        if goes_on {
            carried.push((c.x0, c.x1));
        }
        !goes_on
    });
    first.carried = carried;
    // the whole row: text under text, or anything under a blank cell when a rule at the
    // break is missing (the row may be broken); with both rules drawn, only text
    let targets: Option<Vec<(usize, usize)>> = below
        .iter()
        .filter(|c| !c.text.is_empty())
        .map(|c| {
            let (i, k) = above(prev, c)?;
            let a = &prev[i].cells.as_ref()?[k].text;
            let fits = if broken {
                a.is_empty() || (!numeric(a) && !numeric(&c.text))
            } else {
                !a.is_empty() && !numeric(a) && !numeric(&c.text)
            };
            fits.then_some((i, k))
        })
        .collect();
    let whole = targets.as_ref().is_some_and(|t| !t.is_empty());
    let mut joins = Vec::new();
    if let (true, Some(t)) = (whole, targets) {
        let parts = below
            .iter()
            .filter(|c| !c.text.is_empty())
            .map(|c| c.text.clone());
        joins.extend(t.into_iter().zip(parts));
        below.clear();
    } else {
        // a row of its own: merged cells going on from the page before join their first part
        below.retain(|c| {
            if !(c.tall && is_open(c)) {
                return true;
            }
            if let Some(t) = above(prev, c) {
                joins.push((t, c.text.clone()));
            }
            false
        });
    }
    for ((i, k), t) in joins {
        if let Some(c) = prev[i].cells.as_mut().and_then(|cs| cs.get_mut(k)) {
            layout::join_wrapped(&mut c.text, &t);
        }
    }
}

/// Drops running headers and footers: in the top or bottom 8 % of a page, page numbers
/// (`- 3 -`, `第 3 页`, `3 / 6`, `3`) and lines that repeat (digits aside) on at least half
/// of the pages (two at least).
fn drop_running(pages: &mut [(Vec<layout::Line>, [f64; 4])]) {
    let margin = |l: &layout::Line, m: &[f64; 4]| {
        let h = (m[3] - m[1]) as f32;
        !l.is_row() && (l.y > m[3] as f32 - 0.08 * h || l.y < m[1] as f32 + 0.08 * h)
    };
    let key = |t: &str| -> String {
        t.chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| if c.is_ascii_digit() { '#' } else { c })
            .collect()
    };
    let mut counts: std::collections::HashMap<String, usize> = Default::default();
    for (lines, m) in pages.iter() {
        let mut seen: Vec<String> = lines
            .iter()
            .filter(|l| margin(l, m))
            .map(|l| key(&l.text))
            .collect();
        seen.sort_unstable();
        seen.dedup();
        for k in seen {
            *counts.entry(k).or_default() += 1;
        }
    }
    let n = pages.len();
    for (lines, m) in pages.iter_mut() {
        lines.retain(|l| {
            if !margin(l, m) {
                return true;
            }
            let k = key(&l.text);
            let repeated = n >= 2 && counts.get(&k).is_some_and(|&c| c >= 2 && c * 2 >= n);
            // (numbers apart by tabs: a table's row, not a page number)
            !(repeated || (page_number(&k) && !l.text.contains('\t')))
        });
    }
}

/// A page number with its digits as `#`: `#`, `-#-`, `第#页`, `第#页共#页`, `#/#`, `Page#`.
fn page_number(k: &str) -> bool {
    let core = k.trim_matches(['-', '—', '–', '－', '·']);
    let stripped = core
        .trim_start_matches('第')
        .trim_end_matches('页')
        .replace("页共", "/")
        .replace("共", "")
        .replace(['／', '/'], "");
    !core.is_empty() && !stripped.is_empty() && stripped.chars().all(|c| c == '#')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers_by_their_forms() {
        for k in ["#", "-#-", "第#页", "第#页共#页", "#/#", "—##—"] {
            assert!(page_number(k), "{k}");
        }
        for k in ["一、总体情况", "#件", "", "--"] {
            assert!(!page_number(k), "{k}");
        }
    }

    #[test]
    fn not_a_pdf_or_a_broken_one_never_panics() {
        assert!(!is_pdf(b"PK\x03\x04"));
        assert!(is_pdf(b"\n%PDF-1.7\n"));
        assert_eq!(text(b"%PDF-1.4\n").unwrap_err(), Refusal::PdfDamaged);
        assert_eq!(
            text(b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj trailer<</Root 1 0 R/Encrypt 2 0 R>>")
                .unwrap_err(),
            Refusal::PdfEncrypted
        );
    }
}
