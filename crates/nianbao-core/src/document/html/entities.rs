//! Character references and whitespace entities.

use crate::base::normalize::is_space;
use crate::base::Span;
use std::borrow::Cow;

pub const SPACE_ENTITIES: &[&str] = &[
    "&nbsp;", "&#160;", "&#xa0;", "&#xA0;", "&ensp;", "&emsp;", "&#12288;", "&thinsp;", "&NBSP;",
];

/// Trims whitespace and whitespace entities at both ends of `src[start..end]`.
pub(super) fn trim_entities(src: &str, mut start: usize, mut end: usize) -> Span {
    loop {
        let s = &src[start..end];
        if let Some(c) = s.chars().next().filter(|c| is_space(*c)) {
            start += c.len_utf8();
        } else if let Some(e) = SPACE_ENTITIES.iter().find(|e| s.starts_with(**e)) {
            start += e.len();
        } else {
            break;
        }
    }
    loop {
        let s = &src[start..end];
        if let Some(c) = s.chars().next_back().filter(|c| is_space(*c)) {
            end -= c.len_utf8();
        } else if let Some(e) = SPACE_ENTITIES.iter().find(|e| s.ends_with(**e)) {
            end -= e.len();
        } else {
            break;
        }
    }
    Span::new(start, end.max(start))
}

pub(super) fn collapse_spaces(s: Cow<'_, str>) -> Cow<'_, str> {
    // most runs have no whitespace but single spaces between words: nothing to collapse
    let mut prev_space = true;
    let unchanged = s.chars().all(|c| {
        let space = is_space(c);
        let ok = !space || (c == ' ' && !prev_space);
        prev_space = space;
        ok
    }) && !prev_space;
    if unchanged || s.is_empty() {
        return s;
    }
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if is_space(c) {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Decodes the HTML entities that occur in reports (named ones and numeric references).
pub fn decode_entities(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        // a reference is at most ten bytes long: look no further for its `;`
        let window = &rest.as_bytes()[1..rest.len().min(11)];
        let end = memchr::memchr(b';', window).map(|j| j + 1);
        let decoded = end.and_then(|j| {
            let name = &rest[1..j];
            let c = match name {
                "nbsp" | "NBSP" | "ensp" | "emsp" | "thinsp" => Some(' '),
                "amp" | "AMP" => Some('&'),
                "lt" | "LT" => Some('<'),
                "gt" | "GT" => Some('>'),
                "quot" | "QUOT" => Some('"'),
                "apos" => Some('\''),
                "ldquo" => Some('“'),
                "rdquo" => Some('”'),
                "lsquo" => Some('‘'),
                "rsquo" => Some('’'),
                "mdash" => Some('—'),
                "ndash" => Some('–'),
                "middot" => Some('·'),
                "hellip" => Some('…'),
                "times" => Some('×'),
                _ if name.starts_with("#x") || name.starts_with("#X") => {
                    u32::from_str_radix(&name[2..], 16)
                        .ok()
                        .and_then(char::from_u32)
                }
                _ if name.starts_with('#') => {
                    name[1..].parse::<u32>().ok().and_then(char::from_u32)
                }
                _ => None,
            };
            c.map(|c| (c, j + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}
