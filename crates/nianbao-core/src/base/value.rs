//! Reading one table cell (format.md §9.2).

use super::Decimal;
use serde::Serialize;

/// What a cell holds after reading.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Number(Decimal),
    /// Empty cell (N101): counts as 0 in arithmetic.
    Blank,
    /// `/`, `-`, `无` … (N102): counts as 0 in arithmetic.
    Placeholder,
    /// Anything else (N103): rules needing the cell are skipped.
    Text,
}

/// Unit written in a cell or a header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// 元
    Yuan,
    /// 万元
    TenThousandYuan,
}

impl Unit {
    pub fn label(self) -> &'static str {
        match self {
            Unit::Yuan => "元",
            Unit::TenThousandYuan => "万元",
        }
    }
}

/// Why a number needed normalisation before reading (N109).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Normalised {
    FullWidth,
    Thousands,
    PlusOrUnicodeMinus,
    IncreaseDecrease,
    CountUnit,
    IntegralDecimal,
}

impl Normalised {
    pub fn label(self) -> &'static str {
        match self {
            Normalised::FullWidth => "全角数字",
            Normalised::Thousands => "千位分隔符",
            Normalised::PlusOrUnicodeMinus => "正负号写法",
            Normalised::IncreaseDecrease => "“增/减”写法",
            Normalised::CountUnit => "数量单位",
            Normalised::IntegralDecimal => "带小数点的整数",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    pub value: Value,
    pub unit: Option<Unit>,
    pub normalised: Option<Normalised>,
}

const PLACEHOLDERS: &[&str] = &[
    "/",
    "／",
    "-",
    "—",
    "－",
    "--",
    "——",
    "–",
    "无",
    "不适用",
    "N/A",
    "n/a",
    "／／",
    "\\",
];

/// Reads a cell's text (already trimmed).
pub fn read(raw: &str) -> Reading {
    let text = Reading {
        value: Value::Text,
        unit: None,
        normalised: None,
    };
    if raw.is_empty() {
        return Reading {
            value: Value::Blank,
            ..text
        };
    }
    // fast path: plain ASCII digits, the common case
    if raw.len() <= 18 && raw.bytes().all(|b| b.is_ascii_digit()) {
        let m = raw.bytes().fold(0i128, |a, b| a * 10 + (b - b'0') as i128);
        return Reading {
            value: Value::Number(Decimal {
                mantissa: m,
                scale: 0,
            }),
            ..text
        };
    }
    if PLACEHOLDERS.contains(&raw) {
        return Reading {
            value: Value::Placeholder,
            ..text
        };
    }
    // no digit at all, or far too long for a value (a sentence): text
    if raw.len() > 40
        || !raw
            .chars()
            .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
    {
        return text;
    }
    let mut norm = None;
    let mut set = |n: Normalised| {
        if norm.is_none() {
            norm = Some(n);
        }
    };
    // width folding
    let mut s = String::with_capacity(raw.len());
    for c in raw.chars() {
        match c {
            '０'..='９' => {
                set(Normalised::FullWidth);
                s.push(char::from_u32(c as u32 - 0xFEE0).unwrap());
            }
            '．' => s.push('.'),
            '，' => s.push(','),
            '＋' => s.push('+'),
            _ => s.push(c),
        }
    }
    let mut rest = s.as_str();
    // sign or 增/减
    let mut negative = false;
    if let Some(r) = rest.strip_prefix('增') {
        set(Normalised::IncreaseDecrease);
        rest = r;
    } else if let Some(r) = rest.strip_prefix('减') {
        set(Normalised::IncreaseDecrease);
        negative = true;
        rest = r;
    } else if let Some(r) = rest.strip_prefix('+') {
        set(Normalised::PlusOrUnicodeMinus);
        rest = r;
    } else if let Some(r) = rest.strip_prefix('-') {
        negative = true;
        rest = r;
    } else if let Some(r) = rest.strip_prefix(['−', '－', '–']) {
        set(Normalised::PlusOrUnicodeMinus);
        negative = true;
        rest = r;
    }
    let rest = rest.trim_start();
    // unit suffix
    let mut unit = None;
    let mut number = rest;
    for (suffix, u) in [
        ("万元", Some(Unit::TenThousandYuan)),
        ("元", Some(Unit::Yuan)),
    ] {
        if let Some(n) = rest.strip_suffix(suffix) {
            number = n.trim_end();
            unit = u;
            break;
        }
    }
    if unit.is_none() {
        for suffix in ["件", "项", "个", "笔", "次", "条", "宗", "起"] {
            if let Some(n) = rest.strip_suffix(suffix) {
                set(Normalised::CountUnit);
                number = n.trim_end();
                break;
            }
        }
    }
    // thousands separators: only groups of exactly three digits
    let plain: String;
    if number.contains(',') {
        let int_part = number.split('.').next().unwrap_or("");
        let groups: Vec<&str> = int_part.split(',').collect();
        let ok = groups.len() > 1
            && !groups[0].is_empty()
            && groups[0].len() <= 3
            && groups[1..].iter().all(|g| g.len() == 3);
        if !ok {
            return text;
        }
        set(Normalised::Thousands);
        plain = number.replace(',', "");
        number = &plain;
    }
    let Some(mut d) = Decimal::parse_unsigned(number) else {
        return text;
    };
    if d.scale > 0 && d.is_integer() && unit.is_none() {
        set(Normalised::IntegralDecimal);
    }
    if negative {
        d = -d;
    }
    Reading {
        value: Value::Number(d),
        unit,
        normalised: norm,
    }
}

/// True when the text reads as a number or a placeholder: a value token, not a label.
pub fn is_value(raw: &str) -> bool {
    matches!(read(raw).value, Value::Number(_) | Value::Placeholder)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(raw: &str) -> (String, Option<Normalised>) {
        let r = read(raw);
        match r.value {
            Value::Number(d) => (d.to_string(), r.normalised),
            v => panic!("{raw}: {v:?}"),
        }
    }

    #[test]
    fn numbers_and_normalisations() {
        assert_eq!(num("12"), ("12".into(), None));
        assert_eq!(num("-13"), ("-13".into(), None));
        assert_eq!(
            num("+1036"),
            ("1036".into(), Some(Normalised::PlusOrUnicodeMinus))
        );
        assert_eq!(
            num("−8"),
            ("-8".into(), Some(Normalised::PlusOrUnicodeMinus))
        );
        assert_eq!(
            num("１，０３６"),
            ("1036".into(), Some(Normalised::FullWidth))
        );
        assert_eq!(num("1,036"), ("1036".into(), Some(Normalised::Thousands)));
        assert_eq!(num("增5"), ("5".into(), Some(Normalised::IncreaseDecrease)));
        assert_eq!(
            num("减3"),
            ("-3".into(), Some(Normalised::IncreaseDecrease))
        );
        assert_eq!(num("5件"), ("5".into(), Some(Normalised::CountUnit)));
        assert_eq!(
            num("3.0"),
            ("3.0".into(), Some(Normalised::IntegralDecimal))
        );
        assert_eq!(num("2.5"), ("2.5".into(), None));
        let r = read("251000元");
        assert_eq!(r.unit, Some(Unit::Yuan));
        assert_eq!(read("20.66万元").unit, Some(Unit::TenThousandYuan));
    }

    #[test]
    fn non_numbers() {
        assert_eq!(read("").value, Value::Blank);
        for p in ["/", "-", "—", "－", "--", "——", "无", "不适用", "N/A"] {
            assert_eq!(read(p).value, Value::Placeholder, "{p}");
        }
        for t in [
            "见附件",
            "50%",
            "1,03",
            "1.",
            "1.属于国家秘密",
            "3、其他",
            "-3-",
            "规章",
            "2019年",
        ] {
            assert_eq!(read(t).value, Value::Text, "{t}");
        }
    }
}
