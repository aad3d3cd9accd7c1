//! What the two Word readers (.docx, .doc) share: list numbers as Word writes them
//! (ECMA-376 `ST_NumberFormat`: the `一、` and `（一）` of headings numbered automatically,
//! which are not in a document's text) and their counters, how a cell's paragraphs become
//! one cell, and little-endian reads of a binary structure.

use std::collections::HashMap;
use std::hash::Hash;

/// The little-endian `u16` at `at`, if `b` holds it.
pub fn le16(b: &[u8], at: usize) -> Option<usize> {
    Some(u16::from_le_bytes(b.get(at..at.checked_add(2)?)?.try_into().ok()?) as usize)
}

/// The little-endian `u32` at `at`, if `b` holds it.
pub fn le32(b: &[u8], at: usize) -> Option<usize> {
    Some(u32::from_le_bytes(b.get(at..at.checked_add(4)?)?.try_into().ok()?) as usize)
}

/// The counters of a document's lists (9 levels each): counting a paragraph at a level
/// restarts the levels below it.
#[derive(Debug)]
pub struct Counters<K>(HashMap<K, [u32; 9]>);

impl<K> Default for Counters<K> {
    fn default() -> Self {
        Counters(HashMap::new())
    }
}

impl<K: Hash + Eq> Counters<K> {
    /// Counts a paragraph of `list` at `ilvl` (0..9); returns every level's count.
    pub fn step(&mut self, list: K, ilvl: usize) -> [u32; 9] {
        let c = self.0.entry(list).or_insert([0; 9]);
        let ilvl = ilvl.min(8);
        c[ilvl] += 1;
        for x in c.iter_mut().skip(ilvl + 1) {
            *x = 0;
        }
        *c
    }
}

/// The number a level shows: its start plus the paragraphs counted since (a level not yet
/// counted, named by a deeper one's text, shows its start).
pub fn number(start: u32, counted: u32) -> u32 {
    start.max(1) - 1 + counted.max(1)
}

/// A count written in a list format (ECMA-376 `ST_NumberFormat`).
pub fn format_number(n: u32, format: &str) -> String {
    match format {
        "chineseCounting"
        | "chineseCountingThousand"
        | "chineseLegalSimplified"
        | "japaneseCounting"
        | "taiwaneseCounting"
        | "taiwaneseCountingThousand" => chinese(n),
        "ideographDigital" | "taiwaneseDigital" | "japaneseDigitalTenThousand" => n
            .to_string()
            .chars()
            .map(|d| {
                "〇一二三四五六七八九"
                    .chars()
                    .nth(d as usize - '0' as usize)
                    .unwrap_or(d)
            })
            .collect(),
        "ideographTraditional" => "甲乙丙丁戊己庚辛壬癸"
            .chars()
            .nth((n as usize).saturating_sub(1) % 10)
            .map(String::from)
            .unwrap_or_default(),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" if (1..=20).contains(&n) => {
            char::from_u32(0x2460 + n - 1)
                .map(String::from)
                .unwrap_or_default()
        }
        "lowerLetter" | "upperLetter" if n >= 1 => {
            let c = (b'a' + ((n - 1) % 26) as u8) as char;
            let s = c.to_string().repeat(((n - 1) / 26 + 1) as usize);
            if format == "upperLetter" {
                s.to_uppercase()
            } else {
                s
            }
        }
        "lowerRoman" | "upperRoman" if (1..4000).contains(&n) => {
            let r = roman(n);
            if format == "lowerRoman" {
                r.to_lowercase()
            } else {
                r
            }
        }
        "none" => String::new(),
        _ => n.to_string(),
    }
}

/// 一 … 九十九 (and beyond, digit by digit with 百 千).
fn chinese(n: u32) -> String {
    const D: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => D[n as usize].to_string(),
        10..=19 => format!("十{}", if n > 10 { D[n as usize - 10] } else { "" }),
        20..=99 => format!(
            "{}十{}",
            D[n as usize / 10],
            if !n.is_multiple_of(10) {
                D[n as usize % 10]
            } else {
                ""
            }
        ),
        100..=999 => {
            let rest = n % 100;
            let tail = match rest {
                0 => String::new(),
                1..=9 => format!("零{}", D[rest as usize]),
                10..=19 => format!("一{}", chinese(rest)),
                _ => chinese(rest),
            };
            format!("{}百{tail}", D[n as usize / 100])
        }
        _ => n.to_string(),
    }
}

fn roman(mut n: u32) -> String {
    const R: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut s = String::new();
    for (v, r) in R {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

pub use crate::base::normalize::join_paragraph;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_every_format() {
        assert_eq!(chinese(1), "一");
        assert_eq!(chinese(10), "十");
        assert_eq!(chinese(11), "十一");
        assert_eq!(chinese(20), "二十");
        assert_eq!(chinese(99), "九十九");
        assert_eq!(chinese(105), "一百零五");
        assert_eq!(chinese(110), "一百一十");
        assert_eq!(format_number(3, "decimal"), "3");
        assert_eq!(format_number(2, "ideographTraditional"), "乙");
        assert_eq!(format_number(3, "decimalEnclosedCircle"), "③");
        assert_eq!(format_number(28, "lowerLetter"), "bb");
        assert_eq!(format_number(14, "upperRoman"), "XIV");
        assert_eq!(format_number(12, "ideographDigital"), "一二");
    }
}
