import { describe, expect, test } from "vitest";
import { findReferences } from "../../lib/parser/references";
import { findDeadlines } from "../../lib/parser/deadlines";
import { findTargets } from "../../lib/parser/targets";
import { findResponsibilities, splitParties } from "../../lib/parser/parties";
import { judgeName } from "../../lib/parser/names";
import { parseDocument } from "../../lib/parser";
import { fold } from "../../lib/parser/fold";

const dates = (text: string, issuedAt: string | null = null, documentLevel = false) =>
  findDeadlines(fold(text), 0, { issuedAt, effectiveFrom: null, documentLevel }).map((d) => [d.date, d.kind]);

describe("deadlines: words resolved to dates", () => {
  const TABLE: Array<[string, Array<[string | null, string]>, (string | null)?]> = [
    ["2019年3月底前完成", [["2019-03-31", "due"]]],
    ["到2020年，基本建立体系", [["2020-12-31", "milestone"]]],
    ["2017年底前完成", [["2017-12-31", "due"]]],
    ["2019年上半年完成", [["2019-06-30", "due"]]],
    ["2014年前完成", [["2014-12-31", "due"]]],
    ["2013年3月前完成", [["2013-03-31", "due"]]],
    ["2019年初启动", [["2019-01-01", "due"]]],
    ["本意见自2016年5月1日起施行，有效期至2018年12月31日。", [["2016-05-01", "effective"], ["2018-12-31", "expiry"]]],
    ["本办法自2012年2月1日至2017年1月31日施行。", [["2012-02-01", "effective"], ["2017-01-31", "expiry"]]],
    ["2019年1月1日至12月31日，返还标准提高", [["2019-01-01", "period"], ["2019-12-31", "period"]]],
    ["2020年起，每年2月底前各省份完成考核，3月底前完成分析", [["2020-02-29", "due"], ["2020-03-31", "due"]]],
    ["原则上于2019年6月底前完成；需要回收的，9月底前完成", [["2019-06-30", "due"], ["2019-09-30", "due"]]],
    ["2012年起5年内，实施六大人才行动计划", [["2016-12-31", "due"]]],
    ["在本意见印发之日起30日内出台实施办法", [["2018-12-16", "due"]], "2018-11-16"],
    ["按照“一年破局、两年稳定、三年提升”的进度要求", [[null, "milestone"], [null, "milestone"], [null, "milestone"]]],
    // A period from another thing's publication (an application, a list) has no fixed date: no deadline of this text.
    ["应当自外观设计国际申请公布之日起3个月内提交在先申请文件副本", [], "2023-12-11"],
    ["可以在选民名单公布之日起五日内向选举委员会提出申诉", [], "2021-03-01"],
    // The effective day in Chinese numerals, or without 起.
    ["本办法自一九九三年三月一日起施行。", [["1993-03-01", "effective"]], "1993-01-20"],
    ["本条例自2021年7月1日施行。", [["2021-07-01", "effective"]], "2020-12-30"],
    // A recurring due day: its first occurrence on or after the day the document takes effect; a recurring holiday is none.
    ["应当于每年1月31日前将上一年所制定的法规、规章目录报国务院备案", [["2025-01-31", "due"]], "2024-11-01"],
    ["市人大常委会在每年年底前听取和审议审计查出问题整改情况的报告", [["2022-12-31", "due"]], "2022-03-01"],
    ["每年9月30日为烈士纪念日", [], "2014-08-31"],
    // A date inside a cited title is the title's.
    ["依据《中新广州知识城总体发展规划（2020-2035年）》编制专项规划", [], "2022-01-01"],
    // A licence's term is a rule for each licence, not the document's expiry.
    ["医疗器械经营许可证有效期为5年。", [], "2022-03-10"],
  ];
  for (const [text, expected, issued] of TABLE) test(text, () => expect(dates(text, issued ?? null)).toEqual(expected));

  test("dates as official documents set them (facts issue)", () => {
    const at = (text: string, issuedAt: string | null, effectiveFrom: string | null = null, documentLevel = false) =>
      findDeadlines(fold(text), 0, { issuedAt, effectiveFrom, documentLevel, documentYear: issuedAt ? Number(issuedAt.slice(0, 4)) : null }).map((d) => [d.date, d.kind]);
    const CASES: Array<[string, string | null, string | null, Array<[string | null, string]>]> = [
      // 年年底前, and 初步 is not 初.
      ["2020年年底前全面完成", "2019-01-01", null, [["2020-12-31", "due"]]],
      ["2020年初步建成覆盖全省的体系", "2019-01-01", null, [["2020-12-31", "milestone"]]],
      // A window gives one deadline, its end.
      ["1997年4―6月，开展自查", "1997-03-01", null, [["1997-06-30", "due"]]],
      ["1997年10月――1998年2月，集中整治", "1997-03-01", null, [["1998-02-28", "due"]]],
      // A term of the rules gives its first and last day.
      ["政策期限为2016年至2018年", "2016-03-01", null, [["2016-01-01", "effective"], ["2018-12-31", "expiry"]]],
      // A month without its year takes the document's; 每年 takes the first occurrence from the effective date.
      ["6月底完成，12月取得明显成效", "2022-04-14", null, [["2022-06-30", "due"], ["2022-12-31", "due"]]],
      ["年底前完成全部改造任务", "2022-04-14", null, [["2022-12-31", "due"]]],
      ["应当于每年三月底前向市政府报告", "2020-05-15", "2020-06-15", [["2021-03-31", "due"]]],
      // Effective on issue, and an expiry counted from the effective date.
      ["本办法自颁布之日起施行，有效期2年。", "2021-10-11", "2021-10-11", [["2021-10-11", "effective"], ["2023-10-10", "expiry"]]],
      // A cut-off saying who qualifies is no deadline; a lease's end is a period's end; a reported meeting date is history.
      ["对2018年12月31日之前已完成转制的企业，免征企业所得税", "2019-01-01", null, []],
      ["土地使用权至2047年6月30日止", "2019-01-01", null, [["2047-06-30", "period"]]],
      ["已经2020年4月29日中山市人民政府常务会议通过", "2020-05-15", null, []],
      // A start year in a preamble.
      ["从2019年开始，在全国推行", "2018-12-01", null, [["2019-01-01", "milestone"]]],
    ];
    for (const [text, issued, effective, expected] of CASES) expect(at(text, issued, effective), text).toEqual(expected);
  });

  test("a time after which something holds is no deadline", () => {
    expect(dates("对于2015年后临港地区产生的新增政府债务，分别计入区级债务", "2016-01-01")).toEqual([]);
    expect(dates("2020年以后新建项目一律按新标准执行", "2016-01-01")).toEqual([]);
  });
  test("history, baselines and statistics are not deadlines", () => {
    expect(dates("国务院办公厅已于2017年印发通知予以推广", "2018-12-23")).toEqual([]);
    expect(dates("企业综合成本比2015年下降4%以上")).toEqual([]);
    expect(dates("从2011年的78.4%下降到2016年的69.2%")).toEqual([]);
    expect(dates("2018年11月，党中央、国务院印发《关于学前教育深化改革规范发展的若干意见》", "2019-01-09")).toEqual([]);
  });
});

describe("targets: levels to reach, not rules or history", () => {
  const targets = (text: string, role: "goal" | "task" | "other" = "goal") =>
    findTargets(fold(text), 0, { role, deadline: () => null }).map((t) => [t.value, t.unit]);
  test("quantities to deliver", () => {
    expect(targets("省级技术中心研发投入占销售收入比重达到3%，累计完成技术改造项目600项。")).toEqual([[3, "%"], [600, "项"]]);
    expect(targets("完成50万吨钢铁、276万吨煤炭压减目标。淘汰各类落后产能225万吨。")).toEqual([[50, "万吨"], [276, "万吨"], [225, "万吨"]]);
    expect(targets("到2025年，体育竞赛表演产业总规模达到2万亿元")).toEqual([[2, "万亿元"]]);
    expect(targets("建设1到2个大型的人才培养基地", "task")).toEqual([[1, "个"]]);
  });
  test("rules, own items, slogans and past figures are not targets", () => {
    expect(targets("可返还其上年度实际缴纳失业保险费的50%", "task")).toEqual([]);
    expect(targets("推广的改革举措（共23项）", "task")).toEqual([]);
    expect(targets("对违法行为处10万元以下罚款", "other")).toEqual([]);
    expect(targets("启动实施工业“4322”工程，打造“10里文化圈”", "task")).toEqual([]);
    expect(targets("近年来已建成示范项目300个", "task")).toEqual([]);
    // A case a rule applies to, or a class a count marks out, is no goal.
    expect(targets("违法所得超过1万元的，没收违法所得", "task")).toEqual([]);
    // A share of a class that is to reach something is a target.
    expect(targets("全市90%的重点领域市场主体纳入智慧监管平台", "task")).toEqual([[90, "%"]]);
    expect(targets("培育100家营业收入1亿元以上的企业", "task")).toEqual([[100, "家"]]);
  });
  test("legislation sets rules: its numbers are targets only with a time to reach them", async () => {
    const law = "机动车驾驶证申领规定\n\n第一条 为了规范机动车驾驶证申领，制定本规定。\n第二条 考试里程不少于10公里。\n第三条 到2025年，考场覆盖率达到90%。\n第四条 本规定自2022年4月1日起施行。\n";
    const doc = (await parseDocument(new TextEncoder().encode(law), "law.txt")).doc;
    expect(doc.targets.map((t) => [t.value, t.unit])).toEqual([[90, "%"]]);
  });
});

describe("targets as documents state them (facts issue)", () => {
  const found = (text: string, role: "goal" | "task" | "other" = "task") =>
    findTargets(fold(text), 0, { role, deadline: () => null }).map((t) => [t.comparator, t.value, t.unit, t.verb, t.subject]);
  const CASES: Array<[string, unknown[]]> = [
    ["到2022年，高等职业学校入学率不得低于80%", [["≥", 80, "%", "不得低于", "高等职业学校入学率"]]],
    ["单位能耗降至1%以下", [["≤", 1, "%", "降至", "单位能耗"]]],
    ["资产负债率不超过1.5%", [["≤", 1.5, "%", "不超过", "资产负债率"]]],
    ["企业综合成本比2015年下降4%以上", [["≥", 4, "%", "下降", "企业综合成本"]]],
    ["争取三年内实现贫困村网络全覆盖", [["=", 100, "%", "全覆盖", "贫困村网络"]]],
    // The subject is a whole phrase, not cut at 和.
    ["建设50所高水平高等职业学校和150个骨干专业", [["=", 50, "所", "建设", "高水平高等职业学校"], ["=", 150, "个", "建设", "骨干专业"]]],
    // Past facts, eligibility thresholds and caps in rules are not targets.
    ["全年新增了228个项目", []],
    ["尚有3.5亿元资金尚未落实", []],
    ["基金数额不少于210万元", []],
    ["对投资额不超过50万元的项目给予补助", []],
  ];
  test.each(CASES)("%s", (text, expected) => expect(found(text)).toEqual(expected));
});

describe("responsibilities", () => {
  const rows = (text: string, firstIsLead = false) =>
    findResponsibilities(fold(text), 0, { firstIsLead }, { addressees: [] }).map((r) => [r.party, r.role]);
  test("annotation forms", () => {
    expect(rows("（人力资源社会保障部、财政部负责。列第一位者为牵头单位，下同）")).toEqual([["人力资源社会保障部", "lead"], ["财政部", "support"]]);
    expect(rows("（牵头单位：市发展改革委，配合单位：市委组织部、市人力资源和社会保障局，各区、县级市）")).toEqual([
      ["市发展改革委", "lead"], ["市委组织部", "support"], ["市人力资源和社会保障局", "support"], ["各区、县级市", "support"],
    ]);
    expect(rows("（发展改革委、扶贫办等和各有关省级人民政府负责）")).toEqual([["发展改革委", "responsible"], ["扶贫办", "responsible"], ["各有关省级人民政府", "responsible"]]);
    expect(rows("（国家卫生健康委牵头，财政部、医保局配合）")).toEqual([["国家卫生健康委", "lead"], ["财政部", "support"], ["医保局", "support"]]);
    // Co-leads are leads; the first-is-lead rule names no party of its own.
    expect(rows("（农业农村部、工业和信息化部牵头负责）")).toEqual([["农业农村部", "lead"], ["工业和信息化部", "lead"]]);
    expect(rows("（教育部、财政部负责，列第一位者为牵头单位）")).toEqual([["教育部", "lead"], ["财政部", "support"]]);
    // Every annotation field naming who acts, and only those (适用范围 is none).
    expect(rows("（负责部门：商务部、海关总署、财政部、税务总局，适用范围：全国）")).toEqual([["商务部", "responsible"], ["海关总署", "responsible"], ["财政部", "responsible"], ["税务总局", "responsible"]]);
    expect(rows("（主办：省发展改革委；协办：省财政厅）")).toEqual([["省发展改革委", "lead"], ["省财政厅", "support"]]);
  });
  test("responsibility forms in running text (facts issue)", () => {
    const named = (text: string) => rows(text).filter(([p]) => judgeName(p as string).ok);
    expect(named("由省财政厅负责资金拨付。")).toEqual([["省财政厅", "responsible"]]);
    expect(named("农业农村部会同财政部研究制定补贴政策")).toEqual([["农业农村部", "lead"], ["财政部", "support"]]);
    expect(named("扶贫办已会同有关部门制定实施方案").map(([p]) => p)).toEqual(["扶贫办"]);
    // A modal between the names changes nothing: A应当会同B is A leading, B supporting.
    expect(named("市政务数据主管部门应当会同市审计部门，通过随机抽查等方式进行监督。")).toEqual([["市政务数据主管部门", "lead"], ["市审计部门", "support"]]);
    // A配合B: B is the one helped, with the duty.
    expect(named("省财政厅配合省发展改革委做好资金安排。")).toEqual([["省财政厅", "support"], ["省发展改革委", "responsible"]]);
    // Lists of sectors keep the government and levels they share; a verb inside the list starts it afresh.
    expect(named("县级以上人民政府食品安全监督管理、卫生行政、农业行政等部门有下列行为").map(([p]) => p)).toEqual(["县级以上人民政府食品安全监督管理部门", "县级以上人民政府卫生行政部门", "县级以上人民政府农业行政部门"]);
    expect(named("市、县（市、区）人民政府发展改革、水利等有关部门按照各自职责做好工作。").map(([p]) => p)).toEqual(["市、县(市、区)人民政府发展改革部门", "市、县(市、区)人民政府水利部门"]);
    expect(named("民用航空器所载人员、行李、货物应当接受边防、海关等主管部门的检查。").map(([p]) => p)).toEqual(["边防主管部门", "海关"]);
    expect(named("第二十二条市、有关县（市、区）人民政府发展改革、文化和旅游等部门应当建立信用制度。").map(([p]) => p)).toEqual(expect.arrayContaining(["市、有关县(市、区)人民政府发展改革部门", "市、有关县(市、区)人民政府文化和旅游部门"]));
    expect(named("应当将作业的时间、地点等事项报告港口行政管理部门。")).toEqual([]);
    // A count of levels (两级, 三级) makes the list one collective, named as written.
    expect(named("县、乡两级人民政府应当为农村教师住房提供便利。").map(([p]) => p)).toEqual(["县、乡两级人民政府"]);
    // A body told to act with an adverb before its verb (继续支持, 进一步…, 重点做好) is told to act.
    expect(named("浦东新区政府继续支持临港地区开发建设。").map(([p]) => p)).toEqual(["浦东新区政府"]);
    expect(named("市、区两级政府进一步向临港地区简政放权。").map(([p]) => p)).toEqual(["市、区两级政府"]);
    // Towns named for themselves act as their governments do; a kind of town (城镇, 中心镇) is no one.
    expect(named("南汇新城镇、万祥镇和书院镇重点做好社会管理等工作。").map(([p]) => p)).toEqual(["南汇新城镇", "万祥镇", "书院镇"]);
    expect(named("中心镇要做好规划。")).toEqual([]);
    for (const kind of ["美丽城镇", "农村集镇", "工业强镇", "周边乡镇", "示范镇", "每个镇"]) expect(judgeName(kind).ok, kind).toBe(false);
    expect(judgeName("泥城镇").ok).toBe(true);
    // 由A监管的公司 describes a thing by who oversees it; 由A负责…的部门 is A's department at work.
    expect(named("由地方金融监管部门监管的小额贷款公司，不适用本解释。")).toEqual([]);
    expect(named("下列案件，由人民检察院负责案件管理的部门统一受理。").length).toBeGreaterThan(0);
    // A body named by the work it does (协调小组办公室) keeps its verb; the members of a named body are a definite set.
    expect(named("领导小组办公室协调省政府督查室做好工作。").map(([p]) => p)).toEqual(["领导小组办公室", "省政府督查室"]);
    expect(named("协调小组成员单位要按照职责分工，2018年底前提出工作方案。")).toEqual([["协调小组成员单位", "responsible"]]);
    expect(named("协调小组办公室要做好日常工作。")).toEqual([["协调小组办公室", "responsible"]]);
    // A为牵头单位 in running text: A leads, the other members listed support (GUIDE).
    const unique = (rows: unknown[][]) => [...new Set(rows.map((r) => r.join(":")))];
    expect(unique(named("联席会议由发展改革委、中央网信办、财政部组成，发展改革委为牵头单位。"))).toEqual(["发展改革委:lead", "中央网信办:support", "财政部:support"]);
    expect(unique(named("市发展改革委为牵头单位，市财政局、市商务局为成员单位。"))).toEqual(["市发展改革委:lead", "市财政局:support", "市商务局:support"]);
    expect(unique(named("联席会议由市发展改革委牵头，市财政局、市商务局参加。"))).toEqual(["市发展改革委:lead", "市财政局:support", "市商务局:support"]);
    // Only the members listed with the lead: a body given other work in the sentence keeps its role.
    expect(named("由市财政局负责资金保障，市发展改革委为牵头单位。")).toEqual([["市财政局", "responsible"], ["市发展改革委", "lead"]]);
    // 应当有A参加: A takes part (有 is no word of its name).
    expect(named("工程设施竣工验收时，应当有水行政主管部门参加。")).toEqual([["水行政主管部门", "support"]]);
    // Where a person is taken (带至公安机关) is a place, not who acts.
    expect(named("发现具有法定情形而将其带至公安机关继续进行盘问。")).toEqual([]);
    // The channel or the recipient of an act is not who acts; a kind of government (数字政府) is no body.
    expect(named("市政务数据主管部门应当通过中山市政务大数据中心对全市政务数据进行整合。").map(([p]) => p)).toEqual(["市政务数据主管部门"]);
    expect(named("政务部门向中山市政务大数据中心提供的政务信息，应当经过保密审查。")).toEqual([]);
    expect(named("加快建设数字政府，提升治理能力。")).toEqual([]);
    // 商 inside a name (商业, 商务) is no verb between two names.
    expect(named("由国务院商业保险监督管理部门负责实施。")).toEqual([["国务院商业保险监督管理部门", "responsible"]]);
    // 由A自…之日起: the name ends before the time it acts from.
    expect(named("由市政务数据主管部门自政务部门逾期答复之日起五个工作日内径行提供政务数据。")).toEqual([["市政务数据主管部门", "responsible"]]);
    expect(named("省发展改革委牵头，省财政厅参与，制定实施细则")).toEqual([["省发展改革委", "lead"], ["省财政厅", "support"]]);
    expect(named("请各省级人民政府于2019年3月底前报送方案")).toEqual([["各省级人民政府", "responsible"]]);
    expect(named("国家发展改革委指导，各省级人民政府负责落实")).toEqual([["国家发展改革委", "supervise"], ["各省级人民政府", "responsible"]]);
    expect(named("各地区、各部门要于2019年3月底前制定具体实施方案")).toEqual([["各地区", "responsible"], ["各部门", "responsible"]]);
    expect(named("国家融资担保基金要加强对省级再担保机构的业务指导").map(([p]) => p)).toContain("国家融资担保基金");
    // Not parties: background, the approving authority, persons, what a body is exhorted to.
    expect(named("日本政府遗弃在华化学武器的处理工作")).toEqual([]);
    expect(named("经国务院同意，现将有关事项通知如下")).toEqual([]);
    expect(named("国务院副秘书长牵头的协调机制")).toEqual([]);
    expect(named("各地区要高度重视，认真贯彻执行")).toEqual([]);
  });
  test("parties named in running text", () => {
    expect(rows("请科技部、工业和信息化部等部门在2019年2月底前完成")).toEqual([["科技部", "responsible"], ["工业和信息化部", "responsible"]]);
    expect(rows("对西宁特钢、西矿集团、盐湖集团等企业，通过并购重组")).toEqual([["西宁特钢", "subject"], ["西矿集团", "subject"], ["盐湖集团", "subject"]]);
    expect(rows("领导小组办公室协调省政府督查室，不定期开展督促检查")).toEqual([["领导小组办公室", "lead"], ["省政府督查室", "coordinate"]]);
    expect(rows("县级以上地方各级人民政府应当安排中小企业发展专项资金")).toEqual([["县级以上地方各级人民政府", "responsible"]]);
  });
  // A sector word in a list takes the list's body word (财政、教育等部门 → 财政部门): the name as written there.
  test("bodies laws name by their duty, and long sector lists", () => {
    expect(rows("省、自治区、直辖市人民政府管理专利工作的部门负责本行政区域内的专利代理管理工作")).toEqual([["省、自治区、直辖市人民政府管理专利工作的部门", "responsible"]]);
    expect(rows("国务院负责中小企业促进工作综合管理的部门组织实施国家中小企业政策")).toEqual([["国务院负责中小企业促进工作综合管理的部门", "responsible"]]);
    expect(rows("县级以上地方各级人民政府有关部门应当在各自职责范围内")).toEqual([["县级以上地方各级人民政府有关部门", "responsible"]]);
    expect(rows("发展改革、教育、人力资源和社会保障、城市管理等部门按照职责分工，做好各自领域的工作")).toEqual([
      ["发展改革部门", "responsible"], ["教育部门", "responsible"], ["人力资源和社会保障部门", "responsible"], ["城市管理部门", "responsible"],
    ]);
  });
  test("a body told to oversee supervises; one that accepts oversight does not", () => {
    expect(rows("国务院办公厅要加强督促检查，确保政令畅通")).toEqual([["国务院办公厅", "supervise"]]);
    expect(rows("国务院专利行政部门依法对专利代理行业组织进行监督、指导")).toContainEqual(["国务院专利行政部门", "supervise"]);
    expect(rows("国务院要自觉接受全国人大及其常委会的监督")).not.toContainEqual(["国务院", "supervise"]);
  });
  test("times, submissions and signatures are not part of a name", () => {
    expect(rows("3月底前国家卫生健康委完成国家监测指标分析工作")).toEqual([["国家卫生健康委", "responsible"]]);
    expect(rows("各地区、各部门报送国务院审批的公文，由国务院办公厅按照分工呈批").map(([p]) => p)).not.toContain("送国务院");
    expect(rows("由市建设行政主管部门报省建设行政主管部门评审")).toContainEqual(["市建设行政主管部门", "responsible"]);
    expect(rows("由市建设行政主管部门报省建设行政主管部门评审").map(([p]) => p)).not.toContain("市建设行政主管部门报省建设行政主管部门");
  });
  test("annotation rules are no parties; a listed generic counts; 请A会同B: A leads", () => {
    expect(rows("（税务总局、财政部、海关总署负责，排在第一位的部门为牵头部门，下同）")).toEqual([["税务总局", "lead"], ["财政部", "support"], ["海关总署", "support"]]);
    expect(rows("（海关总署、商务部等有关部门负责）")).toEqual([["海关总署", "responsible"], ["商务部", "responsible"], ["有关部门", "responsible"]]);
    expect(rows("请人力资源社会保障部会同有关部门制定出台具体操作办法")).toEqual([["人力资源社会保障部", "lead"]]);
  });
  test("levels sharing a suffix are each a party; 及其有关部门 and 等有关公共机构 before the verb", () => {
    expect(rows("市、区人民政府应当加强对数字经济促进工作的领导")).toEqual([["市人民政府", "responsible"], ["区人民政府", "responsible"]]);
    expect(rows("市、区人民政府及其有关部门应当支持数字产业基础研究")).toEqual([["市人民政府", "responsible"], ["区人民政府", "responsible"]]);
    expect(rows("市经济和信息化部门、区人民政府等有关公共机构应当按照需求导向")).toEqual([["市经济和信息化部门", "responsible"], ["区人民政府", "responsible"]]);
    expect(rows("各省、自治区、直辖市人民政府要加强组织领导")).toEqual([["各省、自治区、直辖市人民政府", "responsible"]]);
  });
  test("sector lists without 等; acting with 印发/推行; a document's source and a quoted name are not parties", () => {
    expect(rows("财政、发展改革、教育、医保、组织部门研究建立绩效考核结果应用机制").map(([p]) => p)).toEqual(["财政部门", "发展改革部门", "教育部门", "医保部门", "组织部门"]);
    expect(rows("三十四、各地区、各部门要认真落实国务院年度工作安排")).toEqual([]);
    expect(rows("国家中医药局印发全国统一的中医病证分类与代码")).toEqual([["国家中医药局", "responsible"]]);
    expect(rows("要按照《中共中央办公厅 国务院办公厅印发〈关于进一步完善中央财政科研项目资金管理等政策的若干意见〉》")).toEqual([]);
    expect(rows("探索利用“中国广州发布”平台及网络论坛")).toEqual([]);
  });
  test("kinds of body at no level, and verbs or places glued to a suffix, are not names", () => {
    expect(rows("项目管理部门要加强对科研项目的管理")).toEqual([]);
    expect(rows("应当由教育行政部门办成公办园").map(([p]) => p)).not.toContain("教育行政部门办");
    expect(rows("优化文物及文化艺术品从境外入区监管模式")).toEqual([]);
    expect(rows("简化综合保税区设立、整合的审核和验收程序").map(([p]) => p)).not.toContain("简化综合保税区");
  });
  test("a place acting in a clause is the party, not the clause", () => {
    const about = (text: string, title: string) => findResponsibilities(fold(text), 0, { firstIsLead: false }, { addressees: [], title }).map((r) => [r.party, r.role]);
    // The place the document is about (named in its title) counts; a common noun such as 贫困地区 does not.
    expect(about("支持临港地区创建国家级制造业创新中心", "关于支持临港地区新一轮发展的若干意见")).toEqual([["临港地区", "subject"]]);
    expect(about("支持贫困地区打造特色产品品牌", "关于深入开展消费扶贫的指导意见")).toEqual([]);
    expect(rows("支持临港地区创建国家级制造业创新中心").map(([p]) => p)).not.toContain("临港地区创建国家级制造业创新中心");
    expect(rows("支持国内外高水平大学到临港地区设立分支机构").map(([p]) => p)).not.toContain("国内外高水平大学到临港地区");
  });
  test("国家 with a policy verb, and a government 定期组织, are not names", () => {
    expect(rows("国家鼓励中小企业按照市场需求，推进技术创新")).toEqual([]);
    expect(rows("县级以上人民政府定期组织对中小企业促进工作情况的监督检查")).toEqual([["县级以上人民政府", "supervise"]]);
  });
  test("the body a submission goes to, when it reviews, is responsible", () => {
    expect(rows("由市建设行政主管部门报省建设行政主管部门评审")).toEqual([["市建设行政主管部门", "responsible"], ["省建设行政主管部门", "responsible"]]);
  });
  test("a name stops before 区级 and drops the verbs before it", () => {
    expect(rows("浦东新区、奉贤区对临港税收区级所得部分全部留给临港地区").map(([p]) => p)).not.toContain("临港税收区");
    expect(rows("统筹考虑临港地区对外交通需要").map(([p]) => p)).not.toContain("考虑临港地区");
  });
  test("sources of authority and generic words are not parties", () => {
    expect(rows("为全面贯彻落实党中央、国务院关于供给侧结构性改革精神")).toEqual([]);
    expect(rows("认真贯彻落实人行西宁中心支行、省金融办等九部门《关于金融支持企业的意见》")).toEqual([]);
    expect(rows("各地区、各有关部门要加强组织领导")).toEqual([]);
  });
  test("lists split into units, collectives kept whole", () => {
    expect(splitParties("工业和信息化部、发展改革委、科技部、农业农村部等")).toEqual(["工业和信息化部", "发展改革委", "科技部", "农业农村部"]);
    expect(splitParties("各省、自治区、直辖市人民政府")).toEqual(["各省、自治区、直辖市人民政府"]);
  });
});

describe("metadata of laws and orders without a 落款", () => {
  const meta = async (text: string) => {
    const { doc } = await parseDocument(new TextEncoder().encode(text), "law.txt");
    return { issuer: doc.issuer, docNumber: doc.docNumber, issuedAt: doc.issuedAt, effectiveFrom: doc.effectiveFrom };
  };
  test("an order is issued by the body whose order it is", async () => {
    expect(await meta("专利代理条例\n中华人民共和国国务院令\n第706号\n《专利代理条例》已经2018年9月6日国务院第23次常务会议修订通过，现将修订后的《专利代理条例》公布，自2019年3月1日起施行。\n总理　李克强\n2018年11月6日\n专利代理条例\n第一章　总则\n第一条　为了规范专利代理行为，制定本条例。\n第二条　本条例自2019年3月1日起施行。\n")).toEqual({
      issuer: "国务院", docNumber: "中华人民共和国国务院令第706号", issuedAt: "2018-11-06", effectiveFrom: "2019-03-01",
    });
  });
  test("a rule printed under its own title, then the notice issuing it: the notice's 文号, addressees and 落款 date the rule", async () => {
    const text = "某某单位贯彻《国务院关于职工工作时间的规定》的实施办法\n关于印发《某某单位贯彻<国务院关于职工工作时间的规定>的实施办法》的通知\n人薪发［1995］32号\n各省、自治区、直辖市人事厅（局）：\n我部制定了实施办法，现印发给你们，请遵照执行。\n中华人民共和国人事部\n一九九五年三月二十六日\n第一条 为了规范工作时间，制定本办法。\n第二条 有困难的事业单位，可以适当推迟，但最迟应当自1996年1月1日起施行。\n第三条 本办法自1995年5月1日起施行。\n";
    const { doc } = await parseDocument(new TextEncoder().encode(text), "rule.txt");
    expect({ issuer: doc.issuer, docNumber: doc.docNumber, issuedAt: doc.issuedAt, effectiveFrom: doc.effectiveFrom, addressees: doc.addressees }).toEqual({
      issuer: "中华人民共和国人事部", docNumber: "人薪发［1995］32号", issuedAt: "1995-03-26", effectiveFrom: "1995-05-01", addressees: ["各省、自治区、直辖市人事厅（局）"],
    });
  });
  test("notes run together with 根据 are two notes: the later order is the 文号", async () => {
    const m = await meta("某某登记管理办法\n（2005年1月1日国家工商行政管理总局令第10号公布 根据2020年10月23日国家市场监督管理总局令第31号修订）\n第一条 为了规范登记，制定本办法。\n第二条 本办法自2005年3月1日起施行。\n");
    expect(m.docNumber).toBe("国家市场监督管理总局令第31号");
    expect(m.issuer).toBe("国家市场监督管理总局");
  });
  test("a regulation's notes name the order that published it, its issuer and the day it takes effect", async () => {
    const m = await meta("某某监督管理条例\n2020年12月9日 国务院第117次常务会议通过\n2021年1月15日 中华人民共和国国务院令第735号公布\n2021年5月1日 施行\n第一条 为了加强监督管理，制定本条例。\n第二条 县级以上人民政府应当加强领导。\n");
    expect(m).toEqual({ issuer: "国务院", docNumber: "中华人民共和国国务院令第735号", issuedAt: "2021-01-15", effectiveFrom: "2021-05-01" });
    const joint = await meta("某某进口管理办法\n2003年8月18日 食品药品监管局、海关总署第4号令公布\n第一条 为了加强管理，制定本办法。\n第二条 本办法自2004年1月1日起施行。\n");
    expect(joint).toEqual({ issuer: "食品药品监管局、海关总署", docNumber: "食品药品监管局、海关总署第4号令", issuedAt: "2003-08-18", effectiveFrom: "2004-01-01" });
    // Issued by the body that a note says adopted it, when no order is named.
    expect((await meta("某某规则\n2019年12月2日 最高人民检察院第十三届检察委员会第二十八次会议通过\n第一条 为了规范办案，制定本规则。\n")).issuer).toBe("最高人民检察院");
  });
  test("本办法自…起施行 dates the text; 基本… or a rule's own start does not; joint interpreters", async () => {
    const m = await meta("某某办法\n第一条 为了规范管理，制定本办法。\n第二条 基本医疗保险制度自2020年1月1日起施行。\n第三条 本办法自2019年5月1日起施行。\n第四条 本办法由市财政局、市人力资源社会保障局共同负责解释。\n");
    expect(m.effectiveFrom).toBe("2019-05-01");
    const { doc } = await parseDocument(new TextEncoder().encode("某某办法\n第一条 为了规范管理，制定本办法。\n第二条 本办法由市财政局、市人力资源社会保障局共同负责解释。\n"), "rule.txt");
    expect(doc.interpreter).toBe("市财政局、市人力资源社会保障局");
  });
  test("the title printed again over lines (issuers set apart by spaces), then the 文号 of an interpretation", async () => {
    const m = await meta("最高人民法院、最高人民检察院关于办理某某刑事案件适用法律若干问题的解释\n2023年8月15日 施行\n最高人民法院 最高人民检察院\n关于办理某某刑事案件适用法律\n若干问题的解释\n法释〔2023〕7号\n为依法惩治犯罪，制定本解释。\n第一条 实施下列行为的，应当认定为严重情节。\n");
    expect(m).toEqual({ issuer: "最高人民法院、最高人民检察院", docNumber: "法释〔2023〕7号", issuedAt: null, effectiveFrom: "2023-08-15" });
  });
  test("a city's regulation is published once the province approves it; an autonomous county's congress is its issuer", async () => {
    const m = await meta("某市烟花爆竹燃放管理条例\n2019年12月26日 某市第十九届人民代表大会常务委员会第二十四次会议通过\n2020年1月15日 某省第十三届人民代表大会常务委员会第十六次会议批准\n第一条 为了加强管理，制定本条例。\n第二条 本条例自公布之日起施行。\n");
    expect(m.effectiveFrom).toBe("2020-01-15");
    expect((await meta("某某保护条例\n2013年11月13日 彭水苗族土家族自治县第十六届人民代表大会第四次会议通过\n2013年11月30日 重庆市第四届人民代表大会常务委员会第六次会议批准）\n第一条 为了保护资源，制定本条例。\n")).issuer).toBe("彭水苗族土家族自治县人民代表大会");
  });
  test("a note wrapped over three lines is one note: the text is issued on the last revision's day", async () => {
    const m = await meta("某某组织法\n2004年10月27日 第十届全国人民代表大会常务委员会第十二次会议《关于修改〈某某组织法〉的决定》第四次修正\n2015年8月29日 第十二届全国人民代表大会常务委员会第十六次会议《关于修改〈某某组织法〉\n〈某某选举法〉\n〈某某代表法〉的决定》第五次修正\n2022年3月11日 第十三届全国人民代表大会第五次会议《关于修改〈某某组织法〉的决定》第六次修正\n第一章 总则\n第一条 为了规范组织，制定本法。\n");
    expect(m.issuedAt).toBe("2022-03-11");
  });
  test("a law is issued on the last date its notes say it was passed or revised", async () => {
    const m = await meta("中华人民共和国中小企业促进法\n\n2002年6月29日 第九届全国人民代表大会常务委员会第二十八次会议通过\n\n2017年9月1日 第十二届全国人民代表大会常务委员会第二十九次会议修订\n\n第一章 总则\n第一条 为了改善中小企业经营环境，制定本法。\n第二条 本法自2018年1月1日起施行。\n");
    expect(m.issuer).toBe("全国人民代表大会常务委员会");
    expect(m.issuedAt).toBe("2017-09-01");
  });
  test("自发布之日起施行 takes the day the notes say the text was published, not a later revision's", async () => {
    const doc = async (text: string) => (await parseDocument(new TextEncoder().encode(text), "doc.txt")).doc;
    const revised = await doc("建设工程质量管理条例\n\n2000年1月30日 中华人民共和国国务院令第279号发布\n\n2017年10月7日 《国务院关于修改部分行政法规的决定》第一次修订\n\n第一条 为了加强对建设工程质量的管理，制定本条例。\n第二条 本条例自发布之日起施行。\n");
    expect(revised.issuedAt).toBe("2017-10-07");
    expect(revised.effectiveFrom).toBe("2000-01-30");
    expect(revised.deadlines.map((d) => d.date)).toEqual(["2000-01-30"]);
    // Adopted with no publication noted: a law is published the day it is adopted.
    const adopted = await doc("中华人民共和国中国人民银行法\n\n（1995年3月18日第八届全国人民代表大会第三次会议通过　根据2003年12月27日第十届全国人民代表大会常务委员会第六次会议《关于修改〈中华人民共和国中国人民银行法〉的决定》修正）\n\n第一条 为了确立中国人民银行的地位，制定本法。\n第二条 本法自公布之日起施行。\n");
    expect(adopted.effectiveFrom).toBe("1995-03-18");
  });
  test("the books of a long law (第一编) hold its chapters; notes around a repeated title still date it", async () => {
    const law = "中华人民共和国民事诉讼法\n1991年4月9日 第七届全国人民代表大会第四次会议通过\n2015年8月29日 第十二届全国人民代表大会常务委员会第十六次会议《关于修改〈中华人民共和国地方各级人民代表大会和地方各级人民政府组织法〉、〈中华人民共和国全国人民代表大会和地方各级人民代表大会选举法〉和〈中华人民共和国全国人民代表大会和地方各级人民代表大会代表法〉的决定》第三次修正\n中华人民共和国 民事诉讼法\n第一编 总 则\n第一章 任务\n第一条 为了保护当事人行使诉讼权利，制定本法。\n第二编 审判程序\n第一章 普通程序\n第二条 本法自公布之日起施行。\n";
    const { doc } = await parseDocument(new TextEncoder().encode(law), "law.txt");
    expect(doc.issuedAt).toBe("2015-08-29");
    expect(doc.effectiveFrom).toBe("1991-04-09");
    const second = doc.provisions.find((p) => p.text?.startsWith("第二条"))!;
    expect(second.citation).toBe("第二编第一章第二条");
    expect(doc.provisions.some((p) => p.label === null && p.text?.includes("通过"))).toBe(false);
  });
  test("the head of a law: a code's part name, a note wrapped over two lines, articles past one thousand", async () => {
    const parse = async (text: string) => (await parseDocument(new TextEncoder().encode(text), "law.txt")).doc;
    const code = await parse("中华人民共和国民法典\n附则\n2020年5月28日 第十三届全国人民代表大会第三次会议通过\n2021年1月1日 施行\n第一千二百五十九条 民法所称的“以上”包括本数。\n第一千二百六十条 本法自2021年1月1日起施行。\n");
    expect(code.issuedAt).toBe("2020-05-28");
    expect(code.provisions.map((p) => p.citation)).toEqual(["第一千二百五十九条", "第一千二百六十条"]);
    const wrapped = await parse("中华人民共和国外商投资法\n（2019年3月15日 第十三届全国人民代表大会第二次\n会议通过）\n第一条 为了进一步扩大对外开放，制定本法。\n第二条 本法自2020年1月1日起施行。\n");
    expect(wrapped.issuedAt).toBe("2019-03-15");
    expect(wrapped.provisions.every((p) => p.label !== null)).toBe(true);
    const interpretation = await parse("最高人民法院关于审理侵害植物新品种权纠纷案件具体应用法律问题的若干规定（二）\n2021年6月29日 最高人民法院审判委员会第1843次会议通过\n为正确审理侵害植物新品种权纠纷案件，制定本规定。\n第一条 植物新品种权所有人可以提起诉讼。\n");
    expect(interpretation.title).toBe("最高人民法院关于审理侵害植物新品种权纠纷案件具体应用法律问题的若干规定（二）");
    expect(interpretation.issuedAt).toBe("2021-06-29");
  });
  test("一、 under an article is an item (第六条第一项); 附件1：title after the list is that attachment", async () => {
    const text = "交通警察执勤规范\n第一条 为了规范执勤，制定本规范。\n第二条 执勤应当遵守下列规定：\n一、按规定着装；\n二、佩戴装备。\n第三条 本规范自2009年1月1日起实施。\n附件：1、查处酒后驾驶操作规程\n2、查处超速行驶操作规程\n附件1：查处酒后驾驶操作规程\n一、应当配备酒精检测仪。\n附件2：查处超速行驶操作规程\n一、应当使用测速仪。\n";
    const { doc } = await parseDocument(new TextEncoder().encode(text), "rules.txt");
    expect(doc.provisions.map((p) => p.citation)).toContain("第二条第一项");
    const attachments = doc.provisions.filter((p) => p.parent === null && p.label?.startsWith("附件"));
    expect(attachments.map((p) => [p.label, p.heading])).toEqual([["附件1", "查处酒后驾驶操作规程"], ["附件2", "查处超速行驶操作规程"]]);
  });
  test("a licence's term is not the document's: only 本法/本方案…有效期 ends the document", async () => {
    const until = async (text: string) => (await parseDocument(new TextEncoder().encode(text), "doc.txt")).doc.effectiveUntil;
    expect(await until("中华人民共和国种畜禽法\n\n2015年4月24日 第十二届全国人民代表大会常务委员会第十四次会议修正\n\n第一条　为了规范种畜禽生产经营，制定本法。\n第二条　从事种畜禽生产经营的单位和个人，应当取得种畜禽生产经营许可证。\n种畜禽生产经营许可证样式由国务院畜牧兽医行政主管部门制定，许可证有效期为三年。\n第三条　本法自2006年7月1日起施行。\n")).toBeNull();
    expect(await until("示范市种畜禽工作方案\n一、主要任务\n（一）规范种畜禽生产经营。\n本方案自2016年5月1日起施行，有效期3年。\n")).toBe("2019-04-30");
  });
});

describe("references to other documents", () => {
  // The parser passes folded text (full-width brackets as ASCII) and the source it comes from.
  const numbers = (text: string) => findReferences(fold(text), text, 0, null).map((r) => [r.docNumber, text.slice(r.start, r.end)]);

  test("a 文号 in running text starts at the issuer's abbreviation, not at the words leading to it", () => {
    expect(numbers("按照示发〔2018〕1号文件执行")).toEqual([["示发〔2018〕1号", "示发〔2018〕1号"]]);
    expect(numbers("根据国发〔2016〕12号和青政〔2017〕42号精神")).toEqual([
      ["国发〔2016〕12号", "国发〔2016〕12号"],
      ["青政〔2017〕42号", "青政〔2017〕42号"],
    ]);
    // Abbreviations are kept whole.
    expect(numbers("省经信委发〔2017〕3号、国办函[2018]71号")).toEqual([
      ["省经信委发〔2017〕3号", "省经信委发〔2017〕3号"],
      ["国办函[2018]71号", "国办函[2018]71号"],
    ]);
  });

  test("a cited title keeps the 文号 that follows it", () => {
    const text = "根据《国务院关于深化改革的意见》（国发〔2016〕12号），制定本办法";
    expect(findReferences(fold(text), text, 0, null).map((r) => [r.title, r.docNumber])).toEqual([["国务院关于深化改革的意见", "国发〔2016〕12号"]]);
  });
});

describe("links to attachments", () => {
  test("a provision that sends the reader to an attachment is linked to it; the attachment list is not one", async () => {
    const text = "关于印发考评办法的通知\n一、考评内容\n考评指标详见附件2。\n二、考评程序\n按附件1的格式报送。公司的附件不算。\n附件：1.考评表\n2.考评指标\n某市人民政府\n2022年6月1日\n附件1\n考评表\n一、基本情况\n附件2\n考评指标\n一、政务服务\n";
    const { doc } = await parseDocument(new TextEncoder().encode(text), "notice.txt");
    const attachments = doc.provisions.filter((p) => p.id.startsWith("att") && !p.parent);
    expect(attachments.map((a) => a.label)).toEqual(["附件1", "附件2"]);
    const references = doc.links.filter((l) => l.kind === "reference").map((l) => `${l.from}→${l.to}`);
    expect(references).toEqual(["p1→att2", "p2→att1"]);
  });
  test("a provision that names an attachment by its title's last words is linked to it; 指标体系 is not the list", async () => {
    const text = "关于印发考评办法的通知\n一、考评方式\n由牵头单位明确考评指标大项中各小项分值。\n二、考评要求\n不断完善考评指标体系。\n附件：某市数字政府建设考评指标\n某市人民政府\n2022年6月1日\n附件\n某市数字政府建设考评指标\n一、政务服务\n";
    const { doc } = await parseDocument(new TextEncoder().encode(text), "notice.txt");
    expect(doc.links.filter((l) => l.kind === "reference").map((l) => `${l.from}→${l.to}`)).toEqual(["p1→att1"]);
  });
});

describe("links a writer states by naming", () => {
  test("a measure naming what a task heading, or its part's heading, is about supports that task or part", async () => {
    const text = ["关于做好促进就业工作的意见", "一、鼓励支持就业创业", "（一）加大创业担保贷款贴息力度。提高贷款额度，降低贷款门槛。", "（二）支持困难企业开展职工在岗培训。组织职工参加在岗培训。", "二、开展下岗失业人员帮扶", "（三）实行失业登记。为失业人员提供登记服务。", "三、保障措施", "（四）落实地方政府主体责任。地方各级政府要加大对困难企业的帮扶。", "（五）切实抓好政策服务。优化就业创业服务，确保政策落地。"].join("\n");
    const { doc } = await parseDocument(new TextEncoder().encode(text), "opinion.txt");
    const label = new Map(doc.provisions.map((p) => [p.id, p.label]));
    expect(doc.links.map((l) => [label.get(l.from), label.get(l.to), l.why])).toEqual([
      ["（二）", "（四）", "任务标题“困难企业”"],
      ["一、", "（五）", "任务标题“就业创业”"],
    ]);
  });
  test("two units naming the same quoted programme are linked; 各项目 points at the parts listing projects", async () => {
    const text = [
      "关于实施人才集聚工程的意见",
      "一、总体目标",
      "1.到2020年，把本市建设成为“国际人才港”。",
      "二、实施人才行动计划",
      "（一）产业人才行动计划。",
      "2.紧缺人才开发项目。引进紧缺人才。",
      "3.企业家培养项目。培养企业家。",
      "三、强化组织实施",
      "4.加强组织领导。各项目牵头单位对项目组织实施负总责。",
      "5.营造良好环境。打造“国际人才港”品牌。",
    ].join("\n");
    const { doc } = await parseDocument(new TextEncoder().encode(text), "opinion.txt");
    const byId = new Map(doc.provisions.map((p) => [p.id, p.label]));
    const links = doc.links.map((l) => `${byId.get(l.from)}→${byId.get(l.to)} ${l.why}`);
    expect(links).toEqual(expect.arrayContaining([expect.stringMatching(/^4\.→二、 各项目/), expect.stringMatching(/^1\.→5\. 共同提法“国际人才港”/)]));
  });
});

describe("links a writer states by naming parts", () => {
  const linksOf = async (lines: string[]) => {
    const { doc } = await parseDocument(new TextEncoder().encode(lines.join("\n")), "plan.txt");
    const byId = new Map(doc.provisions.map((p) => [p.id, `${p.label ?? ""}${p.heading ?? ""}`]));
    return doc.links.filter((l) => l.method === "explicit").map((l) => `${byId.get(l.from)} → ${byId.get(l.to)}`);
  };
  test("本方案确定的原则目标和工作进度 and a part's own heading (试点任务) point at those parts", async () => {
    const links = await linksOf([
      "试点工作方案",
      "一、总体要求",
      "（一）基本原则。统筹规划。",
      "（二）工作目标。年底前完成集约化工作。",
      "二、试点任务",
      "（一）建设集约化平台。建设统一平台。",
      "三、工作进度",
      "（一）组织开展试点。确保完成试点任务。",
      "四、保障措施",
      "（一）加强组织领导。按照本方案确定的原则目标和工作进度，精心组织实施。",
    ]);
    expect(links).toEqual(expect.arrayContaining(["（一）组织开展试点 → 二、试点任务", "（一）加强组织领导 → （一）基本原则", "（一）加强组织领导 → （二）工作目标", "（一）加强组织领导 → 三、工作进度"]));
  });
  test("a provision listing other items' headings (摸底排查、全面整改等各项任务) names those items", async () => {
    const links = await linksOf([
      "关于开展治理工作的通知",
      "一、工作任务",
      "1.摸底排查。各地要全面摸底。",
      "2.全面整改。限期整改到位。",
      "二、组织实施",
      "1.加强组织领导。切实把摸底排查、全面整改等各项任务落到实处。",
    ]);
    expect(links).toEqual(expect.arrayContaining(["1.加强组织领导 → 1.摸底排查", "1.加强组织领导 → 2.全面整改"]));
  });
  test("items of one part are not linked by the words they share; items of different parts are", async () => {
    const inferred = async (lines: string[]) => {
      const { doc } = await parseDocument(new TextEncoder().encode(["关于促进创业就业的意见", ...lines].join("\n")), "opinion.txt");
      const byId = new Map(doc.provisions.map((p) => [p.id, p.label]));
      return doc.links.filter((l) => l.method === "inferred").map((l) => `${byId.get(l.from)}→${byId.get(l.to)}`);
    };
    const task = "（一）支持自主创业。对失业人员自主创业给予创业担保贷款贴息。";
    const measure = "（二）强化资金保障。创业担保贷款贴息资金列入财政预算。";
    const rest = ["（四）促进农民工就业。引导农民工返乡就业。", "（五）加强宣传引导。做好政策解读和舆论宣传。", "（六）强化督促检查。开展督查评估。"];
    const training = "（三）发展职业培训。开展技能培训，提升就业能力。";
    expect(await inferred(["一、支持创业", task, measure, training, "二、促进就业", ...rest])).toEqual([]);
    expect(await inferred(["一、支持创业", task, training, "二、促进就业", measure, ...rest])).toEqual(["（一）→（二）"]);
  });
  test("a measure to carry out the document as a whole (抓好本实施意见的贯彻落实) serves every task part", async () => {
    const links = await linksOf(["关于推进法治建设的实施意见", "一、总体要求", "1.指导思想。坚持依法治国。", "二、完善决策机制", "2.健全决策程序。完善听证制度。", "三、发展基层民主", "3.完善自治制度。推进直选。", "四、强化工作保障", "4.加强组织领导。各级各部门要认真抓好本实施意见的贯彻落实。"]);
    expect(links).toEqual(expect.arrayContaining(["4.加强组织领导 → 二、完善决策机制", "4.加强组织领导 → 三、发展基层民主"]));
  });
  test("bare 重点任务 (perhaps another plan's) links nowhere when no part is named for tasks", async () => {
    const links = await linksOf(["考评办法", "一、考评内容", "（一）数字政府建设。推进政务服务。", "二、保障措施", "（一）统筹推进。全力推动重点任务按时完成。"]);
    expect(links).toEqual([]);
  });
  test("a summary grouped like its attachment, or counting its parts, is linked to it", async () => {
    const links = await linksOf([
      "关于推广改革举措的通知",
      "一、推广的改革举措",
      "（一）知识产权保护方面2项：专利保险；快速审判。",
      "（二）科技金融创新方面1项：科技创新专板。",
      "（三）管理体制创新方面1项：容错机制。",
      "二、认真抓好组织实施",
      "（一）计算3个方面分值的平均分值。",
      "附件：推广清单",
      "国务院办公厅",
      "2018年12月23日",
      "附件",
      "推广清单",
      "一、知识产权保护方面（共2项）（40分）",
      "二、科技金融创新方面（共1项）（30分）",
      "三、管理体制创新方面（共1项）（30分）",
    ]);
    expect(links).toEqual(expect.arrayContaining([expect.stringMatching(/^一、推广的改革举措 → 附件/), expect.stringMatching(/^（一）计算3个方面.* → 附件/)]));
  });
});

describe("facts the parser is unsure of become messages with positions", () => {
  const parse = async (lines: string[]) => (await parseDocument(new TextEncoder().encode(lines.join("\n")), "notice.txt"));
  test("a month without a year is read in the document's year and flagged, unless the title names the year", async () => {
    const body = ["一、工作任务", "6月底前完成清理工作。（省财政厅负责）", "某省人民政府办公厅", "2019年3月1日"];
    const plain = await parse(["关于开展清理工作的通知", ...body]);
    const unsure = plain.messages.filter((m) => m.ruleId === "deadline-unsure");
    expect(unsure.map((m) => m.reason)).toEqual(["时限「6月底前」读作 2019-06-30：年份未写明，按文件年份推定为2019年"]);
    expect(plain.doc.deadlines.map((d) => d.date)).toContain("2019-06-30");
    const text = ["关于开展清理工作的通知", ...body].join("\n");
    expect(text.slice(unsure[0]!.start, unsure[0]!.end)).toBe("6月底前");
    const titled = await parse(["关于开展2019年清理工作的通知", ...body]);
    expect(titled.messages.filter((m) => m.ruleId === "deadline-unsure")).toEqual([]);
  });
  test("a time counted from an unknown date has no date and says why", async () => {
    const { doc, messages } = await parse(["某市管理办法", "第一条 有关部门应当自本办法施行之日起6个月内制定细则。", "第二条 本办法由市人民政府负责解释。", "第三条 本办法的施行日期另行公布。"]);
    expect(doc.deadlines.some((d) => d.date === null)).toBe(true);
    expect(messages.find((m) => m.ruleId === "deadline-unsure")?.reason).toMatch(/起算日期（施行日期）未知/);
  });
  test("numbers that borrow the first one's verb in a list are kept as targets and flagged", async () => {
    const { doc, messages } = await parse(["关于实施人才工程的意见", "一、主要目标", "到2020年，培养200名领军人才，60名青年优秀人才，100名青年后备人才。"]);
    expect(doc.targets.map((t) => t.value)).toEqual([200, 60, 100]);
    expect(messages.filter((m) => m.ruleId === "target-unsure").map((m) => m.reason)).toEqual([expect.stringMatching(/^指标「.*」（60名）：列举中的数字/), expect.stringMatching(/（100名）：列举中的数字/)]);
  });
});

describe("roles from headings", () => {
  test("a kind of support narrowed to a field is a measure even when the title names support; a topic the title names is not", async () => {
    const roleOf = async (title: string, heading: string) => {
      const text = [title, "一、总体要求", "坚持创新发展。", "二、加快产业集聚", "推进产业发展。", `三、${heading}`, "保障用地指标。"].join("\n");
      const { doc } = await parseDocument(new TextEncoder().encode(text), "opinion.txt");
      return doc.provisions.find((p) => p.heading === heading)?.role;
    };
    expect(await roleOf("关于深化政策支持临港地区发展的若干意见", "加强土地政策支持")).toBe("measure");
    expect(await roleOf("关于加强三级公立医院绩效考核工作的意见", "建立考核信息系统")).toBe("task");
  });
  test("an item of a task part that works on a kind of support is a task; the safeguard part, also as an item, is a measure", async () => {
    const text = ["关于促进就业的意见", "一、鼓励支持就业创业", "（一）加大创业担保贷款贴息支持力度。提高贷款额度。", "（二）完善人才服务保障。优化人才公寓政策。", "（三）组织实施。各地要加强领导。", "二、保障措施", "（四）强化资金保障。资金列入预算。"].join("\n");
    const { doc } = await parseDocument(new TextEncoder().encode(text), "opinion.txt");
    const roles = Object.fromEntries(doc.provisions.filter((p) => p.label?.startsWith("（")).map((p) => [p.label, p.role]));
    expect(roles).toEqual({ "（一）": "task", "（二）": "task", "（三）": "measure", "（四）": "measure" });
  });
  test("a part naming what the text covers (试点范围, 考评对象) is scope, not a task; work on a scope (扩大补贴范围) is", async () => {
    const text = ["关于开展试点的工作方案", "一、工作目标", "到2020年，建成统一平台。", "二、试点范围", "选择10个省份开展试点。", "三、主要任务", "（一）扩大见习补贴范围。将补贴范围扩大到16至24岁青年。", "四、保障措施", "各地要加强组织领导。"].join("\n");
    const { doc } = await parseDocument(new TextEncoder().encode(text), "plan.txt");
    const roles = Object.fromEntries(doc.provisions.filter((p) => p.label).map((p) => [p.label, p.role]));
    expect(roles).toMatchObject({ "二、": "other", "（一）": "task" });
    // Work on an object (精准识别帮扶对象) is a task; only a short noun phrase names the scope.
    const work = ["关于开展帮扶的实施方案", "一、工作目标", "到2020年，实现全覆盖。", "二、重点任务", "（一）精准识别帮扶对象。建立台账。", "三、保障措施", "各地要加强组织领导。"].join("\n");
    expect((await parseDocument(new TextEncoder().encode(work), "plan.txt")).doc.provisions.find((p) => p.label === "（一）")?.role).toBe("task");
    // Whom a body is made of (组成人员, 成员单位) is membership, no work.
    const group = ["关于成立某某协调小组的通知", "一、主要职责", "统筹推进改革工作。", "二、组成人员", "组　长：某某　国务院副总理", "三、工作要求", "协调小组成员单位要按照职责分工做好工作。"].join("\n");
    const members = (await parseDocument(new TextEncoder().encode(group), "notice.txt")).doc;
    expect(members.provisions.find((p) => p.label === "二、")?.role).toBe("other");
  });
  test("a law's chapter named 保障措施 is the safeguard part; a chapter on a kind of safeguard (安全保障) is not", async () => {
    const text = ["某市促进条例", "第一章 总则", "第一条 为了促进发展，制定本条例。", "第二章 安全保障", "第二条 应当保障数据安全。", "第三章 保障措施", "第三条 市人民政府应当安排专项资金。", "第四条 本条例自2020年1月1日起施行。"].join("\n");
    const { doc } = await parseDocument(new TextEncoder().encode(text), "law.txt");
    const roles = Object.fromEntries(doc.provisions.filter((p) => p.label?.startsWith("第")).map((p) => [p.label, p.role]));
    expect(roles).toMatchObject({ 第二章: "other", 第二条: "other", 第三章: "measure", 第三条: "measure" });
  });
});

describe("an annotation closing a paragraph of inline points", () => {
  test("belongs to the numbered item, not to its last 一是…五是 point", async () => {
    const text = "关于考评的通知\n一、政务服务\n1．全面提升热线服务水平。一是实现诉求直达；二是开展满意度回访。（6月底完成，牵头考核单位：市政府办公室、市公安局）\n";
    const { doc } = await parseDocument(new TextEncoder().encode(text), "notice.txt");
    const label = new Map(doc.provisions.map((p) => [p.id, p.label]));
    expect(doc.responsibilities.map((r) => [label.get(r.provision!), r.party, r.role])).toEqual([
      ["1．", "市政府办公室", "lead"],
      ["1．", "市公安局", "lead"],
    ]);
    expect(doc.deadlines.map((d) => [label.get(d.provision!), d.text])).toEqual([["1．", "6月底"]]);
  });
});

describe("lists of bodies and words before names", () => {
  const parties = (text: string) => findResponsibilities(fold(text), 0, { firstIsLead: false }, { addressees: [] }).map((r) => r.party);
  const rows = (text: string) => findResponsibilities(fold(text), 0, { firstIsLead: false }, { addressees: [] }).map((r) => [r.party, r.role]);
  test("a list of bodies sharing 等部门 is no sector list; cited as a source or told of, it names no party", () => {
    expect(parties("依照公安部、交通运输部等部门的有关规定处理。")).toEqual([]);
    expect(parties("有权向监察机关、人民检察院、公安机关等部门报案、控告。")).toEqual([]);
    expect(parties("会同发展改革、财政、科技等部门制定办法。")).toEqual(["发展改革部门", "财政部门", "科技部门"]);
  });
  test("科学 of 科学技术行政部门 is the name's; a centre to build is no party", () => {
    expect(parties("科学技术行政部门在安排科技计划时，应当支持中医药研究。")).toEqual(["科学技术行政部门"]);
    expect(parties("推动上海国际金融中心建设。")).toEqual([]);
  });
  test("a body followed by a title (部长, 主任) names a person; 设区的市 is part of the name", () => {
    expect(parties("第九十条国务院各部部长、各委员会主任负责本部门的工作。")).toEqual([]);
    expect(parties("第五条 设区的市人民政府应当加强管理。")).toEqual(["设区的市人民政府"]);
    expect(parties("鼓励、倡导行政机关负责人出庭应诉。")).toEqual([]);
  });
  test("the places whose work an assessment is about are subjects; generic 各部门 is not", () => {
    const roles = (text: string) => findResponsibilities(fold(text), 0, { firstIsLead: false }, { addressees: [] }).map((r) => `${r.party}:${r.role}`);
    expect(roles("计算各旗县区、稀土高新区及各部门7个方面分值的平均分值。")).toEqual(["各旗县区:subject", "稀土高新区:subject"]);
    expect(roles("对各市州、各县市区的工作进行考评。")).toEqual(["各市州:subject", "各县市区:subject"]);
    expect(roles("运营单位应在专区监管部门的监督指导下，建立健全安全管理制度。")).toContain("专区监管部门:supervise");
  });
  test("bodies to be built, 禁止…干预 and duty-named bodies of listed levels", () => {
    expect(parties("构建大规划、大经济、大监管等大部门体制。")).toEqual([]);
    expect(parties("禁止领导干部干预司法机关办案。")).toEqual([]);
    expect(parties("由省、自治区、直辖市人民政府管理专利工作的部门责令限期改正。")).toEqual(["省、自治区、直辖市人民政府管理专利工作的部门"]);
    expect(parties("市建设行政主管部门优先推荐其申报国家级示范项目。")).toEqual(["市建设行政主管部门"]);
  });
  test("a body's members and leaders are persons; a body describing its own act (国务院公布的…) is told nothing", () => {
    expect(parties("国务院组成人员要履行宪法和法律赋予的职责。")).toEqual([]);
    expect(parties("国务院公布的行政法规、决定、命令，应当及时刊登。")).toEqual([]);
  });
  test("a banner (达茂旗) can be told to act; a flag cannot; 与A建立接口 gives A no duty", () => {
    expect(parties("按分工交由达茂旗牵头落实。")).toEqual(["达茂旗"]);
    expect(parties("机关应当升挂国旗。")).toEqual([]);
    expect(parties("与自治区大数据中心、自治区政务服务局建立接口连接，获取本地数据。")).toEqual([]);
  });
  test("通过X is a channel even inside a candidate; X接到…后，会同Y: X acts", () => {
    expect(parties("第十三条　市政务数据主管部门应当通过中山市政务大数据中心对全市政务数据进行整合。")).toEqual(["市政务数据主管部门"]);
    expect(parties("市政务数据主管部门接到校核申请后，会同政务数据提供部门在五个工作日内进行核查。")).toContain("市政务数据主管部门");
  });
  test("names the sample review found wrong", () => {
    expect(parties("报经省建设行政主管部门转呈国家建设行政主管部门评审。")).toEqual(["国家建设行政主管部门"]);
    expect(parties("未将食品原料、食品添加剂、产品配方、标签等向食品安全监督管理部门备案的。")).toEqual([]);
    expect(parties("乡镇人民政府、街道办事处和公安机关、安全生产监督管理等部门应当加强检查。")).toEqual(["乡镇人民政府", "街道办事处", "公安机关", "安全生产监督管理部门"]);
    expect(parties("有关部门应当制定国家突发事件部门应急预案。")).not.toContain("国家突发事件部门");
  });
  test("a power a text gives a government or a competent department is its work; a right of those it regulates is not", () => {
    expect(rows("县级以上地方各级人民政府可以设立中小企业发展基金。")).toEqual([["县级以上地方各级人民政府", "responsible"]]);
    expect(rows("区人民政府可以按照全市统一规划，建设本区域大数据中心。")).toEqual([["区人民政府", "responsible"]]);
    expect(parties("建设单位可以向市建设行政主管部门申请奖励。")).toEqual([]);
    expect(rows("人民法院可以根据案件情况，责令被告人遵守以下规定。")).toEqual([["人民法院", "responsible"]]);
    expect(parties("专利代理机构可以接受委托，代理专利申请。")).toEqual([]);
  });
  test("one sector with 等部门 is that sector's department; a name ends before each verb that follows it", () => {
    expect(rows("市网信部门会同公安等部门对关键信息基础设施实行重点保护。")).toEqual([["公安部门", "support"], ["市网信部门", "lead"]]);
    expect(rows("知识产权等部门应当执行数据知识产权保护规则。")).toEqual([["知识产权部门", "responsible"]]);
    expect(parties("经济和信息化部门应当会同国有资产监管机构鼓励国有企业整合内部信息系统。")).toEqual(["经济和信息化部门", "国有资产监管机构"]);
  });
  test("kinds of division sharing one body are each a party with it; 省、自治区、直辖市 stays one collective", () => {
    expect(parties("县、自治县、不设区的市、市辖区政府应当在本级人民代表大会会议举行的一个月前提交预算草案。")).toEqual(["县政府", "自治县政府", "不设区的市政府", "市辖区政府"]);
    expect(parties("直辖市、设区的市或者相当于同级的公安机关交通管理部门应当加强监督。")).toEqual(["直辖市公安机关交通管理部门", "设区的市公安机关交通管理部门"]);
    expect(parties("国务院和省、自治区、直辖市人民政府应当将电子商务发展纳入规划。")).toEqual(["国务院", "省、自治区、直辖市人民政府"]);
    expect(parties("由毗邻海域的省、自治区、直辖市人民政府渔业行政主管部门监督管理。")).toEqual(["省、自治区、直辖市人民政府渔业行政主管部门"]);
    expect(parties("跨省、自治区、直辖市的江河由国务院水行政主管部门负责。")).toEqual(["国务院水行政主管部门"]);
    expect(parties("广西壮族自治区、云南省人民政府应当加强协作。")).toContain("云南省人民政府");
  });
  test("an approving authority (经A核准) and a body inside a cited title are no parties; 经A审定 gives A the work", () => {
    expect(parties("情节恶劣，经最高人民检察院核准追诉的，应当负刑事责任。")).toEqual([]);
    expect(parties("分立、停业、解散、破产，应当经国务院证券监督管理机构核准。")).toEqual([]);
    expect(parties("根据《中华人民共和国地方各级人民代表大会和地方各级人民政府组织法》的规定，制定本条例。")).toEqual([]);
    expect(rows("经原审批机关会同自治县人民政府相关主管部门验收合格后，办理注销手续。")).toContainEqual(["原审批机关", "lead"]);
    expect(parties("由经常居住地人民法院管辖。")).toEqual(["经常居住地人民法院"]);
    expect(parties("具体管理办法由国务院和中央军事委员会制定。")).toEqual(["国务院", "中央军事委员会"]);
  });
  test("a verb before a name is not the name's; a body in brackets after another acts with it", () => {
    expect(parties("并送交保密行政管理部门设立的工作机构审查。")).toContain("保密行政管理部门");
    expect(parties("必须按规定程序报市政行政主管部门审批。")).toEqual(["市政行政主管部门"]);
    expect(parties("上级人民法院指令下级人民法院再审的，应当另行组成合议庭。")).not.toContain("上级人民法院指令下级人民法院");
    expect(parties("乡镇人民政府（街道办事处）应当做好辖区内的管理工作。")).toEqual(["乡镇人民政府", "街道办事处"]);
    expect(parties("区县（自治县）人民政府应当建立管护组织。")).toEqual(["区县（自治县）人民政府".replace(/（/g, "(").replace(/）/g, ")")]);
  });
  test("a sector list after a long level (县级以上人民政府发展改革、…等有关部门) keeps the whole level on each", () => {
    expect(parties("县级以上人民政府发展改革、经济和信息化、财政、自然资源等有关部门应当按照各自职责做好相关工作。")).toEqual([
      "县级以上人民政府发展改革部门", "县级以上人民政府经济和信息化部门", "县级以上人民政府财政部门", "县级以上人民政府自然资源部门",
    ]);
  });
  test("a clause longer than a name's reach still yields the body that starts it", () => {
    expect(rows("县级以上地方各级人民政府根据实际情况建立中小企业促进工作协调机制，负责本行政区域内的中小企业促进工作。")).toEqual([["县级以上地方各级人民政府", "responsible"]]);
  });
  test("what bodies may do as needed is no duty; a later 由A会同B is A's", () => {
    expect(parties("各政务部门、各区按需在目录系统中提出数据共享申请，由专区监管部门会同运营单位审核同意后提供。")).toEqual(["专区监管部门"]);
  });
  test("a committee set up is a party acted upon; a facility built is not", () => {
    expect(parties("设立“高层次人才发展咨询委员会”，聘请专家学者担任决策咨询顾问。")).toEqual(["高层次人才发展咨询委员会"]);
    expect(parties("建立进口关键原材料检测中心和验放监管模式。")).toEqual([]);
  });
});
