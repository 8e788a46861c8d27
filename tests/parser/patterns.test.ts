import { describe, expect, test } from "vitest";
import * as P from "../../lib/parser/patterns";
import { fold } from "../../lib/parser/fold";

/** Each named pattern with texts it must and must not match (on folded text, as the parser runs them). */
const TABLE: Array<[string, RegExp, string[], string[]]> = [
  ["PART", P.PART, ["第一部分 总则", "第十二部分"], ["第一部分的"]],
  ["CHAPTER", P.CHAPTER, ["第一章　总　则", "第十章 附则", "第二章组成人员职责"], ["第一章的规定", "第一章中"]],
  ["SECTION", P.SECTION, ["第一节 一般规定"], ["第一节中"]],
  ["ARTICLE", P.ARTICLE, ["第一条　为了规范", "第六十一条 本法自", "第十二条"], ["第三条规定的", "第一条的", "第五条第二款"]],
  ["CN_DUN", P.CN_DUN, ["一、总体要求", "十二、附则", "一．总体要求"], ["一是", "十三五期间"]],
  ["CN_PAREN", P.CN_PAREN, ["（一）总体要求", "(二十)完善", "（十八）"], ["（此件公开发布）", "（1）"]],
  ["CN_ENCLOSED", P.CN_ENCLOSED, ["㈠对设计方案", "㈨"], ["①"]],
  ["DECIMAL", P.DECIMAL, ["1.1 总体要求", "2.3.1 范围"], ["1.5倍", "1.2万元", "3.5%"]],
  ["ARABIC_DOT", P.ARABIC_DOT, ["1.目标。", "１２．科技成果", "4、", "⒈"], ["1.5倍", "2019年", "12.5万吨"]],
  ["ARABIC_PAREN", P.ARABIC_PAREN, ["（1）门诊", "(12)", "⑴"], ["（一）"]],
  ["CIRCLED", P.CIRCLED, ["①加强", "⑳"], ["1."]],
  ["CN_SHI", P.CN_SHI, ["一是以制度创新营造环境", "二要加强"], ["一是的"]],
  ["BULLET", P.BULLET, ["---坚持以供给侧", "——坚持", "•加强"], ["-1", "一、"]],
  ["DOC_NUMBER", P.DOC_NUMBER, ["国发〔2018〕42号", "（余府发〔2012〕3号）", "国办函[2018]71号"], ["2018年42号文"]],
  ["DATE_LINE", P.DATE_LINE, ["2018年12月21日", "二〇〇四年六月二十六日", "二○一二年一月九日"], ["2018年12月21日起施行"]],
  ["PUBLICATION_NOTE", P.PUBLICATION_NOTE, ["（此件公开发布）", "（本文有删减）"], ["（一）"]],
  ["ADDRESSEE_LINE", P.ADDRESSEE_LINE, ["各省、自治区、直辖市人民政府，国务院各部委、各直属机构："], ["现提出以下意见。"]],
  ["ATTACHMENT_HEADING", P.ATTACHMENT_HEADING, ["附件", "附件1", "附件：", "附件一"], ["附件：三级公立医院绩效考核指标"]],
  ["ATTACHMENT_LIST", P.ATTACHMENT_LIST, ["附件：三级公立医院绩效考核指标"], ["附件"]],
  ["COVER_TITLE", P.COVER_TITLE, ["国务院办公厅关于印发《政府网站集约化试点工作方案》的通知", "关于转发省政府文件的通知"], ["国务院关于促进就业的若干意见"]],
  ["CLOSING_LINE", P.CLOSING_LINE, ["本意见由省经济和信息化委负责解释。", "本办法自2012年2月1日至2017年1月31日施行。", "本方案自印发之日起实施。"], ["本市推广应用以下技术和产品："]],
  ["INTERPRETER", P.INTERPRETER, ["本意见由省经济和信息化委负责解释", "本办法由市财政局、市人社局共同负责解释"], ["由省财政厅负责"]],
  ["MEMBER_UNITS", P.MEMBER_UNITS, ["联席会议成员单位", "工作专班牵头单位"], ["成员单位的", "有关单位"]],
  ["BODY_BY_ITS_WORK", P.BODY_BY_ITS_WORK, ["协调小组办公室", "推进机制办公室", "指导委员会"], ["协调有关部门", "推进改革"]],
  ["NOTE_START", P.NOTE_START, ["2005年1月1日 国家工商行政管理总局令第10号公布", "公布 根据2020年10月23日国家市场监督管理总局令第31号修订"], ["第十条"]],
  ["EFFECTIVE", P.EFFECTIVE, ["本意见自2016年5月1日起施行", "自印发之日起施行", "自2012年2月1日至2017年1月31日施行"], ["2016年5月1日"]],
  ["VALID_UNTIL", P.VALID_UNTIL, ["有效期至2018年12月31日", "有效期5年"], ["有效期内"]],
  ["FIRST_IS_LEAD", P.FIRST_IS_LEAD, ["列第一位者为牵头单位，下同", "排在第一位的部门为牵头部门"], ["第一位"]],
  ["GENERIC_PARTY", P.GENERIC_PARTY, ["各地区", "有关部门", "企业", "金融机构"], ["财政部", "各市州"]],
  ["REFERENCE_LIST_GAP", P.REFERENCE_LIST_GAP, ["、", "", "和国务院", "，1988年3月9日国务院发布的"], ["，我部制定了", "的规定，"]],
  ["REPEAL_AFTER", P.REPEAL_AFTER, ["同时废止。", "）同时废止", "等文件不再执行", "停止执行", "，自2020年1月1日起废止"], ["废止后", "的规定处罚", "中有关看守所的规定即行废止"]],
  ["REPEAL_BEFORE", P.REPEAL_BEFORE, ["国务院决定废止", "同时废止原"], ["废止的"]],
  ["REVISION_OBJECT", P.REVISION_OBJECT, ["决定对", "一、将"], ["根据"]],
  ["REVISION_AFTER", P.REVISION_AFTER, ["作如下修改：", "第十二条予以修正", "的修订"], ["的修订建议", "进行宣传"]],
  ["REVISION_LEAD", P.REVISION_LEAD, ["决定修改", "现修订"], ["关于修改"]],
  ["FORWARD_BEFORE", P.FORWARD_BEFORE, ["现转发", "转发国务院办公厅"], ["转发给你们，根据"]],
  ["FORWARD_AFTER", P.FORWARD_AFTER, ["已经国务院同意，现转发给你们"], ["现印发给你们"]],
  ["IMPLEMENT_LEAD", P.IMPLEMENT_LEAD, ["为贯彻落实", "深入贯彻党中央、国务院"], ["请财政部落实", "根据"]],
  ["BASIS_LEAD", P.BASIS_LEAD, ["根据", "依照国务院"], ["贯彻落实"]],
  ["PURPOSE_CLAUSE", P.PURPOSE_CLAUSE, ["，制定本办法", "，结合本省实际，制定本条例", "现提出以下意见"], ["制定本单位转化科技成果的专门管理办法"]],
  ["MENTION_BEFORE", P.MENTION_BEFORE, ["（以下简称", "组织学习"], ["根据"]],
  ["MENTION_AFTER", P.MENTION_AFTER, ["现印发给你们", "的修订建议"], ["同时废止"]],
];

describe("named patterns", () => {
  for (const [name, re, yes, no] of TABLE) {
    test(name, () => {
      for (const text of yes) expect(re.test(fold(text)), `${name} should match ${text}`).toBe(true);
      for (const text of no) expect(re.test(fold(text)), `${name} should not match ${text}`).toBe(false);
    });
  }
});
