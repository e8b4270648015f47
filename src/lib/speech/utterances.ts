/**
 * 朗读 (read aloud, 工信部《互联网网站适老化通用设计规范》语音阅读): the page's text as the
 * utterances the browser's own speech synthesis speaks, one after another. Each utterance is one
 * sentence, cut at Chinese (and Latin) sentence ends; a sentence too long to speak in one go is cut
 * again at its commas, then at a fixed length. Short utterances keep Chrome going: it stops an
 * utterance that speaks for more than about fifteen seconds and never fires its end event.
 *
 * Tables are read as sentences too: a row as its cells, each after its column's header
 * (“日期：十一月三日，摘要：购办公用品，支出：三百元。”), and a long table as a spoken note
 * instead of its rows, with its totals still read.
 */

/**
 * Characters in one utterance at most. Mandarin voices speak about four to five characters a
 * second at the rate the reader uses (0.9), so fifty characters is well under fifteen seconds.
 */
export const MAX_UTTERANCE = 50;

/** The language every utterance is marked with (the pages are `lang="zh-CN"`). */
export const SPEECH_LANG = 'zh-CN';

/** A table with more body rows than this is announced, not read row by row. */
export const LONG_TABLE_ROWS = 20;

const END = '。！？；!?;…';
/** Closing quotes and brackets stay with the sentence they close. */
const CLOSE = '”’」』）)》〉】\\]';
const SENTENCE = new RegExp(`[^${END}]*[${END}]+[${CLOSE}]*|[^${END}]+$`, 'g');
/** Letters, digits and the marks inside a number or word, which a hard cut must not split. */
const WORD_CHAR = /[0-9A-Za-z.,%\-_/]/;
/** Only punctuation and spaces: nothing to say. */
const SILENT = new RegExp(`^[\\s${END}${CLOSE}，、：,:“‘「『（(《〈【\\[·—-]*$`);

/** Runs of white space (line breaks of the HTML source among them) as one space, trimmed. */
export function normaliseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Text as it should be heard: arrows and check marks are decoration a voice would spell out
 * (“左箭头”), and the middle dot between links is a pause.
 */
export function readable(text: string): string {
  return normaliseSpace(text.replace(/[←→↑↓✓✔✗✘]/g, ' ').replace(/\s*·\s*/g, '，'));
}

/** `text` cut into sentences at 。！？； and their Latin forms, each sentence keeping its end mark. */
export function splitSentences(text: string): string[] {
  return (readable(text).match(SENTENCE) ?? []).map((s) => s.trim()).filter((s) => !SILENT.test(s));
}

/**
 * `sentence` cut after each comma, 顿号 and colon; a Latin comma or colon only where no digit
 * follows, so “¥6,170.00” and “10:30” stay whole.
 */
function softPieces(sentence: string): string[] {
  const out: string[] = [];
  let piece = '';
  for (let i = 0; i < sentence.length; i++) {
    const c = sentence[i]!;
    piece += c;
    if ('，、：'.includes(c) || ((c === ',' || c === ':') && !/\d/.test(sentence[i + 1] ?? ''))) {
      out.push(piece);
      piece = '';
    }
  }
  return piece === '' ? out : [...out, piece];
}

/** Pieces of `piece` no longer than `max`, each cut before a word or number rather than inside it. */
function hardCut(piece: string, max: number): string[] {
  const out: string[] = [];
  let rest = piece;
  while (rest.length > max) {
    let cut = max;
    while (cut > 0 && WORD_CHAR.test(rest[cut - 1]!) && WORD_CHAR.test(rest[cut]!)) cut--;
    if (cut === 0) cut = max; // one word longer than an utterance: cut it anyway
    out.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut);
  }
  return [...out, rest.trim()].filter((s) => s !== '');
}

/** One sentence as utterances of at most `max` characters: whole if it fits, else cut at commas, packed. */
function fitSentence(sentence: string, max: number): string[] {
  if (sentence.length <= max) return [sentence];
  const pieces = softPieces(sentence).flatMap((p) => hardCut(p, max));
  const out: string[] = [];
  for (const p of pieces) {
    const last = out.length - 1;
    if (last >= 0 && out[last]!.length + p.length <= max) out[last] += p;
    else out.push(p);
  }
  return out;
}

/**
 * The utterances of `blocks` (a page's paragraphs, headings, list items, table rows, in reading
 * order): every block starts a new utterance, every sentence too, none longer than `max`.
 */
export function toUtterances(blocks: readonly string[], max = MAX_UTTERANCE): string[] {
  return blocks.flatMap((b) => splitSentences(b).flatMap((s) => fitSentence(s, max))).filter((s) => !SILENT.test(s));
}

/**
 * One table row as a sentence: each non-empty cell after its column header
 * (“摘要：购办公用品，支出：三百元。”). A cell whose header is missing (the reader passes none for a
 * cell spanning several columns, such as 合计), or says the same, is read alone.
 */
export function rowText(headers: ReadonlyArray<string | undefined>, cells: readonly string[]): string {
  const parts = cells.flatMap((raw, i) => {
    const cell = readable(raw);
    if (cell === '') return [];
    const header = normaliseSpace(headers[i] ?? '').replace(/[：:]$/, '');
    return [header === '' || header === cell ? cell : `${header}：${cell}`];
  });
  return parts.length === 0 ? '' : `${parts.join('，')}。`;
}

/**
 * What is said for a table: its caption and size, and for a long table that its rows are not
 * read (the reader then reads only its totals, the rows in its <tfoot>).
 */
export function tableNote(caption: string, rows: number): string {
  const name = normaliseSpace(caption).replace(/[。.]$/, '');
  const named = name === '' ? '表格' : `表格“${name}”`;
  if (rows > LONG_TABLE_ROWS) return `${named}共 ${rows} 行，行数较多，不逐行朗读，请看屏幕上的表格。`;
  return `${named}，共 ${rows} 行。`;
}

/** Whether a table of `rows` body rows is read row by row. */
export const readsRows = (rows: number) => rows <= LONG_TABLE_ROWS;
