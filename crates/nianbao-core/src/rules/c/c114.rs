use crate::rules::peers::own_sentences;
use crate::rules::prelude::*;

rule! {
    /// 报告中有整段文字与同批其他机关的报告相同
    ///
    /// ## 检查什么
    /// 一次检查多份报告（网页中拖入多个文件，或命令行检查文件夹）时，查找本报告中与
    /// 同批其他机关报告相同的连续段落：至少连续2句、合计60个字以上的正文（不计数字、
    /// 标点、标题、表格和报告模板本身的句子）。同一机关不同年度的报告不算；半数以上
    /// 机关都有的句子（如同一份通知的原文，批内有5个以上机关时）也不算。两份报告都会提示。
    /// 机关名称未能识别的报告不参与比较。
    ///
    /// ## 为什么重要
    /// 审核人员最常指出的内容问题，就是照搬其他单位的报告：整段相同的文字
    /// 说明本机关的工作没有如实报告。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号将年度报告“内容雷同”列为追究责任的情形之一。
    ///
    /// ## 示例
    /// 甲县水利局报告“存在的主要问题及改进情况”中有3句、96个字与甲县交通运输局的报告相同。
    C114, "passage-shared-with-other-agency", Warning
}

/// A shared passage: at least this many sentences in a row …
const MIN_SENTENCES: usize = 2;
/// … and this many characters (digits and punctuation not counted).
const MIN_PASSAGE_CHARS: usize = 60;

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let Some(peers) = cx.peers else { return };
    let batch = &peers.batch;
    let own = own_sentences(cx.model);
    let hits: Vec<Vec<usize>> = own
        .iter()
        .map(|(h, _, _)| batch.others_with(peers.me, *h))
        .collect();
    // a passage does not run over a heading
    let heads: Vec<usize> = cx.model.headings.iter().map(|h| h.span.start).collect();
    let joined = |i: usize| {
        let (a, b) = (own[i - 1].2.end, own[i].2.start);
        !heads.iter().any(|&h| h >= a && h < b)
    };
    // per other report, the runs of consecutive sentences it shares: (start, end, report),
    // in one pass over the sentences (a run stays open while the report holds the next one)
    let chars: Vec<usize> = own.iter().map(|s| s.1.chars().count()).collect();
    let mut runs: Vec<(usize, usize, usize)> = Vec::new();
    let mut finish = |d: usize, start: usize, end: usize| {
        if end - start >= MIN_SENTENCES && chars[start..end].iter().sum::<usize>() >= MIN_PASSAGE_CHARS {
            runs.push((start, end, d));
        }
    };
    // (report, start of its run), by report
    let mut open: Vec<(usize, usize)> = Vec::new();
    for (i, here) in hits.iter().enumerate() {
        let go_on = i > 0 && joined(i);
        let mut next: Vec<(usize, usize)> = Vec::with_capacity(here.len());
        let mut o = open.iter().peekable();
        for &d in here {
            // runs of reports before d that do not hold this sentence end here
            while let Some(&&(e, s)) = o.peek().filter(|(e, _)| *e < d) {
                finish(e, s, i);
                o.next();
            }
            match o.peek() {
                Some(&&(e, s)) if e == d && go_on => {
                    next.push((d, s));
                    o.next();
                }
                Some(&&(e, s)) if e == d => {
                    finish(e, s, i);
                    o.next();
                    next.push((d, i));
                }
                _ => next.push((d, i)),
            }
        }
        for &(e, s) in o {
            finish(e, s, i);
        }
        open = next;
    }
    for (e, s) in open {
        finish(e, s, own.len());
    }
    crate::base::sort::sort(&mut runs);
    // overlapping runs are one passage, shared with each of their reports
    let mut k = 0;
    while k < runs.len() {
        let (start, mut end) = (runs[k].0, runs[k].1);
        let mut with: Vec<usize> = Vec::new();
        while k < runs.len() && runs[k].0 < end.max(start + 1) {
            end = end.max(runs[k].1);
            if !with.contains(&runs[k].2) {
                with.push(runs[k].2);
            }
            k += 1;
        }
        let chars: usize = chars[start..end].iter().sum();
        let n = end - start;
        // the other reports by agency: 甲县水利局（a.txt、b.txt）
        let mut agencies: Vec<(Option<u32>, Vec<usize>)> = Vec::new();
        for &d in &with {
            match agencies.iter_mut().find(|(a, _)| *a == batch.agency_id(d)) {
                Some((_, ds)) => ds.push(d),
                None => agencies.push((batch.agency_id(d), vec![d])),
            }
        }
        let who = |ds: &[usize]| {
            let files: Vec<&str> = ds.iter().map(|&d| batch.name(d)).collect();
            format!(
                "{}（{}）",
                batch.agency(ds[0]).unwrap_or("未识别机关"),
                files.join("、")
            )
        };
        let mut names: Vec<String> = agencies.iter().take(3).map(|(_, ds)| who(ds)).collect();
        if agencies.len() > 3 {
            names.push(format!("等{}个机关", agencies.len()));
        }
        let span = own[start].2.cover(own[end - 1].2);
        let mut f = RULE
            .finding(format!(
                "有一段{n}句、{chars}字的文字与{}的报告相同，疑为照搬其他单位的报告",
                names.join("、")
            ))
            .at(span)
            .expected("本机关自己的表述")
            .actual(format!("与{}个其他机关的报告相同（{n}句、{chars}字）", agencies.len()));
        for s in &own[start..end.min(start + 5)] {
            f = f.related(s.2, "相同的句子");
        }
        out.push(f);
    }
}
