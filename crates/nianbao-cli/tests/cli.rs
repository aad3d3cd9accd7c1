//! The `nianbao` binary: formats, exit codes, stdin, folders, rules and explain.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_nianbao"))
}

fn fixture(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../nianbao-core/tests/fixtures")
        .join(rel)
}

fn run(args: &[&str]) -> (i32, String, String) {
    let o = bin().args(args).output().unwrap();
    (
        o.status.code().unwrap(),
        String::from_utf8(o.stdout).unwrap(),
        String::from_utf8(o.stderr).unwrap(),
    )
}

#[test]
fn exit_codes() {
    let clean = fixture("sample-2021.txt");
    let bad = fixture("rules/T301/fail.txt");
    assert_eq!(run(&["check", clean.to_str().unwrap()]).0, 0);
    assert_eq!(run(&["check", bad.to_str().unwrap()]).0, 1);
    assert_eq!(run(&["check", "/nonexistent/report.txt"]).0, 2);
    // an unreadable file wins over findings
    assert_eq!(
        run(&["check", bad.to_str().unwrap(), "/nonexistent/x.txt"]).0,
        2
    );
    let (code, _, err) = run(&["check", "/nonexistent/x.docx"]);
    assert_eq!(code, 2);
    assert!(err.contains("文件不存在"), "{err}");
}

/// A scratch file with `bytes`, removed when dropped.
struct Scratch(PathBuf);
impl Scratch {
    fn new(name: &str, bytes: &[u8]) -> Scratch {
        let dir = std::env::temp_dir().join(format!("nianbao-cli-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join(name);
        std::fs::write(&p, bytes).unwrap();
        Scratch(p)
    }
    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}
impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

#[test]
fn help_and_command_line_errors_are_chinese() {
    let (code, out, _) = run(&["--help"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("用法：") && out.contains("命令：") && out.contains("显示帮助"),
        "{out}"
    );
    let (code, out, _) = run(&["check", "--help"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("输出格式") && !out.contains("Options"),
        "{out}"
    );
    for (args, says) in [
        (&["bogus"][..], "没有这个命令：bogus"),
        (&["check"][..], "缺少必需的参数"),
        (&["check", "--frob", "x"][..], "没有这个选项：--frob"),
        (&["check", "--format", "xml", "x"][..], "参数值无效"),
    ] {
        let (code, out, err) = run(args);
        assert_eq!(code, 2, "{args:?}");
        assert!(out.is_empty() && err.contains(says), "{args:?}: {err}");
    }
}

#[test]
fn word_documents_are_read() {
    let docx = fixture("sample-2021.docx");
    let (code, out, _) = run(&["check", "--format", "json", docx.to_str().unwrap()]);
    assert_eq!(code, 0);
    let r: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(r["source"]["shape"], "docx");
    assert_eq!(r["tables"]["t3"]["complete"], true);
    // `nianbao text` prints what the spans point into: here, exactly the sample's text
    let (code, text, _) = run(&["text", docx.to_str().unwrap()]);
    assert_eq!(code, 0);
    let sample = std::fs::read_to_string(fixture("sample-2021.txt")).unwrap();
    assert_eq!(text.trim_end(), sample.trim_end());
    // the same document saved by LibreOffice as Word 97–2003 (.doc)
    let doc = fixture("sample-2021.doc");
    let (code, text, _) = run(&["text", doc.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert_eq!(text.trim_end(), sample.trim_end());
    // a damaged document: its own message, exit code 2
    let bytes = std::fs::read(&docx).unwrap();
    let f = Scratch::new("cut.docx", &bytes[..bytes.len() / 2]);
    let (code, _, err) = run(&["check", f.path()]);
    assert_eq!(code, 2);
    assert!(err.contains("损坏"), "{err}");
}

#[test]
fn empty_and_binary_files_are_refused_by_content() {
    for (name, bytes, says) in [
        ("empty.txt", &b""[..], "文件为空"),
        ("blank.txt", &b" \n\t\r\n"[..], "文件为空"),
        ("report.docx", &b"PK\x03\x04\x14\x00\x06\x00"[..], ".docx"),
        ("report.txt", &b"PK\x03\x04 renamed document"[..], ".docx"),
        (
            "report.wps",
            &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0][..],
            ".wps",
        ),
        ("report.pdf", &b"%PDF-1.7\n"[..], "PDF"),
        ("image.png", &b"\x89PNG\r\n\x1a\n"[..], "图片"),
        ("data.bin", &[0u8, 1, 2, 3, 0, 0][..], "二进制"),
    ] {
        let f = Scratch::new(name, bytes);
        let (code, out, err) = run(&["check", f.path()]);
        assert_eq!(code, 2, "{name}");
        assert!(out.is_empty(), "{name}: nothing is checked: {out}");
        assert!(err.contains(says), "{name}: {err}");
    }
    // standard input is sniffed too
    let mut child = bin()
        .args(["check", "-"])
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"%PDF-1.4").unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("PDF"));
}

#[test]
fn a_closed_pipe_ends_quietly_with_the_verdict() {
    let bad = fixture("rules/T301/fail.txt");
    let mut child = bin()
        .args([
            "check",
            bad.to_str().unwrap(),
            bad.to_str().unwrap(),
            bad.to_str().unwrap(),
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // close the read end at once, as `| head -0` does
    drop(child.stdout.take());
    let o = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert!(!err.contains("Broken pipe"), "{err}");
    assert!(
        matches!(o.status.code(), Some(0 | 1)),
        "{:?} {err}",
        o.status
    );
}

#[test]
fn a_long_line_is_shown_as_a_window() {
    let text = std::fs::read_to_string(fixture("rules/T301/fail.txt")).unwrap();
    // the whole report on one line: every finding's line is the whole input
    let one = text.replace('\n', "  ");
    let f = Scratch::new("one-line.txt", one.as_bytes());
    let (_, out, _) = run(&["check", f.path()]);
    let longest = out.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    assert!(longest < 300, "a line of {longest} characters");
}

#[test]
fn json_one_document_or_an_array() {
    let a = fixture("sample-2021.txt");
    let b = fixture("rules/T301/fail.txt");
    let (_, out, _) = run(&["check", "--format", "json", a.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["schema"], "nianbao-report/1");
    assert_eq!(v["source"]["name"], "sample-2021.txt");
    assert_eq!(v["summary"]["errors"], 0);
    let (_, out, err) = run(&[
        "check",
        "--format",
        "json",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
    ]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 2);
    assert_eq!(v[1]["findings"][0]["code"], "T301");
    assert!(
        err.contains("共 2 个文件"),
        "batch summary on stderr for machine formats: {err}"
    );
}

#[test]
fn jsonl_and_csv() {
    let a = fixture("sample-2021.txt");
    let b = fixture("rules/T301/fail.txt");
    let (_, out, _) = run(&[
        "check",
        "--format",
        "jsonl",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
    ]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2);
    for l in lines {
        let v: serde_json::Value = serde_json::from_str(l).unwrap();
        assert_eq!(v["schema"], "nianbao-report/1");
    }
    let (_, out, _) = run(&["check", "--format", "csv", b.to_str().unwrap()]);
    assert!(
        out.starts_with('\u{feff}'),
        "CSV starts with a BOM for Excel"
    );
    let mut rows = out.trim_start_matches('\u{feff}').lines();
    assert_eq!(
        rows.next().unwrap(),
        "文件,机关,年度,规则,规则名称,级别,行,列,页,问题,应为,实为,公式,单元格,最可能出错,已忽略（原因）"
    );
    let first = rows.next().unwrap();
    // file, agency and year in every row; the rule's Chinese name, severity and cell places
    assert!(
        first.contains("fail.txt,示例市科学技术局,2023,T301,表三勾稽关系不成立"),
        "{first}"
    );
    assert!(first.contains(",错误,"), "{first}");
    assert!(first.contains("表三“（七）总计”行“自然人”列"), "{first}");
    assert!(!first.contains("t3."), "no machine keys: {first}");
}

#[test]
fn a_pdf_finding_says_its_page() {
    // sample-2021.pdf: a wrong 表三 total on page 2, its column's operands on pages 2 and 3
    let pdf = fixture("sample-2021.pdf");
    let (code, out, _) = run(&["check", pdf.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(out.contains("（第 2 页）"), "{out}");
    assert!(out.contains("，第 3 页)"), "{out}");
    let (_, out, _) = run(&["check", "--format", "csv", pdf.to_str().unwrap()]);
    let first = out.lines().nth(1).unwrap();
    assert!(first.contains(",错误,31,32,2,"), "{first}");
    // a location in last year's PDF has its page too
    let other = fixture("sample-2021.chromium.pdf");
    let (_, out, _) = run(&[
        "check",
        "--previous",
        pdf.to_str().unwrap(),
        other.to_str().unwrap(),
    ]);
    assert!(
        out.contains("上年报告标题 (sample-2021.pdf:1:1，第 1 页)"),
        "{out}"
    );
    // other inputs have no page
    let txt = fixture("rules/T301/fail.txt");
    let (_, out, _) = run(&["check", txt.to_str().unwrap()]);
    assert!(!out.contains(" 页"), "{out}");
}

#[test]
fn stdin_and_folders() {
    let text = std::fs::read(fixture("rules/T401/fail.txt")).unwrap();
    let mut child = bin()
        .args(["check", "--format", "json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&text).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["source"]["name"], serde_json::Value::Null);
    assert!(v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["code"] == "T401"));

    let dir = fixture("rules/T301");
    let (code, out, _) = run(&["check", "--format", "jsonl", dir.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert_eq!(out.lines().count(), 2, "fail.txt and pass.txt");
}

#[test]
fn text_output_reads_like_rustc() {
    let b = fixture("rules/T303/fail.txt");
    let (_, out, _) = run(&["check", b.to_str().unwrap()]);
    assert!(out.contains("错误[T303]: "), "{out}");
    assert!(out.contains("fail.txt:"), "{out}");
    assert!(out.contains("^"), "underline: {out}");
    assert!(out.contains("期望 4，实际 5"), "{out}");
    assert!(out.contains("= 公式: 总计 = 自然人"), "{out}");
    // the one wrong cell, and each table's state in the file's summary line
    assert!(
        out.contains("= 最可能出错：表三“1.本机关不掌握相关政府信息”行“总计”列，应为 4"),
        "{out}"
    );
    assert!(out.contains("表二 ✓ 表三 ✗2 表四 ✓"), "{out}");
}

#[test]
fn rules_and_explain() {
    let (code, out, _) = run(&["rules"]);
    assert_eq!(code, 0);
    assert!(out
        .lines()
        .any(|l| l.starts_with("T301") && l.contains("t3-balance") && l.contains("error")));
    assert_eq!(
        out.lines().count(),
        nianbao_core::rules::RULES.len(),
        "one line per registered rule"
    );
    let (code, out, _) = run(&["explain", "t3-balance"]);
    assert_eq!(code, 0);
    assert!(out.contains("## 检查什么") && out.contains("勾稽"));
    assert_eq!(run(&["explain", "Z999"]).0, 2);
}

#[test]
fn previous_runs_the_cross_year_rules() {
    let this = fixture("rules/Y102/fail.txt");
    let last = fixture("rules/Y102/fail.previous.txt");
    let (_, out, _) = run(&[
        "check",
        "--format",
        "json",
        "--previous",
        last.to_str().unwrap(),
        this.to_str().unwrap(),
    ]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["previous"]["name"], "fail.previous.txt");
    assert_eq!(v["previous"]["meta"]["year"], 2022);
    let y102: Vec<&serde_json::Value> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "Y102")
        .collect();
    assert_eq!(y102.len(), 1);
    assert_eq!(
        (y102[0]["expected"].as_str(), y102[0]["actual"].as_str()),
        (Some("14"), Some("12"))
    );
    // last year's cell is marked as a location in the other input; this year's are not
    let related = y102[0]["related"].as_array().unwrap();
    assert_eq!(
        related.iter().filter(|r| r["input"] == "previous").count(),
        1
    );
    assert!(related.iter().any(|r| r.get("input").is_none()));
    // without --previous: no Y rule, no `previous`
    let (_, out, _) = run(&["check", "--format", "json", this.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(v.get("previous").is_none());
    assert!(!v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["code"].as_str().unwrap().starts_with('Y')));
    // text output names last year's file at its locations
    let (_, out, _) = run(&[
        "check",
        "--previous",
        last.to_str().unwrap(),
        this.to_str().unwrap(),
    ]);
    assert!(out.contains("fail.previous.txt:"), "{out}");
    // an unreadable previous report is exit 2
    assert_eq!(
        run(&[
            "check",
            "--previous",
            "/nonexistent/last.txt",
            this.to_str().unwrap()
        ])
        .0,
        2
    );
}

#[test]
fn published_date_from_the_caller() {
    let this = fixture("sample-2021.txt");
    let (code, out, _) = run(&[
        "check",
        "--format",
        "json",
        "--published",
        "2024-02-17",
        this.to_str().unwrap(),
    ]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["published"]["source"], "caller");
    let p101: Vec<_> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "P101")
        .collect();
    assert_eq!(p101.len(), 1);
    assert_eq!(p101[0]["expected"], "2024年1月31日前");
    assert_eq!(
        run(&["check", "--published", "明天", this.to_str().unwrap()]).0,
        2
    );
}

/// A folder of several agencies' reports for several years.
fn batch_folder(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("nianbao-batch-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (from, to) in [
        ("rules/C114/fail.txt", "keji-2023.txt"),
        ("rules/C114/fail.peer.txt", "shuili-2023.txt"),
        ("rules/Y102/fail.previous.txt", "keji-2022.txt"),
    ] {
        std::fs::copy(fixture(from), dir.join(to)).unwrap();
    }
    std::fs::write(dir.join("scan.docx"), b"PK\x03\x04broken").unwrap();
    dir
}

#[test]
fn a_folder_is_one_batch_years_paired_passages_shared() {
    let dir = batch_folder("jsonl");
    let (code, out, _) = run(&["check", "--format", "jsonl", dir.to_str().unwrap()]);
    assert_eq!(code, 2, "one file cannot be read");
    let reports: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let get = |name: &str| {
        reports
            .iter()
            .find(|r| r["source"]["name"] == name)
            .unwrap_or_else(|| panic!("{name} missing"))
    };
    let codes = |r: &serde_json::Value| -> Vec<String> {
        r["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["code"].as_str().unwrap().to_string())
            .collect()
    };
    // the later report of 示例市科学技术局 is checked with the earlier as last year's
    let keji = get("keji-2023.txt");
    assert_eq!(keji["previous"]["name"], "keji-2022.txt");
    assert!(codes(keji).iter().any(|c| c.starts_with('Y')));
    assert!(get("keji-2022.txt").get("previous").is_none());
    // the shared passage is reported on both agencies' reports, naming the other
    let shared = |r: &serde_json::Value| -> Vec<String> {
        r["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["code"] == "C114")
            .map(|f| f["message"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(shared(keji)[0].contains("示例市水利局（shuili-2023.txt）"));
    let water = shared(get("shuili-2023.txt"));
    assert_eq!(water.len(), 1, "{water:?}");
    assert!(water[0].contains("示例市科学技术局（keji-2022.txt、keji-2023.txt）"));

    // one row per report, the unreadable one included
    let (_, out, _) = run(&[
        "check",
        "--format",
        "csv",
        "--summary",
        dir.to_str().unwrap(),
    ]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        "\u{feff}文件,机关,年度,格式,结论,错误,警告,提示,表二,表三,表四,上年报告,主要问题"
    );
    assert_eq!(lines.len(), 5, "{out}");
    let row = lines.iter().find(|l| l.contains("keji-2023.txt,")).unwrap();
    assert!(
        row.contains(",示例市科学技术局,2023,2021年格式,未发现错误,0,")
            && row.contains(",keji-2022.txt,"),
        "{row}"
    );
    assert!(lines
        .iter()
        .any(|l| l.contains("scan.docx") && l.contains(",无法读取,")));
    // --summary is a CSV layout
    let (code, _, err) = run(&["check", "--summary", dir.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        err.contains("--summary 只能与 --format csv 一起使用"),
        "{err}"
    );
    // --previous given: no pairing within the files
    let last = fixture("rules/Y102/fail.txt");
    let (_, out, _) = run(&[
        "check",
        "--format",
        "jsonl",
        "--previous",
        last.to_str().unwrap(),
        dir.join("keji-2023.txt").to_str().unwrap(),
        dir.join("shuili-2023.txt").to_str().unwrap(),
    ]);
    assert!(!out.contains("\"C114\""));
    // standard input among the files: checked (read once), outside the batch
    let mut child = bin()
        .args(["check", "--format", "jsonl", "-"])
        .arg(dir.join("shuili-2023.txt"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let text = std::fs::read(dir.join("keji-2023.txt")).unwrap();
    child.stdin.take().unwrap().write_all(&text).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["meta"]["agency"], "示例市科学技术局");
    let _ = std::fs::remove_dir_all(&dir);
}
