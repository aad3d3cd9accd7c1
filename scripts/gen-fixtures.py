#!/usr/bin/env python3
"""Writes the synthetic fixtures of nianbao-core (no real report text is used):

  crates/nianbao-core/tests/fixtures/sample-2021.txt   a complete, consistent 2021-format report
  crates/nianbao-core/tests/fixtures/sample-2019.txt   the same in the 2019 trial format
  crates/nianbao-core/tests/fixtures/rules/CODE/{fail,pass}.txt
      (with WHICH.previous.txt, last year's report, for the Y rules, and WHICH.peer.txt,
      another agency's report checked in the same batch, for C114)
  assets/sample.txt    the web app's sample (载入示例): the 2021 sample with two mistakes
      per rule: a small edit of a sample that makes the rule fire (fail) and a near miss
      that must not (pass).

Run from the repository root: python3 scripts/gen-fixtures.py
"""
import os

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "crates", "nianbao-core", "tests", "fixtures")

T3_LABELS_A = [
    ("一、本年新收政府信息公开申请数量", None), ("二、上年结转政府信息公开申请数量", None),
    ("（一）予以公开", "三、本年度办理结果"), ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", ""),
    ("1.属于国家秘密", "（三）不予公开"), ("2.其他法律行政法规禁止公开", ""), ("3.危及“三安全一稳定”", ""),
    ("4.保护第三方合法权益", ""), ("5.属于三类内部事务信息", ""), ("6.属于四类过程性信息", ""),
    ("7.属于行政执法案卷", ""), ("8.属于行政查询事项", ""),
    ("1.本机关不掌握相关政府信息", "（四）无法提供"), ("2.没有现成信息需要另行制作", ""), ("3.补正后申请内容仍不明确", ""),
    ("1.信访举报投诉类申请", "（五）不予处理"), ("2.重复申请", ""), ("3.要求提供公开出版物", ""),
    ("4.无正当理由大量反复申请", ""), ("5.要求行政机关确认或重新出具已获取信息", ""),
]
T3_OTHER_A = [("（六）其他处理", "")]
T3_OTHER_B = [("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "（六）其他处理"),
              ("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", ""), ("3.其他", "")]
T3_END = [("（七）总计", ""), ("四、结转下年度继续办理", None)]

Z = [0] * 7
T3_VALUES = {
    "一、本年新收政府信息公开申请数量": [10, 2, 0, 1, 0, 1, 14],
    "二、上年结转政府信息公开申请数量": [1, 0, 0, 0, 0, 0, 1],
    "（一）予以公开": [5, 1, 0, 0, 0, 0, 6],
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）": [1, 0, 0, 0, 0, 0, 1],
    "4.保护第三方合法权益": [1, 0, 0, 0, 0, 0, 1],
    "1.本机关不掌握相关政府信息": [2, 1, 0, 0, 0, 1, 4],
    "1.信访举报投诉类申请": [1, 0, 0, 0, 0, 0, 1],
    "（六）其他处理": [0, 0, 0, 1, 0, 0, 1],
    "3.其他": [0, 0, 0, 1, 0, 0, 1],
    "（七）总计": [10, 2, 0, 1, 0, 1, 14],
    "四、结转下年度继续办理": [1, 0, 0, 0, 0, 0, 1],
}

PROSE_OVERVIEW = """一、总体情况

2023年，示例市科学技术局坚持以公开为常态、不公开为例外，认真贯彻落实《中华人民共和国政府信息公开条例》，持续深化政务公开，各项工作有序推进。

（一）主动公开情况。本年度通过门户网站主动公开政府信息186条，及时公开科技项目申报、资金安排等信息，政策文件同步发布解读材料。

（二）依申请公开情况。进一步规范依申请公开工作流程，完善登记、审核、答复等环节，确保在法定期限内答复。

（三）政府信息管理情况。加强公开前保密审查，动态调整主动公开目录，对现行有效的行政规范性文件进行清理。

（四）政府信息公开平台建设情况。优化门户网站政府信息公开专栏，及时更新栏目内容。

（五）监督保障情况。将政务公开工作纳入年度考核，组织业务培训2次，接受社会评议，未发生责任追究情况。
"""

TAIL = """五、存在的主要问题及改进情况

政务公开工作仍存在政策解读形式较为单一、主动公开内容的深度和广度有待拓展等问题。下一步，我局将丰富解读形式，推动公开内容向基层延伸，进一步提升公开质量和群众满意度。

六、其他需要报告的事项

1.本年度未收取信息处理费。

2.认真落实上级政务公开工作要点，按要求完成各项任务。

3.建议提案办理结果均已按要求公开。

4.创新开展政策解读直播活动。
"""


def t2_b():
    return """二、主动公开政府信息情况

第二十条第（一）项\t\t\t
信息内容\t本年制发件数\t本年废止件数\t现行有效件数
规章\t0\t0\t0
行政规范性文件\t3\t1\t12
第二十条第（五）项\t\t\t
信息内容\t本年处理决定数量\t\t
行政许可\t56\t\t
第二十条第（六）项\t\t\t
信息内容\t本年处理决定数量\t\t
行政处罚\t7\t\t
行政强制\t0\t\t
第二十条第（八）项\t\t\t
信息内容\t本年收费金额（单位：万元）\t\t
行政事业性收费\t0\t\t
"""


def t2_a():
    return """二、主动公开政府信息情况

第二十条第（一）项\t\t\t
信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量
规章\t0\t0\t0
规范性文件\t2\t2\t10
第二十条第（五）项\t\t\t
信息内容\t上一年项目数量\t本年增/减\t处理决定数量
行政许可\t5\t1\t40
其他对外管理服务事项\t3\t-1\t12
第二十条第（六）项\t\t\t
信息内容\t上一年项目数量\t本年增/减\t处理决定数量
行政处罚\t20\t-2\t15
行政强制\t2\t0\t0
第二十条第（八）项\t\t\t
信息内容\t上一年项目数量\t本年增/减\t
行政事业性收费\t1\t0\t
第二十条第（九）项\t\t\t
信息内容\t采购项目数量\t采购总金额（单位：万元）\t
政府集中采购\t4\t12.5\t
"""


def t3(fmt):
    rows = T3_LABELS_A + (T3_OTHER_B if fmt == "B" else T3_OTHER_A) + T3_END
    out = ["三、收到和处理政府信息公开申请情况", "",
           "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t\t\t申请人情况\t\t\t\t\t\t",
           "\t\t\t自然人\t法人或其他组织\t\t\t\t\t总计",
           "\t\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t"]
    for label, group in rows:
        vals = "\t".join(str(v) for v in T3_VALUES.get(label, Z))
        if group is None:
            out.append(f"{label}\t\t\t{vals}")
        else:
            out.append(f"\t{group}\t{label}\t{vals}" if group else f"\t\t{label}\t{vals}")
    return "\n".join(out) + "\n"


def t4():
    return """四、政府信息公开行政复议、行政诉讼情况

行政复议\t\t\t\t\t行政诉讼\t\t\t\t\t\t\t\t\t
结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉\t\t\t\t
\t\t\t\t\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计
1\t0\t0\t1\t2\t0\t1\t0\t0\t1\t0\t0\t0\t0\t0
"""


def sample(fmt, year=None, title=None):
    year = year or (2023 if fmt == "B" else 2020)
    title = title if title is not None else f"示例市科学技术局{year}年政府信息公开工作年度报告"
    head = (title + "\n\n") if title else ""
    overview = PROSE_OVERVIEW.replace("2023年", f"{year}年")
    return head + overview + "\n" + (t2_b() if fmt == "B" else t2_a()) + "\n" + t3(fmt) + "\n" + t4() + "\n" + TAIL


def rep(text, old, new, count=1):
    assert old in text, old
    return text.replace(old, new, count)


def rules():
    B = sample("B")
    A = sample("A")
    t3b = t3("B")
    row = lambda label: label + "\t\t\t" if label.startswith(("一", "二", "四")) else label + "\t"
    r = {}
    r["S101"] = (rep(B, "示例市科学技术局2023年政府信息公开工作年度报告\n\n", ""), B)
    r["S102"] = (rep(B, "示例市科学技术局2023年政府信息公开工作年度报告", "示例市科学技术局政府信息公开工作年度报告"),
                 rep(rep(B, "示例市科学技术局2023年政府信息公开工作年度报告", "示例市科学技术局政府信息公开工作年度报告"),
                     "一、总体情况\n", "一、总体情况\n\n本报告所列数据统计期限为2023年1月1日至12月31日。\n"))
    r["S103"] = (rep(B, "示例市科学技术局2023年", "2023年"), B)
    r["S104"] = (rep(B, "示例市科学技术局2023年", "示例数据平台2023年"), B)
    r["S201"] = (rep(B, "五、存在的主要问题及改进情况\n", ""), B)
    r["S202"] = (rep(rep(B, "五、存在的主要问题及改进情况", "@@"), "二、主动公开政府信息情况", "五、存在的主要问题及改进情况").replace("@@", "二、主动公开政府信息情况"), B)
    r["S203"] = (rep(B, "二、主动公开政府信息情况", "一、主动公开政府信息情况"), B)
    r["S204"] = (rep(B, "六、其他需要报告的事项", "七、其他需要报告的事项"), B)
    r["S205"] = (B + "\n七、附件\n\n相关附件另行公开。\n", B)
    s206 = B
    for a, b in [("一、总体情况", "（一）总体情况"), ("二、主动", "（二）主动"), ("三、收到", "（三）收到"), ("四、政府信息公开行政复议", "（四）政府信息公开行政复议"), ("五、存在", "（五）存在"), ("六、其他", "（六）其他")]:
        s206 = rep(s206, a, b)
    r["S206"] = (s206, B)
    r["S301"] = (sample("A", 2022), A)
    r["S302"] = (sample("B", 2020), B)
    r["S303"] = (rep(B, "行政规范性文件\t3", "规范性文件\t3"), B)
    r["S304"] = (rep(B, "三、收到和处理政府信息公开申请情况\n", "三、收到和处理政府信息公开申请情况\n\n当面申请数\t0\n"), B)
    r["S305"] = ("一、总体情况\n\n本机关认真做好政务公开工作。\n\n二、主动公开政府信息情况\n\n详见门户网站。\n", B)
    r["S306"] = (sample("B", 2017), B)
    r["S401"] = (rep(B, t4().split("\n\n", 1)[1], ""), B)
    r["S402"] = (rep(B, "二、上年结转政府信息公开申请数量\t\t\t1\t0\t0\t0\t0\t0\t1\n", ""), B)
    r["S403"] = (rep(B, "四、结转下年度继续办理\t", "\t（八）其他\t0\t0\t0\t0\t0\t0\t0\n四、结转下年度继续办理\t"), B)
    r["S404"] = (rep(B, "行政规范性文件\t3\t1\t12\n", "行政规范性文件\t3\t1\t12\n其他主动公开文件\t4\t0\t9\n"), B)
    # 8 columns: 法人或其他组织小计 before 总计
    lines = []
    for line in B.split("\n"):
        cells = line.split("\t")
        if line.startswith("\t\t\t自然人"):
            line = line + "\t"
        elif line.startswith("\t\t\t\t商业企业"):
            line = "\t\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t法人或其他组织小计\t"
        elif len(cells) >= 8 and all(c.isdigit() for c in cells[-7:]) and "勾稽" not in line and not line.startswith("1\t"):
            v = [int(c) for c in cells[-7:]]
            line = "\t".join(cells[:-7] + [str(x) for x in v[:6]] + [str(sum(v[1:6]))] + [str(v[6])])
        lines.append(line)
    r["S405"] = ("\n".join(lines), B)
    r["S406"] = (rep(B, "（一）予以公开\t5\t1\t0\t0\t0\t0\t6", "（一）予以公开\t5\t1\t0\t0\t0\t6"), B)
    r["S407"] = (B + "\n" + t3b, B)
    r["N101"] = (rep(B, "（一）予以公开\t5\t1\t0\t0\t0\t0\t6", "（一）予以公开\t5\t1\t0\t\t0\t0\t6"), B)
    r["N102"] = (rep(B, "规章\t0\t0\t0", "规章\t/\t/\t/"), B)
    r["N103"] = (rep(B, "行政许可\t56", "行政许可\t见附件"), B)
    r["N104"] = (rep(B, "行政处罚\t7", "行政处罚\t-7"), A)
    r["N105"] = (rep(B, "行政许可\t56", "行政许可\t2.5"), rep(B, "行政事业性收费\t0", "行政事业性收费\t12.5"))
    r["N106"] = (rep(B, "行政事业性收费\t0", "行政事业性收费\t3.5元"), rep(B, "行政事业性收费\t0", "行政事业性收费\t3.5万元"))
    r["N107"] = (rep(A, "采购总金额（单位：万元）", "采购总金额"), A)
    r["N108"] = (rep(A, "采购总金额（单位：万元）", "采购总金额(单位:万元,保留4位小数)"),
                 rep(rep(A, "采购总金额（单位：万元）", "采购总金额(单位:万元,保留4位小数)"), "\t12.5\t", "\t12.5000\t"))
    r["N109"] = (rep(B, "行政许可\t56", "行政许可\t５６"), B)
    r["T201"] = (rep(B, "行政规范性文件\t3\t1\t12", "行政规范性文件\t20\t1\t12"), B)
    r["T202"] = (rep(B, "行政事业性收费\t0", "行政事业性收费\t125000"), rep(B, "行政事业性收费\t0", "行政事业性收费\t12.5"))
    r["T211"] = (rep(A, "规范性文件\t2\t2\t10", "规范性文件\t2\t12\t10"), A)
    r["T212"] = (rep(A, "行政强制\t2\t0\t0", "行政强制\t2\t-5\t0"), A)
    r["T213"] = (rep(A, "行政强制\t2\t0\t0", "行政强制\t0\t0\t5"), A)
    r["T214"] = (rep(A, "政府集中采购\t4\t12.5", "政府集中采购\t0\t12.5"), A)
    r["T301"] = (rep(B, "四、结转下年度继续办理\t\t\t1\t0\t0\t0\t0\t0\t1", "四、结转下年度继续办理\t\t\t2\t0\t0\t0\t0\t0\t2"), B)
    r["T302"] = (rep(B, "（一）予以公开\t5\t1\t0\t0\t0\t0\t6", "（一）予以公开\t6\t1\t0\t0\t0\t0\t7"), B)
    r["T303"] = (rep(B, "1.本机关不掌握相关政府信息\t2\t1\t0\t0\t0\t1\t4", "1.本机关不掌握相关政府信息\t2\t1\t0\t0\t0\t1\t5"), B)
    sub_ok = "\t\t小计\t0\t0\t0\t0\t0\t0\t0\n\t（四）无法提供\t1.本机关"
    r["T304"] = (rep(B, "\t（四）无法提供\t1.本机关", sub_ok.replace("小计\t0", "小计\t1", 1).replace("0\t0\n\t（四）", "0\t1\n\t（四）")),
                 rep(B, "\t（四）无法提供\t1.本机关", "\t\t小计\t1\t0\t0\t0\t0\t0\t1\n\t（四）无法提供\t1.本机关"))
    r["T304"] = (rep(B, "\t（四）无法提供\t1.本机关", "\t\t小计\t2\t0\t0\t0\t0\t0\t2\n\t（四）无法提供\t1.本机关"), r["T304"][1])
    r["T401"] = (rep(B, "1\t0\t0\t1\t2\t0\t1", "1\t0\t0\t1\t3\t0\t1"), B)
    items = "（一）主动公开情况。"
    r["X114"] = (rep(A, items, "（一）主动公开情况。其他对外管理服务事项中，行政检查原有2项，现为2项；其他职权原有1项，现为3项。"),
                 rep(A, items, "（一）主动公开情况。其他对外管理服务事项中，行政检查原有1项，现为1项；其他职权原有2项，现为1项。"))
    r["C104"] = (rep(B, "持续深化政务公开", "坚持依法治教，持续深化政务公开"), rep(B, "持续深化政务公开", "推动科技成果转化，持续深化政务公开"))
    r["C111"] = (rep(B, "认真贯彻落实《中华人民共和国政府信息公开条例》", "认真贯彻落实《关于做好政务公开工作的通知》（示政办【2023】5号）"),
                 rep(B, "认真贯彻落实《中华人民共和国政府信息公开条例》", "认真贯彻落实《关于做好政务公开工作的通知》（示政办〔2023〕5号）"))
    ov = "2023年，示例市科学技术局坚持以公开为常态"
    r["C101"] = (rep(B, "（二）依申请公开情况。", "2022年，我局认真贯彻落实政务公开各项部署。\n\n（二）依申请公开情况。"),
                 rep(B, "（二）依申请公开情况。", "2024年，我局将进一步深化政务公开。\n\n（二）依申请公开情况。"))
    r["C102"] = (rep(B, "一、总体情况\n", "一、总体情况\n\n本报告所列数据统计期限为2022年1月1日至12月31日。\n"),
                 rep(B, "一、总体情况\n", "一、总体情况\n\n本报告所列数据统计期限为2023年1月1日至12月31日。\n"))
    r["C103"] = (rep(B, ov, "2023年，样板市科学技术局坚持以公开为常态"), rep(rep(B, ov, "2023年，市科技局坚持以公开为常态"), "持续深化政务公开", "积极配合省科学技术厅，持续深化政务公开"))
    r["C105"] = (rep(B, ov, "2023年，XX局坚持以公开为常态"), rep(B, "通过门户网站主动公开", "通过门户网站（http://xxgk.example.gov.cn）主动公开"))
    five = "政务公开工作仍存在政策解读形式较为单一、主动公开内容的深度和广度有待拓展等问题。下一步，我局将丰富解读形式，推动公开内容向基层延伸，进一步提升公开质量和群众满意度。"
    r["C106"] = (rep(B, five, "无。"), B)
    r["C107"] = (rep(B, "1.本年度未收取信息处理费。", "1.本年度无其他事项。"), B)
    r["C108"] = (rep(B, "2.认真落实上级政务公开工作要点，按要求完成各项任务。", "2.按要求完成各项任务。"), B)
    no_oversight = rep(B, "（五）监督保障情况。将政务公开工作纳入年度考核，组织业务培训2次，接受社会评议，未发生责任追究情况。", "（五）其他情况。组织业务培训2次。")
    r["C109"] = (no_oversight, B)
    gov = lambda t: t.replace("示例市科学技术局2023年政府信息公开工作年度报告", "示例县人民政府2023年政府信息公开工作年度报告")
    r["C110"] = (gov(no_oversight), gov(B))
    cite = "（三）政府信息管理情况。"
    r["C112"] = (rep(B, cite, cite + "按照《关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办〔2021〕30号）编制年度报告。"),
                 rep(B, cite, cite + "按照《关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）编制年度报告。"))
    req = "（二）依申请公开情况。"
    r["X108"] = (rep(B, req, req + "本年度未收到政府信息公开申请。"), rep(B, req, req + "本年度未收到行政复议申请。"))
    r["X109"] = (rep(B, req, req + "所有申请均已办结。"), rep(B, req, req + "上年结转的1件申请已全部办结。所有申请均在法定期限内答复。"))
    r["X110"] = (rep(B, req, req + "申请均予以公开。"), rep(B, req, req + "建议提案办理结果均予以公开。"))
    r["X111"] = (rep(B, req, req + "本年度被申请行政复议3件。"), rep(B, req, req + "本年度被申请行政复议2件，被提起行政诉讼1件。"))
    r["X101"] = (rep(B, req, req + "本年度共收到政府信息公开申请13件。"), rep(B, req, req + "本年度共收到政府信息公开申请14件。"))
    r["X102"] = (rep(B, req, req + "本年度收到申请14件，另有上年结转申请2件。"), rep(B, req, req + "本年度收到申请14件，另有上年结转申请1件。"))
    r["X103"] = (rep(B, req, req + "全年办结申请14件，另有2件结转下年度继续办理。"), rep(B, req, req + "全年办结申请14件，另有1件结转下年度继续办理。"))
    r["X104"] = (rep(B, req, req + "全年办结申请13件。"), rep(B, req, req + "全年办结申请14件，延期答复2件。"))
    r["X105"] = (rep(B, req, req + "办理结果中，予以公开5件，部分公开1件。"), rep(B, req, req + "办理结果中，予以公开6件，部分公开1件，无法提供4件。"))
    r["X106"] = (rep(B, req, req + "办理结果中，予以公开6件（占40.5%）。"), rep(B, req, req + "办理结果中，予以公开6件（42.9%）。"))
    r["X107"] = (rep(B, req, req + "办理结果中，无法提供4件（28.5%）。"), rep(B, req, req + "办理结果中，无法提供4件（28.6%）。"))
    r["X112"] = (rep(B, req, req + "本年度被申请行政复议2件，均已审结。"), rep(B, req, req + "本年度被提起行政诉讼1件，均已审结。"))
    r["X113"] = (rep(B, req, req + "本年度印发行政规范性文件4件。"), rep(B, req, req + "本年度印发行政规范性文件3件，废止1件，现行有效12件，作出行政处罚决定7件。"))
    r["X115"] = (rep(A, items, items + "政府集中采购4笔，采购总金额125万元。"), rep(A, items, items + "政府集中采购4笔，采购总金额125000元。"))
    r["X116"] = (rep(B, req, req + "本年度收取行政事业性收费 86.4 万元。"), rep(B, req, req + "本年度收取行政事业性收费0元。"))
    head = "示例市科学技术局2023年政府信息公开工作年度报告\n\n"
    r["S207"] = (rep(B, head, head + "本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、存在的主要问题及改进情况等五个部分组成。\n\n"),
                 rep(B, head, head + "本报告包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、因政府信息公开申请行政复议、提起行政诉讼的情况、政府信息公开工作存在的主要问题及改进情况和其他需要报告的事项等六个部分。\n\n"))
    r["S208"] = (rep(rep(B, "（二）依申请公开情况。", "二、依申请公开情况\n\n"), "（三）政府信息管理情况。", "三、政府信息管理情况\n\n"),
                 rep(rep(B, "（二）依申请公开情况。", "（二）依申请公开情况\n\n"), "（三）政府信息管理情况。", "（三）政府信息管理情况\n\n"))
    r["S307"] = (rep(B, head, head + "本报告根据《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》（国办公开办函〔2019〕60号）要求编制。\n\n"),
                 rep(B, head, head + "年度报告格式已由国办公开办函〔2019〕60号规定的试行格式调整为国办公开办函〔2021〕30号规定的格式，本报告按照新格式编制。\n\n"))
    r["C113"] = (rep(B, "进一步规范依申请公开工作流程", "进一步规范规范依申请公开工作流程"),
                 rep(B, "进一步规范依申请公开工作流程", "切切实实规范依申请公开工作流程，层层压实责任"))
    r["X117"] = (rep(B, req, req + "本年度共收到政府信息公开申请14件，涉及自然人12件、商业企业2件。"),
                 rep(B, req, req + "本年度共收到政府信息公开申请14件，其中自然人申请10件，法人或其他组织申请4件。"))
    # Y rules: (fail, pass, previous for fail, previous for pass)
    B22 = sample("B", 2022)
    A19 = sample("A", 2019)
    r["Y101"] = (B, B, rep(B22, "四、结转下年度继续办理\t\t\t1\t0\t0\t0\t0\t0\t1", "四、结转下年度继续办理\t\t\t2\t0\t0\t0\t0\t0\t2"), B22)
    b22_fresh = rep(rep(rep(B22, "行政规范性文件\t3\t1\t12", "行政规范性文件\t3\t1\t10"), "（一）予以公开\t5\t1\t0\t0\t0\t0\t6", "（一）予以公开\t4\t2\t0\t0\t0\t0\t6"), "1\t0\t0\t1\t2\t0\t1", "2\t0\t0\t0\t2\t0\t1")
    r["Y102"] = (B, B, B22, b22_fresh)
    a19_ok = A19
    for old, new in [("行政许可\t5\t1", "行政许可\t4\t1"), ("其他对外管理服务事项\t3\t-1", "其他对外管理服务事项\t4\t-1"), ("行政处罚\t20\t-2", "行政处罚\t22\t-2")]:
        a19_ok = rep(a19_ok, old, new)
    r["Y103"] = (A, A, A19, a19_ok)
    r["Y104"] = (B, B, B22, b22_fresh)
    tables_only = "示例市科学技术局2022年政府信息公开工作年度报告\n\n" + t2_b() + "\n" + t3("B") + "\n" + t4()
    r["Y105"] = (B, B, B22, tables_only)
    r["Y106"] = (B, B, sample("B", 2021), B22)
    five_other = "本年度政策解读的针对性仍需加强，基层公开标准目录的应用还不够充分。下一步，我局将围绕科技创新重点工作开展多种形式的解读，指导基层完善公开目录。"
    r["Y107"] = (B, B, B22, rep(B22, five, five_other))
    # C114: the report is checked in a batch with another agency's (`WHICH.peer.txt`)
    water_overview = """一、总体情况

2023年，示例市水利局围绕防汛抗旱、水资源管理等重点工作，做好政府信息公开。

（一）主动公开情况。本年度主动公开水利工程建设、河湖管理等信息95条，汛期及时发布雨水情信息。

（二）依申请公开情况。严格按照法定程序办理政府信息公开申请，答复规范及时。

（三）政府信息管理情况。落实公开前审查制度，及时更新政府信息公开目录。

（四）政府信息公开平台建设情况。完善门户网站水利专栏，提升信息发布时效。

（五）监督保障情况。将政务公开纳入年度目标考核，开展培训1次。
"""
    water = "示例市水利局2023年政府信息公开工作年度报告\n\n" + water_overview + "\n" + t2_b() + "\n" + t3("B") + "\n" + t4() + "\n" + TAIL
    water_own = rep(water, five, "本年度水利信息公开的及时性仍有不足，防汛信息发布渠道还不够多样。下一步，我局将完善汛期信息发布机制，拓展新媒体发布渠道，方便群众及时获取信息。")
    r["C114"] = (B, B, ("peer", water, water_own))
    sign = lambda d: B + "\n示例市科学技术局\n" + d + "\n"
    r["P101"] = (sign("2024年2月17日"), sign("2024年1月20日"))
    r["P102"] = (sign("2023年12月20日"), sign("2024年1月20日"))
    return r


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)


def main():
    write(os.path.join(ROOT, "sample-2021.txt"), sample("B"))
    write(os.path.join(ROOT, "sample-2019.txt"), sample("A"))
    # the web app's 载入示例: the 2021 sample with two typical mistakes
    demo = rep(rep(sample("B"), "（一）予以公开\t5\t1\t0\t0\t0\t0\t6", "（一）予以公开\t5\t1\t0\t0\t0\t0\t7"),
               "行政强制\t0", "行政强制\t")
    write(os.path.join(ROOT, "..", "..", "..", "..", "assets", "sample.txt"), demo)
    for code, texts in sorted(rules().items()):
        write(os.path.join(ROOT, "rules", code, "fail.txt"), texts[0])
        write(os.path.join(ROOT, "rules", code, "pass.txt"), texts[1])
        if len(texts) == 3:
            # another agency's report checked in the same batch (C114)
            write(os.path.join(ROOT, "rules", code, "fail.peer.txt"), texts[2][1])
            write(os.path.join(ROOT, "rules", code, "pass.peer.txt"), texts[2][2])
        if len(texts) == 4:
            # last year's report for each (Y rules)
            write(os.path.join(ROOT, "rules", code, "fail.previous.txt"), texts[2])
            write(os.path.join(ROOT, "rules", code, "pass.previous.txt"), texts[3])


if __name__ == "__main__":
    main()
