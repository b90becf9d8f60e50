import { describe, expect, it } from 'vitest';
import {
  CHINESE_NUMERAL_CHARS, chineseDecimal, isChineseDigit, MAGNITUDE_POWERS, parseAnyNumeral, parseArabicWithMagnitude,
  parseChineseNumeral, parseFractionPercent, parseMixedNumeral, scaleDecimal,
} from '../src/extract/numerals.js';

describe('parseChineseNumeral', () => {
  it.each([
    ['两', 2], ['十', 10], ['十二', 12], ['二十一', 21], ['一百二十', 120], ['三千零五', 3005],
    ['一万二千', 12000], ['百', 100], ['千万', 10000000], ['亿', 100000000], ['万亿', 1e12],
    ['一万亿', 1e12], ['十四亿', 1400000000], ['二〇二三', 2023], ['四亿零七百万', 407000000], ['一亿一千四百万', 114000000],
  ])('%s is %d', (s, v) => expect(parseChineseNumeral(s)).toBe(v));

  it.each(['', '年', '三个', '5'])('%j is not a numeral', (s) => expect(parseChineseNumeral(s)).toBeNull());
});

describe('parseMixedNumeral', () => {
  it.each([
    ['1万6千', 16000], ['2万5千', 25000], ['1亿3千万', 130000000], ['4亿1千5百万', 415000000], ['5千', 5000], ['12万5千', 125000],
  ])('%s is %d', (s, v) => expect(parseMixedNumeral(s)).toBe(v));
  it.each(['', '1万6千米', 'A万'])('%j is not a numeral', (s) => expect(parseMixedNumeral(s)).toBeNull());
});

describe('decimal arithmetic with magnitudes', () => {
  it.each([
    ['16.4', '亿', 1640000000], ['1.3', '万亿', 1300000000000], ['4.2', '万', 42000],
    ['14449.36', '万', 144493600], ['282,773', '', 282773], ['0.8', '', 0.8],
  ])('%s%s is exactly %d', (d, m, v) => expect(parseArabicWithMagnitude(d, m)).toBe(v));

  it('scales without floating-point error', () => {
    expect(scaleDecimal('16.4', 8)).toBe(1640000000);
    expect(scaleDecimal('0.07', 4)).toBe(700);
    expect(scaleDecimal('-2.5', 1)).toBe(-25);
  });

  it('knows the magnitude powers', () => {
    expect(MAGNITUDE_POWERS['万']).toBe(4);
    expect(MAGNITUDE_POWERS['亿']).toBe(8);
    expect(MAGNITUDE_POWERS['万亿']).toBe(12);
  });
});

describe('percent words and fractions', () => {
  it('百分之三十 reads through parseAnyNumeral', () => expect(parseAnyNumeral('三十')).toBe(30));
  it('三分之一 is a third, as a percentage', () => expect(parseFractionPercent('三', '一')).toBeCloseTo(33.333, 3));
  it('3分之2 works with Arabic digits', () => expect(parseFractionPercent('3', '2')).toBeCloseTo(66.667, 3));
});

describe('Chinese decimals with 点', () => {
  it.each([['八', '二', '8.2'], ['四', '二五', '4.25'], ['二十一', '八', '21.8'], ['零', '五', '0.5']])(
    '%s点%s is %s', (i, f, d) => expect(chineseDecimal(i, f)).toBe(d));
  it.each([['八', ''], ['八', '半'], ['X', '二'], ['三', '十']])('%s点%s is not a decimal', (i, f) => expect(chineseDecimal(i, f)).toBeNull());
});

describe('character classes', () => {
  it('两 and 〇 are digits, 十 is not', () => {
    expect(isChineseDigit('两')).toBe(true);
    expect(isChineseDigit('〇')).toBe(true);
    expect(isChineseDigit('十')).toBe(false);
    expect(CHINESE_NUMERAL_CHARS).toContain('亿');
  });
});
