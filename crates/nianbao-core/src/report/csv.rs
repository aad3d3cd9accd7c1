//! The findings as CSV for Excel: UTF-8 with a BOM, Chinese column names, one row per
//! finding with the file, the agency and the year in every row (and, for a PDF, the page),
//! rule names and cell places in Chinese (`表三“（七）总计”行“自然人”列`).

use super::json::Report;

/// The name of a rule as people read it, by code: its summary. The core has the summaries
/// with feature `docs` (`rules::summary_of`); the page, built without them, passes its own.
pub type RuleNames<'n> = &'n dyn Fn(&str) -> String;

/// One CSV field: quoted when it must be; text that Excel would run as a formula
/// (`=…`, `+…`, `-…`, `@…` that is not a number) kept as text.
fn field(s: &str) -> String {
    // text from the report that Excel would run as a formula is kept as text
    let number = |t: &str| {
        t.chars().any(|c| c.is_ascii_digit()) && t.chars().all(|c| c.is_ascii_digit() || c == '.')
    };
    let s = &if s.starts_with(['=', '+', '-', '@']) && !number(&s[1..]) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

impl Report {
    /// The findings of `reports` (file name, report) as one CSV.
    pub fn csv(reports: &[(&str, &Report)], names: RuleNames) -> String {
        let mut out = String::from(Self::CSV_HEADER);
        for (name, r) in reports {
            out.push_str(&r.csv_rows(name, names));
        }
        out
    }

    /// The first line of the CSV: a UTF-8 BOM and the column names.
    pub const CSV_HEADER: &'static str = "\u{feff}文件,机关,年度,规则,规则名称,级别,行,列,页,问题,应为,实为,公式,单元格,最可能出错,已忽略（原因）\n";

    /// The report's findings as CSV rows (one per finding), `name` in the first column.
    pub fn csv_rows(&self, name: &str, names: RuleNames) -> String {
        let agency = self.meta.agency.clone().unwrap_or_default();
        let year = self.meta.year.map(|y| y.to_string()).unwrap_or_default();
        let mut out = String::new();
        for f in &self.findings {
            let row = [
                name.to_string(),
                agency.clone(),
                year.clone(),
                f.code.to_string(),
                names(f.code),
                f.severity.zh().to_string(),
                f.line.map(|l| l.to_string()).unwrap_or_default(),
                f.column.map(|c| c.to_string()).unwrap_or_default(),
                f.page.map(|p| p.to_string()).unwrap_or_default(),
                f.message.clone(),
                f.expected.clone().unwrap_or_default(),
                f.actual.clone().unwrap_or_default(),
                f.formula.clone().unwrap_or_default(),
                f.cells
                    .iter()
                    .map(|c| c.place())
                    .collect::<Vec<_>>()
                    .join("；"),
                f.suspect.as_ref().map(|s| s.describe()).unwrap_or_default(),
                f.dismissed
                    .as_ref()
                    .map(|d| {
                        if d.reason.is_empty() {
                            "已忽略".to_string()
                        } else {
                            d.reason.clone()
                        }
                    })
                    .unwrap_or_default(),
            ];
            out += &row.iter().map(|s| field(s)).collect::<Vec<_>>().join(",");
            out.push('\n');
        }
        out
    }

    /// The first line of the batch summary CSV (one row per report).
    pub const SUMMARY_HEADER: &'static str =
        "\u{feff}文件,机关,年度,格式,结论,错误,警告,提示,表二,表三,表四,上年报告,主要问题\n";

    /// The verdict in words: `有错误`, `未发现错误`.
    pub fn verdict(&self) -> &'static str {
        if self.summary.errors > 0 {
            "有错误"
        } else {
            "未发现错误"
        }
    }

    /// The first problems in words (errors first, then warnings; dismissed ones left out).
    pub fn first_problems(&self, n: usize) -> Vec<&str> {
        let live = |sev| {
            self.findings
                .iter()
                .filter(move |f| f.severity == sev && f.dismissed.is_none())
        };
        live(super::Severity::Error)
            .chain(live(super::Severity::Warning))
            .take(n)
            .map(|f| f.message.as_str())
            .collect()
    }

    /// The report as one row of the batch summary CSV, `name` in the first column.
    pub fn summary_row(&self, name: &str) -> String {
        let st = &self.summary.tables;
        let table = |t: super::json::TableState| t.mark().to_string();
        let row = [
            name.to_string(),
            self.meta.agency.clone().unwrap_or_default(),
            self.meta.year.map(|y| y.to_string()).unwrap_or_default(),
            self.meta
                .format
                .map(|f| f.label().to_string())
                .unwrap_or_default(),
            self.verdict().to_string(),
            self.summary.errors.to_string(),
            self.summary.warnings.to_string(),
            self.summary.infos.to_string(),
            table(st.t2),
            table(st.t3),
            table(st.t4),
            self.previous
                .as_ref()
                .and_then(|p| p.name.clone())
                .unwrap_or_default(),
            self.first_problems(3).join("；"),
        ];
        let mut out = row.iter().map(|s| field(s)).collect::<Vec<_>>().join(",");
        out.push('\n');
        out
    }

    /// A file that could not be read, as a row of the batch summary CSV.
    pub fn summary_row_unread(name: &str, why: &str) -> String {
        let row = [
            name,
            "",
            "",
            "",
            "无法读取",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            why,
        ];
        let mut out = row.iter().map(|s| field(s)).collect::<Vec<_>>().join(",");
        out.push('\n');
        out
    }

    /// The name of an export for people: `<机关><年度>年报检查.EXT`, or `年报检查.EXT` when
    /// neither is known; characters that no file system takes are left out.
    pub fn export_name(&self, ext: &str) -> String {
        let year = self.meta.year.map(|y| format!("{y}年")).unwrap_or_default();
        let base: String = format!("{}{year}", self.meta.agency.as_deref().unwrap_or(""))
            .chars()
            .filter(|c| {
                !matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|')
                    && !c.is_control()
            })
            .collect();
        format!("{base}年报检查.{ext}")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn fields_are_quoted_and_never_formulas() {
        assert_eq!(super::field("a,b"), "\"a,b\"");
        assert_eq!(super::field("说\"明\""), "\"说\"\"明\"\"\"");
        assert_eq!(super::field("x\"y,"), "\"x\"\"y,\"");
        assert_eq!(super::field("=HYPERLINK(1)"), "'=HYPERLINK(1)");
        assert_eq!(super::field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(super::field("-7"), "-7");
        assert_eq!(super::field("+3.5"), "+3.5");
    }
}
