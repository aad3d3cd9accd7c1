//! Normalisation of labels before matching (format.md §9.1).
//!
//! Only the compared copy is normalised; spans always point at the original bytes.

/// Traditional → simplified for the characters that occur in the official labels and
/// headings. A character map is enough for these labels (format.md §9.1).
const TRAD_SIMP: &[(char, char)] = &[
    ('規', '规'),
    ('範', '范'),
    ('處', '处'),
    ('決', '决'),
    ('數', '数'),
    ('複', '复'),
    ('復', '复'),
    ('議', '议'),
    ('訴', '诉'),
    ('訟', '讼'),
    ('製', '制'),
    ('開', '开'),
    ('發', '发'),
    ('廢', '废'),
    ('現', '现'),
    ('條', '条'),
    ('許', '许'),
    ('罰', '罚'),
    ('強', '强'),
    ('費', '费'),
    ('採', '采'),
    ('購', '购'),
    ('額', '额'),
    ('單', '单'),
    ('萬', '万'),
    ('總', '总'),
    ('計', '计'),
    ('請', '请'),
    ('結', '结'),
    ('轉', '转'),
    ('辦', '办'),
    ('國', '国'),
    ('穩', '稳'),
    ('護', '护'),
    ('權', '权'),
    ('屬', '属'),
    ('類', '类'),
    ('內', '内'),
    ('務', '务'),
    ('過', '过'),
    ('執', '执'),
    ('詢', '询'),
    ('無', '无'),
    ('關', '关'),
    ('沒', '没'),
    ('補', '补'),
    ('確', '确'),
    ('訪', '访'),
    ('舉', '举'),
    ('報', '报'),
    ('認', '认'),
    ('獲', '获'),
    ('維', '维'),
    ('糾', '纠'),
    ('審', '审'),
    ('經', '经'),
    ('後', '后'),
    ('資', '资'),
    ('機', '机'),
    ('構', '构'),
    ('會', '会'),
    ('組', '组'),
    ('織', '织'),
    ('業', '业'),
    ('況', '况'),
    ('項', '项'),
    ('減', '减'),
    ('對', '对'),
    ('個', '个'),
    ('專', '专'),
    ('體', '体'),
    ('訊', '讯'),
    ('應', '应'),
    ('當', '当'),
    ('實', '实'),
    ('並', '并'),
    ('與', '与'),
    ('問', '问'),
    ('題', '题'),
    ('進', '进'),
    ('況', '况'),
    ('動', '动'),
    ('陽', '阳'),
    ('門', '门'),
    ('戶', '户'),
    ('網', '网'),
    ('站', '站'),
    ('號', '号'),
    ('監', '监'),
    ('督', '督'),
    ('導', '导'),
    ('險', '险'),
    ('級', '级'),
    ('區', '区'),
    ('縣', '县'),
    ('鄉', '乡'),
    ('鎮', '镇'),
    ('島', '岛'),
    ('據', '据'),
    ('勾', '勾'),
    ('稽', '稽'),
    ('係', '系'),
    ('係', '系'),
    ('為', '为'),
    ('項', '项'),
    ('須', '须'),
    ('將', '将'),
    ('於', '于'),
    ('續', '续'),
    ('請', '请'),
    ('產', '产'),
    ('財', '财'),
    ('設', '设'),
    ('論', '论'),
    ('讓', '让'),
    ('護', '护'),
    ('圍', '围'),
    ('職', '职'),
    ('責', '责'),
    ('準', '准'),
    ('禦', '御'),
    ('厲', '厉'),
    ('歷', '历'),
    ('寫', '写'),
    ('閱', '阅'),
    ('聯', '联'),
    ('證', '证'),
    ('備', '备'),
    ('檢', '检'),
    ('査', '查'),
    ('絡', '络'),
    ('統', '统'),
    ('紀', '纪'),
    ('錄', '录'),
    ('領', '领'),
    ('書', '书'),
    ('長', '长'),
    ('車', '车'),
];

struct TradMap {
    /// One bit per code point of U+4E00..=U+9FFF: set when the char has an entry.
    bits: Vec<u64>,
    sorted: Vec<(char, char)>,
}

fn trad_to_simp(c: char) -> char {
    static MAP: std::sync::OnceLock<TradMap> = std::sync::OnceLock::new();
    let u = c as u32;
    if !(0x4E00..=0x9FFF).contains(&u) {
        return c;
    }
    let map = MAP.get_or_init(|| {
        let mut sorted = TRAD_SIMP.to_vec();
        sorted.sort_unstable();
        sorted.dedup_by_key(|x| x.0);
        let mut bits = vec![0u64; (0x9FFF - 0x4E00) / 64 + 1];
        for (t, _) in &sorted {
            let i = (*t as u32 - 0x4E00) as usize;
            bits[i / 64] |= 1 << (i % 64);
        }
        TradMap { bits, sorted }
    });
    let i = (u - 0x4E00) as usize;
    if map.bits[i / 64] & (1 << (i % 64)) == 0 {
        return c;
    }
    match map.sorted.binary_search_by_key(&c, |x| x.0) {
        Ok(k) => map.sorted[k].1,
        Err(_) => c,
    }
}

/// Whitespace as it appears in pasted reports (including NBSP, U+3000, form feed).
pub fn is_space(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{a0}' | '\u{3000}' | '\u{feff}' | '\u{200b}' | '\u{0c}'
        )
}

/// Full-width ASCII → half-width, U+3000 → space, unify quotes and dashes.
pub fn fold_char(c: char) -> char {
    let c = match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' | '\u{a0}' => ' ',
        '〔' | '【' | '﹝' => '[',
        '〕' | '】' | '﹞' => ']',
        _ => c,
    };
    trad_to_simp(c)
}

fn is_quote(c: char) -> bool {
    matches!(
        c,
        '“' | '”' | '"' | '「' | '」' | '『' | '』' | '\'' | '‘' | '’' | '《' | '》'
    )
}

/// The characters of [`norm`]`(s)`, without building it.
pub fn norm_chars(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars()
        .filter(|c| !is_space(*c))
        .map(fold_char)
        .filter(|c| !is_quote(*c))
}

/// [`norm`] without allocating when the text is already in comparison form (most labels
/// and numbers are).
pub fn norm_cow(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars()
        .all(|c| !is_space(c) && !is_quote(c) && fold_char(c) == c)
    {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(norm(s))
    }
}

/// The comparison form of a label: no whitespace, half-width, simplified, no quotes.
pub fn norm(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    out.extend(norm_chars(s));
    out
}

/// Removes parenthetical notes `(…)` (after [`norm`] brackets are half-width), including an
/// unclosed one that runs to the end (a label cut by a line break).
pub fn strip_parens(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '(' => depth += 1,
            ')' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

pub const CN_NUMERALS: &str = "一二三四五六七八九十";

/// Splits a leading numbering off a normalised label: `(一)`, `一、`, `一.`, `1.`, `1、`,
/// `(1)`. Returns (numbering kind, numeral text, rest).
pub fn split_numbering(s: &str) -> (Numbering, &str, &str) {
    let is_cn = |c: char| CN_NUMERALS.contains(c);
    if let Some(rest) = s.strip_prefix('(') {
        if let Some(close) = rest.find(')') {
            let num = &rest[..close];
            if !num.is_empty()
                && (num.chars().all(is_cn) || num.chars().all(|c| c.is_ascii_digit()))
            {
                return (Numbering::Paren, num, &rest[close + 1..]);
            }
        }
    }
    let n: usize = s
        .chars()
        .take_while(|c| is_cn(*c))
        .map(char::len_utf8)
        .sum();
    if n > 0 {
        let rest = &s[n..];
        for sep in ['、', '.', ',', ' '] {
            if let Some(r) = rest.strip_prefix(sep) {
                return (Numbering::Top, &s[..n], r);
            }
        }
    }
    let n: usize = s.chars().take_while(|c| c.is_ascii_digit()).count();
    if n > 0 && n <= 2 {
        let rest = &s[n..];
        for sep in ['、', '.', ','] {
            if let Some(r) = rest.strip_prefix(sep) {
                // `1.5` is a number, not numbering
                if sep == '.' && r.starts_with(|c: char| c.is_ascii_digit()) {
                    break;
                }
                return (Numbering::Arabic, &s[..n], r);
            }
        }
    }
    (Numbering::None, "", s)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Numbering {
    None,
    /// `一、`
    Top,
    /// `(一)` or `(1)`
    Paren,
    /// `1.` / `1、`
    Arabic,
}

/// Value of a Chinese numeral 一…九十九 (and 两, 零).
pub fn cn_numeral_value(s: &str) -> Option<u32> {
    let digit = |c: char| {
        "零一二三四五六七八九"
            .find(c)
            .map(|i| (i / 3) as u32)
            .or((c == '两').then_some(2))
    };
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        [] => None,
        [c] if *c == '十' => Some(10),
        [c] => digit(*c),
        ['十', u] => Some(10 + digit(*u)?),
        [t, '十'] => Some(digit(*t)? * 10),
        [t, '十', u] => Some(digit(*t)? * 10 + digit(*u)?),
        _ => None,
    }
}

/// Longest-common-subsequence similarity `2·LCS / (|a|+|b|)` in [0, 1].
pub fn similarity(a: &str, b: &str) -> f32 {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    similarity_chars(&a, &b)
}

/// True when `similarity(a, b) >= min` is still possible: LCS ≤ the shorter length, so
/// the similarity is at most `2·min(|a|,|b|) / (|a|+|b|)`. A cheap filter before the LCS.
pub fn may_be_similar(la: usize, lb: usize, min: f32) -> bool {
    la > 0 && lb > 0 && 2.0 * la.min(lb) as f32 >= min * (la + lb) as f32
}

/// [`similarity`] of pre-collected chars against a string, without allocating for `b`.
pub fn similarity_to(a: &[char], b: &str) -> f32 {
    let b: Vec<char> = b.chars().collect();
    similarity_chars(a, &b)
}

fn similarity_chars(a: &[char], b: &[char]) -> f32 {
    let mut prev = vec![0u16; b.len() + 1];
    let mut cur = vec![0u16; b.len() + 1];
    for ca in a {
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = if ca == cb {
                prev[j] + 1
            } else {
                cur[j].max(prev[j + 1])
            };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    2.0 * prev[b.len()] as f32 / (a.len() + b.len()) as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norm_handles_width_space_trad_quotes() {
        assert_eq!(norm("三 、本 年 度办 理 结果"), "三、本年度办理结果");
        assert_eq!(norm("本年新 製作數量"), "本年新制作数量");
        assert_eq!(norm("（一）予以公开"), "(一)予以公开");
        assert_eq!(
            norm("3.危及“三安全一稳定”"),
            norm("3．危及「三安全一稳定」")
        );
        assert_eq!(norm("規範性文件"), "规范性文件");
        assert_eq!(norm("１２"), "12");
    }

    #[test]
    fn numbering_and_parens() {
        assert_eq!(
            split_numbering("(一)予以公开"),
            (Numbering::Paren, "一", "予以公开")
        );
        assert_eq!(
            split_numbering("一、总体情况"),
            (Numbering::Top, "一", "总体情况")
        );
        assert_eq!(
            split_numbering("1.属于国家秘密"),
            (Numbering::Arabic, "1", "属于国家秘密")
        );
        assert_eq!(
            split_numbering("1、申请人"),
            (Numbering::Arabic, "1", "申请人")
        );
        assert_eq!(split_numbering("1.5"), (Numbering::None, "", "1.5"));
        assert_eq!(strip_parens("部分公开(区分处理的,只计这一情形"), "部分公开");
        assert_eq!(strip_parens("采购总金额(单位:万元)x"), "采购总金额x");
    }

    #[test]
    fn numerals_and_similarity() {
        assert_eq!(cn_numeral_value("十二"), Some(12));
        assert_eq!(cn_numeral_value("四十二"), Some(42));
        assert_eq!(cn_numeral_value("两"), Some(2));
        assert_eq!(cn_numeral_value("六"), Some(6));
        assert!(similarity("其他法律行政止公开", "其他法律行政法规禁止公开") > 0.8);
        assert!(similarity("重复申请", "属于国家秘密") < 0.3);
    }
}
