/**
 * What the YAML and MDX parsers say, read out in Chinese for the official. The parsers speak
 * English; a problem's Chinese line names the mistake in plain words and the English gloss keeps
 * the parser's own message, so nothing it said is lost (the standing bar: an error in Chinese,
 * with an English gloss).
 */

/** The `yaml` library's error codes (YAMLError.code) that officials meet, in plain Chinese. */
const YAML_CODES: Readonly<Record<string, string>> = {
  MULTILINE_IMPLICIT_KEY: '字段名和冒号必须写在同一行（常见原因：上一行的值换了行，或冒号后面少了空格）',
  BLOCK_AS_IMPLICIT_KEY: '一行里写了两个冒号，或者该缩进的行没有缩进（含冒号的值请加引号）',
  DUPLICATE_KEY: '同一个字段写了两次',
  MISSING_CHAR: '引号或括号只写了一半，缺少另一半',
  TAB_AS_INDENT: '用了制表符（Tab）缩进，只能用空格缩进',
  BAD_INDENT: '缩进不对，或方括号、花括号没有闭合',
  BAD_SCALAR_START: '值以 @ ` % 等特殊符号开头，请给整个值加上引号',
  BAD_DQ_ESCAPE: '双引号里有反斜杠 \\，请去掉它，或改用单引号',
  UNEXPECTED_TOKEN: '有无法识别的符号',
};

/** A YAML parse error as the Chinese line says it. */
export function yamlMessageZh(code: string): string {
  return YAML_CODES[code] ?? '格式不对';
}

/** MDX parser messages (satteri / micromark), by what they start with, in plain Chinese. */
const MDX_MESSAGES: ReadonlyArray<readonly [RegExp, (m: RegExpExecArray) => string]> = [
  [/^Expected a closing tag for `<([^>`]*)>`/, (m) => `标签 <${m[1]}> 没有闭合：缺少对应的 </${m[1]}>`],
  [/^Unexpected closing tag `<\/([^>`]*)>`/, (m) => `多了一个结束标签 </${m[1]}>，前面没有对应的 <${m[1]}>`],
  [/^Unexpected character `!`/, () => '正文里不能写 HTML 注释 <!-- -->：删去它，或写成 {/* 注释 */}'],
  [/^Unexpected character/, () => '“<”后面不是标签：要写小于号本身（如“少于 5 户”写作 \\<5），在 < 前面加 \\'],
  [/^Unexpected end of file in expression/, () => '花括号 { 没有对应的 }：要写花括号本身，在 { 前面加 \\'],
  [/^Could not parse expression/, () => '花括号 { } 里的内容无法读取：要写花括号本身，在 { 前面加 \\'],
];

/** An MDX parse error as the Chinese line says it. */
export function mdxMessageZh(message: string): string {
  for (const [re, say] of MDX_MESSAGES) {
    const m = re.exec(message);
    if (m) return say(m);
  }
  return '某处的 < > { } 不成对';
}
