/**
 * A stand-in for the browser's speech synthesis, installed before any page script runs
 * (`context.addInitScript(fakeSpeech, options)`): headless Chromium has no voices, and a test
 * cannot listen. It records every `speak(utterance)` (text, lang, voice) and every pause, resume
 * and cancel, ends each utterance after `ms` unless paused, and offers the voices it is given,
 * optionally only after a `voiceschanged` event. With `absent` there is no speech synthesis at all.
 */

export interface FakeVoice {
  name: string;
  lang: string;
  localService: boolean;
  default: boolean;
  voiceURI: string;
}

export interface FakeSpeechOptions {
  voices: FakeVoice[];
  /** Milliseconds each utterance "speaks" for. */
  ms?: number;
  /** Offer the voices only after this many milliseconds, then fire `voiceschanged` (as Chrome does). */
  lateMs?: number;
  /** No `speechSynthesis` on window (an old or stripped-down browser). */
  absent?: boolean;
}

export interface SpeechLog {
  spoken: Array<{ text: string; lang: string; voice: string | null; rate: number }>;
  calls: string[];
}

export const ZH_VOICE: FakeVoice = { name: '婷婷（本机）', lang: 'zh-CN', localService: true, default: false, voiceURI: 'local-zh-cn' };
export const EN_VOICE: FakeVoice = { name: 'Samantha', lang: 'en-US', localService: true, default: true, voiceURI: 'local-en-us' };
export const REMOTE_ZH_VOICE: FakeVoice = { name: 'Google 普通话（中国大陆）', lang: 'zh-CN', localService: false, default: false, voiceURI: 'remote-zh-cn' };
export const TW_VOICE: FakeVoice = { name: '美佳', lang: 'zh-TW', localService: true, default: false, voiceURI: 'local-zh-tw' };

/** Runs in the page (serialised by Playwright): keep it self-contained. */
export function fakeSpeech(options: FakeSpeechOptions): void {
  const w = window as unknown as Record<string, unknown>;
  if (options.absent) {
    Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true });
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: undefined, configurable: true });
    return;
  }
  type Handler = ((e: { error?: string }) => void) | null;
  class FakeUtterance {
    text: string;
    lang = '';
    voice: FakeVoice | null = null;
    rate = 1;
    onend: Handler = null;
    onerror: Handler = null;
    constructor(text: string) {
      this.text = text;
    }
  }
  const log: SpeechLog = { spoken: [], calls: [] };
  const queue: FakeUtterance[] = [];
  let voices: FakeVoice[] = options.lateMs === undefined ? options.voices : [];
  let timer = 0;
  const synth = {
    paused: false,
    onvoiceschanged: null as null | (() => void),
    getVoices: () => voices,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    speak(u: FakeUtterance) {
      log.spoken.push({ text: u.text, lang: u.lang, voice: u.voice?.name ?? null, rate: u.rate });
      queue.push(u);
      tick();
    },
    cancel() {
      log.calls.push('cancel');
      clearTimeout(timer);
      timer = 0;
      for (const u of queue.splice(0)) u.onerror?.({ error: 'interrupted' });
      synth.paused = false;
    },
    pause() {
      log.calls.push('pause');
      synth.paused = true;
    },
    resume() {
      log.calls.push('resume');
      synth.paused = false;
      tick();
    },
  };
  function tick() {
    if (timer || synth.paused || queue.length === 0) return;
    timer = window.setTimeout(() => {
      timer = 0;
      if (synth.paused) return;
      queue.shift()?.onend?.({});
      tick();
    }, options.ms ?? 5);
  }
  if (options.lateMs !== undefined)
    setTimeout(() => {
      voices = options.voices;
      synth.onvoiceschanged?.();
    }, options.lateMs);
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: FakeUtterance, configurable: true });
  w.__speech = log;
}
