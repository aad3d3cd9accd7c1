//! Normalisation of labels before matching (format.md §9.1).
//!
//! Only the compared copy is normalised; spans always point at the original bytes.

/// Traditional → simplified for the characters that occur in the official labels and
/// headings, sorted by the traditional character (a character map is enough for these
/// labels, format.md §9.1).
const TRAD_SIMP: [(char, char); 129] = [
    ('並', '并'),
    ('係', '系'),
    ('個', '个'),
    ('備', '备'),
    ('內', '内'),
    ('動', '动'),
    ('務', '务'),
    ('區', '区'),
    ('厲', '厉'),
    ('問', '问'),
    ('單', '单'),
    ('國', '国'),
    ('圍', '围'),
    ('執', '执'),
    ('報', '报'),
    ('實', '实'),
    ('審', '审'),
    ('寫', '写'),
    ('將', '将'),
    ('專', '专'),
    ('對', '对'),
    ('導', '导'),
    ('屬', '属'),
    ('島', '岛'),
    ('廢', '废'),
    ('強', '强'),
    ('後', '后'),
    ('復', '复'),
    ('應', '应'),
    ('戶', '户'),
    ('採', '采'),
    ('據', '据'),
    ('數', '数'),
    ('於', '于'),
    ('書', '书'),
    ('會', '会'),
    ('査', '查'),
    ('條', '条'),
    ('業', '业'),
    ('構', '构'),
    ('機', '机'),
    ('檢', '检'),
    ('權', '权'),
    ('歷', '历'),
    ('決', '决'),
    ('沒', '没'),
    ('況', '况'),
    ('減', '减'),
    ('準', '准'),
    ('為', '为'),
    ('無', '无'),
    ('獲', '获'),
    ('現', '现'),
    ('產', '产'),
    ('當', '当'),
    ('發', '发'),
    ('監', '监'),
    ('確', '确'),
    ('禦', '御'),
    ('穩', '稳'),
    ('範', '范'),
    ('糾', '纠'),
    ('紀', '纪'),
    ('級', '级'),
    ('組', '组'),
    ('結', '结'),
    ('絡', '络'),
    ('統', '统'),
    ('經', '经'),
    ('維', '维'),
    ('網', '网'),
    ('縣', '县'),
    ('總', '总'),
    ('織', '织'),
    ('續', '续'),
    ('罰', '罚'),
    ('聯', '联'),
    ('職', '职'),
    ('與', '与'),
    ('舉', '举'),
    ('萬', '万'),
    ('處', '处'),
    ('號', '号'),
    ('補', '补'),
    ('製', '制'),
    ('複', '复'),
    ('規', '规'),
    ('計', '计'),
    ('訊', '讯'),
    ('訟', '讼'),
    ('訪', '访'),
    ('設', '设'),
    ('許', '许'),
    ('訴', '诉'),
    ('詢', '询'),
    ('認', '认'),
    ('請', '请'),
    ('論', '论'),
    ('證', '证'),
    ('議', '议'),
    ('護', '护'),
    ('讓', '让'),
    ('財', '财'),
    ('責', '责'),
    ('費', '费'),
    ('資', '资'),
    ('購', '购'),
    ('車', '车'),
    ('轉', '转'),
    ('辦', '办'),
    ('進', '进'),
    ('過', '过'),
    ('鄉', '乡'),
    ('錄', '录'),
    ('鎮', '镇'),
    ('長', '长'),
    ('門', '门'),
    ('開', '开'),
    ('閱', '阅'),
    ('關', '关'),
    ('陽', '阳'),
    ('險', '险'),
    ('項', '项'),
    ('須', '须'),
    ('領', '领'),
    ('題', '题'),
    ('額', '额'),
    ('類', '类'),
    ('體', '体'),
];

/// One bit per code point of U+4E00..=U+9FFF: set when the char has an entry (folded into
/// the signature's table of special characters, which [`trad_to_simp`] tests).
pub(crate) const TRAD_BITS: [u64; 328] = {
    let mut bits = [0u64; 328];
    let mut i = 0;
    while i < TRAD_SIMP.len() {
        let k = TRAD_SIMP[i].0 as usize - 0x4E00;
        bits[k / 64] |= 1 << (k % 64);
        i += 1;
    }
    bits
};

#[cfg_attr(not(target_arch = "wasm32"), inline)]
pub(crate) fn trad_to_simp(c: char) -> char {
    let u = c as u32;
    if !(0x4E00..=0x9FFF).contains(&u) {
        return c;
    }
    // a marker or traditional: only then is the map searched
    if !super::sig::special(u) {
        return c;
    }
    match TRAD_SIMP.binary_search_by_key(&c, |x| x.0) {
        Ok(i) => TRAD_SIMP[i].1,
        Err(_) => c,
    }
}

/// Whitespace as it appears in pasted reports (including NBSP, U+3000, form feed).
#[cfg_attr(not(target_arch = "wasm32"), inline)]
pub fn is_space(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{a0}' | '\u{3000}' | '\u{feff}' | '\u{200b}' | '\u{0c}'
        )
}

/// Appends a cell's next paragraph: ideographs join directly, other text with a space.
pub fn join_paragraph(cell: &mut String, p: &str) {
    let p = p.trim();
    if p.is_empty() {
        return;
    }
    let wide = |c: Option<char>| c.is_some_and(|c| c as u32 >= 0x2E80);
    let joined = wide(cell.chars().next_back()) && wide(p.chars().next());
    if !cell.is_empty() && !joined {
        cell.push(' ');
    }
    cell.push_str(p);
}

/// Full-width ASCII → half-width, U+3000 → space, unify quotes and dashes.
#[cfg_attr(not(target_arch = "wasm32"), inline)]
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c;
    }
    let c = match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' | '\u{a0}' => ' ',
        '〔' | '【' | '﹝' => '[',
        '〕' | '】' | '﹞' => ']',
        _ => c,
    };
    trad_to_simp(c)
}

#[cfg_attr(not(target_arch = "wasm32"), inline)]
fn is_quote(c: char) -> bool {
    matches!(
        c,
        '“' | '”' | '"' | '「' | '」' | '『' | '』' | '\'' | '‘' | '’' | '《' | '》'
    )
}

/// A character in comparison form: `None` when [`norm`] drops it (whitespace, quotes).
#[cfg_attr(not(target_arch = "wasm32"), inline)]
pub fn norm_char(c: char) -> Option<char> {
    let u = c as u32;
    if u < 0x80 {
        // ASCII: whitespace and quotes are dropped, the rest stays
        return (!matches!(c, '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' | ' ' | '"' | '\''))
            .then_some(c);
    }
    if (0x4E00..=0x9FFF).contains(&u) {
        // ideographs: traditional to simplified, never whitespace or quotes
        return Some(trad_to_simp(c));
    }
    if is_space(c) {
        return None;
    }
    let f = fold_char(c);
    (!is_quote(f)).then_some(f)
}

/// The characters of [`norm`]`(s)`, without building it.
#[cfg_attr(not(target_arch = "wasm32"), inline)]
pub fn norm_chars(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().filter_map(norm_char)
}

/// [`norm`] without allocating when the text is already in comparison form (most labels
/// and numbers are).
pub fn norm_cow(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().all(|c| norm_char(c) == Some(c)) {
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
pub fn strip_parens(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('(') {
        return std::borrow::Cow::Borrowed(s);
    }
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
    std::borrow::Cow::Owned(out)
}

/// Chinese (full-width) punctuation of prose: ，。、；：！？“”‘’（）《》【】—…·.
pub fn is_cn_punct(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '！'
            | '？'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '（'
            | '）'
            | '《'
            | '》'
            | '【'
            | '】'
            | '—'
            | '…'
            | '·'
    )
}

/// 一 … 十, the numerals of a section numbering.
#[cfg_attr(not(target_arch = "wasm32"), inline)]
pub fn is_cn_numeral(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
    )
}

/// Splits a leading numbering off a normalised label: `(一)`, `一、`, `一.`, `1.`, `1、`,
/// `(1)`. Returns (numbering kind, numeral text, rest).
pub fn split_numbering(s: &str) -> (Numbering, &str, &str) {
    let is_cn = is_cn_numeral;
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
        Some(match c {
            '零' => 0,
            '一' => 1,
            '二' | '两' => 2,
            '三' => 3,
            '四' => 4,
            '五' => 5,
            '六' => 6,
            '七' => 7,
            '八' => 8,
            '九' => 9,
            _ => return None,
        })
    };
    let mut it = s.chars();
    let chars = [it.next(), it.next(), it.next(), it.next()];
    match chars {
        [None, ..] => None,
        [Some('十'), None, ..] => Some(10),
        [Some(c), None, ..] => digit(c),
        [Some('十'), Some(u), None, _] => Some(10 + digit(u)?),
        [Some(t), Some('十'), None, _] => Some(digit(t)? * 10),
        [Some(t), Some('十'), Some(u), None] => Some(digit(t)? * 10 + digit(u)?),
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

/// A text prepared for [`similarity`]: its characters and the set of their hashes, which
/// bounds the LCS before it is computed.
#[derive(Debug, Clone)]
pub struct Chars {
    pub chars: Vec<char>,
    bloom: u64,
}

fn hash_bit(c: char) -> u64 {
    1 << ((c as u32).wrapping_mul(0x9E37_79B1) >> 26)
}

impl Chars {
    pub fn new(s: &str) -> Self {
        let chars: Vec<char> = s.chars().collect();
        let bloom = chars.iter().fold(0, |b, c| b | hash_bit(*c));
        Chars { chars, bloom }
    }
    pub fn len(&self) -> usize {
        self.chars.len()
    }
    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }
    /// [`similarity`], or 0 when it cannot reach `min`: the LCS is at most the number of
    /// characters of either text whose hash the other has, and the similarity of that
    /// bound is tested first.
    pub fn similarity_at_least(&self, other: &Chars, min: f32) -> f32 {
        let (la, lb) = (self.len(), other.len());
        if !may_be_similar(la, lb, min) {
            return 0.0;
        }
        let seen = |a: &Chars, b: &Chars| {
            a.chars
                .iter()
                .filter(|c| b.bloom & hash_bit(**c) != 0)
                .count()
        };
        // each count bounds the LCS: the shorter text's is counted first, and the other
        // only when that one passes
        let (short, long) = if la <= lb {
            (self, other)
        } else {
            (other, self)
        };
        let fails = |bound: usize| (2.0 * bound as f32 / (la + lb) as f32) < min;
        if fails(seen(short, long)) || fails(seen(long, short)) {
            return 0.0;
        }
        similarity_chars(&self.chars, &other.chars)
    }
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
    fn the_fast_character_rule_is_the_definition() {
        for u in 0..=0x10FFFFu32 {
            let Some(c) = char::from_u32(u) else { continue };
            let want = if is_space(c) {
                None
            } else {
                Some(fold_char(c)).filter(|f| !is_quote(*f))
            };
            assert_eq!(norm_char(c), want, "U+{u:04X}");
        }
    }

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
        // as defined: digits 零…九 (两 is 2), with 十 between or around them
        let reference = |s: &str| {
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
        };
        let alphabet = ["零", "一", "两", "九", "十", "百", "1", ""];
        for a in alphabet {
            for b in alphabet {
                for c in alphabet {
                    for d in ["", "十", "二"] {
                        let s = format!("{a}{b}{c}{d}");
                        assert_eq!(cn_numeral_value(&s), reference(&s), "{s}");
                    }
                }
            }
        }
        assert_eq!(cn_numeral_value("十二"), Some(12));
        assert_eq!(cn_numeral_value("四十二"), Some(42));
        assert_eq!(cn_numeral_value("两"), Some(2));
        assert_eq!(cn_numeral_value("六"), Some(6));
        assert!(similarity("其他法律行政止公开", "其他法律行政法规禁止公开") > 0.8);
        assert!(similarity("重复申请", "属于国家秘密") < 0.3);
    }
}
