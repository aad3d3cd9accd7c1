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
            let end = find(lt + 4, b"-->").map(|e| e + 3).unwrap_or(b.len());
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
        // the tag ends at the first '>' outside quotes
        let mut k = name_end;
        let mut quote = 0u8;
        while k < b.len() {
            let c = b[k];
            if quote != 0 {
                if c == quote {
                    quote = 0;
                }
            } else if c == b'"' || c == b'\'' {
                quote = c;
            } else if c == b'>' {
                break;
            }
            k += 1;
        }
        let tag_end = (k + 1).min(b.len());
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
