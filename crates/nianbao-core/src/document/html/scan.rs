//! The scanner: tags (name only), comments, raw-text elements and text runs, each text run
//! as a byte range of the source. Never fails: a stray `<` is text.

use super::RAW_TEXT;

#[derive(Debug)]
pub(super) enum Tok<'a> {
    Start(&'a str, usize),
    End(&'a str),
    Text(usize, usize),
}

/// Scans `src` into tags and text runs. Never fails: stray `<` is text.
/// Scans `src`, handing each token to `out` as it is found (nothing is collected: a
/// page of millions of tags costs no memory here).
pub(super) fn scan<'a>(src: &'a str, mut out: impl FnMut(Tok<'a>)) {
    let b = src.as_bytes();
    let mut i = 0;
    let mut text_start = 0;
    let find = |from: usize, pat: &[u8]| {
        b[from.min(b.len())..]
            .windows(pat.len())
            .position(|w| w.eq_ignore_ascii_case(pat))
            .map(|p| from + p)
    };
    while i < b.len() {
        let Some(lt) = memchr::memchr(b'<', &b[i..]).map(|p| i + p) else {
            break;
        };
        let next = b.get(lt + 1).copied().unwrap_or(0);
        let (is_end, name_at) = if next == b'/' {
            (true, lt + 2)
        } else {
            (false, lt + 1)
        };
        if b[lt..].starts_with(b"<!--") {
            if lt > text_start {
                out(Tok::Text(text_start, lt));
            }
            let end = comment_end(b, lt + 4);
            i = end;
            text_start = end;
            continue;
        }
        if next == b'!' || next == b'?' {
            if lt > text_start {
                out(Tok::Text(text_start, lt));
            }
            let end = memchr::memchr(b'>', &b[lt..])
                .map(|p| lt + p + 1)
                .unwrap_or(b.len());
            i = end;
            text_start = end;
            continue;
        }
        if !b
            .get(name_at)
            .map(|c| c.is_ascii_alphabetic())
            .unwrap_or(false)
        {
            i = lt + 1;
            continue;
        }
        let name_end = (name_at..b.len())
            .find(|&k| !(b[k].is_ascii_alphanumeric() || b[k] == b'-' || b[k] == b':'))
            .unwrap_or(b.len());
        let tag_end = tag_end(b, name_end);
        if lt > text_start {
            out(Tok::Text(text_start, lt));
        }
        let name = &src[name_at..name_end];
        if is_end {
            out(Tok::End(name));
        } else {
            out(Tok::Start(name, lt));
            if RAW_TEXT.iter().any(|r| name.eq_ignore_ascii_case(r)) {
                let close = format!("</{name}");
                let end = find(tag_end, close.as_bytes()).unwrap_or(b.len());
                let after = memchr::memchr(b'>', &b[end..])
                    .map(|p| end + p + 1)
                    .unwrap_or(b.len());
                out(Tok::End(name));
                i = after;
                text_start = after;
                continue;
            }
        }
        i = tag_end;
        text_start = tag_end;
    }
    if text_start < b.len() {
        out(Tok::Text(text_start, b.len()));
    }
}

/// The end of a comment whose text starts at `from` (after `<!--`), as browsers end it:
/// `<!-->` and `<!--->` are empty comments, and `-->` or `--!>` ends one (WHATWG comment
/// states); an unclosed comment runs to the end.
fn comment_end(b: &[u8], from: usize) -> usize {
    let rest = &b[from.min(b.len())..];
    if rest.first() == Some(&b'>') {
        return from + 1;
    }
    if rest.starts_with(b"->") {
        return from + 2;
    }
    for q in memchr::memchr_iter(b'-', rest) {
        if rest.get(q + 1) != Some(&b'-') {
            continue;
        }
        match rest.get(q + 2) {
            Some(b'>') => return from + q + 3,
            Some(b'!') if rest.get(q + 3) == Some(&b'>') => return from + q + 4,
            _ => {}
        }
    }
    b.len()
}

/// The end of a tag (after its `>`) whose name ends at `from`: attributes are read as
/// browsers read them, so a quote opens a quoted value only right after `=` (`x=a'b` is
/// an unquoted value holding an apostrophe, not the start of a quote that would swallow the
/// rest of the page).
fn tag_end(b: &[u8], from: usize) -> usize {
    let mut k = from;
    // just after `=` (spaces allowed): a quote here starts a quoted value
    let mut after_eq = false;
    while k < b.len() {
        let c = b[k];
        match c {
            b'>' => return k + 1,
            b'"' | b'\'' if after_eq => {
                k = memchr::memchr(c, &b[k + 1..])
                    .map(|p| k + 1 + p + 1)
                    .unwrap_or(b.len());
                after_eq = false;
                continue;
            }
            b'=' => after_eq = true,
            b' ' | b'\t' | b'\n' | b'\r' | 0x0c => {}
            _ if after_eq => {
                // an unquoted value: up to a space or `>`
                while k < b.len() && !matches!(b[k], b' ' | b'\t' | b'\n' | b'\r' | 0x0c | b'>') {
                    k += 1;
                }
                after_eq = false;
                continue;
            }
            _ => {}
        }
        k += 1;
    }
    b.len()
}
