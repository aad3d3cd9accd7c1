//! The stage before the rules, report: what a check produces — findings, and the report JSON built from the
//! model and the findings (report-json.md). Findings are built by the rules; this stage
//! knows nothing of them but their data.

mod csv;
pub use csv::RuleNames;
pub mod finding;
pub mod json;

pub use finding::{Dismissal, Finding, Related, Severity, Suspect};
pub use json::*;
