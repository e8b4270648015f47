/**
 * 普法 quizzes in Chromium: without JavaScript every answer can be opened; with it, a reader
 * using only the keyboard answers and sees the score; printed, the answer key is a page of its own.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builds } from '../helpers/build';
import type { StaticServer } from '../../tooling/nginx';
import { closeSite, openSite } from '../helpers/site-browser';

let server: StaticServer;
let browser: Browser;
const ARTICLE = 'legal/jiaotong-anquan-xiaoxue/';

beforeAll(async () => ({ server, browser } = await openSite(builds.sample)));
afterAll(() => closeSite(server, browser));

async function open(javaScriptEnabled: boolean): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const ctx = await browser.newContext({ javaScriptEnabled, viewport: { width: 390, height: 800 } });
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}${ARTICLE}`, { waitUntil: 'networkidle' });
  return { page, errors, close: () => ctx.close() };
}

describe('a 普法 quiz', () => {
  it('without JavaScript: every answer and explanation opens from its <details>', async () => {
    const { page, errors, close } = await open(false);
    const summaries = page.locator('details.quiz__answer > summary');
    const n = await summaries.count();
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) {
      await summaries.nth(i).click();
      const details = page.locator('details.quiz__answer').nth(i);
      expect(await details.getAttribute('open')).not.toBeNull();
      expect(await details.locator('p', { hasText: '解析：' }).isVisible()).toBe(true);
      expect(await details.locator('p', { hasText: '答案：' }).isVisible()).toBe(true);
    }
    // No scoring button without the script: nothing that would not work is offered.
    expect(await page.locator('[data-quiz-actions]').isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await close();
  });

  it('with JavaScript: answered by keyboard alone, it announces the score and opens the explanations', async () => {
    const { page, errors, close } = await open(true);
    const items = page.locator('.quiz__item');
    const count = await items.count();
    const answers = await items.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-answer'))));
    // Tab into each radio group, move to the right option with the arrow keys (which also selects it).
    await page.locator('.quiz__option input').first().focus();
    for (let q = 0; q < count; q++) {
      if (q > 0) {
        // From the previous group, Tab goes to its <details> summary, then on to this group's radios.
        await page.keyboard.press('Tab');
        await page.keyboard.press('Tab');
      }
      expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe(`quiz-${q + 1}`);
      await page.keyboard.press('Space');
      // Leave question 2 wrong on purpose when it has a wrong option, to see the score count it.
      const target = q === 1 ? (answers[q] === 0 ? 1 : 0) : answers[q]!;
      for (let k = 0; k < target; k++) await page.keyboard.press('ArrowDown');
    }
    // Tab past the last explanation to the submit button, then Enter.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('提交答案');
    const focusVisible = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle !== 'none');
    expect(focusVisible).toBe(true);
    await page.keyboard.press('Enter');
    const status = page.locator('[data-quiz-score][role="status"]');
    await expect.poll(() => status.textContent()).toContain(`得分：${count - 1} / ${count}`);
    expect(await page.locator('details.quiz__answer[open]').count()).toBe(count);
    expect(await items.nth(1).getAttribute('data-result')).toBe('wrong');
    // It records nothing anywhere.
    expect(await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie])).toEqual([0, 0, '']);
    expect(errors).toEqual([]);
    await close();
  });

  it('prints as a worksheet with the answer key on a page of its own', async () => {
    const { page, close } = await open(true);
    await page.emulateMedia({ media: 'print' });
    const pdfPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gkl-quiz-')), 'handout.pdf');
    await page.pdf({ path: pdfPath, format: 'A4', printBackground: true });
    await close();
    const pages = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' })
      .split('\f')
      .filter((p) => p.trim());
    const keyPage = pages.findIndex((p) => p.includes('参考答案'));
    expect(keyPage).toBe(pages.length - 1);
    expect(keyPage).toBeGreaterThan(0);
    // The questions are on earlier pages, without their answers; the key page holds only the key.
    const before = pages.slice(0, keyPage).join('\n');
    expect(before).toContain('知识自测');
    expect(before).toContain('姓名');
    expect(before).not.toContain('答案：');
    expect(pages[keyPage]).not.toContain('知识自测');
    expect(pages[keyPage]).toMatch(/第 1 题：\s*[A-D]/);
    // No site chrome on the handout.
    expect(pages.join('\n')).not.toContain('高对比度');
  });
});
