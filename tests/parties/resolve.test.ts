import { describe, expect, test } from "vitest";
import { canonicalParty, jurisdictionOf, nameVariants } from "../../lib/parties/resolve";
import pairs from "./pairs.json";

const NATIONAL = jurisdictionOf(null);
const QINGHAI = jurisdictionOf("青海省人民政府");
const same = (a: string, b: string, j = NATIONAL) => canonicalParty(a, j).name === canonicalParty(b, j).name;

describe("short names and full names are one party", () => {
  // Pairs both written in ../shared/corpus (regenerate: npx tsx scripts/alias-pairs.ts ../shared/corpus ../shared/corpus/unlabeled).
  test(`${pairs.length} real pairs from the corpus resolve to one party`, () => {
    expect(pairs.length).toBeGreaterThanOrEqual(60);
    for (const [a, b] of pairs as Array<[string, string]>) {
      expect(same(a, b), `${a} = ${b}`).toBe(true);
      expect(nameVariants(a), `${a} → ${b}`).toContain(b);
    }
  });

  test.each([
    ["省经信委", "省经济和信息化委"],
    ["省经信委", "省经济和信息化委员会"],
    ["省发改委", "省发展和改革委员会"],
    ["省发展与改革委员会", "省发展改革委"],
    ["省人社厅", "省人力资源和社会保障厅"],
    ["省人力资源社会保障厅", "省人社厅"],
    ["市住建局", "市住房和城乡建设局"],
    ["市住房城乡建设局", "市住建局"],
    ["省政府", "省人民政府"],
    ["市政府办公室", "市人民政府办公室"],
    ["省政府督查室", "省人民政府督查室"],
    ["市编办", "市机构编制委员会办公室"],
    ["市科协", "市科学技术协会"],
    ["发改委", "国家发展和改革委员会"],
    ["人社部", "人力资源和社会保障部"],
  ])("%s = %s", (a, b) => {
    expect(same(a, b)).toBe(true);
    expect(same(a, b, QINGHAI)).toBe(true);
  });

  test("in a provincial document the short form is the province's own body", () => {
    expect(canonicalParty("省经信委", QINGHAI).name).toBe("青海省经济和信息化委员会");
    expect(canonicalParty("省经济和信息化委", QINGHAI).name).toBe("青海省经济和信息化委员会");
  });

  test.each([
    ["省国资委", "省国资局"],
    ["国资委", "市国资局"],
    ["省财政厅", "市财政局"],
    ["市公安局", "市公安分局"],
    ["省经信委", "省工信厅"],
    ["交通部", "交通运输部"],
    ["国家卫生计生委", "国家卫生健康委"],
    ["市环保局", "市生态环境局"],
    ["市人民政府", "市人民政府办公室"],
    ["人力资源社会保障部门", "人力资源社会保障部"],
    ["省发改委", "省发改局"],
  ])("%s ≠ %s", (a, b) => {
    expect(same(a, b)).toBe(false);
    expect(same(a, b, QINGHAI)).toBe(false);
    expect(nameVariants(a)).not.toContain(b);
  });
});
