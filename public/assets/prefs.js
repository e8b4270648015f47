// @ts-check
// 大字 / 高对比度, on every text page: applies the choice in <head>, before first paint (so a
// classic file: modules run after parsing, the CSP refuses inline), then shows the buttons.
(function () {
  /** @type {{ text: [string, string], contrast: [string, string] }} on, off */
  var KEYS = { text: ['large', 'normal'], contrast: ['high', 'normal'] };
  var root = document.documentElement;
  /** @param {string | null} k @returns {k is keyof KEYS} */
  function isKey(k) {
    return k === 'text' || k === 'contrast';
  }
  /** @param {keyof KEYS} k */
  function read(k) {
    try {
      return localStorage.getItem('gkl-' + k);
    } catch (e) {
      return null;
    }
  }
  /** @param {keyof KEYS} k @param {string | null} v */
  function apply(k, v) {
    if (v === KEYS[k][0]) root.setAttribute('data-' + k, v);
    else root.removeAttribute('data-' + k);
  }
  for (var k in KEYS) if (isKey(k)) apply(k, read(k));
  // 朗读 (src/components/ReadAloud.astro says why): shown with an on-device Mandarin voice; the
  // first press adds the reader, whose tag is the text of the <noscript> after the control.
  function readAloud() {
    var box = /** @type {HTMLElement | null} */ (document.querySelector('read-aloud')),
      synth = window.speechSynthesis;
    if (!box || !synth) return;
    var el = box;
    function reveal() {
      var v = synth.getVoices().filter(function (v) {
        return v.localService && /^(zh|cmn)([-_]hans)?([-_]cn)?$/i.test(v.lang);
      });
      v.sort(function (a, b) {
        return +b.default - +a.default;
      });
      if (v[0]) {
        el.dataset.voice = v[0].voiceURI;
        el.hidden = false;
      }
    }
    synth.onvoiceschanged = reveal;
    reveal();
    /** @type {HTMLElement} */ (el.firstElementChild).addEventListener(
      'click',
      function () {
        el.dataset.start = '';
        var tag = el.nextElementSibling;
        if (tag) document.head.append(document.createRange().createContextualFragment(tag.textContent || ''));
      },
      { once: true },
    );
  }
  document.addEventListener('DOMContentLoaded', function () {
    readAloud();
    var buttons = document.querySelectorAll('[data-pref]');
    for (var i = 0; i < buttons.length; i++) {
      var b = /** @type {HTMLElement} */ (buttons[i]);
      var key = b.getAttribute('data-pref');
      if (!isKey(key)) continue;
      b.setAttribute('aria-pressed', String(root.getAttribute('data-' + key) === KEYS[key][0]));
      b.hidden = false;
      b.addEventListener('click', function (ev) {
        var btn = /** @type {HTMLElement} */ (ev.currentTarget),
          key = btn.getAttribute('data-pref');
        if (!isKey(key)) return;
        var on = btn.getAttribute('aria-pressed') !== 'true';
        var v = on ? KEYS[key][0] : KEYS[key][1];
        apply(key, v);
        btn.setAttribute('aria-pressed', String(on));
        try {
          localStorage.setItem('gkl-' + key, v);
        } catch (e) {
          /* storage off: the choice lasts for this page */
        }
      });
    }
  });
})();
