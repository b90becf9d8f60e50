import { convertToSimplified } from '../normalize/script.js';

/**
 * A user's query gets the same folding as the stored text (NFKC, Simplified),
 * so that 醫院 or full-width ＤＲＧ find what 医院 and DRG find.
 */
export function normalizeQueryText(input: string): string {
  const folded = input.normalize('NFKC');
  return /\p{Script=Han}/u.test(folded) ? convertToSimplified(folded) : folded;
}
