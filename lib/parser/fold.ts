/**
 * Length-preserving folding for pattern matching: every UTF-16 unit maps to
 * one unit, so offsets in the folded copy are offsets in the source.
 * Full-width ASCII (！ … ～, digits, letters, （）：；，．) becomes half-width,
 * the ideographic space and other spaces become a plain space.
 */
export function fold(text: string, markup: Uint8Array | null = null): string {
  let out = "";
  let runStart = 0;
  const flushTo = (i: number) => {
    if (i > runStart) out += text.slice(runStart, i);
  };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let mapped: number | null = null;
    if (markup && markup[i] === 1 && code !== 10) mapped = 32;
    else if (code >= 0xff01 && code <= 0xff5e) mapped = code - 0xfee0;
    else if (code === 0x3000 || code === 0x00a0 || code === 0x09 || (code >= 0x2000 && code <= 0x200b) || code === 0x202f || code === 0x205f || code === 0xfeff) mapped = 32;
    else if (code === 0x2002) mapped = 32;
    if (mapped !== null) {
      flushTo(i);
      out += String.fromCharCode(mapped);
      runStart = i + 1;
    }
  }
  flushTo(text.length);
  return out;
}
