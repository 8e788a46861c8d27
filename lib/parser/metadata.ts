/**
 * Stage 10: document metadata — title, kind, issuer, 文号 (from the masthead
 * only), addressees, issue date (the 落款 date), effective and expiry dates,
 * and the interpreting body. Front matter, where given, overrides all of it.
 */
import { addToDate, parseFullDate } from "./dates";
import { numeralValue } from "./numerals";
import { AUTHORITY_SUFFIX, DOC_NUMBER, EFFECTIVE, INTERPRETER, KINDS, NOTE_DATE, NOTE_REACH, NOTE_START, ORDER_HEAD, TITLE_ISSUER, VALID_UNTIL, isDocumentTerm } from "./patterns";
import type { Block, Metadata } from "./types";
import { isTitleAgain } from "./zones";

const compact = (s: string) => s.replace(/\s+/g, "");

/** Kind from a title's last words: …的指导意见 → 指导意见. */
export function kindOfTitle(title: string | null): string | null {
  if (!title) return null;
  const t = compact(title).replace(/[(（][^)）]*[)）]$/, "");
  for (const k of KINDS) if (t.endsWith(k)) return k;
  return null;
}

/**
 * Issuer from a title: 国务院办公厅关于… → 国务院办公厅; a forwarding or
 * issuing notice is issued by the body that forwards (国务院办公厅转发民政部
 * 关于…的通知 → 国务院办公厅; 北京市经济和信息化局印发《…》的通知 → 北京市经济和信息化局).
 */
export function issuerOfTitle(title: string | null): string | null {
  if (!title) return null;
  const t = compact(title);
  const forwarding = /^(.{2,40}?)(?:转发|批转|印发|发布|颁发)/.exec(t);
  const about = TITLE_ISSUER.exec(t);
  // What stands before 关于 inside a cited title (…贯彻《国务院关于…》的实施办法) is no issuer.
  const unquoted = (s: string | undefined) => (s && !/[《<〈]/.test(s) ? s : undefined);
  const forwarded = unquoted(forwarding?.[1]);
  const issuer = unquoted(about?.[1]);
  if (forwarded && (!issuer || forwarded.length < issuer.length)) return forwarded;
  return issuer ?? null;
}

/**
 * The issuing bodies of a joint document, one per unit: 落款 lines, or names
 * set apart by spaces on one line (国务院办公厅 中央军委办公厅).
 */
export function issuerUnits(lines: string[]): string[] {
  return lines.flatMap((l) => l.trim().split(/[\s\u3000、，,]+/)).filter((u) => u.length >= 2 && !/^(?:总理|省长|市长|主席|部长|主任)$/.test(u));
}

/** A level of government alone (各省, 自治区, 县（市）人民政府): one of a list of levels sharing a suffix. */
const BARE_LEVEL = /^各?(?:省|自治区|直辖市|市|州|自治州|盟|县|自治县|县级市|区|旗|地区|乡|镇|计划单列市|新疆生产建设兵团)(?:[(（][^)）]{1,6}[)）])?(?:人民政府|政府|党委)?$/;
const LEVEL_START = /^(?:省|自治区|直辖市|市|州|自治州|盟|县|自治县|县级市|区|旗|地区|乡|镇|计划单列市|新疆生产建设兵团)/;
/** A unit that takes its place from the one before it (国务院各部委、各直属机构; 市直有关部门、单位). */
const SHARES_PLACE = /^各(?!级)|^(?:有关|相关)?(?:直属机构|部门|单位|机构|部委|直属单位|事业单位|人民团体|企业)$|^(?:委|办|厅|局|部|署|室|院|会|处|中心)$/;

/**
 * Splits an addressee line into units: at commas, and at 、 where what
 * follows names a body of its own (各县（市）人民政府、州级各部门、卧龙特别行政区);
 * a list of levels sharing one suffix (各省、自治区、直辖市人民政府) and a
 * unit that shares the place of the one before (国务院各部委、各直属机构) stay whole.
 */
export function splitAddressees(line: string): string[] {
  const units: string[] = [];
  for (const piece of line.replace(/[:：]\s*$/, "").split(/[,，;；]/)) {
    const parts = piece.trim().split("、").filter(Boolean);
    let current = parts[0] ?? "";
    for (const part of parts.slice(1)) {
      // 各省、自治区、直辖市人民政府 / 各省、自治区、直辖市示范厅: levels sharing what follows the last.
      const list = LEVEL_START.test(part) && current.split("、").every((p) => BARE_LEVEL.test(p));
      if (list || SHARES_PLACE.test(part)) current += `、${part}`;
      else {
        units.push(current);
        current = part;
      }
    }
    if (current.trim()) units.push(current.trim());
  }
  return units.filter(Boolean);
}

function fullDateFromMatch(text: string | undefined): string | null {
  return text ? parseFullDate(text) : null;
}

/** The kind a document calls itself most often (本意见, 本办法 …). */
export function selfReference(text: string): string | null {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(/本(实施意见|指导意见|若干意见|实施方案|工作方案|实施细则|管理办法|意见|通知|方案|办法|规定|条例|细则|规则|决定|规划|预案|措施)/g)) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

export interface MetadataInput {
  blocks: Block[];
  source: string;
  folded: string;
  /** Text of the document outside provisions plus all provisions (for 施行/解释 sentences). */
  closingText: Array<{ text: string; start: number }>;
  enclosureTitle: string | null;
}

/** Stage 10 entry point. */
/** A note dating the text's publication: the date, then (with no other date, adoption or revision between) 发布 or 公布. */
const PUBLISHED_NOTE = new RegExp(`(\\d{4}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日)(?:(?!\\d{4}\\s*年|通过|修订|修正)[^。；;\\n]){0,${NOTE_REACH}}?(?:发布|公布)`, "g");

/** A note dating the text's adoption, revision or publication (with no other date between). */
const DATED_NOTE = new RegExp(`(\\d{4}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日)(?:(?!\\d{4}\\s*年)[^。；;\\n]){0,${NOTE_REACH}}?(?:通过|修订|修正|公布|发布|批准|修改(?=[)）]?\\s*(?:$|\\d{4}\\s*年)))`, "g");
/** A note dating the text's adoption: the date, then (with no other date between) 通过. */
const ADOPTED_NOTE = new RegExp(`(\\d{4}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日)(?:(?!\\d{4}\\s*年)[^。；;\\n]){0,${NOTE_REACH}}?通过`, "g");

/** 本办法 / 本实施细则 naming the text itself just before a clause's verb: 本 starting a word (not 基本, 根本). */
const SELF_NAMED = new RegExp(`(?:^|[^\\u4e00-\\u9fa5]|[条款项])本(?:${KINDS.join("|")})[^。；;]{0,12}$`);

/** One note under a law's or regulation's title: its date and what it says (中华人民共和国国务院令第344号公布, 施行). */
interface Note {
  date: string;
  says: string;
}
const NOTE_HEAD = new RegExp(`^\\(?\\s*(${NOTE_DATE})\\s*`);
/** The notes one by one, in their order. */
function notesOf(notes: string): Note[] {
  return notes.split(NOTE_START).flatMap((n) => {
    const m = NOTE_HEAD.exec(n);
    const date = m ? parseFullDate(m[1]!) : null;
    return m && date ? [{ date, says: n.slice(m[0].length).replace(/[)）]\s*$/, "").replace(/根据$/, "").trim() }] : [];
  });
}
/** The order that published a text (国务院令第344号, 国家市场监督管理总局令第46号, 食品药品监管局、海关总署第4号令). */
const ORDER_IN_NOTE = /^(?:根据|依据)?((?:中华人民共和国)?([\u4e00-\u9fa5、]{2,40}?)令\s*第\s*[\d一二三四五六七八九十百零〇]+\s*号|([\u4e00-\u9fa5、]{2,40}?)第\s*\d+\s*号令)/;
/** The body a note says made the text: 国家计划委员会发布, 国务院第117次常务会议通过, 经…部第6次部务会议通过. */
const BODY_IN_NOTE = /^经?([\u4e00-\u9fa5、]{2,30}?)(?:审判委员会|检察委员会)?(?:第[一二三四五六七八九十百零〇\d]+(?:届|次)[^，。]*?(?:通过|修订|修正)|(?:发布|公布)$)/;
/** A note that dates the text's taking effect: 2021年5月1日 施行, …公告公布施行. */
const EFFECT_NOTE = /^(?:起?(?:施行|实施)|.{0,30}(?:公布|发布)施行)$/;

/** The document's metadata, and the day its text was first published (null when no note says). */
export function extractMetadata(input: MetadataInput): Metadata & { publishedAt: string | null } {
  const { blocks, folded, source } = input;
  const text = (b: Block) => source.slice(b.start, b.end).trim();
  const ftext = (b: Block) => folded.slice(b.start, b.end).trim();
  const titleBlocks = blocks.filter((b) => b.zone === "title");
  // An order printed before its text (国务院令 第706号 …) names the text's title after its 落款.
  const orderFirst = blocks[0]?.zone === "docNumber" && ORDER_HEAD.test(ftext(blocks[0]));
  const title = titleBlocks.length ? compact(titleBlocks.map(text).join("")).replace(/^[“"]|[”"]$/g, "") : orderFirst && input.enclosureTitle ? input.enclosureTitle : null;
  // Without a title, the document names itself: 制定本意见, 本办法自…施行.
  const kind = kindOfTitle(title) ?? selfReference(input.closingText.map((c) => c.text).join("\n"));
  let issuer = issuerOfTitle(title);
  // Joint issuers set apart by spaces in the title (国务院办公厅 中央军委办公厅关于…): one unit each.
  const spaced = titleBlocks.length ? issuerUnits([titleBlocks.map(text).join("").trim().split(/关于|转发|批转|印发/)[0] ?? ""]) : [];
  if (issuer && spaced.length > 1 && spaced.join("") === issuer) issuer = spaced.join("、");

  // 文号 in the masthead (the blocks before the body), or an order number.
  let docNumber: string | null = null;
  const head = blocks.filter((b) => b.zone === "docNumber");
  const order = head.find((b) => ORDER_HEAD.test(ftext(b)));
  const number = head.find((b) => /第\s*\d+\s*号/.test(ftext(b)) && !DOC_NUMBER.test(ftext(b)));
  const plain = head.find((b) => DOC_NUMBER.test(ftext(b)));
  if (plain) docNumber = compact(text(plain)).replace(/^[(（]|[)）]$/g, "");
  else if (order && number) docNumber = compact(text(order) + text(number).replace(/^\s*[(（]|[)）]\s*$/g, ""));
  else if (number) docNumber = compact(text(number)).replace(/^[(（]|[)）]$/g, "");

  // Regulations and rules without a masthead: the order their notes say published the text, the latest one.
  // The notes read as one text (a note may wrap over lines), without the title printed again among them.
  const notes = blocks
    .filter((x) => x.zone === "note")
    .map((b) => ftext(b).replace(/\n/g, ""))
    .filter((t) => !isTitleAgain(t, title ?? ""))
    .join("");
  const noted = notesOf(notes);
  const orders = noted.flatMap((n) => {
    const m = ORDER_IN_NOTE.exec(n.says);
    return m ? [{ date: n.date, number: compact(m[1]!), body: (m[2] ?? m[3] ?? "").replace(/(^|、)中华人民共和国/g, "$1") }] : [];
  });
  const latestOrder = orders.reduce<(typeof orders)[number] | null>((a, b) => (!a || b.date >= a.date ? b : a), null);
  if (!docNumber && latestOrder) docNumber = latestOrder.number;

  const addresseeBlock = blocks.find((b) => b.zone === "addressees");
  const addressees = addresseeBlock ? splitAddressees(text(addresseeBlock)) : [];

  // Issue date: the first 落款 date (the cover's, for a cover notice).
  const dateBlock = blocks.find((b) => b.zone === "date");
  let issuedAt = dateBlock ? parseFullDate(ftext(dateBlock)) : null;
  // Laws and regulations without a 落款: the latest date the notes say it was passed or revised
  // (2017年9月1日 第十二届全国人民代表大会常务委员会第二十九次会议修订).
  // The notes read as one text: a note may be wrapped over two lines (…第二次 / 会议通过）).
  if (!issuedAt) {
    for (const m of notes.matchAll(DATED_NOTE)) {
      const date = parseFullDate(m[1]!);
      if (date && (!issuedAt || date > issuedAt)) issuedAt = date;
    }
  }
  // The day the text itself was first published (2000年1月30日 中华人民共和国国务院令第279号发布): the day
  // 自发布之日起施行 and 公布之日起30日内 count from, not that of a later revision.
  // A law adopted with no publication noted was published the day it was adopted (a 主席令 bears the day of the vote).
  let publishedAt: string | null = null;
  for (const pattern of [PUBLISHED_NOTE, ADOPTED_NOTE]) {
    for (const m of publishedAt ? [] : notes.matchAll(pattern)) {
      const date = parseFullDate(m[1]!);
      if (date && (!publishedAt || date < publishedAt)) publishedAt = date;
    }
    // A text adopted subject to approval (a city's regulation, approved by the province) is published once approved.
    if (pattern === ADOPTED_NOTE && publishedAt) {
      const adopted: string = publishedAt;
      publishedAt = noted.find((n) => /批准$/.test(n.says) && n.date >= adopted)?.date ?? adopted;
    }
  }
  // The 落款 of the document itself: the signature lines just above the first date line.
  const firstDate = blocks.findIndex((b) => b.zone === "date");
  const signatureLines: string[] = [];
  for (let k = firstDate - 1; k >= 0 && blocks[k]!.zone === "signature"; k--) signatureLines.unshift(text(blocks[k]!));
  const units = issuerUnits(signatureLines.filter((l) => !/^(?:总理|省长|市长|主席|部长|主任|委员长)/.test(compact(l))));
  if (!issuer && units.length) issuer = units.join("、");
  // Joint issuers glued in the title (国务院办公厅中央军委办公厅关于…): the 落款 spells them out.
  else if (issuer && units.length > 1 && compact(issuer) === units.join("")) issuer = units.join("、");
  // An order is issued by the body whose order it is: 中华人民共和国国务院令 → 国务院, 上海市人民政府令 → 上海市人民政府.
  if (!issuer && order) {
    const m = /^(?:中华人民共和国)?(.+?)令$/.exec(compact(ftext(order)));
    if (m && m[1]!.length >= 2) issuer = m[1]!;
  }
  // …the body whose order published it (a 主席令 promulgates a law its congress made).
  if (!issuer && latestOrder && !/主席$/.test(latestOrder.body)) issuer = latestOrder.body;
  if (!issuer) {
    // Laws: 第十二届全国人民代表大会常务委员会第二十九次会议修订 names the enacting body; the congress
    // that last revised the whole text (修订) made the text as it stands.
    const congress = noted.filter((n) => /人民代表大会(?:常务委员会)?第/.test(n.says.replace(/第[一二三四五六七八九十]+届/, "")));
    const note = congress.filter((n) => /修订/.test(n.says)).at(-1) ?? congress[0];
    const m = note ? /((?:[\u4e00-\u9fa5]{0,12}?(?:省|自治区|直辖市|自治州|自治县|市|县|区|州|盟|旗)|全国)?人民代表大会(?:常务委员会)?)第/.exec(note.says.replace(/第[一二三四五六七八九十]+届/, "")) : null;
    if (m) issuer = m[1]!.replace(/^经/, "");
  }
  // …or the body a note says adopted or issued it (国务院第117次常务会议通过, 国家计划委员会发布).
  if (!issuer) {
    for (const n of noted) {
      const m = BODY_IN_NOTE.exec(n.says);
      if (m && !/^第/.test(m[1]!) && AUTHORITY_SUFFIX.test(m[1]!) && !/人民代表大会/.test(m[1]!)) {
        issuer = m[1]!;
        break;
      }
    }
  }

  let effectiveFrom: string | null = null;
  let effectiveUntil: string | null = null;
  let interpreter: string | null = null;
  // A clause naming the text itself (本办法自…起施行) dates it before one that may start a part of it
  // (…有困难的单位，最迟应当自1996年1月1日起施行).
  const namesItself = (t: string, at: number) => SELF_NAMED.test(t.slice(0, at));
  const closing = input.closingText.map((c) => c.text);
  const selfDated = closing.find((t) => {
    const e = EFFECTIVE.exec(t);
    return e && namesItself(t, e.index);
  });
  for (const t of selfDated ? [selfDated, ...closing] : closing) {
    const e = EFFECTIVE.exec(t);
    // 自…起施行 dates the document only when nothing follows the verb: 自2020年4月1日起执行新的统计口径 starts a rule.
    const ruleStarts = e ? /[\u4e00-\u9fa5]/.test(t.charAt(e.index + e[0].length)) : false;
    if (e && !effectiveFrom && !ruleStarts) {
      const when = e[1] ?? "";
      effectiveFrom = /年/.test(when) ? fullDateFromMatch(when) : /发布|公布|颁布/.test(when) ? (publishedAt ?? issuedAt) : issuedAt;
      if (e[2]) effectiveUntil = fullDateFromMatch(e[2]);
    }
    const v = VALID_UNTIL.exec(t);
    // The document's own term (本方案有效期3年; …施行，有效期至…), not a licence's or a certificate's (许可证有效期为三年).
    if (v && !effectiveUntil && isDocumentTerm(t, v.index)) {
      if (v[1]) effectiveUntil = fullDateFromMatch(v[1]);
      else if (v[2]) {
        const years = numeralValue(v[2]!);
        const from = effectiveFrom ?? issuedAt;
        if (years && from) effectiveUntil = addToDate(addToDate(from, { years }) ?? from, { days: -1 });
      }
    }
    const i = INTERPRETER.exec(t);
    if (i && !interpreter) interpreter = i[1]!.trim();
  }
  // No article dates it: the notes may (2021年5月1日 施行), the latest for the text as it stands.
  if (!effectiveFrom) effectiveFrom = noted.filter((n) => EFFECT_NOTE.test(n.says)).at(-1)?.date ?? null;
  return { title, kind, issuer, docNumber, addressees, issuedAt, effectiveFrom, effectiveUntil, interpreter, publishedAt };
}
