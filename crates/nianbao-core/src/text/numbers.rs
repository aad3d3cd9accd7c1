//! Numbers and amounts written in the prose, with their offsets.

use crate::base::normalize::{cn_numeral_value, is_space};
use crate::base::value::Unit;
use crate::base::{Decimal, Span};

/// A number written at the start of `s` (after spaces): ASCII or full-width digits, or a
/// Chinese numeral (一…九十九, 两, 零). Returns (value, byte length including nothing after).
pub fn number_at(s: &str) -> Option<(i64, usize, usize)> {
    let lead = s.len() - s.trim_start_matches([' ', '\u{a0}', '\u{3000}']).len();
    let rest = &s[lead..];
    let digits: usize = rest
        .chars()
        .take_while(|c| c.is_ascii_digit() || ('０'..='９').contains(c))
        .map(char::len_utf8)
        .sum();
    if digits > 0 && digits <= 27 {
        let v: String = rest[..digits]
            .chars()
            .map(|c| {
                if c.is_ascii_digit() {
                    c
                } else {
                    char::from_u32(c as u32 - 0xFEE0).unwrap()
                }
            })
            .collect();
        return v.parse().ok().map(|n| (n, lead, digits));
    }
    let cn: usize = rest
        .chars()
        .take_while(|c| {
            matches!(
                *c,
                '零' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '两'
            )
        })
        .take(3)
        .map(char::len_utf8)
        .sum();
    if cn > 0 {
        return cn_numeral_value(&rest[..cn]).map(|n| (n as i64, lead, cn));
    }
    None
}

/// The first number after `from` in `s` (digits, full-width digits or a Chinese numeral),
/// after at most `filler` characters that contain no digit and no clause punctuation, and
/// followed by one of `units` — or by no unit when `unitless` (the caller then checks the
/// filler). A number without a unit ends the search: `一次性` is not a count.
/// Returns (value, number start, number end, unit end), offsets into `s`.
pub fn number_after(
    s: &str,
    from: usize,
    filler: usize,
    units: &[&str],
    unitless: bool,
) -> Option<(i64, usize, usize, usize)> {
    for (k, (i, ch)) in s[from..].char_indices().enumerate() {
        if k > filler || matches!(ch, '，' | ',' | '；' | ';' | '。' | '、') {
            return None;
        }
        if let Some((n, lead, len)) = number_at(&s[from + i..]) {
            let at = from + i + lead;
            let rest = s[at + len..].trim_start();
            return match units.iter().find(|u| rest.starts_with(**u)) {
                Some(u) => Some((n, at, at + len, s.len() - rest.len() + u.len())),
                None if unitless && !rest.starts_with(['%', '％', '.']) => {
                    Some((n, at, at + len, at + len))
                }
                None => None,
            };
        }
    }
    None
}

/// An amount in the prose after `from`: at most `filler` characters without digits, then a
/// decimal number and `万元` or `元` (value, unit, span relative to `s`).
pub fn amount_after(s: &str, from: usize, filler: usize) -> Option<(Decimal, Unit, Span)> {
    let rest = &s[from..];
    let k = rest.find(|c: char| c.is_ascii_digit())?;
    if rest[..k].chars().count() > filler || rest[..k].contains(['，', ',', '；', '。']) {
        return None;
    }
    let len = rest[k..]
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(rest.len() - k);
    let v = Decimal::parse_unsigned(rest[k..k + len].trim_end_matches('.'))?;
    let after = rest[k + len..].trim_start();
    let unit = if after.starts_with("万元") {
        Unit::TenThousandYuan
    } else if after.starts_with('元') {
        Unit::Yuan
    } else {
        return None;
    };
    Some((v, unit, Span::new(from + k, from + k + len)))
}

/// Do a prose amount and a cell agree? The prose is converted to the cell's unit (when
/// known; otherwise either reading is accepted) and they may differ by half a unit of the
/// last decimal of the less precise figure.
pub fn amounts_agree(
    prose: Decimal,
    prose_unit: Unit,
    cell: Decimal,
    cell_unit: Option<Unit>,
) -> bool {
    let close = |a: Decimal, b: Decimal| {
        let s = a.scale.max(b.scale) + 1;
        let m = |d: Decimal| {
            d.mantissa
                .saturating_mul(10i128.saturating_pow(s - d.scale))
        };
        let diff = (m(a) - m(b)).abs();
        let coarse = a.scale.min(b.scale);
        diff.saturating_mul(2) <= 10i128.saturating_pow(s - coarse)
    };
    let converted = |to: Unit| match (prose_unit, to) {
        (Unit::Yuan, Unit::TenThousandYuan) => prose.shift(-4),
        (Unit::TenThousandYuan, Unit::Yuan) => prose.shift(4),
        _ => prose,
    };
    match cell_unit {
        Some(u) => close(converted(u), cell),
        None => close(converted(Unit::Yuan), cell) || close(converted(Unit::TenThousandYuan), cell),
    }
}
/// Text without whitespace and punctuation, for length checks.
pub fn content_chars(s: &str) -> usize {
    s.chars()
        .filter(|c| {
            !is_space(*c) && !c.is_ascii_punctuation() && !crate::base::normalize::is_cn_punct(*c)
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(
            number_after(
                "受理政府信息公开申请 3119 件",
                "受理".len(),
                14,
                &["件"],
                false
            )
            .map(|x| x.0),
            Some(3119)
        );
        assert_eq!(
            number_after("收到申请十二件", "收到".len(), 14, &["件"], false).map(|x| x.0),
            Some(12)
        );
        assert_eq!(
            number_after("答复15个工作日", "答复".len(), 3, &["件"], false),
            None
        );
        assert_eq!(
            number_after("制定，5件", "制定".len(), 3, &["件"], false),
            None
        );
        assert_eq!(
            number_after("制定数为0，", "制定".len(), 3, &["件"], true).map(|x| (x.0, x.3)),
            Some((0, "制定数为0".len()))
        );
        assert_eq!(number_at("12项"), Some((12, 0, 2)));
        assert_eq!(number_at(" １２项"), Some((12, 1, 6)));
        assert_eq!(number_at("十二项"), Some((12, 0, 6)));
        assert_eq!(number_at("两项"), Some((2, 0, 3)));
        assert_eq!(number_at("项"), None);
    }
}
