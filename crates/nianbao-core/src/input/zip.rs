//! Zip archives, read from their central directory: the parts of a .docx, and the reports
//! in a .zip the office above received (the page's batch). Stored or deflated entries only,
//! inflated by `miniz_oxide` (a general zip crate would cost the wasm modules ~100 KB gz),
//! and guarded: at most [`MAX_ENTRIES`] entries, [`MAX_ENTRY`] bytes inflated per entry and
//! [`MAX_TOTAL`] in all, whatever the archive claims. Names are bytes: archives made on
//! Chinese Windows write them in GBK unless flagged UTF-8; the caller decodes them.

use super::word::{le16 as u16_at, le32 as u32_at};
use super::Refusal;

/// Most entries an archive may list.
pub const MAX_ENTRIES: usize = 10_000;
/// Most bytes one entry inflates to (a report's document.xml is well under 10 MB).
pub const MAX_ENTRY: usize = 128 << 20;
/// Most bytes all entries of an archive inflate to ([`files`]).
pub const MAX_TOTAL: usize = 1 << 30;

/// One entry of the central directory.
#[derive(Debug, Clone, Copy)]
pub struct Entry<'a> {
    pub name: &'a [u8],
    method: usize,
    size: usize,
    offset: usize,
}

/// The entries of a zip's central directory, in order; `None` when there is no readable
/// directory.
pub fn directory(bytes: &[u8]) -> Option<Vec<Entry<'_>>> {
    // the end-of-central-directory record, within the last 64 KiB + 22 bytes
    let from = bytes.len().saturating_sub(22 + 0xFFFF);
    let eocd = from + memchr::memmem::rfind(&bytes[from..], b"PK\x05\x06")?;
    let count = u16_at(bytes, eocd + 10)?;
    let mut at = u32_at(bytes, eocd + 16)?;
    if count > MAX_ENTRIES {
        return None;
    }
    let mut out = Vec::with_capacity(count);
    for _ in 0..count {
        if bytes.get(at..at + 4)? != b"PK\x01\x02" {
            return None;
        }
        let method = u16_at(bytes, at + 10)?;
        let size = u32_at(bytes, at + 20)?;
        let (n, extra, comment) = (
            u16_at(bytes, at + 28)?,
            u16_at(bytes, at + 30)?,
            u16_at(bytes, at + 32)?,
        );
        let offset = u32_at(bytes, at + 42)?;
        let name = bytes.get(at + 46..at + 46 + n)?;
        out.push(Entry {
            name,
            method,
            size,
            offset,
        });
        at += 46 + n + extra + comment;
    }
    Some(out)
}

/// The entry named `name`.
pub fn find<'a>(dir: &[Entry<'a>], name: &str) -> Option<Entry<'a>> {
    dir.iter().copied().find(|e| e.name == name.as_bytes())
}

/// An entry's bytes: stored, or deflated (at most `limit` bytes out).
pub fn inflate(bytes: &[u8], e: Entry, limit: usize) -> Option<Vec<u8>> {
    let offset = e.offset;
    if bytes.get(offset..offset + 4)? != b"PK\x03\x04" {
        return None;
    }
    let start = offset + 30 + u16_at(bytes, offset + 26)? + u16_at(bytes, offset + 28)?;
    let data = bytes.get(start..start.checked_add(e.size)?)?;
    match e.method {
        0 => Some(data[..data.len().min(limit)].to_vec()),
        8 => miniz_oxide::inflate::decompress_to_vec_with_limit(data, limit).ok(),
        _ => None,
    }
}

/// Is this a zip archive (its first local header)?
pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// A file of an archive: its name (bytes) and content, `None` when it cannot be inflated.
pub type File<'a> = (&'a [u8], Option<Vec<u8>>);

/// Every file of an archive (folders and the Mac's `__MACOSX/` left out): its name (bytes)
/// and content. An entry that cannot be inflated (encrypted, another method, damaged) is
/// `None`, so that the caller can say which file was not read.
pub fn files(bytes: &[u8]) -> Result<Vec<File<'_>>, Refusal> {
    let dir = directory(bytes).ok_or(Refusal::Damaged)?;
    let mut total = 0usize;
    let mut out = Vec::new();
    for e in dir {
        if e.name.ends_with(b"/") || e.name.starts_with(b"__MACOSX/") {
            continue;
        }
        let limit = MAX_ENTRY.min(MAX_TOTAL - total);
        let data = inflate(bytes, e, limit);
        // an entry that failed may have inflated up to the limit first (a zip bomb's entries
        // all pointing at one stream): it counts as that much
        total += data
            .as_ref()
            .map_or(if e.method == 8 { limit } else { 0 }, Vec::len);
        if total >= MAX_TOTAL {
            return Err(Refusal::TooLarge);
        }
        out.push((e.name, data));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A stored (uncompressed) zip of `files`, as any zip tool writes it.
    pub fn stored_zip(files: &[(&[u8], &[u8])]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut central = Vec::new();
        for (name, data) in files {
            let offset = out.len() as u32;
            let header = |sig: &[u8], central: bool| {
                let mut h = sig.to_vec();
                if central {
                    h.extend([20, 0]);
                }
                h.extend([20, 0, 0, 0, 0, 0, 0, 0, 0, 0]); // version, flags, method 0, time, date
                h.extend(0u32.to_le_bytes()); // crc (not checked)
                h.extend((data.len() as u32).to_le_bytes());
                h.extend((data.len() as u32).to_le_bytes());
                h.extend((name.len() as u16).to_le_bytes());
                h.extend(0u16.to_le_bytes());
                if central {
                    h.extend([0; 6]); // comment length, disk, internal attributes
                    h.extend(0u32.to_le_bytes());
                    h.extend(offset.to_le_bytes());
                }
                h.extend_from_slice(name);
                h
            };
            out.extend(header(b"PK\x03\x04", false));
            out.extend_from_slice(data);
            central.extend(header(b"PK\x01\x02", true));
        }
        let at = out.len() as u32;
        out.extend(&central);
        out.extend(b"PK\x05\x06\0\0\0\0");
        out.extend((files.len() as u16).to_le_bytes());
        out.extend((files.len() as u16).to_le_bytes());
        out.extend((central.len() as u32).to_le_bytes());
        out.extend(at.to_le_bytes());
        out.extend([0, 0]);
        out
    }

    #[test]
    fn files_of_an_archive_names_as_bytes() {
        let gbk_name: &[u8] = b"\xb1\xa8\xb8\xe6.txt"; // 报告.txt in GBK
        let z = stored_zip(&[
            (b"a/", b""),
            (b"a/2023.txt", "一、总体情况".as_bytes()),
            (gbk_name, b"x"),
            (b"__MACOSX/a/._2023.txt", b"junk"),
        ]);
        let f = files(&z).unwrap();
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].0, b"a/2023.txt");
        assert_eq!(f[0].1.as_deref(), Some("一、总体情况".as_bytes()));
        assert_eq!(f[1].0, gbk_name);
        assert!(is_zip(&z));
    }

    #[test]
    fn a_damaged_archive_is_refused() {
        let mut z = stored_zip(&[(b"a.txt", b"abc")]);
        let n = z.len();
        z.truncate(n - 10);
        assert_eq!(files(&z).unwrap_err(), Refusal::Damaged);
        assert!(files(b"PK\x03\x04garbage").is_err());
    }
}
