// Reading numbers as Chinese texts write them: Arabic digits, Chinese numerals
// (两, 十二, 二十一, 一百二十, 三千零五), digit strings (二〇二三) and the
// magnitudes 万/亿 that follow either. Arithmetic on decimals goes through
// strings so that 16.4亿 is exactly 1640000000, not 1639999999.9999998.

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
  壹: 1, 贰: 2, 叁: 3, 肆: 4, 伍: 5, 陆: 6, 柒: 7, 捌: 8, 玖: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** The forms of cheques and contracts (大写数字). */
export const FINANCIAL_NUMERAL_CHARS = '壹贰叁肆伍陆柒捌玖拾佰仟';
/** Characters that can make up a Chinese numeral. */
export const CHINESE_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿' + FINANCIAL_NUMERAL_CHARS;

/** ① … ⑳: items of a list (①实施…；②完成…) or, right after a word or a quotation, references to notes (省瞪羚企业⑤). */
export const CIRCLED_NUMBERS = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

export function isCircledNumber(ch: string | undefined): boolean {
  return ch !== undefined && ch.length === 1 && CIRCLED_NUMBERS.includes(ch);
}

export function isChineseDigit(ch: string): boolean {
  return ch in DIGITS;
}

/**
 * The value of a Chinese numeral such as 十二, 二十一, 一百二十, 三千零五, 两,
 * 一万二千 or a digit string such as 二〇二三; null when the string is not one.
 */
export function parseChineseNumeral(s: string): number | null {
  if (s.length === 0) return null;
  const chars = [...s];
  if (!chars.every((c) => c in DIGITS || c in SMALL_UNITS || c in BIG_UNITS)) return null;
  // A run of digits with no unit characters reads digit by digit (二〇二三).
  if (chars.length > 1 && chars.every((c) => c in DIGITS)) {
    return Number(chars.map((c) => DIGITS[c]).join(''));
  }
  return foldNumeral(chars.map((c) => (c in DIGITS ? DIGITS[c]! : c)));
}

/**
 * The value of a numeral given as digits (numbers) and unit characters
 * (十百千万亿), in the order written: [1, '万', 6, '千'] is 16000.
 */
function foldNumeral(tokens: (number | string)[]): number {
  let total = 0; // everything already closed by 亿
  let section = 0; // the part before the current 万
  let current = 0; // the part below 万
  let digit: number | null = null;
  for (const c of tokens) {
    if (typeof c === 'number') {
      digit = c;
    } else if (c in SMALL_UNITS) {
      // 十 alone at the start means 一十
      current += (digit ?? 1) * SMALL_UNITS[c]!;
      digit = null;
    } else {
      const unit = BIG_UNITS[c]!;
      // 万 or 亿 with nothing before it (上亿, 万亿) counts one of them.
      const nothingYet = total === 0 && section === 0 && current === 0 && digit === null;
      const value = nothingYet ? 1 : current + (digit ?? 0);
      if (unit === 1e8) {
        total = (total + section + value) * 1e8;
        section = 0;
      } else {
        section = (section + value) * 1e4;
      }
      current = 0;
      digit = null;
    }
  }
  return total + section + current + (digit ?? 0);
}

/**
 * The value of a numeral mixing Arabic digits with Chinese units, as in
 * 1万6千, 1亿3千万, 4亿1千5百万: each Arabic run is one digit of the
 * Chinese reading. Null when the string is not one.
 */
export function parseMixedNumeral(s: string): number | null {
  const tokens = s.match(/\d+|[^\d]/g);
  if (!tokens || !tokens.every((t) => /^\d+$/.test(t) || t in DIGITS || t in SMALL_UNITS || t in BIG_UNITS)) return null;
  return foldNumeral(tokens.map((t) => (/^\d+$/.test(t) ? Number(t) : t in DIGITS ? DIGITS[t]! : t)));
}

/**
 * Multiplies a decimal written as a string by 10^power without floating-point
 * error: scaleDecimal("16.4", 8) === 1640000000.
 */
export function scaleDecimal(decimal: string, power: number): number {
  const negative = decimal.startsWith('-');
  const body = negative ? decimal.slice(1) : decimal;
  const [intPart = '0', fracPart = ''] = body.split('.');
  let digits = intPart + fracPart;
  let point = intPart.length + power;
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits = digits + '0'.repeat(point - digits.length);
  const text = `${digits.slice(0, point) || '0'}.${digits.slice(point) || '0'}`;
  const value = Number(text);
  return negative ? -value : value;
}

/** Powers of ten of the magnitude characters that fold into a value. */
export const MAGNITUDE_POWERS: Record<string, number> = { 万: 4, 亿: 8, 万亿: 12 };

/**
 * The value of an Arabic decimal followed by an optional magnitude (4.2万,
 * 1.3万亿, 282773); full-width digits are expected to be folded already.
 */
export function parseArabicWithMagnitude(decimal: string, magnitude = ''): number {
  const clean = decimal.replace(/,/g, '');
  return scaleDecimal(clean, MAGNITUDE_POWERS[magnitude] ?? 0);
}

/**
 * The value of a fraction written 三分之一 / 3分之1 (numerator after 分之),
 * as a percentage: 三分之一 is 33.33…; null when either side is not a number.
 */
export function parseFractionPercent(denominator: string, numerator: string): number | null {
  const d = parseAnyNumeral(denominator);
  const n = parseAnyNumeral(numerator);
  if (d === null || n === null || d === 0) return null;
  return (n * 100) / d;
}

/**
 * A Chinese decimal written with 点 (八点二, 四点二五, 二十一点八) as a decimal
 * string ("8.2"); the part after 点 reads digit by digit. Null when either
 * side is not a numeral or the fraction is empty.
 */
export function chineseDecimal(integer: string, fraction: string): string | null {
  const whole = parseChineseNumeral(integer);
  const chars = [...fraction];
  if (whole === null || chars.length === 0 || !chars.every((c) => c in DIGITS)) return null;
  return `${whole}.${chars.map((c) => DIGITS[c]).join('')}`;
}

/** An Arabic decimal or a Chinese numeral, whichever the string is. */
export function parseAnyNumeral(s: string): number | null {
  if (/^\d+(?:,\d{3})*(?:\.\d+)?$/.test(s)) return parseArabicWithMagnitude(s);
  return parseChineseNumeral(s);
}
