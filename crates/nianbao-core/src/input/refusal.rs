//! Inputs that are not a report's text: nothing at all, or a binary file (an Office or
//! WPS document, a PDF, an image, anything else with NUL bytes). They are refused with a
//! message instead of being checked as text.

/// Why an input is not checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Empty or only whitespace.
    Empty,
    /// A zip container: .docx, .xlsx, .pptx, .wps (2007+), .et, .ofd …
    Zip,
    /// A compound file: .doc, .xls, .wps, .et (Word/Excel 97–2003, WPS).
    Compound,
    Pdf,
    Image,
    /// Other binary data.
    Binary,
    /// Larger than the checker reads (4 GiB: offsets are 32-bit).
    TooLarge,
    /// A document that cannot be read: a damaged or incomplete archive (only where documents
    /// are read: features `docx`, `doc`).
    #[cfg(any(feature = "docx", feature = "doc"))]
    Damaged,
    /// A document protected by a password (or encrypted).
    #[cfg(any(feature = "docx", feature = "doc"))]
    Encrypted,
    /// A PDF of page images only (a scan).
    #[cfg(feature = "pdf")]
    PdfScanned,
    /// A PDF with a password or encrypted permissions.
    #[cfg(feature = "pdf")]
    PdfEncrypted,
    /// A PDF without readable pages.
    #[cfg(feature = "pdf")]
    PdfDamaged,
    /// A PDF whose fonts say no glyph's text (no ToUnicode map).
    #[cfg(feature = "pdf")]
    PdfNoUnicode,
}

impl Refusal {
    /// What the user is told, in Chinese.
    pub fn message(self) -> &'static str {
        match self {
            Refusal::Empty => "文件为空",
            #[cfg(feature = "docx")]
            Refusal::Zip => "这是 Excel、PowerPoint 或 WPS 表格等 Office 文件（.xlsx、.pptx、.et 等），不是 Word 文档，无法检查：请把年度报告保存为 .docx、网页（.html）或纯文本（.txt）后再检查",
            #[cfg(not(feature = "docx"))]
            Refusal::Zip => "这是 Office 或 WPS 文档（.docx、.xlsx、.wps 等），不是文本，暂不能直接检查：请在 Word 或 WPS 中另存为网页（.html）或纯文本（.txt）后再检查",
            Refusal::Compound => "这是 Word 97–2003、Excel 或 WPS 文档（.doc、.xls、.wps、.et），不是文本，暂不能直接检查：请另存为网页（.html）或纯文本（.txt）后再检查",
            #[cfg(feature = "pdf")]
            Refusal::PdfScanned => "该 PDF 是扫描图像，不含可读取的文字",
            #[cfg(feature = "pdf")]
            Refusal::PdfEncrypted => "该 PDF 设有密码或已加密，无法读取：请用原文件（Word、WPS）另存为不加密的 PDF 或 .docx 后再检查",
            #[cfg(feature = "pdf")]
            Refusal::PdfDamaged => "该 PDF 已损坏或不完整，找不到可读取的页面",
            #[cfg(feature = "pdf")]
            Refusal::PdfNoUnicode => "该 PDF 的字体没有文字编码信息（缺少 ToUnicode），无法取出文字：请用原文件（Word、WPS）检查，或重新导出 PDF",
            Refusal::Pdf => "这是 PDF 文件，不是文本，暂不能直接检查：请复制其中的文字，或另存为纯文本（.txt）后再检查",
            Refusal::Image => "这是图片文件，不含可读取的文字",
            Refusal::Binary => "这不是文本文件（含有二进制数据），无法检查",
            Refusal::TooLarge => "文件过大（超过 4 GB），无法检查",
            #[cfg(any(feature = "docx", feature = "doc"))]
            Refusal::Damaged => "文件已损坏或不完整，无法读取：请在 Word 或 WPS 中打开并重新保存后再检查",
            #[cfg(any(feature = "docx", feature = "doc"))]
            Refusal::Encrypted => "文件设有密码或已加密，无法读取：请在 Word 或 WPS 中取消密码后另存，再检查",
        }
    }
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.message())
    }
}

impl std::error::Error for Refusal {}

/// Why `bytes` (a file as read) cannot be checked, if it cannot.
pub fn refusal(bytes: &[u8]) -> Option<Refusal> {
    if bytes.len() >= u32::MAX as usize {
        return Some(Refusal::TooLarge);
    }
    let starts = |m: &[u8]| bytes.starts_with(m);
    if starts(b"PK\x03\x04") || starts(b"PK\x05\x06") {
        return Some(Refusal::Zip);
    }
    if starts(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Some(Refusal::Compound);
    }
    if starts(b"%PDF-") {
        return Some(Refusal::Pdf);
    }
    if starts(b"\x89PNG") || starts(&[0xFF, 0xD8, 0xFF]) || starts(b"GIF8") {
        return Some(Refusal::Image);
    }
    let utf16 = starts(&[0xFF, 0xFE]) || starts(&[0xFE, 0xFF]);
    // text has no NUL bytes (UTF-16 with its BOM aside)
    let head = &bytes[..bytes.len().min(8192)];
    if !utf16 && memchr::memchr(0, head).is_some() {
        return Some(Refusal::Binary);
    }
    None
}

/// Is the decoded text empty or only whitespace?
pub fn is_blank(text: &str) -> bool {
    crate::base::spaces::trim(text).is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_files_are_refused() {
        assert_eq!(refusal(b"PK\x03\x04\x14\x00"), Some(Refusal::Zip));
        assert_eq!(
            refusal(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0]),
            Some(Refusal::Compound)
        );
        assert_eq!(refusal(b"%PDF-1.7\n"), Some(Refusal::Pdf));
        assert_eq!(refusal(b"\x89PNG\r\n"), Some(Refusal::Image));
        assert_eq!(refusal(b"abc\0def"), Some(Refusal::Binary));
        assert_eq!(refusal("一、总体情况".as_bytes()), None);
        assert_eq!(
            refusal(&[0xFF, 0xFE, b'a', 0]),
            None,
            "UTF-16 with BOM is text"
        );
        assert_eq!(refusal(b""), None, "empty is judged after decoding");
        assert!(is_blank(" \n\u{3000}\t"));
        assert!(!is_blank(" x "));
        assert!(Refusal::Empty.message().contains("文件为空"));
    }
}
