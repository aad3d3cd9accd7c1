//! Property tests: no input makes the checker panic, and every position it reports is in
//! bounds and on a character boundary.

use proptest::prelude::*;

fn assert_spans_ok(text: &str, r: &nianbao_core::Report) {
    assert_spans_ok_with(text, "", r)
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
    }
    for s in &r.sections {
        assert!(ok(s.span));
    }
    let json = serde_json::to_value(r).unwrap();
    for t in ["t2", "t3", "t4"] {
        if let Some(rows) = json["tables"][t]["rows"].as_object() {
            for row in rows.values() {
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
        assert_spans_ok(&text, &r);
    }

    #[test]
    fn report_like_text_never_panics(text in report_like()) {
        let r = nianbao_core::check_text(&text, None);
        assert_spans_ok(&text, &r);
    }

    #[test]
    fn report_like_pairs_never_panic(text in report_like(), previous in report_like()) {
        let r = nianbao_core::check_bytes(text.as_bytes(), &nianbao_core::Options { previous: Some(previous.clone()), ..Default::default() });
        assert_spans_ok_with(&text, &previous, &r);
    }

    #[test]
    fn report_like_html_never_panics(text in report_like()) {
        let html = format!("<html><body><table><tr><td>{}</td></tr></table></body></html>", text.replace('\t', "</td><td>").replace('\n', "</td></tr><tr><td>"));
        let r = nianbao_core::check_text(&html, None);
        assert_spans_ok(&html, &r);
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
        assert_spans_ok(&text, &r);
    }
}
