//! Property tests: no input makes the checker panic, and every position it reports is in
//! bounds and on a character boundary. Besides random report-like text, the generators
//! make the shapes that broke earlier builds: saved pages around 64 KiB with multi-byte
//! characters, CR-only / NEL / form-feed line ends, stray tags in text, one long line,
//! and floods of `&#x`, `<`, `|`, tabs and spaces.

use proptest::prelude::*;

/// Checks every span of a report (or accepts a refusal) against `text`.
fn check_spans(
    text: &str,
    previous: &str,
    r: &Result<nianbao_core::Report, nianbao_core::Refusal>,
) {
    match r {
        Ok(r) => assert_spans_ok_with(text, previous, r),
        Err(e) => assert!(!e.message().is_empty()),
    }
}

/// As above; related locations marked `input: previous` are checked against `previous`.
fn assert_spans_ok_with(text: &str, previous: &str, r: &nianbao_core::Report) {
    let ok_in = |t: &str, s: nianbao_core::Span| {
        s.start <= s.end
            && s.end <= t.len()
            && t.is_char_boundary(s.start)
            && t.is_char_boundary(s.end)
    };
    let ok = |s: nianbao_core::Span| ok_in(text, s);
    for f in &r.findings {
        if let Some(s) = f.span {
            assert!(ok(s), "{} span {s:?} in {} bytes", f.code, text.len());
        }
        for rel in &f.related {
            let t = if rel.input.is_some() { previous } else { text };
            assert!(ok_in(t, rel.span), "{} related {:?}", f.code, rel.span);
        }
        // the keys the page uses slice the text at the span
        let _ = nianbao_core::Report::dismissal_key(f, text);
    }
    for s in &r.sections {
        assert!(ok(s.span));
    }
    if let Some(s) = r.published.as_ref().and_then(|p| p.span) {
        assert!(ok(s), "published {s:?}");
    }
    let json = serde_json::to_value(r).unwrap();
    for t in ["t2", "t3", "t4"] {
        if let Some(rows) = json["tables"][t]["rows"].as_object() {
            for row in rows.values() {
                let ls = row["label_span"].as_array().unwrap();
                let ls = nianbao_core::Span::new(
                    ls[0].as_u64().unwrap() as usize,
                    ls[1].as_u64().unwrap() as usize,
                );
                assert!(ok(ls), "label span {ls:?}");
                for cell in row["cells"].as_object().unwrap().values() {
                    if let Some(sp) = cell["span"].as_array() {
                        let s = nianbao_core::Span::new(
                            sp[0].as_u64().unwrap() as usize,
                            sp[1].as_u64().unwrap() as usize,
                        );
                        assert!(ok(s));
                        assert_eq!(&text[s.start..s.end], cell["raw"].as_str().unwrap());
                    }
                }
            }
        }
    }
}

fn sample(name: &str) -> String {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read_to_string(p).unwrap()
}

/// A synthetic report, one of the samples or a rule fixture, with its title as PDF text
/// and pages write it: indented, the agency apart from the year by a run of spaces or on
/// the line before.
fn base_report() -> impl Strategy<Value = String> {
    let mut names = vec!["sample-2021.txt".to_string(), "sample-2019.txt".to_string()];
    for code in [
        "T301", "T302", "S402", "S406", "X101", "X114", "C103", "P101",
    ] {
        names.push(format!("rules/{code}/fail.txt"));
    }
    (proptest::sample::select(names), 0usize..5, 0usize..12).prop_map(|(n, variant, pad)| {
        let t = sample(&n);
        let (title, rest) = t.split_once('\n').unwrap_or((&t, ""));
        let Some(y) = title.find("20") else { return t };
        let (agency, tail) = title.split_at(y);
        let sp = " ".repeat(pad);
        let title = match variant {
            0 => title.to_string(),
            1 => format!("{sp}{agency}{sp}  {tail}"),
            2 => format!("{agency}\r\n{sp}{tail}"),
            3 => format!("{sp}{title}"),
            _ => format!("{agency}\u{3000}\u{3000}{}", tail.replace("年", "年  ")),
        };
        format!("{title}\n{rest}")
    })
}

/// The report as a saved page: the text in `<p>`s and table rows in `<tr>`s.
fn as_html(text: &str) -> String {
    let mut out = String::from("<html><head><meta charset=\"utf-8\"><meta name=\"PubDate\" content=\"2024-01-20 10:00\"></head><body>\n");
    let mut in_table = false;
    for line in text.lines() {
        if line.contains('\t') {
            if !in_table {
                out.push_str("<table>\n");
                in_table = true;
            }
            out.push_str("<tr><td>");
            out.push_str(&line.replace('\t', "</td><td>"));
            out.push_str("</td></tr>\n");
        } else {
            if in_table {
                out.push_str("</table>\n");
                in_table = false;
            }
            out.push_str("<p>");
            out.push_str(line);
            out.push_str("</p>\n");
        }
    }
    out.push_str("</body></html>\n");
    out
}

/// A saved page whose size is around 64 KiB, padded by `pad` leading spaces and multi-byte
/// characters so that the 64 KiB mark falls anywhere in a character.
fn near_64k() -> impl Strategy<Value = String> {
    (base_report(), 0usize..700, 0usize..4).prop_map(|(t, pad, extra)| {
        let mut page = " ".repeat(pad);
        page.push_str(&as_html(&t));
        let filler = ["表", "𝄞", "é", "x"][extra];
        while page.len() < 65_536 + 64 {
            page.insert_str(pad, &format!("<!-- {} -->", filler.repeat(40)));
        }
        page
    })
}

/// The report with every line end replaced: CR only, NEL, form feed, LINE SEPARATOR, CR CR LF.
fn line_ends() -> impl Strategy<Value = String> {
    (
        base_report(),
        proptest::sample::select(vec![
            "\r",
            "\u{85}",
            "\u{c}",
            "\u{2028}",
            "\r\r\n",
            "\n\u{c}\n",
        ]),
    )
        .prop_map(|(t, end)| t.replace('\n', end))
}

/// The report with tags where they do not belong: a stray `</td>` line, `<html>` first, …
fn stray_tags() -> impl Strategy<Value = String> {
    (
        base_report(),
        proptest::sample::select(vec![
            "</td>",
            "<html>",
            "<p>",
            "</tr>",
            "<table>",
            "<br>",
            "<!--",
            "<a href=\"x",
        ]),
        0usize..400,
        any::<bool>(),
    )
        .prop_map(|(t, tag, line, first)| {
            if first {
                return format!("{tag}\n{t}");
            }
            let mut lines: Vec<&str> = t.lines().collect();
            let at = line % (lines.len() + 1);
            lines.insert(at, tag);
            lines.join("\n")
        })
}

/// The report on one long line (line ends removed, or turned into tabs or double spaces).
fn one_line() -> impl Strategy<Value = String> {
    (
        base_report(),
        proptest::sample::select(vec!["", "\t", "  ", " | "]),
    )
        .prop_map(|(t, sep)| t.replace('\n', sep))
}

/// The report with a flood of one character sequence inserted somewhere.
fn floods() -> impl Strategy<Value = String> {
    (
        base_report(),
        proptest::sample::select(vec![
            "&#x", "&", "<", "<a", "|", "\t", " ", "\u{3000}", "</td>", "<td>", "&nbsp;", "。",
        ]),
        1usize..20_000,
        0usize..10_000,
    )
        .prop_map(|(t, piece, n, at)| {
            let mut at = at.min(t.len());
            while !t.is_char_boundary(at) {
                at -= 1;
            }
            format!("{}{}{}", &t[..at], piece.repeat(n), &t[at..])
        })
}

/// Text built from the pieces reports are made of, so that the parser's deeper paths run.
fn report_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("一、总体情况".to_string()),
        Just("二、主动公开政府信息情况".to_string()),
        Just("第二十条第（一）项".to_string()),
        Just("信息内容".to_string()),
        Just("本年制发件数".to_string()),
        Just("规章".to_string()),
        Just("行政许可".to_string()),
        Just("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）".to_string()),
        Just("一、本年新收政府信息公开申请数量".to_string()),
        Just("（七）总计".to_string()),
        Just("3.其他".to_string()),
        Just("行政复议".to_string()),
        Just("行政诉讼".to_string()),
        Just("总计".to_string()),
        Just("五、存在的主要问题及改进情况".to_string()),
        Just("<td>".to_string()),
        Just("</tr>".to_string()),
        Just("&nbsp;".to_string()),
        Just("(一)2021年，".to_string()),
        Just("（二）2020 年度".to_string()),
        Just("原有1项，现为十二项；".to_string()),
        Just("国办【2019】60号".to_string()),
        Just("统计期限自 2023 年 1 月 1 日至12月31日。".to_string()),
        Just("六、其他需要报告的事项".to_string()),
        Just("XX局".to_string()),
        Just("|".to_string()),
        // the text rules' phrases, with ASCII and full-width punctuation
        Just("2023年,".to_string()),
        Just("我镇认真贯彻".to_string()),
        Just("样板市科学技术局坚持".to_string()),
        Just("共收到政府信息公开申请".to_string()),
        Just("件（33.9%）".to_string()),
        Just("占".to_string()),
        Just("%".to_string()),
        Just("予以公开和部分公开".to_string()),
        Just("不予公开".to_string()),
        Just("办结".to_string()),
        Just("答\n复".to_string()),
        Just("结转下年度".to_string()),
        Just("上年结转".to_string()),
        Just("均获维持".to_string()),
        Just("采购总金额".to_string()),
        Just("万元".to_string()),
        Just("行政事业性收费".to_string()),
        Just("印发行政规范性文件".to_string()),
        Just("发布时间:".to_string()),
        Just("二〇二四年一月二十日".to_string()),
        Just("2024-02-30".to_string()),
        Just("，".to_string()),
        Just(",".to_string()),
        Just("。".to_string()),
        Just("；".to_string()),
        "[0-9]{1,4}".prop_map(|s| s),
        "-?[0-9]{1,3}\\.[0-9]{1,2}".prop_map(|s| s),
        "\\PC{0,6}".prop_map(|s| s),
    ];
    let sep = prop_oneof![
        Just("\t"),
        Just("\n"),
        Just("   "),
        Just(" | "),
        Just("\r\n"),
        Just("\n\n"),
        Just("")
    ];
    proptest::collection::vec((piece, sep), 0..200)
        .prop_map(|v| v.into_iter().map(|(p, s)| p + s).collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        let r = nianbao_core::check_bytes(&bytes, &Default::default());
        let text = nianbao_core::input::decode(&bytes).text;
        check_spans(&text, "", &r);
    }

    #[test]
    fn report_like_text_never_panics(text in report_like()) {
        check_spans(&text, "", &nianbao_core::check_text(&text, None));
    }

    #[test]
    fn report_like_pairs_never_panic(text in report_like(), previous in report_like()) {
        let r = nianbao_core::check_bytes(text.as_bytes(), &nianbao_core::Options { previous: Some(previous.clone()), ..Default::default() });
        check_spans(&text, &previous, &r);
    }

    #[test]
    fn report_like_html_never_panics(text in report_like()) {
        let html = format!("<html><body><table><tr><td>{}</td></tr></table></body></html>", text.replace('\t', "</td><td>").replace('\n', "</td></tr><tr><td>"));
        check_spans(&html, "", &nianbao_core::check_text(&html, None));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, .. ProptestConfig::default() })]

    #[test]
    fn saved_pages_around_64_kib(page in near_64k()) {
        check_spans(&page, "", &nianbao_core::check_text(&page, None));
    }

    #[test]
    fn any_line_ends(text in line_ends()) {
        check_spans(&text, "", &nianbao_core::check_text(&text, None));
    }

    #[test]
    fn stray_tags_in_text(text in stray_tags()) {
        check_spans(&text, "", &nianbao_core::check_text(&text, None));
    }

    #[test]
    fn one_long_line(text in one_line()) {
        check_spans(&text, "", &nianbao_core::check_text(&text, None));
        let html = as_html(&text);
        check_spans(&html, "", &nianbao_core::check_text(&html, None));
    }

    #[test]
    fn floods_of_markup_and_separators(text in floods()) {
        check_spans(&text, "", &nianbao_core::check_text(&text, None));
    }
}

#[test]
fn hostile_inputs() {
    let big_line = "0".repeat(1 << 20);
    let many_lines = "规章\t0\t0\t0\n".repeat(50_000);
    let inputs: Vec<Vec<u8>> = vec![
        vec![],
        vec![0; 1000],
        b"\xff\xfe\xfd invalid".to_vec(),
        b"\xef\xbb\xbf\xe4\xb8\x80\xe3\x80\x81\xe6\x80\xbb".to_vec(), // BOM + 一、总
        big_line.into_bytes(),
        "表三\u{0}\u{0}".repeat(1000).into_bytes(),
        many_lines.into_bytes(),
        "<".repeat(100_000).into_bytes(),
        "<table>".repeat(10_000).into_bytes(),
    ];
    for bytes in inputs {
        let r = nianbao_core::check_bytes(&bytes, &Default::default());
        let text = nianbao_core::input::decode(&bytes).text;
        check_spans(&text, "", &r);
    }
}

#[test]
fn empty_and_binary_inputs_are_refused_with_a_message() {
    let refused = |b: &[u8]| nianbao_core::check_bytes(b, &Default::default()).unwrap_err();
    assert_eq!(refused(b"").message(), "文件为空");
    assert_eq!(refused(b"  \n\r\n\t").message(), "文件为空");
    // a Word document that is not a whole zip is damaged; another zip is not a report
    assert!(refused(b"PK\x03\x04....word/document.xml")
        .message()
        .contains("损坏"));
    assert!(refused(b"PK\x03\x04....xl/workbook.xml")
        .message()
        .contains(".xlsx"));
    assert!(
        refused(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0])
            .message()
            .contains(".wps")
    );
    assert!(refused(b"%PDF-1.4\n").message().contains("PDF"));
    assert!(refused(&[0u8; 64]).message().contains("二进制"));
}

/// The panics seen on real-looking input, each a regression test (issue: the title
/// reader sliced off a char boundary; the page-metadata reader cut a page at 64 KiB).
#[test]
fn the_shapes_that_panicked_are_read() {
    let t = sample("sample-2021.txt");
    let title_line = t.lines().next().unwrap().to_string();
    let cases = [
        t.replace('\n', "\r"),
        t.replace('\n', "\u{c}"),
        t.replacen('\n', "\n</td>\n", 1),
        format!("<html>\n{t}"),
        // a year-less title over a joined line
        format!(
            "{}  \u{3000}正文一、总体情况。",
            title_line.replace("2023", "")
        )
        .replace('\n', "\r"),
    ];
    for text in cases {
        check_spans(&text, "", &nianbao_core::check_text(&text, None));
    }
    for pad in 0..8 {
        let mut page = " ".repeat(pad);
        page.push_str(&"表".repeat(65_536 / 3));
        page.push_str("<meta name=\"PubDate\" content=\"2024-01-20\">");
        page.push_str(&as_html(&t));
        check_spans(&page, "", &nianbao_core::check_text(&page, None));
    }
}
