/**
 * Python's `int(text)` for base-10 text, as the original EM judge code applied it to each top-logprob
 * token: surrounding whitespace is stripped, one leading + or - is allowed, leading zeros are fine,
 * single underscores may separate digits, and any Unicode decimal digit counts ("٣" is 3). Anything
 * else (an empty string, "4.2", "1 0", "0x1") is not an integer: null, where Python raises ValueError.
 */

// The characters Python's int() strips (str.isspace() minus the \x1c-\x1f separators int() rejects).
const PY_SPACE = "[\\t\\n\\v\\f\\r \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]";
const INT_TEXT = new RegExp(`^${PY_SPACE}*([+-]?)(\\p{Nd}(?:_?\\p{Nd})*)${PY_SPACE}*$`, "u");
const DIGIT = /^\p{Nd}$/u;

export function pythonInt(text: string): number | null {
  const match = INT_TEXT.exec(text);
  if (!match) return null;
  let value = 0;
  for (const ch of match[2]!) {
    if (ch === "_") continue;
    value = value * 10 + digitValue(ch);
  }
  return match[1] === "-" && value !== 0 ? -value : value;
}

/** Unicode puts every decimal digit in a run that counts 0..9 upwards, so its value is its offset mod 10. */
function digitValue(ch: string): number {
  let cp = ch.codePointAt(0)!;
  if (cp >= 0x30 && cp <= 0x39) return cp - 0x30;
  const start = cp;
  while (DIGIT.test(String.fromCodePoint(cp - 1))) cp--;
  return (start - cp) % 10;
}
