// Domain knowledge lives as data in dictionaries/ at the package root; this
// resolves it from both src/ (tests) and dist/ (the installed CLI).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function dictionaryPath(name: string): string {
  return fileURLToPath(new URL(`../dictionaries/${name}`, import.meta.url));
}

/** A string matched literally inside a regular expression. */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The regex source that matches any of the words, longest first (so 工作报告 wins over 报告). */
export const wordAlternation = (words: readonly string[]): string =>
  [...words].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');

const cache = new Map<string, unknown>();

export function loadDictionary<T>(name: string): T {
  if (!cache.has(name)) cache.set(name, JSON.parse(readFileSync(dictionaryPath(name), 'utf8')));
  return cache.get(name) as T;
}
