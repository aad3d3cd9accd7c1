//! .doc (Word 97–2003, and WPS saving as .doc): the document's text as the checker reads it
//! (cells separated by tabs, rows by lines), from the compound file's `WordDocument` stream
//! ([MS-DOC]).
//!
//! - The piece table (`Clx` → `PlcPcd` in the table stream `0Table`/`1Table`) maps the
//!   main text's characters to their bytes: 8-bit pieces (code page 1252) or UTF-16LE.
//! - Paragraph properties (`PlcBtePapx` → `PapxFkp` pages) say which paragraphs are inside
//!   a table (`sprmPFInTable`) and which mark a row's end (`sprmPFTtp`): in the text `\r`
//!   ends a paragraph and `\x07` ends a cell, but only the properties tell an empty cell
//!   from a row's end. A cell's paragraphs are one cell; a row is one line.
//! - Of a field (`\x13` instruction `\x14` result `\x15`) only the result is kept.
//!
//! Encrypted documents are refused ([`Refusal::Encrypted`]); anything malformed is
//! [`Refusal::Damaged`], never a panic: every offset is checked against its stream.

use super::word::{join_paragraph, le16, le32, number, Counters};
use super::Refusal;
use std::collections::HashMap;
use std::io::Read;

/// Most bytes of one stream that are read.
pub const MAX_STREAM: u64 = 256 << 20;

/// Is this a compound file holding a `WordDocument` stream?
pub fn is_doc(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
        && cfb::CompoundFile::open(std::io::Cursor::new(bytes))
            .is_ok_and(|c| c.is_stream("/WordDocument"))
}

/// The little-endian `u16` at `at`, or the file is damaged.
fn u16_at(b: &[u8], at: usize) -> Result<u16, Refusal> {
    le16(b, at).map(|v| v as u16).ok_or(Refusal::Damaged)
}

/// The little-endian `u32` at `at`, or the file is damaged.
fn u32_at(b: &[u8], at: usize) -> Result<u32, Refusal> {
    le32(b, at).map(|v| v as u32).ok_or(Refusal::Damaged)
}

/// The document's main text, or why it cannot be read.
pub fn text(bytes: &[u8]) -> Result<String, Refusal> {
    let mut cf =
        cfb::CompoundFile::open(std::io::Cursor::new(bytes)).map_err(|_| Refusal::Damaged)?;
    let mut stream = |name: &str| -> Result<Vec<u8>, Refusal> {
        let s = cf.open_stream(name).map_err(|_| Refusal::Damaged)?;
        let mut out = Vec::new();
        s.take(MAX_STREAM)
            .read_to_end(&mut out)
            .map_err(|_| Refusal::Damaged)?;
        Ok(out)
    };
    let wd = stream("/WordDocument")?;
    if u16_at(&wd, 0)? != 0xA5EC {
        return Err(Refusal::Damaged);
    }
    let flags = u16_at(&wd, 0x0A)?;
    if flags & 0x0100 != 0 || flags & 0x8000 != 0 {
        // fEncrypted, fObfuscated
        return Err(Refusal::Encrypted);
    }
    let table = stream(if flags & 0x0200 != 0 {
        "/1Table"
    } else {
        "/0Table"
    })?;
    // FibBase (32 bytes), csw + fibRgW, cslw + fibRgLw, cbRgFcLcb + the fc/lcb pairs
    let csw = u16_at(&wd, 32)? as usize;
    let lw = 34 + csw * 2;
    let cslw = u16_at(&wd, lw)? as usize;
    let ccp_text = u32_at(&wd, lw + 2 + 3 * 4)? as usize;
    let blob = lw + 2 + cslw * 4 + 2;
    let pair = |k: usize| -> Result<(usize, usize), Refusal> {
        Ok((
            u32_at(&wd, blob + k * 8)? as usize,
            u32_at(&wd, blob + k * 8 + 4)? as usize,
        ))
    };
    let (fc_clx, lcb_clx) = pair(33)?;
    let (fc_papx, lcb_papx) = pair(13)?;
    let pieces = pieces(
        table
            .get(fc_clx..fc_clx + lcb_clx)
            .ok_or(Refusal::Damaged)?,
    )?;
    // the Data stream holds the properties too large for their page (a wide table's rows)
    let data = stream("/Data").unwrap_or_default();
    let plc = table.get(fc_papx..fc_papx + lcb_papx).unwrap_or(&[]);
    let paras = paragraphs(&wd, plc, &data)?;
    let (fc_chpx, lcb_chpx) = pair(12)?;
    let deleted = deleted_runs(&wd, table.get(fc_chpx..fc_chpx + lcb_chpx).unwrap_or(&[]));
    let lists = match (pair(73), pair(74)) {
        // the levels follow the PlfLst in the table stream, outside its lcb
        (Ok((a, n)), Ok((b, m))) if n > 0 => Lists::read(
            table.get(a..).unwrap_or(&[]),
            table.get(b..b + m).unwrap_or(&[]),
        ),
        _ => Lists::default(),
    };
    Ok(assemble(&wd, &pieces, &paras, &deleted, lists, ccp_text))
}

/// One piece of the text (pieces follow each other in character order): `len` characters
/// stored from byte `fc`, 8-bit or not.
#[derive(Debug, Clone, Copy)]
struct Piece {
    len: usize,
    fc: usize,
    compressed: bool,
}

/// The piece table of a `Clx`.
fn pieces(clx: &[u8]) -> Result<Vec<Piece>, Refusal> {
    let mut at = 0;
    // Prc entries (property modifiers) come first
    while clx.get(at) == Some(&0x01) {
        at += 3 + u16_at(clx, at + 1)? as usize;
    }
    if clx.get(at) != Some(&0x02) {
        return Err(Refusal::Damaged);
    }
    let lcb = u32_at(clx, at + 1)? as usize;
    let plc = clx.get(at + 5..at + 5 + lcb).ok_or(Refusal::Damaged)?;
    if lcb < 4 || !(lcb - 4).is_multiple_of(12) {
        return Err(Refusal::Damaged);
    }
    let n = (lcb - 4) / 12;
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let (a, b) = (
            u32_at(plc, i * 4)? as usize,
            u32_at(plc, i * 4 + 4)? as usize,
        );
        let fc = u32_at(plc, (n + 1) * 4 + i * 8 + 2)?;
        let compressed = fc & 0x4000_0000 != 0;
        let fc = (fc & 0x3FFF_FFFF) as usize;
        out.push(Piece {
            len: b.saturating_sub(a),
            fc: if compressed { fc / 2 } else { fc },
            compressed,
        });
    }
    Ok(out)
}

/// What a paragraph's properties say about tables and lists.
#[derive(Debug, Clone, Copy, Default)]
struct Para {
    in_table: bool,
    /// The paragraph is a row's end mark (`sprmPFTtp`).
    row_end: bool,
    /// Its list (`sprmPIlfo`, 1-based; 0: none) and level (`sprmPIlvl`).
    ilfo: u16,
    ilvl: u8,
}

/// The table properties of every paragraph, by the byte offset just after its mark.
fn paragraphs(wd: &[u8], plc: &[u8], data: &[u8]) -> Result<HashMap<usize, Para>, Refusal> {
    let mut out = HashMap::new();
    if plc.len() < 4 {
        return Ok(out);
    }
    let n = (plc.len() - 4) / 8;
    for i in 0..n {
        let pn = u32_at(plc, (n + 1) * 4 + i * 4)? as usize & 0x3F_FFFF;
        let Some(page) = wd.get(pn * 512..pn * 512 + 512) else {
            continue;
        };
        let crun = page[511] as usize;
        for k in 0..crun {
            let end = u32_at(page, (k + 1) * 4)? as usize;
            let bx = (crun + 1) * 4 + k * 13;
            let off = *page.get(bx).ok_or(Refusal::Damaged)? as usize * 2;
            if off == 0 {
                continue;
            }
            let mut cb = *page.get(off).ok_or(Refusal::Damaged)? as usize;
            let mut at = off + 1;
            let len = if cb == 0 {
                cb = *page.get(at).ok_or(Refusal::Damaged)? as usize;
                at += 1;
                cb * 2
            } else {
                cb * 2 - 1
            };
            let Some(grpprl) = page.get(at..at + len) else {
                continue;
            };
            out.insert(end, sprms(grpprl.get(2..).unwrap_or(&[]), data));
        }
    }
    Ok(out)
}

/// The size of the operand of the sprm at the start of `g`, from its spra bits.
fn operand_size(sprm: u16, g: &[u8]) -> usize {
    match sprm >> 13 {
        0 | 1 => 1,
        2 | 4 | 5 => 2,
        3 => 4,
        7 => 3,
        // sprmTDefTable (on a row's end mark): a 2-byte size, counting itself minus one
        _ if sprm == 0xD608 => u16_at(g, 2).map(|n| n as usize + 1).unwrap_or(g.len()),
        // variable: a size byte
        _ => g.get(2).map(|n| *n as usize + 1).unwrap_or(1),
    }
}

/// The table flags among a paragraph's sprms (after its style index); `data` is the Data
/// stream, where `sprmPHugePapx` keeps the rest of a paragraph's properties.
fn sprms(mut g: &[u8], data: &[u8]) -> Para {
    let mut p = Para::default();
    while g.len() >= 2 {
        let sprm = u16::from_le_bytes([g[0], g[1]]);
        let size = operand_size(sprm, g);
        let op = g.get(2).copied().unwrap_or(0);
        match sprm {
            0x2416 | 0x6649 => p.in_table |= op != 0,
            0x2417 | 0x244C => p.row_end |= op != 0,
            0x460B => p.ilfo = u16_at(g, 2).unwrap_or(0),
            0x260A => p.ilvl = op.min(8),
            // sprmPHugePapx: a size (2 bytes) and the sprms, at an offset of the Data stream
            0x6646 => {
                if let Some(huge) = u32_at(g, 2)
                    .ok()
                    .map(|o| o as usize)
                    .and_then(|o| Some((o, u16_at(data, o).ok()? as usize)))
                    .and_then(|(o, cb)| data.get(o + 2..o + 2 + cb))
                {
                    // no style index there; its sprms do not point to the Data stream again
                    let q = sprms(huge, &[]);
                    p.in_table |= q.in_table;
                    p.row_end |= q.row_end;
                    if q.ilfo != 0 {
                        (p.ilfo, p.ilvl) = (q.ilfo, q.ilvl);
                    }
                }
            }
            _ => {}
        }
        g = g.get(2 + size..).unwrap_or(&[]);
    }
    p
}

/// The byte ranges of text deleted by a tracked change (`sprmCFRMarkDel` in the character
/// properties, `PlcBteChpx` → `ChpxFkp` pages), sorted.
fn deleted_runs(wd: &[u8], plc: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    if plc.len() < 4 {
        return out;
    }
    let n = (plc.len() - 4) / 8;
    for i in 0..n {
        let Ok(pn) = u32_at(plc, (n + 1) * 4 + i * 4) else {
            break;
        };
        let pn = pn as usize & 0x3F_FFFF;
        let Some(page) = wd.get(pn * 512..pn * 512 + 512) else {
            continue;
        };
        let crun = page[511] as usize;
        for k in 0..crun {
            let (Ok(a), Ok(b)) = (u32_at(page, k * 4), u32_at(page, k * 4 + 4)) else {
                break;
            };
            let off = page.get((crun + 1) * 4 + k).copied().unwrap_or(0) as usize * 2;
            if off == 0 {
                continue;
            }
            let cb = page.get(off).copied().unwrap_or(0) as usize;
            let mut g = page.get(off + 1..off + 1 + cb).unwrap_or(&[]);
            while g.len() >= 2 {
                let sprm = u16::from_le_bytes([g[0], g[1]]);
                let size = operand_size(sprm, g);
                if sprm == 0x0800 && g.get(2).is_some_and(|v| *v & 1 != 0) {
                    out.push((a as usize, b as usize));
                }
                g = g.get(2 + size..).unwrap_or(&[]);
            }
        }
    }
    out.sort_unstable();
    out
}

/// Is byte `at` inside a deleted range?
fn is_deleted(deleted: &[(usize, usize)], at: usize) -> bool {
    let i = deleted.partition_point(|r| r.0 <= at);
    i > 0 && at < deleted[i - 1].1
}

/// One level of a list: how its number is written.
#[derive(Debug, Clone, Default)]
struct Level {
    start: u32,
    /// The number format code (MSONFC).
    nfc: u8,
    /// The number text: characters below 9 stand for the count of that level.
    text: Vec<u16>,
}

/// The lists (`PlfLst`) and the list of each `ilfo` (`PlfLfo`), with the counters.
#[derive(Debug, Default)]
struct Lists {
    /// lsid → levels
    lists: HashMap<i32, Vec<Level>>,
    /// ilfo - 1 → lsid
    lfo: Vec<i32>,
    counters: Counters<i32>,
}

impl Lists {
    fn read(lst: &[u8], lfo: &[u8]) -> Lists {
        let mut l = Lists::default();
        let n = u16_at(lst, 0).unwrap_or(0) as usize;
        let mut at = 2 + n * 28;
        for i in 0..n {
            let base = 2 + i * 28;
            let (Ok(lsid), Some(flags)) = (u32_at(lst, base), lst.get(base + 26)) else {
                return l;
            };
            let count = if flags & 1 != 0 { 1 } else { 9 };
            let mut levels = Vec::new();
            for _ in 0..count {
                let Some(lvlf) = lst.get(at..at + 28) else {
                    return l;
                };
                let start = u32::from_le_bytes([lvlf[0], lvlf[1], lvlf[2], lvlf[3]]);
                let (cb_chpx, cb_papx) = (lvlf[24] as usize, lvlf[25] as usize);
                at += 28 + cb_papx + cb_chpx;
                let cch = u16_at(lst, at).unwrap_or(0) as usize;
                let text = (0..cch)
                    .map_while(|k| u16_at(lst, at + 2 + k * 2).ok())
                    .collect();
                at += 2 + cch * 2;
                levels.push(Level {
                    start,
                    nfc: lvlf[4],
                    text,
                });
            }
            l.lists.insert(lsid as i32, levels);
        }
        let m = u32_at(lfo, 0).unwrap_or(0) as usize;
        l.lfo = (0..m.min(lfo.len() / 16))
            .map_while(|k| u32_at(lfo, 4 + k * 16).ok().map(|v| v as i32))
            .collect();
        l
    }

    /// The number of the next paragraph of list `ilfo` at `ilvl` (`一、`), counting it.
    fn next(&mut self, ilfo: u16, ilvl: u8) -> String {
        let Some(&lsid) = self.lfo.get(ilfo as usize - 1) else {
            return String::new();
        };
        let Some(levels) = self.lists.get(&lsid) else {
            return String::new();
        };
        let ilvl = ilvl as usize;
        let Some(level) = levels.get(ilvl) else {
            return String::new();
        };
        if level.nfc == 23 || level.nfc == 255 {
            // a bullet, or no number
            return String::new();
        }
        let c = self.counters.step(lsid, ilvl);
        let mut out = String::new();
        for u in char::decode_utf16(level.text.iter().copied()).flatten() {
            match u as u32 {
                k @ 0..=8 => {
                    let k = k as usize;
                    let lv = levels.get(k).cloned().unwrap_or_default();
                    let n = number(lv.start, c[k]);
                    out.push_str(&super::word::format_number(n, nfc_format(lv.nfc)));
                }
                _ => out.push(u),
            }
        }
        out
    }
}

/// The ECMA-376 name of a Word 97 number format code (MSONFC), as far as reports use them.
fn nfc_format(nfc: u8) -> &'static str {
    match nfc {
        1 => "upperRoman",
        2 => "lowerRoman",
        3 => "upperLetter",
        4 => "lowerLetter",
        18 => "decimalEnclosedCircle",
        // 一、二、三 in their Simplified, Traditional and Japanese forms
        10 | 11 | 33 | 34 | 35 | 36 | 37 | 38 | 39 | 40 | 41 | 42 | 43 => "chineseCounting",
        30 | 31 => "ideographTraditional",
        _ => "decimal",
    }
}

/// The characters of code page 1252 that differ from Latin-1 (0x80..=0x9F).
fn cp1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[b as usize - 0x80],
        _ => b as char,
    }
}

/// The main text (the first `ccp` characters), with cells and rows as tabs and lines.
fn assemble(
    wd: &[u8],
    pieces: &[Piece],
    paras: &HashMap<usize, Para>,
    deleted: &[(usize, usize)],
    mut lists: Lists,
    ccp: usize,
) -> String {
    let mut out = String::new();
    let mut line = String::new();
    let mut row: Vec<String> = Vec::new();
    let mut cell: Option<String> = None;
    // fields: true while in an instruction
    let mut fields: Vec<bool> = Vec::new();
    let mut cp = 0;
    for p in pieces {
        let width = if p.compressed { 1 } else { 2 };
        for i in 0..p.len {
            if cp >= ccp {
                break;
            }
            cp += 1;
            let at = p.fc + i * width;
            let c = if p.compressed {
                match wd.get(at) {
                    Some(b) => cp1252(*b),
                    None => break,
                }
            } else {
                match wd.get(at..at + 2) {
                    Some(s) => char::from_u32(u16::from_le_bytes([s[0], s[1]]) as u32)
                        .unwrap_or('\u{FFFD}'),
                    None => break,
                }
            };
            let para = || paras.get(&(at + width)).copied().unwrap_or_default();
            if is_deleted(deleted, at) {
                continue;
            }
            match c {
                '\u{13}' => fields.push(true),
                '\u{14}' => {
                    if let Some(f) = fields.last_mut() {
                        *f = false;
                    }
                }
                '\u{15}' => {
                    fields.pop();
                }
                _ if fields.last() == Some(&true) => {}
                '\r' => {
                    let pp = para();
                    if pp.ilfo != 0 {
                        // the list number is not in the text
                        line.insert_str(0, &lists.next(pp.ilfo, pp.ilvl));
                    }
                    if pp.in_table {
                        // a paragraph inside a cell: the cell goes on
                        let c = cell.get_or_insert_with(String::new);
                        join_paragraph(c, &std::mem::take(&mut line));
                    } else {
                        out.push_str(&std::mem::take(&mut line));
                        out.push('\n');
                    }
                }
                '\u{7}' => {
                    if para().row_end {
                        out.push_str(&row.join("\t"));
                        out.push('\n');
                        row.clear();
                        line.clear();
                    } else {
                        let mut c = cell.take().unwrap_or_default();
                        join_paragraph(&mut c, &std::mem::take(&mut line));
                        row.push(c);
                    }
                }
                // a line break, a page or section break
                '\u{b}' | '\u{c}' => {
                    if cell.is_some() || !row.is_empty() {
                        line.push(' ');
                    } else {
                        out.push_str(&std::mem::take(&mut line));
                        out.push('\n');
                    }
                }
                '\t' if cell.is_some() || !row.is_empty() => line.push(' '),
                '\u{1e}' => line.push('-'),
                // soft hyphen, pictures, drawn objects, footnote marks
                '\u{1f}' | '\u{1}' | '\u{8}' | '\u{2}' | '\u{5}' => {}
                c => line.push(c),
            }
        }
    }
    if !line.is_empty() {
        out.push_str(&line);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sprm_operands_and_table_flags() {
        // sprmPFInTable 1, a 2-byte sprm (sprmPDxaLeft, spra 4), sprmPFTtp 1
        let g = [0x16, 0x24, 1, 0x0F, 0x84, 0x10, 0x00, 0x17, 0x24, 1];
        let p = sprms(&g, &[]);
        assert!(p.in_table && p.row_end);
        assert!(!sprms(&[0x16, 0x24, 0], &[]).in_table);
        // truncated input is not a panic
        let _ = sprms(&[0x16], &[]);
        let _ = sprms(&[0x16, 0xC6], &[]);
        // a huge PAPX in the Data stream: its size, then sprmPFTtp
        let data = [0, 0, 3, 0, 0x17, 0x24, 1];
        assert!(sprms(&[0x46, 0x66, 2, 0, 0, 0], &data).row_end);
    }

    #[test]
    fn cells_rows_and_fields() {
        // one 8-bit piece: "甲" is not 8-bit, so use ASCII: a\x07\x07 where the second mark is
        // the row end, then a paragraph with a field
        let text = b"a\x07b\x07\x07x\x13 PAGE \x143\x15y\r";
        let mut wd = vec![0u8; 16];
        wd.extend_from_slice(text);
        let pieces = [Piece {
            len: text.len(),
            fc: 16,
            compressed: true,
        }];
        let mut paras = HashMap::new();
        // the third \x07 (at byte 16 + 4) ends the row
        paras.insert(
            16 + 5,
            Para {
                in_table: true,
                row_end: true,
                ..Default::default()
            },
        );
        assert_eq!(
            assemble(&wd, &pieces, &paras, &[], Lists::default(), text.len()),
            "a\tb\nx3y\n"
        );
        // a deleted run (the first cell's mark and the second cell) is dropped
        assert_eq!(
            assemble(
                &wd,
                &pieces,
                &paras,
                &[(17, 19)],
                Lists::default(),
                text.len()
            ),
            "a\nx3y\n"
        );
    }

    #[test]
    fn damaged_files_are_refused() {
        assert_eq!(
            text(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1garbage"),
            Err(Refusal::Damaged)
        );
        assert!(pieces(&[0x02, 0xFF, 0xFF, 0xFF, 0x7F]).is_err());
        assert!(pieces(&[]).is_err());
    }
}
