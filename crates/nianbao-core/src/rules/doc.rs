//! A rule's documentation (its doc comment: `## 检查什么` … `## 示例`) read into blocks, so
//! that the page shows formatted text rather than markdown: headings, paragraphs (the doc
//! comment's wrapped lines joined), bulleted lists, and `code` spans for report text.

/// A run of text inside a paragraph or list item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    /// Report text or a label, written in backticks.
    Code(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// `## 检查什么`
    Heading(String),
    Paragraph(Vec<Inline>),
    /// `- …` items
    List(Vec<Vec<Inline>>),
}

/// Joins wrapped lines: no space between two CJK characters (or around CJK punctuation),
/// one space otherwise.
fn join(into: &mut String, line: &str) {
    let line = line.trim();
    if line.is_empty() {
        return;
    }
    let wide = |c: char| c as u32 >= 0x2E80;
    match (into.chars().last(), line.chars().next()) {
        (None, _) => {}
        (Some(a), Some(b)) if wide(a) || wide(b) => {}
        _ => into.push(' '),
    }
    into.push_str(line);
}

/// Splits text at backticks into text and code runs (an unclosed backtick is text).
pub fn inlines(s: &str) -> Vec<Inline> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(a) = rest.find('`') {
        let Some(len) = rest[a + 1..].find('`') else {
            break;
        };
        if a > 0 {
            out.push(Inline::Text(rest[..a].to_string()));
        }
        out.push(Inline::Code(rest[a + 1..a + 1 + len].to_string()));
        rest = &rest[a + 2 + len..];
    }
    if !rest.is_empty() {
        out.push(Inline::Text(rest.to_string()));
    }
    out
}

/// The blocks of a documentation text.
pub fn blocks(doc: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut para = String::new();
    let mut items: Vec<String> = Vec::new();
    let flush = |out: &mut Vec<Block>, para: &mut String, items: &mut Vec<String>| {
        if !para.is_empty() {
            out.push(Block::Paragraph(inlines(para)));
            para.clear();
        }
        if !items.is_empty() {
            out.push(Block::List(items.iter().map(|i| inlines(i)).collect()));
            items.clear();
        }
    };
    for line in doc.lines() {
        let t = line.trim();
        if let Some(h) = t.strip_prefix("## ").or_else(|| t.strip_prefix("# ")) {
            flush(&mut out, &mut para, &mut items);
            out.push(Block::Heading(h.trim().to_string()));
        } else if t.is_empty() {
            flush(&mut out, &mut para, &mut items);
        } else if let Some(item) = t.strip_prefix("- ").or_else(|| t.strip_prefix("* ")) {
            if !para.is_empty() {
                out.push(Block::Paragraph(inlines(&para)));
                para.clear();
            }
            items.push(item.trim().to_string());
        } else if let Some(last) = items.last_mut().filter(|_| line.starts_with(' ')) {
            // an item's wrapped line
            join(last, t);
        } else {
            if !items.is_empty() {
                flush(&mut out, &mut para, &mut items);
            }
            join(&mut para, t);
        }
    }
    flush(&mut out, &mut para, &mut items);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_paragraphs_lists_and_code() {
        let doc = "## 检查什么\n表三每一列：\n`一、本年新收` 加上年结转，\n等于总计。\n\n- 自然人\n- 法人或\n  其他组织\n\n## 示例\nsee `a` and b";
        assert_eq!(
            blocks(doc),
            [
                Block::Heading("检查什么".into()),
                Block::Paragraph(vec![
                    Inline::Text("表三每一列：".into()),
                    Inline::Code("一、本年新收".into()),
                    Inline::Text(" 加上年结转，等于总计。".into()),
                ]),
                Block::List(vec![
                    vec![Inline::Text("自然人".into())],
                    vec![Inline::Text("法人或其他组织".into())],
                ]),
                Block::Heading("示例".into()),
                Block::Paragraph(vec![
                    Inline::Text("see ".into()),
                    Inline::Code("a".into()),
                    Inline::Text(" and b".into()),
                ]),
            ]
        );
        assert_eq!(inlines("a`b"), [Inline::Text("a`b".into())]);
    }
}
