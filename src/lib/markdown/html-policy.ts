/**
 * Which HTML a document body may carry (CONTENT.md "Content never runs code"): an allowlist of
 * elements and attributes that only mark up text, and which addresses links and images may use.
 * Anything else — scripts, styles, frames, plug-ins, forms, <meta>, <base>, SVG, event
 * attributes, `style`, `javascript:`/`data:` addresses, images from other sites — is refused,
 * because it runs code in a reader's browser, changes the whole page or sends readers' requests
 * to a third party (网络安全法 art. 21; GB/T 22239-2019 8.1.4 恶意代码防范; 政府网站发展指引
 * 国办发〔2017〕47号: no third-party requests). One policy for the content check, the MDX and
 * Markdown compile guards (body-guard.ts) and raw HTML parsed with Sätteri's HTML parser.
 */
import { htmlToHast } from 'satteri';
import { bi, type Bilingual } from '../core/errors';

/** One refusal, without a file: callers add where it is. */
export interface Finding {
  code: string;
  what: Bilingual;
  fix: Bilingual;
  /** 1-based, in the text that was checked. */
  line?: number;
  column?: number;
}

/** A refusal before it is placed in the text. */
export type Refusal = Omit<Finding, 'line' | 'column'>;

/** Attributes every allowed element may carry; `aria-*` is allowed too. */
const GLOBAL_ATTRIBUTES = ['id', 'class', 'title', 'lang', 'dir', 'hidden', 'translate', 'role'] as const;

/** Allowed elements, each with the attributes of its own it may carry. */
const ELEMENTS: Readonly<Record<string, readonly string[]>> = {
  a: ['href', 'rel', 'hreflang', 'type'],
  abbr: [],
  address: [],
  article: [],
  aside: [],
  b: [],
  bdi: [],
  bdo: [],
  blockquote: ['cite'],
  br: [],
  caption: [],
  cite: [],
  code: [],
  col: ['span'],
  colgroup: ['span'],
  dd: [],
  del: ['cite', 'datetime'],
  details: ['open'],
  dfn: [],
  div: [],
  dl: [],
  dt: [],
  em: [],
  figcaption: [],
  figure: [],
  h1: [],
  h2: [],
  h3: [],
  h4: [],
  h5: [],
  h6: [],
  hr: [],
  i: [],
  img: ['src', 'alt', 'width', 'height', 'loading', 'decoding'],
  ins: ['cite', 'datetime'],
  kbd: [],
  li: ['value'],
  mark: [],
  ol: ['start', 'reversed', 'type'],
  p: [],
  pre: [],
  q: ['cite'],
  rp: [],
  rt: [],
  ruby: [],
  s: [],
  samp: [],
  section: [],
  small: [],
  span: [],
  strong: [],
  sub: [],
  summary: [],
  sup: [],
  table: [],
  tbody: [],
  td: ['colspan', 'rowspan', 'headers'],
  tfoot: [],
  th: ['colspan', 'rowspan', 'headers', 'scope', 'abbr'],
  thead: [],
  time: ['datetime'],
  tr: [],
  u: [],
  ul: [],
  var: [],
  wbr: [],
};

/** Attributes holding an address a reader follows (links) or the browser loads (resources). */
const LINK_ATTRIBUTES = new Set(['href', 'cite']);
const RESOURCE_ATTRIBUTES = new Set(['src', 'srcset', 'poster', 'background', 'data', 'action', 'formaction', 'xlinkhref', 'ping', 'manifest']);

/** Why the commonly tried elements are refused, for the message. */
const ELEMENT_REASONS: ReadonlyArray<[readonly string[], Bilingual]> = [
  [['script', 'noscript'], bi('它会在读者的浏览器里运行程序', 'it runs a program in the reader’s browser')],
  [['style', 'link'], bi('它会改变整个页面的样式，或从别的网站加载文件', 'it restyles the whole page or loads files from another site')],
  [
    ['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal', 'fencedframe'],
    bi('它会把别的网页或插件嵌进页面', 'it embeds another page or a plug-in in the page'),
  ],
  [
    ['form', 'input', 'button', 'select', 'textarea', 'option', 'optgroup', 'datalist', 'fieldset', 'label', 'output', 'keygen'],
    bi('它会让读者在页面上填写并提交信息（可被用来骗取个人信息）', 'it lets readers type in and send information (a way to phish personal data)'),
  ],
  [
    ['meta', 'base', 'head', 'title', 'html', 'body'],
    bi(
      '它会改变整个页面的行为（如自动跳转到别的网站、改变所有链接的地址）',
      'it changes the whole page (e.g. redirects to another site, or re-bases every link)',
    ),
  ],
  [['svg', 'math'], bi('它可以带脚本和外部资源', 'it can carry scripts and external resources')],
  [['video', 'audio', 'source', 'track', 'picture', 'canvas'], bi('网站不从正文中嵌入音视频和画布', 'bodies do not embed media or canvases')],
];

const ALLOWED_LIST = Object.keys(ELEMENTS)
  .filter((e) => !/^h[2-6]$/.test(e))
  .map((e) => (e === 'h1' ? 'h1–h6' : e))
  .join(' ');

const ELEMENT_FIX = bi(
  `改用 Markdown 的写法（标题、列表、表格、链接、图片），或只用这些元素：${ALLOWED_LIST}（见 docs/内容规范.md“正文里能写什么”）`,
  `use Markdown (headings, lists, tables, links, images), or only these elements: ${ALLOWED_LIST} (docs/内容规范.md)`,
);

/** How attribute names are compared: `className`, `class`; `colSpan`, `colspan`; `aria-label`, `ariaLabel`; `xlink:href`, `xlinkHref`. */
export function attributeKey(name: string): string {
  const key = name.toLowerCase().replace(/[-:]/g, '');
  return key === 'classname' ? 'class' : key === 'htmlfor' ? 'for' : key;
}

export function isAllowedElement(name: string): boolean {
  return Object.hasOwn(ELEMENTS, name);
}

export function elementFinding(name: string): Refusal {
  const reason =
    ELEMENT_REASONS.find(([names]) => names.includes(name.toLowerCase()))?.[1] ?? bi('它不在允许的元素列表中', 'it is not on the list of allowed elements');
  return {
    code: 'html/element',
    what: bi(`正文里不能用 HTML 元素 <${name}>：${reason.zh}`, `the HTML element <${name}> is not allowed in a body: ${reason.en}`),
    fix: ELEMENT_FIX,
  };
}

/** A place where the body is: a content root path such as `legal/x.mdx` (for relative images). */
export interface UrlContext {
  /** The document's path inside the content root, with `/`; undefined when unknown. */
  docPath?: string;
}

/** Any origin will do as long as no author can name it: relative addresses resolve to it. */
const OWN = 'https://own.site.invalid';
/** Where relative addresses are resolved: the document's folder under a marker for the content root. */
const ROOT = '/__content_root__/';
const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:']);
/** Raster images only: an SVG in the content root would be served from the site's origin, and an SVG can carry a script. */
const LOCAL_IMAGE = /\.(?:png|jpe?g|gif|webp|avif)$/i;

/**
 * Parses an address as a browser does (WHATWG URL: ignores case in the scheme, strips leading
 * and trailing control characters and spaces and every tab and newline, treats `\\` and `%2e`
 * as the browser does), relative to the document's place in the content root.
 */
function parseUrl(value: string, ctx: UrlContext): URL | undefined {
  try {
    return new URL(value, `${OWN}${ROOT}${ctx.docPath ?? 'document'}`);
  } catch {
    return undefined;
  }
}

/** The address as the URL parser reads it: without tabs and newlines, nor leading control characters and spaces. */
function asWritten(value: string): string {
  const s = value.replace(/[\t\n\r]/g, '');
  let i = 0;
  while (i < s.length && s.charCodeAt(i) <= 0x20) i += 1;
  return s.slice(i);
}

/**
 * A link a reader follows: http(s), mailto, tel or an address on this site. No `javascript:`,
 * `data:`, `vbscript:`, `file:` …, however written (entities are decoded by the parsers before
 * this point). Messages show the scheme only: an address may carry a number.
 */
export function linkFinding(value: string): Refusal | undefined {
  const url = parseUrl(value, {});
  if (url && LINK_PROTOCOLS.has(url.protocol)) return undefined;
  return {
    code: 'html/url',
    what: url
      ? bi(
          `链接地址以 ${url.protocol} 开头，不允许（它可能在读者的浏览器里运行程序）`,
          `a link address starting with ${url.protocol} is not allowed (it may run a program in the reader’s browser)`,
        )
      : bi('链接地址不是有效的网址', 'a link address is not a valid URL'),
    fix: bi(
      '链接只能用 https://、http://、mailto:、tel: 开头的地址，或本站的地址（如 /plans/）',
      'link only to https://, http://, mailto: or tel: addresses, or to a page of this site (e.g. /plans/)',
    ),
  };
}

const RESOURCE_FIX = bi(
  '图片放在内容目录里文章旁边（如 plans/images/tu1.png，写成 images/tu1.png），或放在 public/ 中写成 /assets/tu1.png；不能引用其他网站的图片',
  'put the image in the content root beside the document (plans/images/fig1.png, written images/fig1.png) or in public/ (written /assets/fig1.png); never from another site',
);

/**
 * Something the browser loads by itself (an image): only from this site — a path such as
 * `/assets/x.png`, or a raster image in the content root — never from another origin
 * (政府网站发展指引: no third-party requests; the CSP's img-src 'self').
 */
export function resourceFinding(value: string, ctx: UrlContext = {}): Refusal | undefined {
  const url = parseUrl(value, ctx);
  if (!url) return { code: 'html/url', what: bi('图片地址不是有效的网址', 'an image address is not a valid URL'), fix: RESOURCE_FIX };
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return {
      code: 'html/url',
      what: bi(`图片地址以 ${url.protocol} 开头，不允许`, `an image address starting with ${url.protocol} is not allowed`),
      fix: RESOURCE_FIX,
    };
  }
  if (url.origin !== OWN) {
    return {
      code: 'html/url',
      what: bi(
        `图片来自本站以外（${url.host}），读者打开页面时会向别的网站发出请求`,
        `the image comes from outside this site (${url.host}); opening the page would send readers’ requests to it`,
      ),
      fix: RESOURCE_FIX,
    };
  }
  // `/…` is the site's own files (public/) and pages.
  const first = asWritten(value)[0];
  if (first === '/' || first === '\\') return undefined;
  // A relative path is a file in the content root, which the build imports (astro:assets).
  if (url.search || url.hash || !LOCAL_IMAGE.test(url.pathname)) {
    return {
      code: 'html/url',
      what: bi(
        '内容目录里的图片只能是 png、jpg、gif、webp 或 avif 文件（地址后不带 ? 或 #）',
        'an image in the content root must be a png, jpg, gif, webp or avif file (no ? or # after it)',
      ),
      fix: RESOURCE_FIX,
    };
  }
  if (!url.pathname.startsWith(ROOT)) {
    return { code: 'html/url', what: bi('图片地址指到了内容目录以外', 'the image address points outside the content root'), fix: RESOURCE_FIX };
  }
  return undefined;
}

/** The value of an attribute as the browser would read it, for URL checks. */
export type AttributeValue = string | number | boolean | null | undefined | ReadonlyArray<string | number>;

function textOf(value: AttributeValue): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.join(' ');
  return undefined;
}

/**
 * Every refusal for one element and its attributes (names as written, or hast property names).
 * `checkNames: false` checks only the addresses: for elements the Markdown processor itself
 * writes (table cells with `style="text-align"`, task-list checkboxes, footnote `data-*`).
 */
export function elementFindings(
  name: string,
  attributes: ReadonlyArray<readonly [string, AttributeValue]>,
  ctx: UrlContext = {},
  checkNames = true,
): Refusal[] {
  const findings: Refusal[] = [];
  const tag = name.toLowerCase();
  if (checkNames && !isAllowedElement(name)) return [elementFinding(name)];
  const own = ELEMENTS[tag] ?? [];
  for (const [attr, value] of attributes) {
    const key = attributeKey(attr);
    if (checkNames && !(GLOBAL_ATTRIBUTES as readonly string[]).includes(key) && !own.includes(key) && !key.startsWith('aria')) {
      findings.push(attributeFinding(tag, attr, key));
      continue;
    }
    const text = textOf(value);
    if (text === undefined) continue;
    const f = LINK_ATTRIBUTES.has(key) ? linkFinding(text) : RESOURCE_ATTRIBUTES.has(key) ? resourceFinding(text, ctx) : undefined;
    if (f) findings.push(f);
  }
  return findings;
}

function attributeFinding(tag: string, attr: string, key: string): Refusal {
  if (key.startsWith('on')) {
    return {
      code: 'html/attribute',
      what: bi(`<${tag}> 上的事件属性 ${attr} 会在读者的浏览器里运行程序`, `the event attribute ${attr} on <${tag}> runs a program in the reader’s browser`),
      fix: bi(`删去 ${attr}；正文不能带程序`, `remove ${attr}; a body cannot carry a program`),
    };
  }
  if (key === 'style') {
    return {
      code: 'html/attribute',
      what: bi(
        `<${tag}> 上不能写 style 属性：样式可以伪装页面、从别的网站加载图片`,
        `no style attribute on <${tag}>: styles can disguise the page and load images from other sites`,
      ),
      fix: bi('删去 style；正文的样式由网站统一决定（需要强调时用 **加粗**）', 'remove style; the site styles every body (use **bold** for emphasis)'),
    };
  }
  const allowed = [...(ELEMENTS[tag] ?? []), ...GLOBAL_ATTRIBUTES, 'aria-*'].join(' ');
  return {
    code: 'html/attribute',
    what: bi(`<${tag}> 上不能用属性 ${attr}`, `the attribute ${attr} is not allowed on <${tag}>`),
    fix: bi(`删去 ${attr}；<${tag}> 只能用：${allowed}`, `remove ${attr}; <${tag}> may only carry: ${allowed}`),
  };
}

/** A hast property name as the author wrote the attribute, for messages: `onClick` → `onclick`, `ariaLabel` → `aria-label`. */
function htmlName(property: string): string {
  if (property === 'className') return 'class';
  if (property === 'htmlFor') return 'for';
  if (/^(?:aria|data)[A-Z]/.test(property) || ['httpEquiv', 'acceptCharset'].includes(property))
    return property.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return property.toLowerCase();
}

interface HastLike {
  type: string;
  tagName?: string;
  properties?: Record<string, AttributeValue>;
  children?: HastLike[];
}

/**
 * Raw HTML as the browser will read it: parsed with Sätteri’s HTML parser (html5ever, the one Astro’s
 * pipeline uses; an HTML5 tree builder, entities decoded), every element checked against the
 * allowlist. Each finding carries the 0-based offset in `html` of the tag it is about, when
 * the tag can be found in the text (the parser keeps no positions).
 */
export function rawHtmlFindings(html: string, ctx: UrlContext = {}): Array<Refusal & { offset?: number }> {
  const tree = htmlToHast(html, { fragment: true }) as HastLike;
  const findings: Array<Refusal & { offset?: number }> = [];
  const lower = html.toLowerCase();
  let from = 0;
  const walk = (node: HastLike) => {
    if (node.type === 'element' && node.tagName) {
      const at = lower.indexOf(`<${node.tagName.toLowerCase()}`, from);
      if (at >= 0) from = at + 1;
      const attrs = Object.entries(node.properties ?? {}).map(([k, v]) => [htmlName(k), v] as const);
      const own = elementFindings(node.tagName, attrs, ctx);
      for (const f of own) findings.push({ ...f, offset: at >= 0 ? at : undefined });
      // A refused element is reported once, not once more for each thing inside it.
      if (own.some((f) => f.code === 'html/element')) return;
    }
    for (const child of node.children ?? []) walk(child);
  };
  walk(tree);
  return findings;
}
