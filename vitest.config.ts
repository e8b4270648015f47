import { defineConfig } from 'vitest/config';

// Tests run in Shanghai time with a fixed "today" so date-derived facts never flake.
process.env.TZ = 'Asia/Shanghai';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    env: { TZ: 'Asia/Shanghai', SITE_TODAY: '2026-11-20' },
    testTimeout: 30_000,
    hookTimeout: 240_000,
  },
});
