// The statistics of comparing word counts, as pure functions over exact counts.
// Keyness follows Rayson & Garside (2000): the log-likelihood G² of a term's
// count in two corpora, with Hardie's (2014) log ratio as the effect size.
// Collocation strength uses Dunning's (1993) G² over the full 2×2 table and
// pointwise mutual information.

/** G² = 2 Σ O·ln(O/E); a cell observed zero times adds nothing (0·ln 0 = 0). */
export function gSquared(observed: readonly number[], expected: readonly number[]): number {
  let sum = 0;
  observed.forEach((o, i) => {
    if (o > 0) sum += o * Math.log(o / expected[i]!);
  });
  return 2 * sum;
}

/**
 * Keyness log-likelihood of a term seen `a` times in a corpus of `totalA`
 * tokens and `b` times in one of `totalB`: the two-cell form used by
 * Wmatrix and AntConc, E_A = totalA·(a+b)/(totalA+totalB).
 */
export function keynessG2(a: number, b: number, totalA: number, totalB: number): number {
  const total = totalA + totalB;
  if (total === 0 || a + b === 0) return 0;
  const expectedA = (totalA * (a + b)) / total;
  const expectedB = (totalB * (a + b)) / total;
  return gSquared([a, b], [expectedA, expectedB]);
}

/** The count used for zero in the log ratio, so that a term absent from one side has a finite size. */
export const ZERO_ADJUSTMENT = 0.5;

/** log2 of the ratio of relative frequencies (A over B); 1 = twice as frequent in A. */
export function logRatio(a: number, b: number, totalA: number, totalB: number): number {
  const ra = (a || ZERO_ADJUSTMENT) / totalA;
  const rb = (b || ZERO_ADJUSTMENT) / totalB;
  return Math.log2(ra / rb);
}

/** Critical values of χ² with one degree of freedom, strongest first. */
export const SIGNIFICANCE: readonly { g2: number; p: number; mark: string }[] = [
  { g2: 15.13, p: 0.0001, mark: '****' },
  { g2: 10.83, p: 0.001, mark: '***' },
  { g2: 6.63, p: 0.01, mark: '**' },
  { g2: 3.84, p: 0.05, mark: '*' },
];

/** The stars of a G² value ('' when p ≥ 0.05). */
export function significance(g2: number): string {
  return SIGNIFICANCE.find((s) => g2 >= s.g2)?.mark ?? '';
}

/** The smallest p threshold a G² value passes (1 when it passes none). */
export function pValue(g2: number): number {
  return SIGNIFICANCE.find((s) => g2 >= s.g2)?.p ?? 1;
}

export interface KeyTerm {
  term: string;
  /** 'A' when relatively more frequent in A, else 'B' */
  side: 'A' | 'B';
  count_a: number;
  count_b: number;
  g2: number;
  log_ratio: number;
  p: number;
  sig: string;
}

/**
 * The terms over-used on each side, strongest G² first. Terms seen fewer than
 * `minCount` times in A and B together are left out: one occurrence is never key.
 */
export function keyTerms(
  countsA: ReadonlyMap<string, number>,
  countsB: ReadonlyMap<string, number>,
  totalA: number,
  totalB: number,
  minCount = 2,
): KeyTerm[] {
  const out: KeyTerm[] = [];
  for (const term of new Set([...countsA.keys(), ...countsB.keys()])) {
    const a = countsA.get(term) ?? 0;
    const b = countsB.get(term) ?? 0;
    if (a + b < minCount) continue;
    const g2 = keynessG2(a, b, totalA, totalB);
    const side = a / totalA >= b / totalB ? 'A' : 'B';
    out.push({ term, side, count_a: a, count_b: b, g2, log_ratio: logRatio(a, b, totalA, totalB), p: pValue(g2), sig: significance(g2) });
  }
  return out.sort((x, y) => y.g2 - x.g2 || Math.abs(y.log_ratio) - Math.abs(x.log_ratio) || x.term.localeCompare(y.term, 'zh'));
}

/**
 * Strength of a collocation from its 2×2 table over the tokens of the corpus:
 * `o11` tokens of the collocate inside the node's windows, `windowTokens`
 * tokens inside those windows, `collocateTokens` tokens of the collocate in
 * all, `total` tokens in all (the node's own tokens left out of every figure).
 */
export function collocationScores(
  o11: number,
  windowTokens: number,
  collocateTokens: number,
  total: number,
): { expected: number; g2: number; pmi: number } {
  const o12 = windowTokens - o11;
  const o21 = collocateTokens - o11;
  const o22 = total - windowTokens - collocateTokens + o11;
  const outside = total - windowTokens;
  const notCollocate = total - collocateTokens;
  const e = (row: number, col: number): number => (row * col) / total;
  const expected = e(windowTokens, collocateTokens);
  const g2 = gSquared(
    [o11, o12, o21, o22],
    [expected, e(windowTokens, notCollocate), e(outside, collocateTokens), e(outside, notCollocate)],
  );
  return { expected, g2, pmi: Math.log2(o11 / expected) };
}
