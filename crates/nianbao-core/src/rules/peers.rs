//! A batch of reports checked together (the office above checking its subordinates): which
//! report is another's last year's (paired by agency and year), and which sentences reports
//! of different agencies share (C114).
//!
//! A batch is made in two steps, so that no report's model has to stay in memory while the
//! others are read: each report's [`Profile`] (agency, year, the hashes of its comparable
//! sentences), then the [`Batch`] of all profiles, shared read-only by every check
//! ([`Peers`]: the batch and which report is being checked).

use super::support::comparable;
use crate::model::Model;
use crate::structure::agency::{agency_key, same_key};
use std::sync::Arc;

/// Shortest sentence (in characters, without digits and punctuation) that counts.
pub const MIN_CHARS: usize = 15;

/// What a batch needs of one report.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Profile {
    pub agency: Option<String>,
    pub year: Option<i32>,
    /// The hash of each comparable sentence (`support::comparable`), template sentences
    /// left out.
    pub sentences: Vec<u64>,
}

/// Sentences every report may share: the template's own (the statistical period, where the
/// electronic version is, the legal basis of the report).
fn template_sentence(key: &str) -> bool {
    const WORDS: [&str; 6] = [
        "本报告",
        "年度报告",
        "统计期",
        "政府信息公开条例",
        "电子版",
        "如对本",
    ];
    WORDS.iter().any(|w| key.contains(w))
}

/// FNV-1a: the same hash natively and in the browser.
pub fn sentence_hash(key: &str) -> u64 {
    key.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ b as u64).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The comparable sentences of a report that may show copying: (hash, comparison form,
/// span), template sentences left out.
pub fn own_sentences(m: &Model) -> Vec<(u64, String, crate::base::Span)> {
    comparable(m, MIN_CHARS)
        .into_iter()
        .filter(|(k, _)| !template_sentence(k))
        .map(|(k, s)| (sentence_hash(&k), k, s))
        .collect()
}

impl Profile {
    pub fn of(m: &Model) -> Profile {
        Profile {
            agency: m.agency().map(str::to_string),
            year: m.year(),
            sentences: own_sentences(m).into_iter().map(|(h, _, _)| h).collect(),
        }
    }
}

/// All reports of a batch: their names and profiles (`None`: the file could not be read).
#[derive(Debug, Default)]
pub struct Batch {
    names: Vec<String>,
    profiles: Vec<Option<Profile>>,
    /// (sentence hash, report), sorted, each pair once; only reports whose agency is known.
    index: Vec<(u64, u32)>,
    /// Per sentence hash: where its reports stand in `index`, and how many agencies they
    /// are (counted once here, not on every lookup).
    groups: Vec<(u64, u32, u32, u32)>,
    /// Per report, a number for its agency: reports of one agency share it.
    agency_of: Vec<Option<u32>>,
    agencies: usize,
    previous: Vec<Option<usize>>,
}

impl Batch {
    pub fn new(names: Vec<String>, profiles: Vec<Option<Profile>>) -> Batch {
        // agencies: the longest names first, so that a name without its region
        // (`交通运输局`) joins a group only when one agency of the batch alone can be meant
        let keys: Vec<Option<String>> = profiles
            .iter()
            .map(|p| p.as_ref().and_then(|p| p.agency.as_deref()).map(agency_key))
            .collect();
        let mut order: Vec<usize> = (0..keys.len()).filter(|&i| keys[i].is_some()).collect();
        crate::base::sort::sort_by_key(&mut order, |&i| {
            (usize::MAX - keys[i].as_ref().map_or(0, String::len), i)
        });
        let mut groups_by_name: Vec<&str> = Vec::new();
        let mut agency_of: Vec<Option<u32>> = vec![None; keys.len()];
        for i in order {
            let Some(k) = keys[i].as_deref() else {
                continue;
            };
            let exact = groups_by_name.iter().position(|g| *g == k);
            let mut near = groups_by_name
                .iter()
                .enumerate()
                .filter(|(_, g)| same_key(k, g))
                .map(|(n, _)| n);
            let group = exact.or_else(|| match (near.next(), near.next()) {
                (Some(n), None) => Some(n),
                _ => None,
            });
            agency_of[i] = Some(match group {
                Some(n) => n as u32,
                None => {
                    groups_by_name.push(k);
                    (groups_by_name.len() - 1) as u32
                }
            });
        }
        let agencies = groups_by_name.len();
        let mut index: Vec<(u64, u32)> = Vec::new();
        for (i, p) in profiles.iter().enumerate() {
            if let (Some(p), Some(_)) = (p, agency_of[i]) {
                index.extend(p.sentences.iter().map(|&h| (h, i as u32)));
            }
        }
        crate::base::sort::sort(&mut index);
        index.dedup();
        let mut groups = Vec::new();
        let mut a = 0;
        while a < index.len() {
            let h = index[a].0;
            let b = a + index[a..].partition_point(|e| e.0 == h);
            let mut ids: Vec<u32> = index[a..b]
                .iter()
                .filter_map(|&(_, d)| agency_of[d as usize])
                .collect();
            crate::base::sort::sort(&mut ids);
            ids.dedup();
            groups.push((h, a as u32, b as u32, ids.len() as u32));
            a = b;
        }
        // last year's report: the same agency, the year before (the first such, in order)
        let previous = (0..profiles.len())
            .map(|i| {
                let (a, y) = (agency_of[i]?, profiles[i].as_ref()?.year?);
                (0..profiles.len()).find(|&j| {
                    agency_of[j] == Some(a)
                        && profiles[j].as_ref().and_then(|p| p.year) == Some(y - 1)
                })
            })
            .collect();
        Batch {
            names,
            profiles,
            index,
            groups,
            agency_of,
            agencies,
            previous,
        }
    }
    pub fn len(&self) -> usize {
        self.names.len()
    }
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
    pub fn name(&self, i: usize) -> &str {
        &self.names[i]
    }
    pub fn agency(&self, i: usize) -> Option<&str> {
        self.profiles[i].as_ref()?.agency.as_deref()
    }
    /// A number for the report's agency, the same for every report of that agency.
    pub fn agency_id(&self, i: usize) -> Option<u32> {
        self.agency_of.get(i).copied().flatten()
    }
    /// The report of the same agency for the year before, if the batch holds one.
    pub fn previous_of(&self, i: usize) -> Option<usize> {
        self.previous.get(i).copied().flatten()
    }
    /// Does checking report `i` in this batch change its report: has it last year's report
    /// here, or two sentences in a row that one report of another agency holds too (C114
    /// needs at least that)?
    pub fn changes(&self, i: usize) -> bool {
        if self.previous_of(i).is_some() {
            return true;
        }
        let Some(p) = self.profiles.get(i).and_then(Option::as_ref) else {
            return false;
        };
        let mut before: Vec<usize> = Vec::new();
        for &h in &p.sentences {
            let now = self.others_with(i, h);
            if now.iter().any(|d| before.contains(d)) {
                return true;
            }
            before = now;
        }
        false
    }
    /// The reports of other agencies that hold the sentence `hash`, none when it is common
    /// to the batch (in more than half of its agencies, with five agencies or more: the
    /// language of a shared notice, not copying).
    pub fn others_with(&self, me: usize, hash: u64) -> Vec<usize> {
        let Some(mine) = self.agency_of.get(me).copied().flatten() else {
            return Vec::new();
        };
        let g = self.groups.partition_point(|e| e.0 < hash);
        let Some(&(_, a, b, agencies)) = self.groups.get(g).filter(|e| e.0 == hash) else {
            return Vec::new();
        };
        // one agency only (its own reports), or most of the batch's
        if agencies < 2 || (self.agencies >= 5 && agencies as usize * 2 > self.agencies) {
            return Vec::new();
        }
        self.index[a as usize..b as usize]
            .iter()
            .map(|&(_, d)| d as usize)
            .filter(|&d| self.agency_of[d] != Some(mine))
            .collect()
    }
}

/// The batch a check belongs to, and which of its reports is being checked.
#[derive(Debug, Clone)]
pub struct Peers {
    pub batch: Arc<Batch>,
    pub me: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(agency: &str, year: i32, sentences: &[u64]) -> Option<Profile> {
        Some(Profile {
            agency: Some(agency.into()),
            year: Some(year),
            sentences: sentences.to_vec(),
        })
    }

    #[test]
    fn pairs_by_agency_and_year() {
        let b = Batch::new(
            vec!["a".into(), "b".into(), "c".into(), "d".into(), "e".into()],
            vec![
                p("淮安市洪泽区人民政府", 2023, &[]),
                p("洪泽区人民政府", 2022, &[]),
                p("洪泽区交通运输局", 2022, &[]),
                None,
                p("洪泽区人民政府", 2021, &[]),
            ],
        );
        assert_eq!(b.previous_of(0), Some(1));
        assert_eq!(b.previous_of(1), Some(4));
        assert_eq!(b.previous_of(2), None);
        assert_eq!(b.previous_of(3), None);
    }

    #[test]
    fn a_name_without_its_region_joins_only_one_agency() {
        let b = Batch::new(
            (0..4).map(|i| i.to_string()).collect(),
            vec![
                p("交通运输局", 2023, &[]),
                p("甲市交通运输局", 2022, &[]),
                p("乙市交通运输局", 2022, &[]),
                p("丙市水利局", 2022, &[]),
            ],
        );
        // two agencies could be meant: paired with neither
        assert_eq!(b.previous_of(0), None);
        assert_ne!(b.agency_id(1), b.agency_id(2));
        let b = Batch::new(
            vec!["a".into(), "b".into()],
            vec![
                p("洪泽区人民政府", 2023, &[]),
                p("淮安市洪泽区人民政府", 2022, &[]),
            ],
        );
        assert_eq!(b.previous_of(0), Some(1));
    }

    #[test]
    fn shared_sentences_of_other_agencies_only() {
        let b = Batch::new(
            vec!["a".into(), "b".into(), "c".into()],
            vec![
                p("甲县交通运输局", 2023, &[1, 2, 3]),
                p("甲县交通运输局", 2022, &[1, 2]),
                p("甲县水利局", 2023, &[2, 3, 9]),
            ],
        );
        assert_eq!(b.others_with(0, 1), Vec::<usize>::new());
        assert_eq!(b.others_with(0, 2), vec![2]);
        assert_eq!(b.others_with(2, 2), vec![0, 1]);
        assert_eq!(b.others_with(0, 7), Vec::<usize>::new());
        // 0 and 2 share the sentences 2 and 3, one after the other
        assert!(b.changes(0) && b.changes(2));
        let alone = Batch::new(
            vec!["a".into(), "b".into()],
            vec![
                p("甲县交通运输局", 2023, &[1, 5, 2]),
                p("甲县水利局", 2023, &[1, 6, 2]),
            ],
        );
        // a sentence here and there in common is no passage
        assert!(!alone.changes(0) && !alone.changes(1));
    }

    #[test]
    fn a_sentence_of_most_agencies_is_common() {
        let names: Vec<String> = (0..6).map(|i| i.to_string()).collect();
        let profiles = (0..6)
            .map(|i| {
                p(
                    &format!("甲县第{i}局"),
                    2023,
                    if i < 4 { &[5, 6] } else { &[6] },
                )
            })
            .collect();
        let b = Batch::new(names, profiles);
        assert!(b.others_with(0, 5).is_empty()); // in 4 of 6 agencies
        let names: Vec<String> = (0..6).map(|i| i.to_string()).collect();
        let profiles = (0..6)
            .map(|i| {
                p(
                    &format!("甲县第{i}局"),
                    2023,
                    if i < 3 { &[5] } else { &[] },
                )
            })
            .collect();
        let b = Batch::new(names, profiles);
        assert_eq!(b.others_with(0, 5), vec![1, 2]); // in 3 of 6
    }

    #[test]
    fn template_sentences_are_left_out() {
        assert!(template_sentence(
            "本报告中所列数据的统计期限自年月日起至年月日止"
        ));
        assert!(!template_sentence("我局坚持以公开为常态不公开为例外"));
    }
}
