import { describe, expect, test } from "vitest";
import { citationForms, documentPath } from "../../lib/site/citation";

const seed = { slug: "qinghai-2016-industry-supply-side-reform", title: "关于实施工业领域供给侧结构性改革的意见", issuer: "青海省人民政府", docNumber: null, date: "2016-05-01" };
const provision = { id: "p2__s4__x3", citation: "第二部分第（四）项第三点" };

describe("citations", () => {
  test("pin, GB/T 7714—2015 reference and permalink of a provision", () => {
    expect(citationForms(seed, provision, { origin: "https://kb.example.cn/", accessed: "2026-11-28" })).toEqual({
      pin: "《关于实施工业领域供给侧结构性改革的意见》第二部分第（四）项第三点",
      reference: "青海省人民政府. 关于实施工业领域供给侧结构性改革的意见[EB/OL]. (2016-05-01)[2026-11-28]. https://kb.example.cn/documents/qinghai-2016-industry-supply-side-reform#p2__s4__x3.",
      permalink: "https://kb.example.cn/documents/qinghai-2016-industry-supply-side-reform#p2__s4__x3",
      dateNote: "文献日期为成文日期 2016-05-01",
    });
  });

  test("the reader says which date a citation uses: 施行 when only the effective date is known", () => {
    const forms = citationForms({ ...seed, dateKind: "施行" as const }, provision, { origin: "https://kb.example.cn", accessed: "2026-11-28" });
    expect(forms.dateNote).toBe("文献日期为施行日期 2016-05-01");
    expect(citationForms({ ...seed, date: null }, provision, { origin: "https://kb.example.cn", accessed: "2026-11-28" }).dateNote).toBeNull();
  });

  test("the 文号 is the other title information; an old version is cited with its number; Chinese slugs are percent-encoded", () => {
    const doc = { ...seed, slug: "青海意见", docNumber: "青政〔2016〕30号", version: 1 };
    expect(citationForms(doc, provision, { origin: "http://localhost:3000", accessed: "2026-11-28" }).reference).toBe(
      "青海省人民政府. 关于实施工业领域供给侧结构性改革的意见: 青政〔2016〕30号[EB/OL]. (2016-05-01)[2026-11-28]. http://localhost:3000/documents/%E9%9D%92%E6%B5%B7%E6%84%8F%E8%A7%81?v=1#p2__s4__x3.",
    );
    expect(documentPath("青海意见")).toBe("/documents/%E9%9D%92%E6%B5%B7%E6%84%8F%E8%A7%81");
  });
});
