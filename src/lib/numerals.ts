/**
 * Chinese numerals as issue titles write them (第八期, 第十一期, 第二百零三期, 第一千期).
 * Covers 1 to 99 999 999, far beyond any weekly archive.
 */

const DIGITS = '零一二三四五六七八九';
const DIGIT_VALUE: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  壹: 1,
  二: 2,
  两: 2,
  贰: 2,
  三: 3,
  叁: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};
const TENS_CHARACTERS: Record<string, string> = { 廿: '二十', 卅: '三十', 卌: '四十' };
const UNIT_VALUE: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const SMALL_UNITS = ['', '十', '百', '千'];

/**
 * Parses a Chinese numeral; returns `undefined` when the text is not one.
 * @example parseChineseNumeral('二百零三') // 203
 * @example parseChineseNumeral('十一') // 11
 * @example parseChineseNumeral('廿一') // 21
 */
export function parseChineseNumeral(written: string): number | undefined {
  if (!written) return undefined;
  if (/^\d+$/.test(written)) return Number(written);
  // 廿, 卅 and 卌 are one character for 二十, 三十 and 四十 (第廿一期).
  const text = written.replace(/[廿卅卌]/g, (tens) => TENS_CHARACTERS[tens] ?? tens);
  const [high, low, ...rest] = text.split('万');
  if (rest.length > 0) return undefined;
  if (low === undefined) return parseBelowTenThousand(text);
  const highValue = parseBelowTenThousand(high ?? '');
  const lowValue = low === '' ? 0 : parseBelowTenThousand(low);
  if (highValue === undefined || lowValue === undefined) return undefined;
  return highValue * 10_000 + lowValue;
}

function parseBelowTenThousand(text: string): number | undefined {
  if (!text) return undefined;
  let total = 0;
  let pending: number | undefined;
  let lastUnit = Infinity;
  for (const char of text) {
    const digit = DIGIT_VALUE[char];
    const unit = UNIT_VALUE[char];
    if (digit !== undefined) {
      // Two digits in a row only after 零 (二百零三); 一〇 is not a counting numeral.
      if (pending !== undefined && pending !== 0) return undefined;
      pending = digit;
    } else if (unit !== undefined) {
      if (unit >= lastUnit) return undefined;
      // A bare 十 means 一十: at the start (十一 = 11), after 零 (一千零十 = 1010: 零 counts no tens),
      // or right after a larger unit, as 一百十 (110) is said.
      const bareTen = unit === 10 && (pending === 0 || pending === undefined);
      total += (bareTen ? 1 : (pending ?? NaN)) * unit;
      if (Number.isNaN(total)) return undefined;
      pending = undefined;
      lastUnit = unit;
    } else {
      return undefined;
    }
  }
  return total + (pending ?? 0);
}

/**
 * Writes a positive integer as a Chinese numeral, the way titles do.
 * @example formatChineseNumeral(11) // '十一'
 * @example formatChineseNumeral(1010) // '一千零一十'
 */
export function formatChineseNumeral(value: number): string {
  if (!Number.isInteger(value) || value < 0 || value >= 100_000_000) {
    throw new RangeError(`Cannot write ${value} as a Chinese numeral`);
  }
  if (value === 0) return '零';
  const high = Math.floor(value / 10_000);
  const low = value % 10_000;
  if (high === 0) return formatBelowTenThousand(low, true);
  const lowText = low === 0 ? '' : (low < 1000 ? '零' : '') + formatBelowTenThousand(low, false);
  return `${formatBelowTenThousand(high, true)}万${lowText}`;
}

function formatBelowTenThousand(value: number, leading: boolean): string {
  let text = '';
  let zeroPending = false;
  for (let position = 3; position >= 0; position--) {
    const digit = Math.floor(value / 10 ** position) % 10;
    if (digit === 0) {
      zeroPending = text !== '';
      continue;
    }
    if (zeroPending) text += '零';
    zeroPending = false;
    // 十一, not 一十一, when the numeral starts with the tens.
    const omitOne = leading && text === '' && position === 1 && digit === 1;
    text += (omitOne ? '' : DIGITS.charAt(digit)) + (SMALL_UNITS[position] ?? '');
  }
  return text;
}

/**
 * Finds the issue number in a title such as "OpenStack社区动态第八期(02.03-02.15)", in any width.
 * @example parseIssueNumber('OpenStack社区动态第十一期') // 11
 * @example parseIssueNumber('第廿一期') // 21
 */
export function parseIssueNumber(title: string): number | undefined {
  const match = /第\s*([零〇一二两三四五六七八九十廿卅卌百千万壹贰叁肆伍陆柒捌玖拾佰仟\d]+)\s*期/.exec(title.normalize('NFKC'));
  return match?.[1] === undefined ? undefined : parseChineseNumeral(match[1]);
}

/**
 * Finds the issue number in an English title: "Issue 8", "Issue #8", "Issue No. 8", in any case and width.
 * @example parseEnglishIssueNumber('OpenStack Community Digest, Issue #21') // 21
 */
export function parseEnglishIssueNumber(title: string): number | undefined {
  const match = /\bissue\s*(?:#|no\.?|number)?\s*(\d+)(?!\d)/i.exec(title.normalize('NFKC'));
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/** Writes 第N期 for an issue number. @example formatIssueLabel(8) // '第八期' */
export function formatIssueLabel(value: number): string {
  return `第${formatChineseNumeral(value)}期`;
}
