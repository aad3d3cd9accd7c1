//! The words the text rules look for, found in every sentence in one pass while parsing:
//! a rule asks `sentence.has(kw::申请)` instead of searching each sentence itself, so the
//! cost of the text rules does not grow with their number. `has` is exactly
//! `text.contains(word)` (overlapping matches are all found).

/// A set of keywords (a bit per keyword).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct KwSet([u64; 2]);

/// One keyword: its index in [`WORDS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kw(u8);

impl KwSet {
    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    pub fn has(self, k: Kw) -> bool {
        self.0[(k.0 / 64) as usize] & (1 << (k.0 % 64)) != 0
    }
    /// Does the set hold any of `ks`?
    pub fn any(self, ks: &[Kw]) -> bool {
        ks.iter().any(|k| self.has(*k))
    }
    fn insert(&mut self, k: usize) {
        self.0[k / 64] |= 1 << (k % 64);
    }
}

macro_rules! keywords {
    ($($name:ident)*) => {
        /// The keywords, by name (the name is the word).
        #[allow(non_upper_case_globals)]
        pub mod kw {
            use super::Kw;
            keywords!(@consts 0u8, $($name)*);
        }
        /// Every keyword, in index order.
        pub const WORDS: &[&str] = &[$(stringify!($name)),*];
    };
    (@consts $i:expr, $name:ident $($rest:ident)*) => {
        pub const $name: Kw = Kw($i);
        keywords!(@consts $i + 1u8, $($rest)*);
    };
    (@consts $i:expr,) => {};
}

keywords! {
    申请 公开 办结 答复 办理 无法提供 不予处理 结转 件 份 条 宗 项 号
    复议 诉讼 行政复议 行政诉讼 复议后 建议 提案 留言 信访 来信 咨询 热线 投诉 举报 依职权 主动公开
    全市 全省 全区 全县 全州 全旗 各部门 各单位 累计 近三年 同比 较上年 增长 下降 以来 自
    乡镇 政府办 办公室 办公厅 本级 代表
    予以公开 全部予以公开 均予以公开
    全部办结 均已办结 全部办理完毕 均已按要求办理完成 无结转
    规章 规范性文件 行政许可 行政处罚 行政强制 行政事业性收费 处理费 采购 年度报告
    统计期限 统计时间 统计期间
    某 此
}

/// The keywords by their first character, for the scan.
struct Index {
    /// (first character, keyword index) in 64 buckets by the character's low bits (no sort:
    /// the page's wasm carries no sort of this type).
    buckets: Vec<Vec<(char, u8)>>,
    /// One bit per ideograph (U+4E00..=U+9FFF) that starts a keyword.
    first_bits: Vec<u64>,
}

fn bucket(c: char) -> usize {
    c as usize % 64
}

fn index() -> &'static Index {
    static INDEX: std::sync::OnceLock<Index> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let mut buckets = vec![Vec::new(); 64];
        let mut first_bits = vec![0u64; 328];
        for (i, w) in WORDS.iter().enumerate() {
            let Some(c) = w.chars().next() else { continue };
            buckets[bucket(c)].push((c, i as u8));
            if let Some(k) = (c as usize).checked_sub(0x4E00).filter(|k| *k < 328 * 64) {
                first_bits[k / 64] |= 1 << (k % 64);
            }
        }
        Index {
            buckets,
            first_bits,
        }
    })
}

/// The keywords `text` contains.
pub fn scan(text: &str) -> KwSet {
    let ix = index();
    let mut set = KwSet::default();
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        // keywords start with an ideograph (U+4E00..=U+9FFF): a three-byte character with
        // lead byte E4..E9; other characters are stepped over by their length
        if !(0xE4..=0xE9).contains(&x) {
            i += match x {
                0..=0x7F => 1,
                0xC0..=0xDF => 2,
                0xE0..=0xEF => 3,
                _ => 4,
            };
            continue;
        }
        let u =
            ((x as u32 & 0x0F) << 12) | ((b[i + 1] as u32 & 0x3F) << 6) | (b[i + 2] as u32 & 0x3F);
        if let Some(k) = (u as usize).checked_sub(0x4E00) {
            if ix.first_bits[k / 64] & (1 << (k % 64)) != 0 {
                let c = char::from_u32(u).unwrap_or('\0');
                for &(f, k) in &ix.buckets[bucket(c)] {
                    if f == c && b[i..].starts_with(WORDS[k as usize].as_bytes()) {
                        set.insert(k as usize);
                    }
                }
            }
        }
        i += 3;
    }
    set
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn has_is_contains() {
        assert!(WORDS.len() <= 128);
        for w in WORDS {
            let c = w.chars().next().unwrap();
            assert!(('\u{4E00}'..='\u{9FFF}').contains(&c), "{w}");
        }
        for text in [
            "本机关全年共收到政府信息公开申请12件，均已办结。",
            "行政复议和行政诉讼",
            "",
            "全部予以公开",
            "自2019年以来",
            "é申请ü😀全部予以公开\u{4DFF}\u{9FFF}",
        ] {
            let s = scan(text);
            for (i, w) in WORDS.iter().enumerate() {
                assert_eq!(s.has(Kw(i as u8)), text.contains(w), "{text} / {w}");
            }
        }
        assert!(scan("全部予以公开").has(kw::予以公开));
    }
}
