/**
 * The publishing desk (/admin/) driven in real Chromium, in local mode, as an office works with
 * it: the directory picker is stubbed to return an origin-private file system pre-filled with the
 * fixture town's repository (a `.git` folder and the content root where desk.json says it is).
 * The desk creates a plan with a task, edits a list disclosure, refuses an ID number typed into a
 * field with the check's own message, and the files it wrote pass `npm run check` and build.
 * Loading it makes no request to another origin and throws no error; axe runs on its shell.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, builds, checkContent } from '../helpers/build';
import { LINHE } from '../helpers/content';
import { closeSite, openSite } from '../helpers/site-browser';
import type { StaticServer } from '../../tooling/nginx';
import { residentIdCheckChar } from '../../src/lib/privacy/identifiers';
import { deskMetaCsp } from '../../src/lib/site/csp';
import { deskAppFiles, isDeskFile } from '../../src/lib/site/desk';

const AXE = fs.readFileSync(path.join(import.meta.dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const SHOTS = path.join(import.meta.dirname, '../../.test-dist/desk');

interface DeskJson {
  config: { collections: Array<{ name: string; folder?: string }> };
}
const desk = JSON.parse(fs.readFileSync(path.join(builds.linhe, 'admin/desk.json'), 'utf8')) as DeskJson;
/** Where the content root sits in the repository, as the build found it (git) and wrote it into the config. */
const CONTENT_PATH = desk.config.collections.find((c) => c.name === 'plans')!.folder!.replace(/\/?plans$/, '');

/** Every file of the fixture content root, keyed by its path in the repository. */
function repositoryFiles(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rel of fs.readdirSync(LINHE, { recursive: true }) as string[]) {
    const abs = path.join(LINHE, rel);
    if (fs.statSync(abs).isFile()) out[[CONTENT_PATH, rel.split(path.sep).join('/')].filter(Boolean).join('/')] = fs.readFileSync(abs, 'utf8');
  }
  return out;
}

/** The stubbed directory picker: an origin-private folder holding the repository, filled once. */
function stubPicker(files: Record<string, string>) {
  const w = window as unknown as { showDirectoryPicker: () => Promise<FileSystemDirectoryHandle> };
  w.showDirectoryPicker = async () => {
    const root = await navigator.storage.getDirectory();
    const repo = await root.getDirectoryHandle('repo', { create: true });
    await repo.getDirectoryHandle('.git', { create: true });
    for (const [rel, text] of Object.entries(files)) {
      const parts = rel.split('/');
      let dir = repo;
      for (const p of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(p, { create: true });
      const handle = await dir.getFileHandle(parts.at(-1)!, { create: true });
      if ((await handle.getFile()).size > 0) continue;
      const writable = await handle.createWritable();
      await writable.write(text);
      await writable.close();
    }
    return repo;
  };
}

/** Every file now in the origin-private repository, keyed by its path. */
function readRepository(page: Page): Promise<Record<string, string>> {
  return page.evaluate(async () => {
    const out: Record<string, string> = {};
    const walk = async (dir: FileSystemDirectoryHandle, prefix: string) => {
      for await (const [name, handle] of (dir as unknown as { entries: () => AsyncIterable<[string, FileSystemHandle]> }).entries()) {
        if (handle.kind === 'directory') await walk(handle as FileSystemDirectoryHandle, `${prefix}${name}/`);
        else out[`${prefix}${name}`] = await (await (handle as FileSystemFileHandle).getFile()).text();
      }
    };
    await walk(await (await navigator.storage.getDirectory()).getDirectoryHandle('repo'), '');
    return out;
  });
}

const at = (rel: string) => [CONTENT_PATH, rel].filter(Boolean).join('/');
// Sveltia wraps names it inserts into labels in Unicode isolates (U+2068 … U+2069).
const named = (text: string) => new RegExp(`^${text.replace(/ /g, ' \\u2068?')}\\u2069?$`);

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const foreign: string[] = [];
const errors: string[] = [];
const original = repositoryFiles();

beforeAll(async () => {
  ({ server, browser } = await openSite(builds.linhe));
  fs.mkdirSync(SHOTS, { recursive: true });
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  await context.addInitScript(stubPicker, original);
  page = await context.newPage();
  const origin = new URL(server.url).origin;
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(`${origin}/`) && !url.startsWith('blob:') && !url.startsWith('data:')) foreign.push(url);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // The desk's own refusal is logged by the editor as the reason the save failed: expected once.
    if (m.type() === 'error' && !m.text().includes('未保存')) errors.push(`console: ${m.text()}`);
    // Sveltia validates the configuration against its own schema and names what it ignores.
    if (m.type() === 'warning' && /配置架构中未定义|不支持|not defined in the Sveltia CMS configuration schema/.test(m.text()))
      errors.push(`config: ${m.text()}`);
  });
});
afterAll(() => closeSite(server, browser));

const editor = () => page.getByRole('group', { name: '内容编辑器' });
const field = (scope: Locator, label: string) => scope.getByRole('group', { name: new RegExp(`「\\u2068?${label}\\u2069?」字段`) });

async function save(): Promise<void> {
  await page.getByRole('button', { name: '保存', exact: true }).click();
}

describe('the desk in the built site', () => {
  const dist = builds.linhe;
  const html = fs.readFileSync(path.join(dist, 'admin/index.html'), 'utf8');

  it('is kept out of robots, the sitemap and the search index, with its own policy', () => {
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(html).not.toContain('data-pagefind-body');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${deskMetaCsp()}">`);
    expect(fs.readFileSync(path.join(dist, 'robots.txt'), 'utf8')).toContain('Disallow: /admin/\n');
    const sitemaps = fs.readdirSync(dist).filter((f) => /^sitemap-.*\.xml$/.test(f));
    expect(sitemaps.length).toBeGreaterThan(0);
    for (const f of sitemaps) expect(fs.readFileSync(path.join(dist, f), 'utf8')).not.toContain('/admin/');
  });

  it('is the only page that loads its application, which sits in its own folder', () => {
    const app = deskAppFiles(dist);
    // Sveltia CMS and its chunks, fonts and WebAssembly, all under /admin/app-<key>/.
    expect(app.length).toBeGreaterThan(10);
    expect(app.filter((f) => f.endsWith('.wasm')).length).toBeGreaterThan(0);
    const entry = app.find((f) => /^admin\/app-[0-9a-f]{16}\/desk\.js$/.test(f))!;
    expect(fs.readFileSync(path.join(dist, 'admin/index.html'), 'utf8')).toContain(`<script type="module" src="/${entry}"></script>`);
    // Nothing of it is among the reader pages' assets.
    expect(fs.readdirSync(path.join(dist, '_astro')).filter((f) => /sveltia|heic|webp_enc|material-symbols/i.test(f))).toEqual([]);
    const pages = (fs.readdirSync(dist, { recursive: true }) as string[]).filter((f) => f.endsWith('.html') && !isDeskFile(f));
    expect(pages.length).toBeGreaterThan(20);
    const loading = pages.filter((f) => fs.readFileSync(path.join(dist, f), 'utf8').includes('/admin/app-'));
    expect(loading).toEqual([]);
  });
});

describe('the publishing desk in local mode', () => {
  it('opens at /admin/ in Chinese, with the local-folder choice, no other origin and no error', async () => {
    await page.goto(`${server.url}admin/`);
    await expect(page.getByRole('button', { name: '使用本地仓库' }).waitFor()).resolves.toBeUndefined();
    expect(await page.title()).toBe('麟禾镇政务公开栏 · 编辑台');
    await page.screenshot({ path: path.join(SHOTS, '1-signin.png') });
    await page.getByRole('button', { name: '使用本地仓库' }).click();
    await page.getByText(/您正在浏览「\u2068?实施方案\u2069?」集合/).waitFor();
    await page.screenshot({ path: path.join(SHOTS, '2-collections.png') });
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('creates a plan with a task, written as the content contract says', async () => {
    await page.evaluate(() => (location.hash = '#/collections/plans/new'));
    const form = editor();
    await form.getByRole('textbox', { name: '名称', exact: true }).first().fill('麟禾镇出租房屋安全整治实施方案');
    await form.getByRole('textbox', { name: '索引号' }).fill('11330799MB0T52819M/2026-00031');
    await form.getByRole('textbox', { name: '发布机构' }).fill('麟禾镇人民政府');
    await form.getByRole('textbox', { name: '主题分类' }).fill('平安建设');
    await form.getByRole('textbox', { name: '成文日期' }).fill('2026-11-10');
    await form.getByRole('textbox', { name: '发布日期' }).fill('2026-11-12');
    await field(form, '有效性').getByRole('radio', { name: '有效' }).check();
    await form.getByRole('button', { name: named('添加 任务') }).click();
    const task = field(form, '任务');
    await task.getByRole('textbox', { name: '编号' }).fill('T1');
    await task.getByRole('textbox', { name: '名称' }).fill('全面排查出租房屋消防隐患');
    await task.getByRole('combobox', { name: '牵头单位' }).click();
    await page.getByRole('option', { name: '麟禾派出所（paichusuo）' }).click();
    await task.getByRole('textbox', { name: '编号' }).click();
    await task.getByRole('textbox', { name: '完成时限' }).fill('2026-12-31');
    await task.getByRole('radio', { name: '进行中' }).check();
    await task.getByRole('spinbutton', { name: '进度' }).fill('20');
    // The form renders fields as they scroll into view: scroll down to the body.
    const body = field(form, '正文').getByRole('textbox', { name: '正文' });
    await page.mouse.move(200, 600);
    for (let i = 0; i < 20 && !(await body.isVisible()); i++) await page.mouse.wheel(0, 800);
    await body.fill('为消除出租房屋安全隐患，制定本方案。');
    // The file name (the plan's address) is typed in the side panel.
    await page.getByRole('radio', { name: 'Slug' }).check();
    await page.getByRole('button', { name: '编辑别名' }).click();
    await page.getByRole('textbox', { name: '别名' }).fill('chuzufang-zhengzhi-2026');
    await page.keyboard.press('Enter');
    await page.screenshot({ path: path.join(SHOTS, '3-new-plan.png') });
    await save();
    await page.getByText('条目已保存。').waitFor();

    const written = (await readRepository(page))[at('plans/chuzufang-zhengzhi-2026.mdx')];
    expect(written).toBeDefined();
    expect(written).toMatch(/^---\n/);
    expect(written).toContain('title: 麟禾镇出租房屋安全整治实施方案');
    expect(written).toMatch(/tasks:\n\s+- id: T1\n\s+title: 全面排查出租房屋消防隐患\n\s+lead:\n\s+- paichusuo\n\s+due: ["']?2026-12-31/);
    expect(written).toContain('为消除出租房屋安全隐患，制定本方案。');
  });

  it('edits a list disclosure: its title and a correction, its table kept as imported', async () => {
    const rel = at('disclosures/330799203202/2026-Q3-affairs.json');
    await page.evaluate(() => (location.hash = '#/collections/affairs/entries/330799203202/2026-Q3-affairs'));
    const form = editor();
    await form.getByRole('textbox', { name: '名称', exact: true }).first().fill('2026年第三季度最低生活保障对象公示（更正）');
    await form.getByRole('button', { name: named('添加 更正说明') }).click();
    const correction = field(form, '更正说明');
    await correction.getByRole('textbox', { name: '日期' }).fill('2026-11-18');
    await correction.getByRole('textbox', { name: '说明' }).fill('更正公示标题');
    await page.screenshot({ path: path.join(SHOTS, '5-list.png') });
    // Preview: the page as the site renders it, on the server the desk came from (the dev server in local mode).
    const [preview] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: /在线站点查看/ }).click()]);
    await preview.waitForLoadState();
    expect(preview.url()).toBe(`${server.url}disclosures/330799203202/2026-Q3-affairs/`);
    await expect(preview.getByRole('heading', { level: 1 }).innerText()).resolves.toContain('2026年第三季度最低生活保障对象公示');
    await preview.close();
    await save();
    await page.getByText('条目已保存。').last().waitFor();

    const before = JSON.parse(original[rel]!) as Record<string, unknown>;
    const after = JSON.parse((await readRepository(page))[rel]!) as Record<string, unknown>;
    expect(after.title).toBe('2026年第三季度最低生活保障对象公示（更正）');
    expect(after.corrections).toEqual([{ on: '2026-11-18', note: '更正公示标题' }]);
    // Everything else as it was, integers and empty cells included.
    expect({ ...after, title: before.title, corrections: undefined }).toEqual({ ...before, corrections: undefined });
  });

  it('refuses to save an ID number typed into a field, with the check’s message naming the field', async () => {
    const rel = at('plans/chuzufang-zhengzhi-2026.mdx');
    const before = (await readRepository(page))[rel];
    await page.evaluate(() => (location.hash = '#/collections/plans/entries/chuzufang-zhengzhi-2026'));
    const first17 = `330799${'1986'}0412${'431'}`;
    const id = `${first17}${residentIdCheckChar(first17)}`;
    await editor().getByRole('textbox', { name: '简介' }).fill(`联系人身份证 ${id}`);
    await save();
    const dialog = page.getByRole('dialog', { name: /^未保存/ });
    await dialog.waitFor();
    await page.screenshot({ path: path.join(SHOTS, '4-refused.png') });
    const text = await dialog.innerText();
    expect(text).toContain('【简介】发现居民身份证号码');
    expect(text).toContain('公开内容中不得出现');
    expect(text).toContain('(summary: resident ID number found');
    expect(text).toContain('个人信息保护法第二十五条');
    // Masked, never the number itself.
    expect(text).not.toContain(id);
    expect((await readRepository(page))[rel]).toBe(before);
    await dialog.getByRole('button', { name: /知道了/ }).click();
    await expect(dialog.count()).resolves.toBe(0);
  });

  it('wrote files that pass npm run check and build', async () => {
    const files = await readRepository(page);
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gkl-desk-'));
    for (const [rel, text] of Object.entries(files)) {
      if (rel.startsWith('.git/')) continue;
      const inRoot = CONTENT_PATH ? rel.slice(CONTENT_PATH.length + 1) : rel;
      fs.mkdirSync(path.dirname(path.join(root, inRoot)), { recursive: true });
      fs.writeFileSync(path.join(root, inRoot), text);
    }
    const changed = Object.keys(files).filter((f) => !f.startsWith('.git/') && files[f] !== original[f]);
    expect(changed.sort()).toEqual([at('disclosures/330799203202/2026-Q3-affairs.json'), at('plans/chuzufang-zhengzhi-2026.mdx')]);
    const check = checkContent(root);
    expect(check.stdout + check.stderr).toContain('内容检查通过');
    expect(check.status).toBe(0);
    const out = path.join(root, '..', `${path.basename(root)}-dist`);
    const built = buildSite(root, out);
    expect(built.status, built.stderr).toBe(0);
    // The same code built the desk for the test sites before: its application is copied, not built again.
    expect(built.stdout + built.stderr).toContain('desk app unchanged since it was last built: copied');
    expect(deskAppFiles(out)).toEqual(deskAppFiles(builds.linhe));
    expect(fs.readFileSync(path.join(out, 'plans/chuzufang-zhengzhi-2026/index.html'), 'utf8')).toContain('全面排查出租房屋消防隐患');
    expect(fs.readFileSync(path.join(out, 'disclosures/330799203202/2026-Q3-affairs/index.html'), 'utf8')).toContain('更正公示标题');
  }, 240_000);

  it('passes axe on its shell: the page before the editor starts, and the sign-in screen', async () => {
    // bypassCSP: axe is injected as an inline script, which the desk's policy rightly refuses.
    const ctx = await browser.newContext({ bypassCSP: true, locale: 'zh-CN' });
    await ctx.addInitScript({ content: AXE });
    const p = await ctx.newPage();
    // The page's own shell, as it is before its script has run (and as it stays without JavaScript).
    await p.route('**/desk.json', (route) => route.abort());
    await p.goto(`${server.url}admin/`);
    await p.getByText(/编辑台打不开/).waitFor();
    const shell = await p.evaluate(
      (tags) =>
        (window as unknown as { axe: { run: (c: Document, o: unknown) => Promise<{ violations: Array<{ id: string }> }> } }).axe.run(document, {
          runOnly: { type: 'tag', values: tags },
        }),
      TAGS,
    );
    expect(shell.violations.map((v) => v.id)).toEqual([]);
    await p.unroute('**/desk.json');
    await p.goto(`${server.url}admin/`);
    await p.getByRole('button', { name: '使用本地仓库' }).waitFor();
    const signin = await p.evaluate(
      (tags) =>
        (window as unknown as { axe: { run: (c: Document, o: unknown) => Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> } }).axe.run(
          document,
          { runOnly: { type: 'tag', values: tags } },
        ),
      TAGS,
    );
    expect(signin.violations.map((v) => v.id)).toEqual([]);
    await ctx.close();
  });
});
