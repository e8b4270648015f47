/**
 * The publishing desk in the browser: loads Sveltia CMS with the configuration generated from the
 * schemas (/admin/desk.json, src/lib/desk/config.ts) and refuses a save that the content check
 * would refuse, with the check's own bilingual message naming the field (src/lib/desk/gate.ts).
 */
import CMS, { type CmsConfig } from '@sveltia/cms';
import type { Problem } from '../../lib/core/errors';
import type { DeskPageData } from '../../lib/desk/page-data';
import { checkDeskEntry, problemPlace, type DeskEntry } from '../../lib/desk/gate';

const LOCAL_HOSTS = /^(?:localhost|127\.0\.0\.1|\[::1\])$/;

function status(text: string): void {
  const el = document.getElementById('desk-status');
  if (el) el.textContent = text;
}

/**
 * Keeps `dialog` the topmost dialog for a moment: the editor opens its own, generic "could not
 * save" dialog right after a refusal, and a modal dialog opened later covers earlier ones, so
 * ours is opened again above each dialog that opens after it.
 */
function keepOnTop(dialog: HTMLDialogElement, seen = new Set<Element>(), until = performance.now() + 1500): void {
  if (!dialog.open || performance.now() > until) return;
  const others = [...document.querySelectorAll('dialog[open]')].filter((d) => d !== dialog && !seen.has(d));
  if (others.length > 0) {
    others.forEach((d) => seen.add(d));
    dialog.close();
    dialog.showModal();
  }
  requestAnimationFrame(() => keepOnTop(dialog, seen, until));
}

/** The refusal, where the official is looking: a modal dialog with the check's own words. */
function showProblems(entry: DeskEntry, problems: readonly Problem[]): void {
  document.querySelector('.desk-gate')?.remove();
  const dialog = document.createElement('dialog');
  dialog.className = 'desk-gate';
  dialog.setAttribute('aria-labelledby', 'desk-gate-title');
  const title = document.createElement('h2');
  title.id = 'desk-gate-title';
  title.textContent = `未保存：有 ${problems.length} 个问题要先改正 (Not saved: fix ${problems.length} problem(s) first)`;
  const list = document.createElement('ol');
  for (const p of problems) {
    const item = document.createElement('li');
    const place = problemPlace(p, entry);
    const what = document.createElement('div');
    what.textContent = `${place ? `【${place}】` : ''}${p.what.zh}`;
    const whatEn = document.createElement('div');
    whatEn.className = 'en';
    whatEn.textContent = `(${p.field ? `${p.field}: ` : ''}${p.what.en})`;
    const fix = document.createElement('div');
    fix.textContent = `改法：${p.fix.zh}`;
    const fixEn = document.createElement('div');
    fixEn.className = 'en';
    fixEn.textContent = `(${p.fix.en})`;
    item.append(what, whatEn, fix, fixEn);
    list.append(item);
  }
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = '知道了，去修改 (Close)';
  close.addEventListener('click', () => dialog.remove());
  dialog.addEventListener('close', () => {
    if (!dialog.isConnected) return;
    // Closed by Esc (not by keepOnTop, which reopens it at once).
    queueMicrotask(() => {
      if (!dialog.open) dialog.remove();
    });
  });
  dialog.append(title, list, close);
  document.body.append(dialog);
  dialog.showModal();
  close.focus();
  const before = new Set(document.querySelectorAll('dialog[open]'));
  requestAnimationFrame(() => keepOnTop(dialog, before));
}

interface SavingEntry {
  collection?: string;
  slug?: string;
  path?: string;
  data?: Record<string, unknown>;
}

async function start(): Promise<void> {
  const response = await fetch('desk.json', { cache: 'no-cache' });
  const { config, gate, remote } = (await response.json()) as DeskPageData;
  if (!remote && !LOCAL_HOSTS.test(location.hostname)) {
    status(
      '本站没有配置在线编辑（site.json 的 desk）。请在办公室电脑上运行 npm run dev，再打开 http://localhost:4321/admin/。(No git server is configured: use the desk locally.)',
    );
    return;
  }
  document.getElementById('desk-intro')?.remove();
  // Previews open on the site the desk is served from: the dev server in local mode.
  config.site_url = new URL('../', location.href).href.replace(/\/$/, '');
  config.logo_url = new URL('../favicon.svg', location.href).href;
  CMS.registerEventListener({
    name: 'preSave',
    handler: ({ entry }) => {
      const e = entry.toJS() as SavingEntry;
      const desk: DeskEntry = {
        collection: e.collection ?? '',
        file: e.collection === 'registries' ? e.slug : undefined,
        path: e.path ?? '',
        data: e.data ?? {},
      };
      const problems = checkDeskEntry(desk, gate);
      if (problems.length === 0) {
        document.querySelector('.desk-gate')?.remove();
        return;
      }
      showProblems(desk, problems);
      throw new Error(`未保存：${problems[0]!.what.zh} (${problems[0]!.what.en})`);
    },
  });
  await CMS.init({ config: config as unknown as CmsConfig });
}

start().catch((err: unknown) => {
  console.error(err);
  status(`编辑台打不开：${err instanceof Error ? err.message : String(err)} (The desk could not start.)`);
});
