//! Exact decimal numbers for cell values: a mantissa and a count of decimals.
//!
//! Amounts (`20.66` 万元) keep their written precision and are added without binary
//! floating point. Twenty lines of integer arithmetic are all the rules need, so no
//! arbitrary-precision crate is pulled into the wasm.

use std::cmp::Ordering;
use std::fmt;

/// Equality and order compare values: `3.0 == 3`.
#[derive(Clone, Copy, Debug)]
pub struct Decimal {
    pub mantissa: i128,
    /// Number of decimals as written (`20.66` → 2, `3.0` → 1).
    pub scale: u32,
}

const MAX_SCALE: u32 = 18;

impl Decimal {
    pub const ZERO: Decimal = Decimal {
        mantissa: 0,
        scale: 0,
    };

    pub fn from_int(v: i64) -> Self {
        Decimal {
            mantissa: v as i128,
            scale: 0,
        }
    }

    /// Parses ASCII `digits[.digits]` (no sign). Returns `None` for anything else or for
    /// numbers too long to hold exactly.
    pub fn parse_unsigned(s: &str) -> Option<Self> {
        let (int, frac) = match s.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (s, None),
        };
        if int.is_empty() || int.len() > 24 || !int.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let frac = frac.unwrap_or("");
        if (s.contains('.') && frac.is_empty())
            || frac.len() as u32 > MAX_SCALE
            || !frac.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        let mut m: i128 = 0;
        for b in int.bytes().chain(frac.bytes()) {
            m = m.checked_mul(10)?.checked_add((b - b'0') as i128)?;
        }
        Some(Decimal {
            mantissa: m,
            scale: frac.len() as u32,
        })
    }

    fn rescale(self, scale: u32) -> i128 {
        self.mantissa
            .saturating_mul(10i128.saturating_pow(scale - self.scale))
    }

    pub fn is_integer(self) -> bool {
        self.mantissa % 10i128.pow(self.scale) == 0
    }

    pub fn is_negative(self) -> bool {
        self.mantissa < 0
    }

    /// The value as an `i64` when it is integral and fits.
    pub fn as_i64(self) -> Option<i64> {
        if !self.is_integer() {
            return None;
        }
        i64::try_from(self.mantissa / 10i128.pow(self.scale)).ok()
    }

    pub fn to_f64(self) -> f64 {
        self.mantissa as f64 / 10f64.powi(self.scale as i32)
    }

    /// Multiplies by `10^k` (k may be negative; the scale grows instead of losing digits).
    pub fn shift(self, k: i32) -> Self {
        if k >= 0 {
            let k = k as u32;
            if self.scale >= k {
                Decimal {
                    mantissa: self.mantissa,
                    scale: self.scale - k,
                }
            } else {
                Decimal {
                    mantissa: self.mantissa * 10i128.pow(k - self.scale),
                    scale: 0,
                }
            }
        } else {
            Decimal {
                mantissa: self.mantissa,
                scale: (self.scale + (-k) as u32).min(MAX_SCALE),
            }
        }
    }
}

impl std::ops::Add for Decimal {
    type Output = Decimal;
    /// Exact addition (saturating at the i128 range).
    fn add(self, other: Self) -> Self {
        if self.scale == other.scale {
            return Decimal {
                mantissa: self.mantissa.saturating_add(other.mantissa),
                scale: self.scale,
            };
        }
        let scale = self.scale.max(other.scale);
        Decimal {
            mantissa: self.rescale(scale).saturating_add(other.rescale(scale)),
            scale,
        }
    }
}

impl std::ops::Neg for Decimal {
    type Output = Decimal;
    fn neg(self) -> Self {
        Decimal {
            mantissa: self.mantissa.saturating_neg(),
            scale: self.scale,
        }
    }
}

impl std::ops::Sub for Decimal {
    type Output = Decimal;
    fn sub(self, other: Self) -> Self {
        self + (-other)
    }
}

impl Ord for Decimal {
    fn cmp(&self, other: &Self) -> Ordering {
        if self.scale == other.scale {
            return self.mantissa.cmp(&other.mantissa);
        }
        let scale = self.scale.max(other.scale);
        self.rescale(scale).cmp(&other.rescale(scale))
    }
}

impl PartialEq for Decimal {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Decimal {}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let neg = self.mantissa < 0;
        let digits = self.mantissa.unsigned_abs().to_string();
        let scale = self.scale as usize;
        let body = if scale == 0 {
            digits
        } else if digits.len() > scale {
            format!(
                "{}.{}",
                &digits[..digits.len() - scale],
                &digits[digits.len() - scale..]
            )
        } else {
            format!("0.{}{}", "0".repeat(scale - digits.len()), digits)
        };
        if neg {
            write!(f, "-{body}")
        } else {
            f.write_str(&body)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::parse_unsigned(s).unwrap()
    }

    #[test]
    fn parse_keeps_precision_and_rejects_junk() {
        assert_eq!(d("20.66").to_string(), "20.66");
        assert_eq!(d("3.0").scale, 1);
        assert_eq!(d("0.05").to_string(), "0.05");
        for bad in ["", ".5", "5.", "1.2.3", "a", "1e5", "-1", " 1"] {
            assert!(Decimal::parse_unsigned(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn exact_arithmetic() {
        assert_eq!(d("0.1") + d("0.2"), d("0.3"));
        assert_eq!((d("0.1") + d("0.2")).cmp(&d("0.30")), Ordering::Equal);
        assert_eq!((d("28") - d("43")).to_string(), "-15");
        assert!(d("3.0").is_integer() && !d("2.5").is_integer());
        assert_eq!(d("3.0"), d("3"), "equality compares values");
        assert_eq!(d("20.660"), d("20.66"));
        assert_ne!(d("20.66"), d("20.67"));
        assert_eq!(d("251000").shift(-4).to_string(), "25.1000");
        assert_eq!(d("20.66").shift(4).to_string(), "206600");
        assert_eq!(d("12").as_i64(), Some(12));
    }
}
