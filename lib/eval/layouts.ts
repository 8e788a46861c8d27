/**
 * The same document laid out otherwise, as other copies of it are published:
 * line endings, indents, blank lines, a space after article labels,
 * lines broken short, headings on a line of their own; for pages, other
 * markup (div for p, br, line breaks between tags, indents, font and strong tags). None changes
 * what the text says, so none should change what the parser reads
 * (`npm run eval:layouts`).
 */
export const TEXT_LAYOUTS: Record<string, (text: string) => string> = {
  "CRLF line endings": (s) => s.replace(/\n/g, "\r\n"),
  "no indents": (s) => s.split("\n").map((l) => l.replace(/^[\s\u3000]+/, "")).join("\n"),
  "ideographic indents": (s) => s.split("\n").map((l, i) => (i === 0 || !l.trim() ? l : `\u3000\u3000${l.replace(/^[\s\u3000]+/, "")}`)).join("\n"),
  "blank lines between paragraphs": (s) => s.split("\n").join("\n\n"),
  "trailing spaces": (s) => s.split("\n").map((l) => `${l}  `).join("\n"),
  "ideographic space after article labels": (s) => s.replace(/^(\s*第[一二三四五六七八九十百零]+条)\s*/gm, "$1\u3000"),
  "lines broken at 40 characters": (s) => s.split("\n").map((l, i) => (i === 0 || l.length <= 40 || l.startsWith("|") ? l : l.match(/.{1,40}/gu)!.join("\n"))).join("\n"),
  "item headings on a line of their own": (s) => s.replace(/^(\s*(?:（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、)[^。\n]{2,20})。(?=\S)/gm, "$1\n"),
};

export const HTML_LAYOUTS: Record<string, (html: string) => string> = {
  "div for p": (s) => s.replace(/<p(\s|>)/g, "<div$1").replace(/<\/p>/g, "</div>"),
  "br between paragraphs": (s) => s.replace(/<\/p>\s*<p[^>]*>/g, "<br>"),
  "line breaks between tags": (s) => s.replace(/>\s*</g, ">\n<"),
  "ideographic indents": (s) => s.replace(/(<p[^>]*>)/g, "$1&#12288;&#12288;"),
  "no centring": (s) => s.replace(/text-align:\s*center;?/g, "").replace(/align="center"/g, ""),
  "font tags": (s) => s.replace(/(<p[^>]*>)([^<]*)(<\/p>)/g, '$1<font face="仿宋">$2</font>$3'),
  "headings in strong": (s) => s.replace(/(<p[^>]*>)((?:[一二三四五六七八九十]+、)[^<]*)/g, "$1<strong>$2</strong>"),
};
