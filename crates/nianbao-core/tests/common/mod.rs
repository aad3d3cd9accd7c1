//! A generator of synthetic reports: the same tables written in every input shape.
#![allow(dead_code)]

use nianbao_core::tables::schema::{t3_rows, Format, Group, T2Row, T3Col, T3Row, T4Col, T4Group};

/// Deterministic xorshift, so failures reproduce.
pub struct Rng(pub u64);
impl Rng {
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Tabs,
    CellPerLine,
    Layout,
    Markdown,
    Html,
    BrowserCopy,
    /// A browser copy of a table whose cells hold paragraphs (`<td><p>…</p></td>`): each
    /// cell on its own line between blank lines, a line holding only a tab between cells,
    /// four blank lines between rows, a blank cell as a lone no-break space, header text
    /// set vertically one character per paragraph.
    ParagraphCopy,
    /// Markdown-like text from a PDF converter: blank cells gone, rows broken into several
    /// pipe fragments, labels wrapped onto the next line (before or after the values),
    /// separator lines in the middle of a table.
    Converter,
}
pub const SHAPES: [Shape; 8] = [
    Shape::Tabs,
    Shape::CellPerLine,
    Shape::Layout,
    Shape::Markdown,
    Shape::Html,
    Shape::BrowserCopy,
    Shape::ParagraphCopy,
    Shape::Converter,
];

/// One table row: path prefix (`t3.granted`), label, value texts with their column keys.
#[derive(Debug, Clone)]
pub struct GenRow {
    pub table: &'static str,
    pub key: &'static str,
    pub label: &'static str,
    pub group: Option<&'static str>,
    pub cells: Vec<(&'static str, String)>,
}

pub struct Tables {
    pub format: Format,
    pub t2: Vec<(&'static str, Vec<GenRow>)>, // caption item, rows
    pub t3: Vec<GenRow>,
    pub t4: Vec<(&'static str, String)>, // path group.col, value
}

fn num(rng: &mut Rng) -> String {
    match rng.below(10) {
        0..=4 => "0".to_string(),
        5..=7 => rng.below(20).to_string(),
        _ => rng.below(5000).to_string(),
    }
}

pub fn tables(rng: &mut Rng, format: Format) -> Tables {
    let mut t2: Vec<(&'static str, Vec<GenRow>)> = Vec::new();
    for r in T2Row::ALL.iter().filter(|r| r.in_format(format)) {
        let cells = r
            .cols(format)
            .iter()
            .map(|c| c.key())
            .map(|k| {
                let v = match k {
                    "change" => format!("{}", rng.below(30) as i64 - 15),
                    "amount" | "amount_10k_yuan" => {
                        format!("{}.{}", rng.below(900), rng.below(100))
                    }
                    _ => num(rng),
                };
                (k, v)
            })
            .collect();
        let row = GenRow {
            table: "t2",
            key: r.key(),
            label: r.label_in(format),
            group: None,
            cells,
        };
        match t2.last_mut() {
            Some((item, rows)) if *item == r.item() => rows.push(row),
            _ => t2.push((r.item(), vec![row])),
        }
    }
    let mut t3 = Vec::new();
    let mut last_group = "";
    for d in t3_rows(format == Format::B) {
        let cells = T3Col::VALUES.iter().map(|c| (c.key(), num(rng))).collect();
        let g = d.group().label();
        let group = if d == T3Row::Granted {
            Some("三、本年度办理结果")
        } else if !g.is_empty() && g != last_group {
            Some(g)
        } else {
            None
        };
        last_group = g;
        t3.push(GenRow {
            table: "t3",
            key: d.key(),
            label: d.label(),
            group,
            cells,
        });
    }
    let mut t4 = Vec::new();
    for g in T4Group::ALL {
        for c in T4Col::ALL {
            t4.push((
                Box::leak(format!("{}.{}", g.key(), c.key()).into_boxed_str()) as &'static str,
                num(rng),
            ));
        }
    }
    Tables { format, t2, t3, t4 }
}

fn headers_t2(format: Format, item: &str) -> Vec<&'static str> {
    let r = T2Row::ALL
        .iter()
        .find(|r| r.item() == item && r.in_format(format))
        .unwrap();
    r.cols(format).iter().map(|c| c.label_in(format)).collect()
}

const T3_NOTE: &str = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
const T4_HEAD: [&str; 5] = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];

fn wrap(label: &str, at: usize) -> (String, String) {
    let chars: Vec<char> = label.chars().collect();
    if chars.len() <= at {
        return (label.to_string(), String::new());
    }
    (chars[..at].iter().collect(), chars[at..].iter().collect())
}

/// The whole report in one shape.
pub fn report(t: &Tables, shape: Shape) -> String {
    let year = if t.format == Format::B { 2023 } else { 2020 };
    let mut s = String::new();
    let html = shape == Shape::Html;
    let para = |s: &mut String, text: &str| {
        if html {
            s.push_str(&format!("<p>{text}</p>\n"));
        } else {
            s.push_str(text);
            s.push_str("\n\n");
        }
    };
    if html {
        s.push_str("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>报告</title><script>var x='<td>1</td>';</script></head><body><div class=\"nav\"><a href=\"/\">首页</a></div>\n");
    }
    para(
        &mut s,
        &format!("示例县农业农村局{year}年政府信息公开工作年度报告"),
    );
    para(&mut s, "一、总体情况");
    para(
        &mut s,
        "本年度，我局认真贯彻落实《条例》，各项工作有序推进。",
    );
    para(&mut s, "二、主动公开政府信息情况");
    table2(&mut s, t, shape);
    para(&mut s, "三、收到和处理政府信息公开申请情况");
    table3(&mut s, t, shape);
    para(&mut s, "四、政府信息公开行政复议、行政诉讼情况");
    table4(&mut s, t, shape);
    para(&mut s, "五、存在的主要问题及改进情况");
    para(
        &mut s,
        "存在解读形式单一等问题，下一步将持续改进，提升公开质量。",
    );
    para(&mut s, "六、其他需要报告的事项");
    para(&mut s, "本年度未收取信息处理费。");
    if html {
        s.push_str("<div class=\"footer\">版权所有</div></body></html>\n");
    }
    s
}

/// Writes rows of cells in a shape. `cells[i]` is `None` for a merged (absent) cell.
fn rows_out(s: &mut String, rows: &[Vec<String>], shape: Shape, widths: usize) {
    match shape {
        Shape::Tabs => {
            for r in rows {
                s.push_str(&r.join("\t"));
                s.push('\n');
            }
            s.push('\n');
        }
        Shape::Markdown => {
            for (i, r) in rows.iter().enumerate() {
                s.push_str("| ");
                s.push_str(&r.join(" | "));
                s.push_str(" |\n");
                if i == 0 {
                    s.push_str(&format!("|{}\n", "---|".repeat(r.len())));
                }
            }
            s.push('\n');
        }
        Shape::BrowserCopy => {
            for r in rows {
                s.push_str(
                    &r.iter()
                        .map(|c| format!("\n{c}\n"))
                        .collect::<Vec<_>>()
                        .join("\t"),
                );
                s.push_str("\n\n\n");
            }
        }
        Shape::ParagraphCopy => {
            for r in rows {
                let cells: Vec<String> = r.iter().map(|c| paragraph_cell(c)).collect();
                s.push_str(&cells.join("\n\n\t\n\n"));
                s.push_str("\n\n\n\n\n");
            }
        }
        Shape::Converter => {
            let pipes = |cells: &[&String]| {
                let v: Vec<&str> = cells.iter().map(|c| c.as_str()).collect();
                format!("| {} |\n", v.join(" | "))
            };
            for (i, r) in rows.iter().enumerate() {
                let cells: Vec<&String> = r.iter().filter(|c| !c.is_empty()).collect();
                let split = cells
                    .iter()
                    .position(|c| nianbao_core::base::value::is_value(c))
                    .unwrap_or(cells.len());
                let (labels, values) = cells.split_at(split);
                let label = labels
                    .iter()
                    .map(|l| l.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                let (a, b) = wrap(&label, 9);
                let (a, b) = (a.to_string(), b.to_string());
                match i % 4 {
                    // the label wraps, the rest of it on a line after the values
                    1 if !b.is_empty() && !values.is_empty() => {
                        let mut row = vec![&a];
                        row.extend(values.iter().copied());
                        s.push_str(&pipes(&row));
                        s.push_str(&pipes(&[&b]));
                    }
                    // a row in two fragments
                    2 if values.len() >= 2 => {
                        let half = values.len() / 2;
                        let mut row: Vec<&String> = labels.to_vec();
                        row.extend(values[..half].iter().copied());
                        s.push_str(&pipes(&row));
                        s.push_str(&pipes(&values[half..]));
                    }
                    // the label wraps before the values
                    3 if !b.is_empty() => {
                        s.push_str(&pipes(&[&a]));
                        let mut row = vec![&b];
                        row.extend(values.iter().copied());
                        s.push_str(&pipes(&row));
                    }
                    _ if !cells.is_empty() => s.push_str(&pipes(&cells)),
                    _ => {}
                }
                if i % 7 == 3 {
                    s.push_str("|---|---|---|\n");
                }
            }
            s.push('\n');
        }
        Shape::CellPerLine => {
            for (i, r) in rows.iter().enumerate() {
                for c in r.iter().filter(|c| !c.is_empty()) {
                    // long labels wrap onto a second line, as pdftotext does
                    let (a, b) = wrap(c, 14);
                    s.push_str(&a);
                    s.push('\n');
                    if !b.is_empty() {
                        s.push_str(&b);
                        s.push('\n');
                    }
                    s.push('\n');
                }
                if i == rows.len() / 2 {
                    s.push_str("-3-\n\u{c}\n");
                }
            }
        }
        Shape::Layout => {
            for r in rows {
                let cells: Vec<&String> = r.iter().filter(|c| !c.is_empty()).collect();
                let (labels, values): (Vec<&String>, Vec<&String>) = cells
                    .iter()
                    .partition(|c| !nianbao_core::base::value::is_value(c));
                let label = labels
                    .iter()
                    .map(|l| l.as_str())
                    .collect::<Vec<_>>()
                    .join("  ");
                let (a, b) = wrap(&label, 16);
                let vals = values
                    .iter()
                    .map(|v| format!("{v:>6}"))
                    .collect::<Vec<_>>()
                    .join("   ");
                if b.is_empty() {
                    s.push_str(&format!("{a:<width$}   {vals}\n", width = widths));
                } else {
                    // the label wraps; the values stand on the continuation line
                    s.push_str(&format!(
                        "   {a}\n   {b:<width$}   {vals}\n",
                        width = widths
                    ));
                }
            }
            s.push('\n');
        }
        Shape::Html => unreachable!(),
    }
}

/// A cell as Chromium copies `<td><p>…</p></td>`: blank as a no-break space, the short
/// column headers of 表三 and 表四 one paragraph per two characters or per character.
fn paragraph_cell(c: &str) -> String {
    let chars: Vec<char> = c.chars().collect();
    if c.is_empty() {
        "\u{a0}".to_string()
    } else if T4_HEAD.contains(&c) {
        chars
            .iter()
            .map(|c| c.to_string())
            .collect::<Vec<_>>()
            .join("\n\n")
    } else if chars.len() == 4 && !nianbao_core::base::value::is_value(c) {
        format!(
            "{}\n\n{}",
            &chars[..2].iter().collect::<String>(),
            &chars[2..].iter().collect::<String>()
        )
    } else {
        c.to_string()
    }
}

fn table2(s: &mut String, t: &Tables, shape: Shape) {
    if shape == Shape::Html {
        s.push_str("<table border=1>\n");
        for (item, rows) in &t.t2 {
            let heads = headers_t2(t.format, item);
            s.push_str(&format!(
                "<tr><td colspan=4><p>第二十条第（{item}）项</p></td></tr>\n<tr><td>信息内容</td>"
            ));
            for h in &heads {
                s.push_str(&format!(
                    "<td colspan={}>{}</td>",
                    if heads.len() == 1 { 3 } else { 1 },
                    h.replace('（', "<br/>（")
                ));
            }
            s.push_str("</tr>\n");
            for r in rows {
                s.push_str(&format!("<tr><td>{}</td>", r.label));
                for (_, v) in &r.cells {
                    s.push_str(&format!(
                        "<td colspan={}><p><span>&nbsp;{v}</span></p></td>",
                        if r.cells.len() == 1 { 3 } else { 1 }
                    ));
                }
                s.push_str("</tr>\n");
            }
        }
        s.push_str("</table>\n");
        return;
    }
    let mut rows: Vec<Vec<String>> = Vec::new();
    for (item, grows) in &t.t2 {
        rows.push(vec![
            format!("第二十条第（{item}）项"),
            String::new(),
            String::new(),
            String::new(),
        ]);
        let mut h = vec!["信息内容".to_string()];
        h.extend(headers_t2(t.format, item).iter().map(|x| x.to_string()));
        rows.push(h);
        for r in grows {
            let mut row = vec![r.label.to_string()];
            row.extend(r.cells.iter().map(|(_, v)| v.clone()));
            rows.push(row);
        }
    }
    rows_out(s, &rows, shape, 20);
}

fn table3(s: &mut String, t: &Tables, shape: Shape) {
    let orgs = [
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
    ];
    if shape == Shape::Html {
        let n = t.t3.len() - 4; // rows under 三、本年度办理结果 (20 or 22 + （七）)
        s.push_str(&format!(
            "<table><tr><td rowspan=3 colspan=3>{T3_NOTE}</td><td colspan=7>申请人情况</td></tr>\n"
        ));
        s.push_str("<tr><td rowspan=2>自然人</td><td colspan=5>法人或其他组织</td><td rowspan=2>总计</td></tr>\n<tr>");
        for o in orgs {
            s.push_str(&format!("<td>{o}</td>"));
        }
        s.push_str("</tr>\n");
        for r in &t.t3 {
            s.push_str("<tr>");
            match (r.key, r.group) {
                ("new_received" | "carried_over" | "carried_forward", _) => {
                    s.push_str(&format!("<td colspan=3>{}</td>", r.label))
                }
                ("granted", _) => s.push_str(&format!(
                    "<td rowspan={}>三、本年度<br>办理结果</td><td colspan=2>{}</td>",
                    n + 1,
                    r.label
                )),
                (_, Some(g)) => {
                    let span =
                        t.t3.iter()
                            .filter(|x| {
                                T3Row::from_key(x.key)
                                    .map(|d| d.group().label() == g)
                                    .unwrap_or(false)
                            })
                            .count();
                    s.push_str(&format!("<td rowspan={span}>{g}</td><td>{}</td>", r.label));
                }
                _ if T3Row::from_key(r.key)
                    .map(|d| d.group() == Group::None)
                    .unwrap_or(true) =>
                {
                    s.push_str(&format!("<td colspan=2>{}</td>", r.label))
                }
                _ => s.push_str(&format!("<td>{}</td>", r.label)),
            }
            for (_, v) in &r.cells {
                s.push_str(&format!("<td>{v}</td>"));
            }
            s.push_str("</tr>\n");
        }
        s.push_str("</table>\n");
        return;
    }
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut h1 = vec![
        T3_NOTE.to_string(),
        String::new(),
        String::new(),
        "申请人情况".to_string(),
    ];
    h1.extend(std::iter::repeat_n(String::new(), 6));
    rows.push(h1);
    rows.push(vec![
        String::new(),
        String::new(),
        String::new(),
        "自然人".into(),
        "法人或其他组织".into(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        "总计".into(),
    ]);
    let mut h3 = vec![String::new(); 4];
    h3.extend(orgs.iter().map(|o| o.to_string()));
    h3.push(String::new());
    rows.push(h3);
    for r in &t.t3 {
        let mut row = match (r.key, r.group) {
            ("new_received" | "carried_over" | "carried_forward", _) => {
                vec![r.label.to_string(), String::new(), String::new()]
            }
            (_, Some(g)) if g.starts_with('三') => {
                vec![g.to_string(), r.label.to_string(), String::new()]
            }
            (_, Some(g)) => vec![String::new(), g.to_string(), r.label.to_string()],
            _ => vec![String::new(), String::new(), r.label.to_string()],
        };
        row.extend(r.cells.iter().map(|(_, v)| v.clone()));
        rows.push(row);
    }
    rows_out(s, &rows, shape, 40);
}

fn table4(s: &mut String, t: &Tables, shape: Shape) {
    let values: Vec<String> = t.t4.iter().map(|(_, v)| v.clone()).collect();
    if shape == Shape::Html {
        s.push_str("<table><tr><td colspan=5>行政复议</td><td colspan=10>行政诉讼</td></tr><tr>");
        for h in T4_HEAD {
            s.push_str(&format!("<td rowspan=2>{h}</td>"));
        }
        s.push_str("<td colspan=5>未经复议直接起诉</td><td colspan=5>复议后起诉</td></tr><tr>");
        for _ in 0..2 {
            for h in T4_HEAD {
                s.push_str(&format!("<td>{h}</td>"));
            }
        }
        s.push_str("</tr><tr>");
        for v in &values {
            s.push_str(&format!("<td>{v}</td>"));
        }
        s.push_str("</tr></table>\n");
        return;
    }
    let mut h1 = vec!["行政复议".to_string()];
    h1.extend(std::iter::repeat_n(String::new(), 4));
    h1.push("行政诉讼".into());
    let mut h2: Vec<String> = T4_HEAD.iter().map(|x| x.to_string()).collect();
    h2.extend(["未经复议直接起诉".to_string(), "复议后起诉".to_string()]);
    let mut h3 = vec![String::new(); 5];
    for _ in 0..2 {
        h3.extend(T4_HEAD.iter().map(|x| x.to_string()));
    }
    rows_out(s, &[h1, h2, h3, values], shape, 10);
}

pub const BALANCE: [&str; 4] = [
    "new_received",
    "carried_over",
    "total_processed",
    "carried_forward",
];

pub fn value(t: &Tables, row: &str, col: &str) -> u64 {
    let r = t.t3.iter().find(|r| r.key == row).unwrap();
    r.cells
        .iter()
        .find(|(c, _)| *c == col)
        .unwrap()
        .1
        .parse()
        .unwrap()
}

pub fn set(t: &mut Tables, row: &str, col: &str, v: u64) {
    let r = t.t3.iter_mut().find(|r| r.key == row).unwrap();
    r.cells.iter_mut().find(|(c, _)| *c == col).unwrap().1 = v.to_string();
}

/// Makes 表三 balance: row totals, （七）总计 and 一 + 二 = （七） + 四.
pub fn balance(t: &mut Tables, rng: &mut Rng) {
    let cols: Vec<&'static str> = t.t3[0].cells.iter().map(|(c, _)| *c).collect();
    for &col in cols.iter().filter(|c| **c != "total") {
        for row in outcome_rows(t) {
            set(t, row, col, rng.below(4) * rng.below(6));
        }
        set(t, "carried_forward", col, rng.below(5));
        set(t, "carried_over", col, rng.below(5));
    }
    balance_totals(t);
}

fn outcome_rows(t: &Tables) -> Vec<&'static str> {
    t.t3.iter()
        .map(|r| r.key)
        .filter(|k| !BALANCE.contains(k))
        .collect()
}

/// Makes the totals of 表三 agree with its outcome rows, carried-over and carried-forward
/// counts: （七）总计, 一 (from 一 + 二 = （七） + 四), and every row's 总计.
pub fn balance_totals(t: &mut Tables) {
    let cols: Vec<&'static str> = t.t3[0].cells.iter().map(|(c, _)| *c).collect();
    let applicants: Vec<&'static str> = cols.iter().copied().filter(|c| *c != "total").collect();
    let outcome = outcome_rows(t);
    for &col in &applicants {
        let processed: u64 = outcome.iter().map(|r| value(t, r, col)).sum();
        set(t, "total_processed", col, processed);
        let forward = value(t, "carried_forward", col);
        let over = value(t, "carried_over", col).min(processed + forward);
        set(t, "carried_over", col, over);
        set(t, "new_received", col, processed + forward - over);
    }
    let rows: Vec<&'static str> = t.t3.iter().map(|r| r.key).collect();
    for row in rows {
        let total = applicants.iter().map(|c| value(t, row, c)).sum();
        set(t, row, "total", total);
    }
}
