//! Decoding: UTF-8, UTF-16 with BOM, GBK/GB18030.

use std::borrow::Cow;

/// The decoded input: UTF-8 input is borrowed, not copied.
#[derive(Debug, Clone)]
pub struct Decoded<'a> {
    pub text: Cow<'a, str>,
    pub encoding: &'static str,
}

/// A file as the checker reads it: its text (decoded, or extracted from a Word document)
/// and, for a document, its shape.
#[derive(Debug, Clone)]
pub struct Read<'a> {
    pub text: Cow<'a, str>,
    pub encoding: &'static str,
    /// `Some(Shape::Docx | Doc | Pdf)` for a document; `None`: detect it from the text.
    pub shape: Option<super::Shape>,
}

/// A document's extracted text, refused when it holds none.
#[cfg(any(feature = "docx", feature = "doc", feature = "pdf"))]
fn document(text: String, shape: super::Shape) -> Result<Read<'static>, super::Refusal> {
    if super::is_blank(&text) {
        return Err(super::Refusal::Empty);
    }
    Ok(Read {
        text: Cow::Owned(text),
        encoding: "utf-8",
        shape: Some(shape),
    })
}

/// Reads a file: a Word document's or a PDF's text is extracted (features `docx`, `doc`,
/// `pdf`), other binary files
/// and empty input are refused, text is decoded.
pub fn read(bytes: &[u8]) -> Result<Read<'_>, super::Refusal> {
    read_with_progress(bytes, &mut |_, _| {})
}

/// [`read`], telling `progress(done, total)` as a PDF's pages are read.
#[cfg_attr(not(feature = "pdf"), allow(unused_variables))]
pub fn read_with_progress<'a>(
    bytes: &'a [u8],
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Read<'a>, super::Refusal> {
    #[cfg(feature = "docx")]
    if super::docx::is_docx(bytes) {
        return document(super::docx::text(bytes)?, super::Shape::Docx);
    }
    #[cfg(feature = "doc")]
    if super::doc::is_doc(bytes) {
        return document(super::doc::text(bytes)?, super::Shape::Doc);
    }
    #[cfg(feature = "pdf")]
    if super::pdf::is_pdf(bytes) {
        return document(
            super::pdf::text_with_progress(bytes, progress)?,
            super::Shape::Pdf,
        );
    }
    if let Some(r) = super::refusal(bytes) {
        return Err(r);
    }
    let d = decode(bytes);
    Ok(Read {
        text: d.text,
        encoding: d.encoding,
        shape: None,
    })
}

/// Decodes bytes: UTF-8 (a BOM is kept as part of the text so spans stay byte offsets into
/// the file), UTF-16 with BOM, or GBK/GB18030 when declared in a `<meta charset>` or when
/// the bytes are not UTF-8 but decode cleanly as GB18030.
pub fn decode(bytes: &[u8]) -> Decoded<'_> {
    // validated with SIMD where the target has it (most of the input is not ASCII, where
    // the standard library's check is slowest)
    #[cfg(not(target_arch = "wasm32"))]
    let utf8 = simdutf8::basic::from_utf8(bytes).ok();
    #[cfg(target_arch = "wasm32")]
    let utf8 = std::str::from_utf8(bytes).ok();
    if let Some(s) = utf8 {
        return Decoded {
            text: Cow::Borrowed(s),
            encoding: "utf-8",
        };
    }
    if bytes.len() >= 2 && (bytes[..2] == [0xFF, 0xFE] || bytes[..2] == [0xFE, 0xFF]) {
        let le = bytes[0] == 0xFF;
        let units: Vec<u16> = bytes[2..]
            .chunks_exact(2)
            .map(|c| {
                if le {
                    u16::from_le_bytes([c[0], c[1]])
                } else {
                    u16::from_be_bytes([c[0], c[1]])
                }
            })
            .collect();
        return Decoded {
            text: Cow::Owned(String::from_utf16_lossy(&units)),
            encoding: "utf-16",
        };
    }
    #[cfg(feature = "gbk")]
    {
        let head = &bytes[..bytes.len().min(4096)];
        let head_lc = String::from_utf8_lossy(head)
            .to_ascii_lowercase()
            .replace(' ', "");
        let declared_gb = [
            "charset=gb2312",
            "charset=\"gb2312",
            "charset=gbk",
            "charset=\"gbk",
            "charset=gb18030",
            "charset=\"gb18030",
        ]
        .iter()
        .any(|p| head_lc.contains(p));
        let (t, _, had_errors) = encoding_rs::GB18030.decode(bytes);
        if declared_gb || !had_errors {
            return Decoded {
                text: Cow::Owned(t.into_owned()),
                encoding: "gbk",
            };
        }
    }
    Decoded {
        text: Cow::Owned(String::from_utf8_lossy(bytes).into_owned()),
        encoding: "utf-8-lossy",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_utf16_with_bom() {
        let mut b = vec![0xFF, 0xFE];
        for u in "规章".encode_utf16() {
            b.extend(u.to_le_bytes());
        }
        assert_eq!(decode(&b).text, "规章");
        assert_eq!(decode(&b).encoding, "utf-16");
    }

    #[cfg(feature = "gbk")]
    #[test]
    fn decode_gbk_declared() {
        let (bytes, _, _) = encoding_rs::GBK.encode("<meta charset=\"gbk\"><p>规章</p>");
        let d = decode(&bytes);
        assert_eq!(d.encoding, "gbk");
        assert!(d.text.contains("规章"));
    }
}
