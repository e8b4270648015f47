// 知识自测 <legal-quiz>: loaded only on articles that have a quiz. Without this script the quiz
// still works (answers and explanations sit in <details>). With it, a check button scores the
// chosen answers, says the score in an aria-live region and opens every explanation.
// It records nothing: no storage, no cookies, no requests.
(function () {
  if (!window.customElements || customElements.get('legal-quiz')) return;

  class LegalQuiz extends HTMLElement {
    connectedCallback() {
      var form = this.querySelector('[data-quiz-form]');
      if (!form || form.hasAttribute('data-ready')) return;
      form.setAttribute('data-ready', '');
      var actions = form.querySelector('[data-quiz-actions]');
      var score = form.querySelector('[data-quiz-score]');
      var items = form.querySelectorAll('.quiz__item');
      if (actions) actions.hidden = false;

      form.addEventListener('submit', function (ev) {
        ev.preventDefault();
        var right = 0;
        var answered = 0;
        for (var i = 0; i < items.length; i++) {
          var item = items[i];
          var chosen = item.querySelector('input[type="radio"]:checked');
          var correct = chosen !== null && chosen.value === item.getAttribute('data-answer');
          var letter = item.getAttribute('data-answer-letter');
          var feedback = item.querySelector('[data-feedback]');
          if (chosen) answered++;
          if (correct) right++;
          item.setAttribute('data-result', correct ? 'right' : 'wrong');
          if (feedback) {
            feedback.textContent = correct ? '✓ 回答正确。' : (chosen ? '✗ 回答错误，' : '✗ 未作答，') + '正确答案是 ' + letter + '。';
            feedback.hidden = false;
          }
          var details = item.querySelector('details');
          if (details) details.open = true;
        }
        if (score) {
          score.textContent =
            '得分：' +
            right +
            ' / ' +
            items.length +
            '（答对 ' +
            right +
            ' 题，共 ' +
            items.length +
            ' 题' +
            (answered < items.length ? '，' + (items.length - answered) + ' 题未作答' : '') +
            '）。解析已在每题下方展开。';
        }
      });

      form.addEventListener('reset', function () {
        for (var i = 0; i < items.length; i++) {
          var item = items[i];
          item.removeAttribute('data-result');
          var feedback = item.querySelector('[data-feedback]');
          if (feedback) {
            feedback.textContent = '';
            feedback.hidden = true;
          }
          var details = item.querySelector('details');
          if (details) details.open = false;
        }
        if (score) score.textContent = '';
      });
    }
  }

  customElements.define('legal-quiz', LegalQuiz);
})();
