/**
 * The one "today" of every test (SITE_TODAY): date-derived facts (overdue tasks, deadlines,
 * 公示 periods) never depend on the day the tests run. vitest.config.ts sets it for every test
 * process; tests that build or check pass it on.
 */
export const TODAY = '2026-11-20';
