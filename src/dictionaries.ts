// Domain knowledge lives as data in dictionaries/ at the package root; this
// resolves it from both src/ (tests) and dist/ (the installed CLI).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function dictionaryPath(name: string): string {
  return fileURLToPath(new URL(`../dictionaries/${name}`, import.meta.url));
}

const cache = new Map<string, unknown>();

export function loadDictionary<T>(name: string): T {
  if (!cache.has(name)) cache.set(name, JSON.parse(readFileSync(dictionaryPath(name), 'utf8')));
  return cache.get(name) as T;
}
