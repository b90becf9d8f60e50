// The statistics behind compare and collocates, against figures worked out by hand.
import { describe, expect, it } from 'vitest';
import { collocationScores, gSquared, keyTerms, keynessG2, logRatio, significance } from '../src/query/keyness.js';

describe('keyness log-likelihood', () => {
  it('is 2·Σ O·ln(O/E) over the two corpora', () => {
    // 10 of 1000 tokens against 5 of 2000: E = 1000·15/3000 = 5 and 2000·15/3000 = 10,
    // G² = 2·(10·ln 2 + 5·ln ½) = 10·ln 2.
    expect(keynessG2(10, 5, 1000, 2000)).toBeCloseTo(10 * Math.LN2, 10);
    expect(keynessG2(10, 5, 1000, 2000)).toBeCloseTo(6.931472, 6);
  });

  it('counts nothing for a side where the term is absent (0·ln 0 = 0)', () => {
    // 4 of 100 against 0 of 100: E = 2 and 2, G² = 2·4·ln 2.
    expect(keynessG2(4, 0, 100, 100)).toBeCloseTo(5.545177, 6);
    expect(keynessG2(0, 0, 100, 100)).toBe(0);
  });

  it('is symmetric in the two sides', () => {
    expect(keynessG2(5, 10, 2000, 1000)).toBeCloseTo(keynessG2(10, 5, 1000, 2000), 12);
  });
});

describe('log ratio', () => {
  it('is log2 of the ratio of the relative frequencies', () => {
    // 10/1000 = 0.01 against 5/2000 = 0.0025: four times as frequent, log2 4 = 2.
    expect(logRatio(10, 5, 1000, 2000)).toBeCloseTo(2, 12);
    expect(logRatio(5, 10, 2000, 1000)).toBeCloseTo(-2, 12);
  });

  it('reads a zero count as 0.5 so that a term absent from one side has a finite size', () => {
    // 4/100 against 0.5/100: log2 8 = 3.
    expect(logRatio(4, 0, 100, 100)).toBeCloseTo(3, 12);
  });
});

describe('significance marks', () => {
  it('use the χ² critical values with one degree of freedom', () => {
    expect(significance(3.83)).toBe('');
    expect(significance(3.84)).toBe('*');
    expect(significance(6.93)).toBe('**');
    expect(significance(10.83)).toBe('***');
    expect(significance(15.13)).toBe('****');
  });
});

describe('keyTerms', () => {
  it('puts each term on the side that uses it more and ranks by G²', () => {
    const a = new Map([['改革', 10], ['创新', 1], ['开放', 3]]);
    const b = new Map([['改革', 5], ['创新', 12], ['开放', 6]]);
    const rows = keyTerms(a, b, 1000, 2000);
    const reform = rows.find((r) => r.term === '改革')!;
    expect(reform).toMatchObject({ side: 'A', count_a: 10, count_b: 5, sig: '**', p: 0.01 });
    expect(reform.g2).toBeCloseTo(6.931472, 6);
    expect(reform.log_ratio).toBeCloseTo(2, 12);
    // 开放 is used at the same rate on both sides (3/1000 = 6/2000): G² 0, log ratio 0.
    const open = rows.find((r) => r.term === '开放')!;
    expect(open.g2).toBeCloseTo(0, 12);
    expect(open.log_ratio).toBeCloseTo(0, 12);
    expect(rows.find((r) => r.term === '创新')!.side).toBe('B');
    expect(rows.map((r) => r.g2)).toEqual([...rows.map((r) => r.g2)].sort((x, y) => y - x));
  });

  it('leaves out terms seen fewer than minCount times in both together', () => {
    const rows = keyTerms(new Map([['一次', 1]]), new Map(), 100, 100);
    expect(rows).toEqual([]);
    expect(keyTerms(new Map([['一次', 1]]), new Map(), 100, 100, 1)).toHaveLength(1);
  });
});

describe('collocation scores', () => {
  it('compute expected, PMI and G² from the 2×2 table of tokens', () => {
    // 2 of the 10 tokens in the windows are the collocate, which has 4 tokens in 100:
    // E11 = 10·4/100 = 0.4, PMI = log2(2/0.4) = log2 5,
    // table O = 2, 8, 2, 88 against E = 0.4, 9.6, 3.6, 86.4.
    const s = collocationScores(2, 10, 4, 100);
    expect(s.expected).toBeCloseTo(0.4, 12);
    expect(s.pmi).toBeCloseTo(Math.log2(5), 12);
    expect(s.g2).toBeCloseTo(4.398908, 6);
    expect(s.g2).toBeCloseTo(gSquared([2, 8, 2, 88], [0.4, 9.6, 3.6, 86.4]), 12);
  });
});
