import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // CLI tests spawn the built command and load the segmenter's dictionary.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
