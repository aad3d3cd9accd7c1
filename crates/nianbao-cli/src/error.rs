//! The CLI's errors, each with its Chinese message and exit code.

use nianbao_core::Refusal;
use std::fmt;
use std::io;
use std::path::Path;

#[derive(Debug)]
pub enum CliError {
    NotFound,
    PermissionDenied,
    IsDirectory,
    Read(io::Error),
    Stdin(io::Error),
    /// The input is not a report's text (empty, binary).
    Refused(Refusal),
    /// Last year's report (`--previous`) could not be read.
    Previous(String, Box<CliError>),
    BadDate(String),
    UnknownRule(String),
    NoFiles,
    /// `--summary` without `--format csv`.
    SummaryNeedsCsv,
    /// Writing the results failed.
    Write(io::Error),
    /// The reader of the output went away: stop with this exit code.
    Closed(u8),
}

impl CliError {
    pub fn from_read(e: io::Error, p: &Path) -> CliError {
        match e.kind() {
            io::ErrorKind::NotFound => CliError::NotFound,
            io::ErrorKind::PermissionDenied => CliError::PermissionDenied,
            _ if p.is_dir() => CliError::IsDirectory,
            _ => CliError::Read(e),
        }
    }
    /// A write to a closed pipe: end quietly.
    pub fn is_closed_pipe(&self) -> bool {
        matches!(self, CliError::Write(e) if e.kind() == io::ErrorKind::BrokenPipe)
    }
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Closed(code) => *code,
            CliError::Write(e) if e.kind() == io::ErrorKind::BrokenPipe => 0,
            _ => 2,
        }
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CliError::NotFound => f.write_str("文件不存在"),
            CliError::PermissionDenied => f.write_str("没有读取权限"),
            CliError::IsDirectory => f.write_str("这是文件夹，不是文件"),
            CliError::Read(e) => write!(f, "无法读取：{e}"),
            CliError::Stdin(e) => write!(f, "无法读取标准输入：{e}"),
            CliError::Refused(r) => f.write_str(r.message()),
            CliError::Previous(name, e) => write!(f, "上年报告 {name}：{e}"),
            CliError::BadDate(d) => write!(
                f,
                "--published 的日期“{d}”无法识别，请写作 2024-01-20 或 2024年1月20日"
            ),
            CliError::UnknownRule(c) => {
                write!(f, "没有规则“{c}”。用 `nianbao rules` 查看全部规则。")
            }
            CliError::SummaryNeedsCsv => f.write_str("--summary 只能与 --format csv 一起使用"),
            CliError::NoFiles => f.write_str("没有找到可检查的报告文件（.txt .html .htm .md）"),
            CliError::Write(e) => write!(f, "无法写出结果：{e}"),
            CliError::Closed(_) => f.write_str("输出已关闭"),
        }
    }
}

impl std::error::Error for CliError {}
