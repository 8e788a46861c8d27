/**
 * Matches of global expressions without `String.prototype.matchAll`, which
 * copies the expression on every call: on the short segments the fact
 * finders run over, that copy cost more than the matching.
 */

/**
 * Every match of a global (`g`) expression in `text`, in order — what
 * `[...text.matchAll(re)]` gives (an empty match moves on by one code unit,
 * as matchAll does for expressions without the `u` flag). Uses and resets
 * the expression's `lastIndex`.
 */
export function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  if (!re.global || /[uv]/.test(re.flags)) throw new TypeError(`allMatches needs a global expression without the u or v flag: /${re.source}/${re.flags}`);
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push(m);
    if (m[0] === "") re.lastIndex++;
  }
  return out;
}
