// 大字 / 高对比度: the one script every text page loads. It runs in <head> so the chosen
// mode applies before first paint, then shows the buttons (hidden without JavaScript).
(function () {
  var KEYS = { text: ['large', 'normal'], contrast: ['high', 'normal'] };
  var root = document.documentElement;
  function read(k) {
    try {
      return localStorage.getItem('gkl-' + k);
    } catch (e) {
      return null;
    }
  }
  function apply(k, v) {
    if (v === KEYS[k][0]) root.setAttribute('data-' + k, v);
    else root.removeAttribute('data-' + k);
  }
  for (var k in KEYS) apply(k, read(k));
  document.addEventListener('DOMContentLoaded', function () {
    var buttons = document.querySelectorAll('[data-pref]');
    for (var i = 0; i < buttons.length; i++) {
      var b = buttons[i];
      var key = b.getAttribute('data-pref');
      b.setAttribute('aria-pressed', String(root.getAttribute('data-' + key) === KEYS[key][0]));
      b.hidden = false;
      b.addEventListener('click', function (ev) {
        var btn = ev.currentTarget,
          key = btn.getAttribute('data-pref');
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
