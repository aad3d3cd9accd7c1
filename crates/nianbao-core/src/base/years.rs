//! Years written in the text.

/// Year: four digits (2008–2099) before 年, spaces allowed between the digits and 年.
/// Returns the year and the byte range of its digits.
pub fn find_year(s: &str) -> Option<(i32, usize, usize)> {
    let b = s.as_bytes();
    let mut i = 0;
    while i + 4 <= b.len() {
        if b[i..i + 4].iter().all(u8::is_ascii_digit)
            && (i == 0 || !b[i - 1].is_ascii_digit())
            && (i + 4 == b.len() || !b[i + 4].is_ascii_digit())
        {
            let rest = s[i + 4..].trim_start_matches([' ', '\u{a0}', '\u{3000}']);
            if rest.starts_with('年') {
                let y: i32 = s[i..i + 4].parse().ok()?;
                if (2008..=2099).contains(&y) {
                    return Some((y, i, i + 4));
                }
            }
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years() {
        assert_eq!(find_year("2023 年政府信息公开").map(|y| y.0), Some(2023));
        assert_eq!(find_year("周口市科技局2019年政府").map(|y| y.0), Some(2019));
        assert_eq!(find_year("12019年"), None);
        assert_eq!(find_year("2019"), None);
    }
}
