//! Reading a report JSON back (`Report::from_json`): the page's checker runs in a Web
//! Worker and hands its report over as the JSON every other tool gets. Fields that are
//! `&'static str` in the report (rule codes and names, row kinds, sources) are interned:
//! each distinct string is kept once for the life of the program, so a long session does
//! not grow with every check.

use super::Span;
use serde::de::{Deserialize, Deserializer, Error};
use std::sync::Mutex;

/// Most distinct interned strings; beyond them (never reached by a real report JSON, whose
/// strings come from the rule registry and a few fixed words) the string is `"?"`.
const MAX_INTERNED: usize = 4096;

/// `&'static str`, named so that serde's derive does not take the field for text borrowed
/// from the input (it does so for every field written `&str`).
pub type Interned = &'static str;

static INTERNED: Mutex<Vec<&'static str>> = Mutex::new(Vec::new());

/// The one `'static` copy of `s`.
pub fn intern(s: &str) -> &'static str {
    let mut all = INTERNED.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(k) = all.iter().find(|k| **k == s) {
        return k;
    }
    if all.len() >= MAX_INTERNED {
        return "?";
    }
    let k: &'static str = Box::leak(s.to_owned().into_boxed_str());
    all.push(k);
    k
}

/// `deserialize_with` for a `&'static str` field.
pub fn interned<'de, D: Deserializer<'de>>(d: D) -> Result<&'static str, D::Error> {
    let s = std::borrow::Cow::<str>::deserialize(d)?;
    Ok(intern(&s))
}

/// `deserialize_with` for an `Option<&'static str>` field.
pub fn interned_opt<'de, D: Deserializer<'de>>(d: D) -> Result<Option<&'static str>, D::Error> {
    let s = Option::<std::borrow::Cow<str>>::deserialize(d)?;
    Ok(s.map(|s| intern(&s)))
}

/// A span is written `[start, end]`.
impl<'de> Deserialize<'de> for Span {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let [start, end] = <[usize; 2]>::deserialize(d)?;
        if start > end {
            return Err(D::Error::custom("span start after end"));
        }
        Ok(Span { start, end })
    }
}
