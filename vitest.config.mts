import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Installs PowerShell and Chromium when they are missing (or says how): `npm test` alone is enough.
    globalSetup: ['test/setup/prerequisites.ts'],
    // Tests start real servers, real pwsh and a real browser: give them room on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    // The JSON report lets CI print one "N passed, N failed" line.
    reporters: ['default', ['json', { outputFile: '.vitest-results.json' }]],
  },
});
