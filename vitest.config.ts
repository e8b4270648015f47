import { defineConfig } from 'vitest/config';
import { TODAY } from './tests/today';

// Tests run in Shanghai time with a fixed "today" so date-derived facts never flake.
process.env.TZ = 'Asia/Shanghai';
const env = { TZ: 'Asia/Shanghai', SITE_TODAY: TODAY };

export default defineConfig({
  test: {
    // Prints process.version once per run and refuses a Node other than the pinned one.
    globalSetup: ['tests/node-version.ts'],
    projects: [
      // Pure src/lib tests: fast, no build.
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], env } },
      // Real builds of fixture content roots (tests/global-setup.ts), read from disk and in Chromium.
      {
        test: {
          name: 'site',
          include: ['tests/build/**/*.test.ts', 'tests/browser/**/*.test.ts'],
          globalSetup: ['tests/global-setup.ts'],
          env,
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
