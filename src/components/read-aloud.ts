/**
 * The 朗读 reader: the page's <main> spoken by the browser's own speech synthesis, sentence after
 * sentence, with 暂停/继续 and 停止. Not loaded with the page: ReadAloud.astro's loader adds this
 * module on the first press of 朗读 (a text page loads at most 2 KB of script up front), and the
 * element then upgrades and starts reading. Nothing is sent anywhere; the voice is the device's.
 */
import { normaliseSpace, readsRows, rowText, SPEECH_LANG, tableNote, toUtterances } from '../lib/speech/utterances';

/**
 * Not read: navigation, controls, machinery, a progress bar's fallback text (the figure is written
 * beside it), and what the screen does not show (print-only parts are display: none).
 */
const SKIP =
  'nav, script, style, template, noscript, button, input, select, textarea, svg, canvas, progress, meter, read-aloud, [hidden], [aria-hidden="true"]';
/** A little slower than the voice's default, for older listeners (适老化). */
const RATE = 0.9;

type State = 'idle' | 'playing' | 'paused';

const STATUS: Record<State | 'done' | 'failed', string> = {
  idle: '已停止。',
  playing: '正在朗读本页正文。',
  paused: '已暂停，按“继续”接着读。',
  done: '已读完。',
  failed: '朗读出错，已停止。',
};

const shown = (el: Element) => {
  const style = getComputedStyle(el);
  return style.display !== 'none' && style.visibility !== 'hidden';
};

/**
 * The text of `root` as blocks in reading order: a block element or a table row is one block.
 * An element with text of its own beside its children (“<strong>3</strong>已完成”) is one block
 * however its children are styled: the words belong together.
 */
function blocksOf(root: Element): string[] {
  const blocks: string[] = [];
  let line = '';
  let inline = 0;
  const end = () => {
    const t = normaliseSpace(line);
    if (t !== '') blocks.push(t);
    line = '';
  };
  const flush = () => (inline > 0 ? void (line += ' ') : end());
  const visit = (node: Node) => {
    if (node instanceof Text) {
      line += node.data;
      return;
    }
    if (!(node instanceof Element) || node.matches(SKIP) || !shown(node)) return;
    if (node instanceof HTMLTableElement) {
      end();
      blocks.push(...tableBlocks(node));
      return;
    }
    if (node instanceof HTMLBRElement) return flush();
    // A closed <details> shows only its summary (a quiz's answers stay unread until opened).
    const children = node instanceof HTMLDetailsElement && !node.open ? [...node.children].filter((c) => c.tagName === 'SUMMARY') : [...node.childNodes];
    const block = !getComputedStyle(node).display.startsWith('inline');
    const mixed = children.some((c) => c instanceof Text && c.data.trim() !== '');
    if (block) flush();
    if (mixed) inline++;
    children.forEach(visit);
    if (mixed) inline--;
    if (block) flush();
  };
  visit(root);
  flush();
  return blocks;
}

const textOf = (el: Element) => blocksOf(el).join(' ');

/**
 * A row's cells by column, a spanning cell in its first column (a header spans all its columns);
 * `alone` marks the columns where a body cell spans several (合计 under 日期, 摘要 and 科目), which no
 * one column's header names.
 */
function byColumn(row: HTMLTableRowElement, fill: boolean, alone?: boolean[]): string[] {
  const out: string[] = [];
  for (const cell of row.cells) {
    const t = textOf(cell);
    alone?.push(...Array.from({ length: cell.colSpan }, () => cell.colSpan > 1));
    out.push(t, ...Array.from({ length: cell.colSpan - 1 }, () => (fill ? t : '')));
  }
  return out;
}

/** A body or totals row as a sentence, each cell after its column's header. */
function rowBlock(row: HTMLTableRowElement, headers: readonly string[]): string {
  const alone: boolean[] = [];
  const cells = byColumn(row, false, alone);
  return rowText(
    headers.map((h, i) => (alone[i] ? '' : h)),
    cells,
  );
}

/**
 * A table as sentences: its caption and size, then each row with its column headers; a long
 * table (a year's ledger) only its note and its totals (<tfoot>), which the page shows prominently.
 */
function tableBlocks(table: HTMLTableElement): string[] {
  const head = table.tHead?.rows;
  const headers = head && head.length > 0 ? byColumn(head[head.length - 1]!, true) : [];
  const body = [...table.tBodies].flatMap((b) => [...b.rows]).filter(shown);
  const foot = table.tFoot ? [...table.tFoot.rows].filter(shown) : [];
  const rows = readsRows(body.length) ? [...body, ...foot] : foot;
  return [tableNote(table.caption ? textOf(table.caption) : '', body.length), ...rows.map((r) => rowBlock(r, headers))];
}

class ReadAloud extends HTMLElement {
  #state: State = 'idle';
  #queue: string[] = [];
  #next = 0;
  /** Held so Chrome does not collect the speaking utterance (and lose its end event). */
  #current: SpeechSynthesisUtterance | undefined;

  #button(name: string): HTMLButtonElement {
    return this.querySelector<HTMLButtonElement>(`[data-ra="${name}"]`)!;
  }

  connectedCallback() {
    this.#button('play').addEventListener('click', () => (this.#state === 'idle' ? this.start() : this.stop()));
    this.#button('pause').addEventListener('click', () => (this.#state === 'paused' ? this.resume() : this.pause()));
    this.#button('stop').addEventListener('click', () => this.stop());
    addEventListener('pagehide', () => this.stop());
    if (this.dataset.start !== undefined) {
      delete this.dataset.start;
      this.start();
    }
  }

  start() {
    const main = document.querySelector('main');
    speechSynthesis.cancel(); // a queue left by another page or a stalled engine
    this.#queue = main ? toUtterances(blocksOf(main)) : [];
    this.#next = 0;
    this.#show('playing');
    this.#speakNext();
  }

  pause() {
    speechSynthesis.pause();
    this.#show('paused');
  }

  resume() {
    speechSynthesis.resume();
    this.#show('playing');
  }

  stop(status: keyof typeof STATUS = 'idle') {
    if (this.#state === 'idle') return;
    this.#current = undefined;
    speechSynthesis.cancel();
    this.#show('idle', status);
  }

  #speakNext() {
    const text = this.#queue[this.#next++];
    if (text === undefined) return this.stop('done');
    const u = new SpeechSynthesisUtterance(text);
    u.lang = SPEECH_LANG;
    u.voice = speechSynthesis.getVoices().find((v) => v.voiceURI === this.dataset.voice) ?? null;
    u.rate = RATE;
    u.onend = () => {
      if (this.#current === u) this.#speakNext();
    };
    u.onerror = (e) => {
      if (this.#current === u && e.error !== 'interrupted' && e.error !== 'canceled') this.stop('failed');
    };
    this.#current = u;
    speechSynthesis.speak(u);
  }

  #show(state: State, status: keyof typeof STATUS = state) {
    this.#state = state;
    const [play, pause, stop] = [this.#button('play'), this.#button('pause'), this.#button('stop')];
    const focusLost = state === 'idle' && (document.activeElement === pause || document.activeElement === stop);
    play.setAttribute('aria-pressed', String(state !== 'idle'));
    pause.hidden = stop.hidden = state === 'idle';
    pause.textContent = state === 'paused' ? '继续' : '暂停';
    // The buttons that go away do not take the keyboard's place with them.
    if (focusLost) play.focus();
    this.querySelector('[data-ra="status"]')!.textContent = STATUS[status];
  }
}

if (!customElements.get('read-aloud')) customElements.define('read-aloud', ReadAloud);
