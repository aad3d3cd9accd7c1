//! The rule registry and what depends on it: codes and names, the documentation asset of
//! the web page, the clean samples, dismissal keys.

use nianbao_core::rules::RULES;
use std::path::PathBuf;

fn check(bytes: &[u8]) -> nianbao_core::Report {
    nianbao_core::check_bytes(bytes, &Default::default()).unwrap()
}

#[test]
fn the_samples_are_clean() {
    for name in ["sample-2021.txt", "sample-2019.txt"] {
        let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name);
        let r = check(&std::fs::read(p).unwrap());
        assert!(
            r.findings.is_empty(),
            "{name}: {:?}",
            r.findings
                .iter()
                .map(|f| (f.code, &f.message))
                .collect::<Vec<_>>()
        );
        for t in [&r.tables.t2, &r.tables.t3, &r.tables.t4] {
            assert!(t.as_ref().unwrap().complete, "{name}");
        }
    }
}

#[test]
fn registry_is_well_formed() {
    let mut codes: Vec<&str> = RULES.iter().map(|r| r.code).collect();
    let sorted = {
        // family order of the catalogue (S N T X C Y P), then number
        let mut c = codes.clone();
        c.sort_by_key(|code| ("SNTXCYP".find(&code[..1]), code.to_string()));
        c
    };
    assert_eq!(codes, sorted, "RULES is kept in catalogue order");
    codes.dedup();
    assert_eq!(codes.len(), RULES.len(), "codes are unique");
    let mut names: Vec<&str> = RULES.iter().map(|r| r.name).collect();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), RULES.len(), "names are unique");
    for r in RULES {
        assert!(
            r.code.len() == 4
                && "SNTXCYP".contains(&r.code[..1])
                && r.code[1..].chars().all(|c| c.is_ascii_digit()),
            "{}",
            r.code
        );
        assert!(
            r.name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "{}",
            r.name
        );
        // Chinese documentation, the sections in this order (依据 where there is a basis)
        let doc = r.doc();
        let at: Vec<Option<usize>> = ["## 检查什么", "## 为什么重要", "## 示例"]
            .iter()
            .map(|h| doc.find(h))
            .collect();
        assert!(
            at.iter().all(Option::is_some) && at.windows(2).all(|w| w[0] < w[1]),
            "{}: the doc needs ## 检查什么, ## 为什么重要 and ## 示例, in this order",
            r.code
        );
        if let Some(b) = doc.find("## 依据") {
            assert!(
                at[1] < Some(b) && Some(b) < at[2],
                "{}: ## 依据 goes before ## 示例",
                r.code
            );
        }
        // no English prose: Latin words only inside `code`
        let outside: String = doc.split('`').step_by(2).collect();
        let words = outside
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| w.len() >= 3 && !["PDF", "HTML", "URL", "GB", "XX"].contains(w))
            .collect::<Vec<_>>();
        assert!(
            words.is_empty(),
            "{}: English words outside backticks: {words:?}",
            r.code
        );
        assert!(
            !r.summary.chars().any(|c| c.is_ascii_alphabetic())
                || r.summary
                    .split('`')
                    .step_by(2)
                    .all(|p| !p.chars().any(|c| c.is_ascii_lowercase())),
            "{}: summary {}",
            r.code,
            r.summary
        );
        assert!(
            nianbao_core::rules::find(r.code).is_some()
                && nianbao_core::rules::find(r.name).is_some()
        );
    }
}

#[test]
fn integral_decimals_are_equal_to_integers_in_arithmetic() {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sample-2021.txt");
    let text = std::fs::read_to_string(p).unwrap().replace(
        "（七）总计\t10\t2\t0\t1\t0\t1\t14",
        "（七）总计\t10\t2\t0\t1\t0\t1\t14.0",
    );
    assert!(text.contains("14.0"));
    let r = nianbao_core::check_text(&text, None).unwrap();
    let codes: Vec<&str> = r.findings.iter().map(|f| f.code).collect();
    assert_eq!(
        codes,
        ["N109"],
        "14.0 reads as 14: only the normalisation note"
    );
}

#[test]
fn html_paste_becomes_tab_text_with_the_same_tables() {
    let html = "<p>二、主动公开政府信息情况</p><table><tr><td>第二十条第（一）项</td></tr><tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr><tr><td>规章</td><td>&nbsp;1</td><td>0</td><td>3</td></tr></table>";
    let text = nianbao_core::html_to_text(html);
    assert_eq!(text, "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t1\t0\t3\n");
}

#[test]
fn dismissals_are_keyed_by_place_and_survive_edits_elsewhere() {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules/T303/fail.txt");
    let text = std::fs::read_to_string(p).unwrap();
    let mut r = nianbao_core::check_text(&text, None).unwrap();
    let f = r.findings.iter().find(|f| f.code == "T303").unwrap();
    let key = nianbao_core::Report::dismissal_key(f, &text);
    assert!(key.starts_with("T303|t3.unable_not_held.total"), "{key}");
    let errors = r.summary.errors;
    r.apply_dismissals(&text, |k| (k == key).then(|| "已核实".to_string()));
    assert_eq!(r.summary.errors, errors - 1);
    assert_eq!(r.summary.dismissed, 1);
    // an edit elsewhere shifts every span but not the key
    let edited = format!("补充说明。\n{text}");
    let r2 = nianbao_core::check_text(&edited, None).unwrap();
    let f2 = r2.findings.iter().find(|f| f.code == "T303").unwrap();
    assert_eq!(nianbao_core::Report::dismissal_key(f2, &edited), key);
    // a heading finding is keyed by the heading text, not by the message
    let s203 = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules/S203/fail.txt"),
    )
    .unwrap();
    let r3 = nianbao_core::check_text(&s203, None).unwrap();
    let f3 = r3.findings.iter().find(|f| f.code == "S203").unwrap();
    assert_eq!(
        nianbao_core::Report::dismissal_key(f3, &s203),
        "S203|@一、主动公开政府信息情况"
    );
}

/// The web page carries the rule docs as data (its wasm is built without the `docs`
/// feature): `assets/rule-docs.html`, one inert `<script type="text/plain">` per rule,
/// inlined into index.html by Trunk. It must match the registry; regenerate it with
/// `NIANBAO_WRITE_DOCS=1 cargo test -p nianbao-core --test registry rule_docs_asset`.
#[test]
fn rule_docs_asset_is_current() {
    let mut want = String::from("<!-- generated from the rule registry by crates/nianbao-core/tests/rules.rs; do not edit -->\n");
    for r in RULES {
        assert!(
            !r.doc().contains("</"),
            "{}: a doc must not contain `</`",
            r.code
        );
        assert!(!r.summary.contains("</"), "{}", r.code);
        want.push_str(&format!(
            "<script type=\"text/plain\" id=\"nianbao-summary-{}\">{}</script>\n",
            r.code, r.summary
        ));
        want.push_str(&format!(
            "<script type=\"text/plain\" id=\"nianbao-doc-{}\">{}</script>\n",
            r.code,
            r.doc()
        ));
    }
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../assets/rule-docs.html");
    if std::env::var_os("NIANBAO_WRITE_DOCS").is_some() {
        std::fs::write(&p, &want).unwrap();
    }
    let have = std::fs::read_to_string(&p).unwrap_or_default();
    assert!(have == want, "assets/rule-docs.html is stale: run NIANBAO_WRITE_DOCS=1 cargo test -p nianbao-core --test registry rule_docs_asset");
}
