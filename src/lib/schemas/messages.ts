/**
 * Turns Zod issues into officials' language: what is wrong with which field, and how to fix
 * it, in Chinese with an English gloss. Tests pin this wording (tests/unit/messages.test.ts).
 *
 * A field's label is found by the issue's path (./labels.ts, shared with the publishing desk's
 * form, src/lib/desk/).
 */
import type { core, ZodType } from 'astro/zod';
import { bi, type Bilingual } from '../core/errors';
import { labelAt } from './labels';

/**
 * `{ zh: '发布日期（publishedOn）', en: 'publishedOn' }` for the last named key of a path: the
 * label on `schema` at that path when there is one, else the key's usual label.
 */
export function fieldLabel(path: ReadonlyArray<string | number>, schema?: ZodType): Bilingual {
  for (let i = path.length - 1; i >= 0; i--) {
    const key = path[i];
    if (typeof key !== 'string') continue;
    const label = labelAt(path.slice(0, i + 1), schema);
    return bi(label ? `${label}（${key}）` : key, key);
  }
  return bi('文件内容', 'the file');
}

/** Rules named by `params.rule` on custom issues and by `message` on regex checks. */
const RULES: Record<string, { what: Bilingual; fix: Bilingual }> = {
  date: {
    what: bi('不是有效的日期', 'is not a real date'),
    fix: bi('写成 YYYY-MM-DD 格式的真实日期，如 2026-06-20', 'write a real date as YYYY-MM-DD, e.g. 2026-06-20'),
  },
  slug: {
    what: bi('只能由小写字母、数字和连字符组成', 'may only contain lower-case letters, digits and dashes'),
    fix: bi('改用拼音小写和连字符，如 shehui-zhili-2026', 'use lower-case pinyin and dashes, e.g. shehui-zhili-2026'),
  },
  'village-code': {
    what: bi('不是 12 位统计用区划代码', 'is not a 12-digit statistical division code'),
    fix: bi('填写 12 位数字的区划代码，如 330000000001', 'write the 12-digit code, e.g. 330000000001'),
  },
  'credit-code': {
    what: bi('不是 18 位统一社会信用代码', 'is not an 18-character unified social credit code'),
    fix: bi('按 GB 32100-2015 填写 18 位代码（不含 I、O、S、V、Z）', 'write the 18-character code (GB 32100-2015; no I, O, S, V, Z)'),
  },
  'site-id-code': {
    what: bi('不是 10 位政府网站标识码', 'is not a 10-character government site ID code'),
    fix: bi('填写主管部门分配的 10 位标识码，或删除该字段', 'write the 10-character code you were assigned, or remove the field'),
  },
  'synonym-space': {
    what: bi(' 中的词不能含有空格', 'a synonym may not contain spaces'),
    fix: bi('每个词单独写成一项，如 ["综治", "社会治安综合治理"]', 'write each word as its own item, e.g. ["综治", "社会治安综合治理"]'),
  },
  'synonym-duplicate': {
    what: bi(' 的同一组里有重复的词', 'a synonym group repeats a word'),
    fix: bi('删去重复的词', 'remove the repeated word'),
  },
  'doc-number': {
    what: bi('不符合 GB/T 9704-2012 的格式', 'is not in GB/T 9704-2012 form'),
    fix: bi(
      '年份用六角括号〔〕，序号不加“第”、不编虚位，如 示政发〔2026〕12号',
      'put the year in 〔〕 and the number without leading zeros, e.g. 示政发〔2026〕12号',
    ),
  },
  period: {
    what: bi('期间格式不正确', 'is not a valid period'),
    fix: bi('写成 YYYY、YYYY-Qn 或 YYYY-MM', 'write YYYY, YYYY-Qn or YYYY-MM'),
  },
  money: {
    what: bi('格式不正确：必须是带两位小数的文字，如 "1234.50"', 'must be a money string with exactly two decimals, e.g. "1234.50"'),
    fix: bi(
      '给金额加上引号并保留两位小数（"5000.00"，不要写 5000 或 5000.5）；不要用千分位逗号',
      'quote the amount and give two decimals ("5000.00", not 5000 or 5000.5); no thousands separators',
    ),
  },
  'column-key': {
    what: bi('列的 key 只能由英文字母、数字和下划线组成', 'a column key may only contain letters, digits and underscores'),
    fix: bi('改用如 name、amount、note 这样的英文 key', 'use an English key such as name, amount, note'),
  },
  'law-name': {
    what: bi('不要带书名号《》', 'must be written without 《》'),
    fix: bi('只写法律全称，如 中华人民共和国民法典（书名号由网站自动加上）', 'write the bare full title, e.g. 中华人民共和国民法典 (the site adds 《》)'),
  },
  'empty-option': {
    what: bi('不能是空白', 'must not be blank'),
    fix: bi('给每个选项写上内容，或删去空白的一项（删除后核对答案序号）', 'give every option some text, or delete the empty one (then check the answer index)'),
  },
  'town-url': {
    what: bi('不是有效的网站地址', 'is not a valid site address'),
    fix: bi(
      '写本站上的路径（以 / 开头和结尾，如 /zl/qingshan/），或完整网址（如 https://qingshan.example.cn/，以 / 结尾）',
      'write a path on this host starting and ending with / (e.g. /zl/qingshan/), or a full URL ending with / (e.g. https://qingshan.example.cn/)',
    ),
  },
  'town-source': {
    what: bi(
      '缺失：网址只是本站路径时，构建无处读取该镇已发布的文件',
      'is missing: with a path for url, the build has nowhere to read the published site from',
    ),
    fix: bi(
      '加上 dist（该镇构建好的网站目录，相对于 portal.json 所在目录），或把 url 写成完整网址',
      'add dist (the directory of its built site, relative to portal.json), or give url as a full http(s) address',
    ),
  },
  duplicate: {
    what: bi('与前面某一项重复', 'repeats an earlier entry'),
    fix: bi('每个镇（街道）的编号、名称和地址都不能重复；删去重复的一项或改正', 'each town needs its own id, name and address: remove or correct the repeat'),
  },
  'indicator-needs-target': {
    what: bi('关联数据指标的目标缺少比较方式或目标值', 'a goal with an indicator needs a comparator and a target'),
    fix: bi('补充 comparator（"<=" 或 ">="）和 target 数值', 'add comparator ("<=" or ">=") and a numeric target'),
  },
};

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  boolean: '是/否（true/false）',
  array: '列表',
  object: '对象',
  integer: '整数',
  date: '日期',
  undefined: '空',
  null: '空',
};

function typeName(t: string): string {
  return TYPE_NAMES[t] ?? t;
}

type Issue = core.$ZodIssue;

/** The type of a value as the messages name it (Zod 4 reports the value itself: `reportInput`). */
function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/**
 * The problem code of a Zod issue: `schema/<code>`. The codes are this project's contract
 * (docs/内容规范.md), kept as they were under Zod 3 whatever Zod calls them now: a value
 * outside an enumeration is `invalid_enum_value` (one allowed value: `invalid_literal`), a
 * value in the wrong format `invalid_string`.
 */
export function issueCode(issue: Issue): string {
  if (issue.code === 'invalid_value') return issue.values.length === 1 ? 'invalid_literal' : 'invalid_enum_value';
  if (issue.code === 'invalid_format') return 'invalid_string';
  return issue.code;
}

/** What is wrong and how to fix it, for one Zod issue (parsed with `reportInput: true`) of `schema`. */
export function describeIssue(issue: Issue, schema?: ZodType): { what: Bilingual; fix: Bilingual } {
  const { zh: label, en: key } = fieldLabel(issue.path as ReadonlyArray<string | number>, schema);
  const ruleKey = issue.code === 'custom' ? (issue.params?.rule as string | undefined) : issue.code === 'invalid_format' ? issue.message : undefined;
  const rule = ruleKey ? RULES[ruleKey] : undefined;
  if (rule) {
    return { what: bi(`${label}${rule.what.zh}`, `${key} ${rule.what.en}`), fix: rule.fix };
  }
  switch (issue.code) {
    case 'invalid_type': {
      const received = typeOf(issue.input);
      if (received === 'undefined') {
        return {
          what: bi(`缺少必填字段 ${label}`, `required field ${key} is missing`),
          fix: bi(`添加 ${label}，类型为${typeName(issue.expected)}`, `add ${key} (${issue.expected})`),
        };
      }
      return {
        what: bi(`${label} 应为${typeName(issue.expected)}，实际是${typeName(received)}`, `${key} should be ${issue.expected}, got ${received}`),
        fix: bi(`把 ${label} 改为${typeName(issue.expected)}`, `change ${key} to a ${issue.expected}`),
      };
    }
    case 'invalid_value': {
      const options = issue.values.map(String);
      return {
        what: bi(`${label} 的取值“${String(issue.input)}”不在允许范围内`, `${key} value "${String(issue.input)}" is not allowed`),
        fix: bi(`只能填写：${options.join('、')}`, `use one of: ${options.join(', ')}`),
      };
    }
    case 'unrecognized_keys':
      return {
        what: bi(`有未定义的字段：${issue.keys.join('、')}`, `unknown field(s): ${issue.keys.join(', ')}`),
        fix: bi('检查字段名拼写（区分大小写），或删除这些字段', 'check the spelling (case matters) or remove them'),
      };
    case 'too_small':
      if (issue.origin === 'array') {
        return {
          what: bi(`${label} 至少需要 ${String(issue.minimum)} 项`, `${key} needs at least ${String(issue.minimum)} item(s)`),
          fix: bi(`为 ${label} 补充内容`, `add items to ${key}`),
        };
      }
      if (issue.origin === 'string') {
        return { what: bi(`${label} 不能为空`, `${key} must not be empty`), fix: bi(`填写 ${label}`, `fill in ${key}`) };
      }
      return {
        what: bi(`${label} 不能小于 ${String(issue.minimum)}`, `${key} must be at least ${String(issue.minimum)}`),
        fix: bi(`把 ${label} 改为不小于 ${String(issue.minimum)} 的数`, `use a number ≥ ${String(issue.minimum)}`),
      };
    case 'too_big':
      return {
        what: bi(`${label} 不能大于 ${String(issue.maximum)}`, `${key} must be at most ${String(issue.maximum)}`),
        fix: bi(`把 ${label} 改为不大于 ${String(issue.maximum)} 的数`, `use a number ≤ ${String(issue.maximum)}`),
      };
    case 'invalid_format':
      return {
        what: bi(`${label} 格式不正确`, `${key} has the wrong format`),
        fix: bi(`按内容规范填写 ${label}（见 docs/内容规范.md）`, `write ${key} as the content contract says (docs/内容规范.md)`),
      };
    default:
      return {
        what: bi(`${label} 不符合要求：${issue.message}`, `${key} is invalid: ${issue.message}`),
        fix: bi('按内容规范修改（见 docs/内容规范.md）', 'fix it as the content contract says (docs/内容规范.md)'),
      };
  }
}
