//! .docx (Word 2007+, WPS): the document's text as the checker reads it (report-json.md:
//! cells separated by tabs, rows by lines), read from `word/document.xml`.
//!
//! - Paragraphs are lines; a heading numbered by Word's list numbering gets its number
//!   (`word/numbering.xml`: `chineseCounting` and friends make the `一、` / `（一）` that are
//!   not in the run text).
//! - A table row is one line of cells: a cell merged across columns (`gridSpan`) once, a
//!   cell continuing a vertical merge (`vMerge`) not at all — the grid a browser copy of the
//!   same table gives; an empty cell is a real blank. A cell's paragraphs are one cell.
//! - Tracked changes read as accepted (insertions kept, deletions dropped); of a field only
//!   its result; text boxes as paragraphs of their own.
//!
//! The zip is read by `zip.rs`: at most [`MAX_ENTRIES`] entries and [`MAX_XML`] bytes of
//! XML are inflated, whatever the archive claims.

use super::word::{format_number, join_paragraph, number, Counters};
use super::Refusal;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::collections::HashMap;

use super::zip::{directory, find, inflate};
pub use super::zip::{MAX_ENTRIES, MAX_ENTRY as MAX_XML};

/// Is this a Word document (a zip holding `word/document.xml`)? A zip whose directory
/// cannot be read counts when its first entries name `word/` (it is then a damaged one).
pub fn is_docx(bytes: &[u8]) -> bool {
    if !bytes.starts_with(b"PK\x03\x04") {
        return false;
    }
    match directory(bytes) {
        Some(d) => find(&d, "word/document.xml").is_some(),
        None => memchr::memmem::find(&bytes[..bytes.len().min(1 << 16)], b"word/").is_some(),
    }
}

/// The document's text, or why it cannot be read.
pub fn text(bytes: &[u8]) -> Result<String, Refusal> {
    let dir = directory(bytes).ok_or(Refusal::Damaged)?;
    let part = |name: &str| -> Result<Option<String>, Refusal> {
        let Some(e) = find(&dir, name) else {
            return Ok(None);
        };
        let xml = inflate(bytes, e, MAX_XML).ok_or(Refusal::Damaged)?;
        Ok(Some(String::from_utf8_lossy(&xml).into_owned()))
    };
    let document = part("word/document.xml")?.ok_or(Refusal::Zip)?;
    let numbering = part("word/numbering.xml")?
        .map(|x| Numbering::read(&x))
        .unwrap_or_default();
    Ok(Body::read(&document, numbering))
}

/// `w:val` (or another attribute) of an element.
fn attr(e: &BytesStart, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
}

fn val(e: &BytesStart) -> Option<String> {
    attr(e, b"w:val")
}

/// One level of a list: how its number is written.
#[derive(Debug, Clone, Default)]
struct Level {
    format: String,
    text: String,
    start: u32,
}

/// `word/numbering.xml`: for each `numId`, its levels; and the counters while reading.
#[derive(Debug, Default)]
struct Numbering {
    /// numId → abstractNumId
    nums: HashMap<String, String>,
    abstracts: HashMap<String, Vec<Level>>,
    /// numId → the counts of its levels
    counters: Counters<String>,
}

impl Numbering {
    fn read(xml: &str) -> Numbering {
        let mut n = Numbering::default();
        let mut r = Reader::from_str(xml);
        let (mut abs, mut num, mut lvl): (Option<String>, Option<String>, Option<usize>) =
            (None, None, None);
        loop {
            let e = match r.read_event() {
                Ok(Event::Eof) | Err(_) => break,
                Ok(e) => e,
            };
            match &e {
                Event::Start(s) | Event::Empty(s) => match s.name().as_ref() {
                    b"w:abstractNum" => {
                        abs = attr(s, b"w:abstractNumId");
                        if let Some(a) = &abs {
                            n.abstracts.entry(a.clone()).or_default();
                        }
                    }
                    b"w:lvl" => {
                        lvl = attr(s, b"w:ilvl")
                            .and_then(|v| v.parse().ok())
                            .filter(|l| *l < 9);
                    }
                    b"w:num" => num = attr(s, b"w:numId"),
                    b"w:abstractNumId" => {
                        if let (Some(nm), Some(v)) = (&num, val(s)) {
                            n.nums.insert(nm.clone(), v);
                        }
                    }
                    name @ (b"w:numFmt" | b"w:lvlText" | b"w:start") => {
                        if let (Some(a), Some(l)) = (&abs, lvl) {
                            let levels = n.abstracts.entry(a.clone()).or_default();
                            if levels.len() <= l {
                                levels.resize(l + 1, Level::default());
                            }
                            let v = val(s).unwrap_or_default();
                            match name {
                                b"w:numFmt" => levels[l].format = v,
                                b"w:lvlText" => levels[l].text = v,
                                _ => levels[l].start = v.parse().unwrap_or(1),
                            }
                        }
                    }
                    _ => {}
                },
                Event::End(s) => match s.name().as_ref() {
                    b"w:abstractNum" => abs = None,
                    b"w:lvl" => lvl = None,
                    b"w:num" => num = None,
                    _ => {}
                },
                _ => {}
            }
        }
        n
    }

    /// The number of the next paragraph of list `num` at level `ilvl` (`一、`), counting it.
    fn next(&mut self, num: &str, ilvl: usize) -> String {
        let Some(levels) = self.nums.get(num).and_then(|a| self.abstracts.get(a)) else {
            return String::new();
        };
        if ilvl >= levels.len() || levels[ilvl].format == "bullet" {
            return String::new();
        }
        let counts = self.counters.step(num.to_string(), ilvl);
        let mut out = levels[ilvl].text.clone();
        for (k, level) in levels.iter().enumerate().take(ilvl + 1) {
            let count = number(level.start, counts[k]);
            let pat = format!("%{}", k + 1);
            if out.contains(&pat) {
                out = out.replace(&pat, &format_number(count, &level.format));
            }
        }
        out
    }
}

/// A field being read: its instruction is skipped, its result kept.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Field {
    Instruction,
    Result,
}

/// A table being read: the current row's cells, the current cell's paragraphs.
#[derive(Debug, Default)]
struct Table {
    row: Vec<String>,
    cell: Option<String>,
    /// The current cell continues a vertical merge: it is not a cell of the grid.
    continued: bool,
}

/// Reading `w:body`.
struct Body {
    numbering: Numbering,
    out: String,
    /// Paragraphs being read (text boxes nest them).
    paras: Vec<String>,
    tables: Vec<Table>,
    fields: Vec<Field>,
    /// Inside `w:del` (deleted by a tracked change) or `w:instrText`.
    skip: usize,
    /// The current paragraph's list (numId, ilvl), read from its `w:pPr`.
    num: (Option<String>, usize),
    in_ppr: bool,
    in_text: bool,
}

impl Body {
    fn read(xml: &str, numbering: Numbering) -> String {
        let mut b = Body {
            numbering,
            out: String::with_capacity(xml.len() / 8),
            paras: Vec::new(),
            tables: Vec::new(),
            fields: Vec::new(),
            skip: 0,
            num: (None, 0),
            in_ppr: false,
            in_text: false,
        };
        let mut r = Reader::from_str(xml);
        loop {
            match r.read_event() {
                Ok(Event::Eof) | Err(_) => break,
                Ok(Event::Start(s)) => b.start(&s, false),
                Ok(Event::Empty(s)) => b.start(&s, true),
                Ok(Event::End(e)) => b.end(e.name().as_ref()),
                Ok(Event::Text(t)) => {
                    if b.in_text && b.skip == 0 && b.fields.last() != Some(&Field::Instruction) {
                        match t.unescape() {
                            Ok(s) => b.push_text(&s),
                            Err(_) => b.push_text(&String::from_utf8_lossy(&t)),
                        }
                    }
                }
                Ok(_) => {}
            }
        }
        // an unclosed paragraph or row at the end of a damaged part: keep what was read
        while let Some(p) = b.paras.pop() {
            b.flush_line(&p);
        }
        b.out
    }

    fn push_text(&mut self, s: &str) {
        if let Some(p) = self.paras.last_mut() {
            p.push_str(s);
        }
    }

    fn start(&mut self, s: &BytesStart, empty: bool) {
        match s.name().as_ref() {
            b"w:p" if !empty => {
                self.paras.push(String::new());
                self.num = (None, 0);
            }
            // an empty paragraph is an empty line
            b"w:p" => self.flush_line(""),
            b"w:pPr" if !empty => self.in_ppr = true,
            b"w:numId" if self.in_ppr => self.num.0 = val(s).filter(|v| v != "0"),
            b"w:ilvl" if self.in_ppr => {
                self.num.1 = val(s).and_then(|v| v.parse().ok()).unwrap_or(0).min(8)
            }
            b"w:t" if !empty => self.in_text = true,
            b"w:delText" | b"w:instrText" if !empty => self.skip += 1,
            b"w:del" | b"w:moveFrom" if !empty => self.skip += 1,
            b"w:tab" if self.skip == 0 => {
                // inside a cell a tab would make a new cell
                let t = if self.tables.is_empty() { "\t" } else { " " };
                self.push_text(t);
            }
            b"w:br" | b"w:cr" if self.skip == 0 && self.tables.is_empty() => self.push_text("\n"),
            b"w:fldChar" => match attr(s, b"w:fldCharType").as_deref() {
                Some("begin") => self.fields.push(Field::Instruction),
                Some("separate") => {
                    if let Some(f) = self.fields.last_mut() {
                        *f = Field::Result;
                    }
                }
                Some("end") => {
                    self.fields.pop();
                }
                _ => {}
            },
            b"w:tbl" if !empty => self.tables.push(Table::default()),
            b"w:tr" if !empty => {
                if let Some(t) = self.tables.last_mut() {
                    t.row.clear();
                }
            }
            b"w:tc" if !empty => {
                if let Some(t) = self.tables.last_mut() {
                    t.cell = Some(String::new());
                    t.continued = false;
                }
            }
            // `restart` starts a merge; a bare vMerge (or `continue`) continues it
            b"w:vMerge" if val(s).is_none_or(|v| v == "continue") => {
                if let Some(t) = self.tables.last_mut() {
                    t.continued = true;
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, name: &[u8]) {
        match name {
            b"w:pPr" => {
                self.in_ppr = false;
                if let Some(num) = self.num.0.clone() {
                    let prefix = self.numbering.next(&num, self.num.1);
                    self.push_text(&prefix);
                }
            }
            b"w:t" => self.in_text = false,
            b"w:delText" | b"w:instrText" | b"w:del" | b"w:moveFrom" => {
                self.skip = self.skip.saturating_sub(1)
            }
            b"w:p" => {
                if let Some(p) = self.paras.pop() {
                    self.flush_line(&p);
                }
            }
            b"w:tc" => {
                if let Some(t) = self.tables.last_mut() {
                    if let Some(c) = t.cell.take() {
                        if !t.continued {
                            t.row.push(c);
                        }
                    }
                }
            }
            b"w:tr" => {
                let Some(t) = self.tables.last_mut() else {
                    return;
                };
                let line = t.row.join("\t");
                t.row.clear();
                if self.tables.len() > 1 {
                    // a table inside a cell: its rows are text of that cell
                    let n = self.tables.len();
                    if let Some(c) = self.tables[n - 2].cell.as_mut() {
                        join_paragraph(c, &line.replace('\t', " "));
                    }
                } else {
                    self.out.push_str(&line);
                    self.out.push('\n');
                }
            }
            b"w:tbl" => {
                self.tables.pop();
            }
            _ => {}
        }
    }

    /// A finished paragraph: a line of the output, or part of the current cell.
    fn flush_line(&mut self, p: &str) {
        if let Some(cell) = self.tables.last_mut().and_then(|t| t.cell.as_mut()) {
            join_paragraph(cell, p.trim());
            return;
        }
        if let Some(outer) = self.paras.last_mut() {
            // a text box's paragraph inside another paragraph: a line of its own
            if !outer.is_empty() && !outer.ends_with('\n') {
                outer.push('\n');
            }
            outer.push_str(p);
            outer.push('\n');
            return;
        }
        self.out.push_str(p);
        self.out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NUMBERING: &str = r#"<w:numbering xmlns:w="w">
      <w:abstractNum w:abstractNumId="3">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="7"><w:abstractNumId w:val="3"/></w:num>
    </w:numbering>"#;

    fn para(text: &str, num: Option<(u32, u32)>) -> String {
        let ppr = num
            .map(|(n, l)| format!("<w:pPr><w:numPr><w:ilvl w:val=\"{l}\"/><w:numId w:val=\"{n}\"/></w:numPr></w:pPr>"))
            .unwrap_or_default();
        format!("<w:p>{ppr}<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>")
    }

    fn body(inner: &str) -> String {
        Body::read(
            &format!("<w:document xmlns:w=\"w\"><w:body>{inner}</w:body></w:document>"),
            Numbering::read(NUMBERING),
        )
    }

    #[test]
    fn list_numbering_gives_headings_their_numbers() {
        let t = body(
            &[
                para("总体情况", Some((7, 0))),
                para("主动公开", Some((7, 1))),
                para("依申请公开", Some((7, 1))),
                para("收到和处理政府信息公开申请情况", Some((7, 0))),
                para("下一项", Some((7, 1))),
                para("正文", None),
            ]
            .concat(),
        );
        assert_eq!(
            t,
            "一、总体情况\n（一）主动公开\n（二）依申请公开\n二、收到和处理政府信息公开申请情况\n（一）下一项\n正文\n"
        );
    }

    #[test]
    fn merged_cells_once_blank_cells_real() {
        let cell =
            |t: &str, pr: &str| format!("<w:tc><w:tcPr>{pr}</w:tcPr>{}</w:tc>", para(t, None));
        let row = |cells: &[String]| format!("<w:tr>{}</w:tr>", cells.concat());
        let t = body(&format!(
            "<w:tbl>{}{}</w:tbl>",
            row(&[
                cell("规章", "<w:vMerge w:val=\"restart\"/>"),
                cell("12", ""),
                cell("", ""),
                cell("3", "<w:gridSpan w:val=\"2\"/>"),
            ]),
            row(&[
                cell("", "<w:vMerge/>"),
                cell("0", ""),
                cell("", ""),
                cell("5", "")
            ]),
        ));
        assert_eq!(t, "规章\t12\t\t3\n0\t\t5\n");
    }

    #[test]
    fn a_cells_paragraphs_are_one_cell() {
        let t = body(&format!(
            "<w:tbl><w:tr><w:tc>{}{}</w:tc><w:tc>{}</w:tc></w:tr></w:tbl>",
            para("本年新", None),
            para("制作数量", None),
            para("7", None)
        ));
        assert_eq!(t, "本年新制作数量\t7\n");
    }

    #[test]
    fn tracked_changes_accepted_fields_by_result() {
        let xml = "<w:p><w:r><w:t>收到申请</w:t></w:r>\
            <w:ins><w:r><w:t>12</w:t></w:r></w:ins>\
            <w:del><w:r><w:delText>21</w:delText></w:r></w:del>\
            <w:r><w:t>件，</w:t></w:r>\
            <w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>\
            <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>第3页</w:t></w:r>\
            <w:r><w:fldChar w:fldCharType=\"end\"/></w:r>\
            <w:r><w:t>A&amp;B</w:t></w:r></w:p>";
        assert_eq!(body(xml), "收到申请12件，第3页A&B\n");
    }

    #[test]
    fn damaged_archives_are_refused_not_read() {
        assert_eq!(text(b"PK\x03\x04garbage"), Err(Refusal::Damaged));
        assert_eq!(text(b""), Err(Refusal::Damaged));
    }
}
