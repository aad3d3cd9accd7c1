//! The findings as CSV (UTF-8 with a BOM, for Excel).

use super::json::Report;

impl Report {
    /// The findings as CSV, with a UTF-8 BOM so that Excel reads the Chinese text.
    pub fn csv(reports: &[(&str, &Report)]) -> String {
        let mut out = String::from(Self::CSV_HEADER);
        for (name, r) in reports {
            out.push_str(&r.csv_rows(name));
        }
        out
    }

    /// The first line of the CSV: a UTF-8 BOM and the column names.
    pub const CSV_HEADER: &'static str = "\u{feff}file,code,name,severity,line,column,message,expected,actual,formula,cells,dismissed\n";

    /// The report's findings as CSV rows (one per finding), `name` in the first column.
    pub fn csv_rows(&self, name: &str) -> String {
        fn field(s: &str) -> String {
            if s.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", s.replace('"', "\"\""))
            } else {
                s.to_string()
            }
        }
        let mut out = String::new();
        {
            let r = self;
            for f in &r.findings {
                let row = [
                    name.to_string(),
                    f.code.to_string(),
                    f.name.to_string(),
                    f.severity.as_str().to_string(),
                    f.line.map(|l| l.to_string()).unwrap_or_default(),
                    f.column.map(|c| c.to_string()).unwrap_or_default(),
                    f.message.clone(),
                    f.expected.clone().unwrap_or_default(),
                    f.actual.clone().unwrap_or_default(),
                    f.formula.clone().unwrap_or_default(),
                    f.cell_paths(" "),
                    f.dismissed
                        .as_ref()
                        .map(|d| d.reason.clone())
                        .unwrap_or_default(),
                ];
                out += &row.iter().map(|s| field(s)).collect::<Vec<_>>().join(",");
                out.push('\n');
            }
        }
        out
    }
}
