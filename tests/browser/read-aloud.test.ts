/**
 * 朗读 (read aloud, issue 19) in real Chromium through nginx, with a stand-in speech synthesis
 * (tests/helpers/speech.ts): pressing 朗读 speaks the page's main content as zh-CN utterances in
 * the Chinese voice, sentence by sentence; 暂停/继续 pause and resume, 停止 cancels and resets;
 * all of it by keyboard. The control shows on text pages only, and never where it could not work:
 * no speech synthesis, no on-device Chinese voice, or JavaScript off. The reader's script is not
 * fetched until 朗读 is pressed, and the page's up-front script stays within 2 KB gzipped.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaticServer } from '../../tooling/nginx';
import { builds } from '../helpers/build';
import { templatePages } from '../helpers/templates';
import { EN_VOICE, fakeSpeech, REMOTE_ZH_VOICE, TW_VOICE, ZH_VOICE, type FakeSpeechOptions, type SpeechLog } from '../helpers/speech';
import { MAX_UTTERANCE } from '../../src/lib/speech/utterances';
import { SHARED_SCRIPT_BUDGET } from '../../src/lib/site/page-weight';
import { closeSite, openSite } from '../helpers/site-browser';

const dist = builds.sample;
const templates = Object.fromEntries(templatePages(dist));
/** Templates with a body of their own get 朗读 (src/layouts/BaseLayout.astro); lists of titles, search and 404 do not. */
const TEXT = ['home', 'plan', 'village', 'finance disclosure', 'list disclosure', 'notice', 'article', 'dataset', 'unit'];
const NOT_TEXT = ['plans', 'plan filter', 'disclosures', 'legal', 'legal filter', 'data', 'units', 'search'];
const QUIZ_ARTICLE = 'legal/jiaotong-anquan-xiaoxue/';

let server: StaticServer;
let browser: Browser;

beforeAll(async () => ({ server, browser } = await openSite(dist)));
afterAll(() => closeSite(server, browser));

async function open(
  p: string,
  speech: FakeSpeechOptions | null,
  options: { javaScriptEnabled?: boolean } = {},
): Promise<{ ctx: BrowserContext; page: Page; scripts: string[] }> {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 800 }, ...options });
  if (speech) await ctx.addInitScript(fakeSpeech, speech);
  const page = await ctx.newPage();
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  expect((await page.goto(server.url + p, { waitUntil: 'networkidle' }))?.status()).toBe(200);
  return { ctx, page, scripts };
}

const log = (page: Page) => page.evaluate(() => (window as unknown as { __speech: SpeechLog }).__speech);
const play = (page: Page) => page.locator('read-aloud [data-ra="play"]');
const pauseButton = (page: Page) => page.locator('read-aloud [data-ra="pause"]');
const stopButton = (page: Page) => page.locator('read-aloud [data-ra="stop"]');
const status = (page: Page) => page.locator('read-aloud [data-ra="status"]');
const squash = (s: string) => s.replace(/\s+/g, '');
const isReader = (src: string) => /ReadAloudReader[^/]*\.js$/.test(src);

/** Tab until `target` has focus (at most `max` presses); whether it got there. */
async function tabTo(page: Page, target: string, max = 40): Promise<boolean> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((sel) => document.activeElement === document.querySelector(sel), target)) return true;
  }
  return false;
}

describe('朗读 with an on-device Chinese voice', () => {
  it('reads a plan: its h1 and body as zh-CN utterances in the Chinese voice, none too long, the reader loaded only on the press', async () => {
    const { ctx, page, scripts } = await open(templates.plan!, { voices: [EN_VOICE, ZH_VOICE] });
    await expect.poll(() => play(page).isVisible()).toBe(true);
    expect(await play(page).getAttribute('aria-pressed')).toBe('false');
    expect(await pauseButton(page).isVisible()).toBe(false);
    // Up front: the shared script only, within 2 KB gzipped; the reader waits for the press.
    expect(scripts).toEqual(['/assets/prefs.js']);
    const upFront = scripts.reduce((n, s) => n + gzipSync(fs.readFileSync(path.join(dist, s))).length, 0);
    expect(upFront).toBeLessThanOrEqual(SHARED_SCRIPT_BUDGET);

    const { h1, sentence } = await page.evaluate(() => {
      const p = [...document.querySelectorAll('main p')].find((x) => !x.closest('read-aloud, nav') && (x.textContent ?? '').includes('。'))!;
      return { h1: document.querySelector('main h1')!.textContent ?? '', sentence: (p.textContent ?? '').split('。')[0]! };
    });
    await play(page).click();
    await expect.poll(() => status(page).textContent()).toBe('已读完。');
    expect(scripts.filter(isReader)).toHaveLength(1);
    const { spoken } = await log(page);
    expect(spoken.length).toBeGreaterThan(3);
    const all = squash(spoken.map((u) => u.text).join(''));
    expect(all).toContain(squash(h1));
    expect(sentence.length).toBeGreaterThan(4);
    expect(all).toContain(squash(sentence));
    for (const u of spoken) {
      expect(u.lang).toBe('zh-CN');
      expect(u.voice).toBe(ZH_VOICE.name);
      expect(u.text.length).toBeLessThanOrEqual(MAX_UTTERANCE);
    }
    // Not read: the site's header, navigation and footer, the control itself.
    expect(all).not.toContain('跳到正文');
    expect(all).not.toContain('主办：');
    expect(all).not.toContain('暂停');
    // Finished: the control is back at rest.
    expect(await play(page).getAttribute('aria-pressed')).toBe('false');
    expect(await stopButton(page).isVisible()).toBe(false);
    await ctx.close();
  });

  it('pauses, resumes and stops: 暂停 calls pause, 继续 resume, 停止 cancels and resets the control', async () => {
    const { ctx, page } = await open(templates.plan!, { voices: [ZH_VOICE], ms: 400 });
    await play(page).click();
    await expect.poll(async () => (await log(page)).spoken.length).toBeGreaterThan(0);
    expect(await play(page).getAttribute('aria-pressed')).toBe('true');
    expect(await status(page).textContent()).toBe('正在朗读本页正文。');
    await pauseButton(page).click();
    expect((await log(page)).calls).toContain('pause');
    expect(await pauseButton(page).textContent()).toBe('继续');
    expect(await status(page).textContent()).toContain('已暂停');
    const held = (await log(page)).spoken.length;
    await page.waitForTimeout(900);
    expect((await log(page)).spoken.length, 'nothing more is spoken while paused').toBe(held);
    await pauseButton(page).click();
    expect((await log(page)).calls).toContain('resume');
    expect(await pauseButton(page).textContent()).toBe('暂停');
    await expect.poll(async () => (await log(page)).spoken.length).toBeGreaterThan(held);
    const cancels = (await log(page)).calls.filter((c) => c === 'cancel').length;
    await stopButton(page).click();
    const after = await log(page);
    expect(after.calls.filter((c) => c === 'cancel').length).toBe(cancels + 1);
    expect(await play(page).getAttribute('aria-pressed')).toBe('false');
    expect(await pauseButton(page).isVisible()).toBe(false);
    expect(await stopButton(page).isVisible()).toBe(false);
    expect(await status(page).textContent()).toBe('已停止。');
    // The stop button went away; the keyboard is on 朗读, not lost.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-ra'))).toBe('play');
    await page.waitForTimeout(900);
    expect((await log(page)).spoken.length, 'nothing more is spoken after 停止').toBe(after.spoken.length);
    // And it starts again from the top.
    await play(page).click();
    await expect.poll(async () => (await log(page)).spoken.length).toBeGreaterThan(after.spoken.length);
    expect((await log(page)).spoken[after.spoken.length]!.text).toBe((await log(page)).spoken[0]!.text);
    await ctx.close();
  });

  it('works from the keyboard: Tab to 朗读 (focus visible), Enter starts, Space pauses, Enter stops', async () => {
    const { ctx, page } = await open(templates.article!, { voices: [ZH_VOICE], ms: 400 });
    await expect.poll(() => play(page).isVisible()).toBe(true);
    expect(await tabTo(page, 'read-aloud [data-ra="play"]')).toBe(true);
    const ring = await page.evaluate(() => {
      const cs = getComputedStyle(document.activeElement!);
      return cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2;
    });
    expect(ring).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await log(page)).spoken.length).toBeGreaterThan(0);
    expect(await play(page).getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-ra'))).toBe('pause');
    await page.keyboard.press('Space');
    expect((await log(page)).calls).toContain('pause');
    expect(await pauseButton(page).textContent()).toBe('继续');
    await page.keyboard.press('Space');
    expect((await log(page)).calls).toContain('resume');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-ra'))).toBe('stop');
    await page.keyboard.press('Enter');
    expect((await log(page)).calls.at(-1)).toBe('cancel');
    expect(await play(page).getAttribute('aria-pressed')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-ra'))).toBe('play');
    await ctx.close();
  });

  it('reads a ledger row as its cells after their column headers, or says a long table is not read and reads its totals', async () => {
    const { ctx, page } = await open(templates['finance disclosure']!, { voices: [ZH_VOICE] });
    const tables = await page.evaluate(() =>
      [...document.querySelectorAll('main table')].map((t) => {
        const table = t as HTMLTableElement;
        const headers = [...(table.tHead?.rows[table.tHead.rows.length - 1]?.cells ?? [])].map((c) => (c.textContent ?? '').trim());
        const first = table.tBodies[0]?.rows[0];
        const cell = first ? [...first.cells].findIndex((c) => (c.textContent ?? '').trim() !== '') : -1;
        return {
          rows: [...table.tBodies].reduce((n, b) => n + b.rows.length, 0),
          pair: first && cell >= 0 ? `${headers[cell] ?? ''}：${(first.cells[cell]!.textContent ?? '').trim()}` : '',
          foot: [...(table.tFoot?.rows ?? [])].flatMap((r) => [...r.cells].map((c) => (c.textContent ?? '').replace(/\s+/g, ''))).filter((c) => c !== ''),
        };
      }),
    );
    expect(tables.length).toBeGreaterThan(0);
    await play(page).click();
    await expect.poll(() => status(page).textContent(), { timeout: 20_000 }).toBe('已读完。');
    const all = squash((await log(page)).spoken.map((u) => u.text).join(''));
    for (const t of tables) {
      if (t.rows <= 20) expect(all).toContain(squash(t.pair));
      else expect(all).toContain('不逐行朗读');
      for (const cell of t.foot) expect(all, 'the totals are always read').toContain(cell);
    }
    expect(all).toContain('表格');
    await ctx.close();
  });

  it('appears when the voices arrive late, with voiceschanged', async () => {
    const { ctx, page } = await open(templates.home!, { voices: [ZH_VOICE], lateMs: 300 });
    await expect.poll(() => play(page).isVisible()).toBe(true);
    await ctx.close();
  });
});

describe('where 朗读 is not offered', () => {
  const absent = async (page: Page) => {
    expect(await page.locator('read-aloud').count()).toBe(1);
    expect(await play(page).isVisible()).toBe(false);
    // Not focusable either: Tab never lands on it.
    expect(await tabTo(page, 'read-aloud [data-ra="play"]', 30)).toBe(false);
  };

  it('is absent without speech synthesis', async () => {
    const { ctx, page } = await open(templates.plan!, { voices: [], absent: true });
    await absent(page);
    await ctx.close();
  });

  it('is absent with only an English voice, a remote Chinese voice, or a zh-TW voice', async () => {
    for (const voices of [[EN_VOICE], [REMOTE_ZH_VOICE, EN_VOICE], [TW_VOICE]]) {
      const { ctx, page } = await open(templates.plan!, { voices, lateMs: 50 });
      await page.waitForTimeout(200);
      await absent(page);
      await ctx.close();
    }
  });

  it('is absent with JavaScript off, and nothing of it loads', async () => {
    const { ctx, page, scripts } = await open(templates.plan!, null, { javaScriptEnabled: false });
    await absent(page);
    expect(scripts.filter(isReader)).toEqual([]);
    await ctx.close();
  });

  it('stays out of site search: no indexed page starts with the control’s labels', () => {
    const dir = path.join(dist, 'pagefind/fragment');
    const fragments = fs.readdirSync(dir).map((f) => gunzipSync(fs.readFileSync(path.join(dir, f))).toString('utf8'));
    expect(fragments.length).toBeGreaterThan(100);
    // Pagefind separates the words of its content with zero-width spaces.
    const content = fragments.map((f) => f.replace(/\u200b/g, ''));
    expect(content.filter((f) => /"content":"[^"]*朗读 ?暂停 ?停止/.test(f))).toEqual([]);
    expect(content.some((f) => f.includes('"content":"'))).toBe(true);
  });

  it('is on text pages only, and the quiz article still loads the quiz and the shared script only', async () => {
    for (const name of TEXT) expect(fs.readFileSync(path.join(dist, templates[name]!, 'index.html'), 'utf8'), name).toContain('<read-aloud');
    for (const name of NOT_TEXT) expect(fs.readFileSync(path.join(dist, templates[name]!, 'index.html'), 'utf8'), name).not.toContain('<read-aloud');
    expect(fs.readFileSync(path.join(dist, '404.html'), 'utf8')).not.toContain('<read-aloud');
    const { ctx, page, scripts } = await open(QUIZ_ARTICLE, { voices: [ZH_VOICE] });
    await expect.poll(() => play(page).isVisible()).toBe(true);
    expect(scripts.filter(isReader)).toEqual([]);
    expect(scripts.length).toBe(2);
    await ctx.close();
  });
});
