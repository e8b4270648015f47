/**
 * The parsers' English messages become plain Chinese on the problem's first line, for the
 * mistakes officials make; the real parsers produce the messages here, so a parser upgrade
 * that rewords them shows up as a failure, not as English in a Chinese line.
 */
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { mdxToMdast } from 'satteri';
import { mdxMessageZh, yamlMessageZh } from '../../../src/lib/core/parser-messages';

function mdxError(text: string): string {
  try {
    mdxToMdast(text);
  } catch (err) {
    return (err as Error).message.replace(/^\d+:\d+:\s*/, '');
  }
  throw new Error(`parsed: ${text}`);
}

describe('YAML errors', () => {
  it.each([
    ['title: 一个\n很长的标题\nissuer: 某镇', '必须写在同一行'],
    ['title: 方案\n  writtenOn: 2026-01-01', '该缩进的行没有缩进'],
    ['title: a\ntitle: b', '同一个字段写了两次'],
    ['title: "方案', '引号或括号只写了一半'],
    ['tasks:\n\t- a', '制表符'],
    ['title: @方案', '加上引号'],
    ['lead: [zongzhiban', '没有闭合'],
  ])('%j', (yaml, zh) => {
    const [e] = parseDocument(yaml, { prettyErrors: false }).errors;
    expect(yamlMessageZh(e!.code)).toContain(zh);
  });

  it('says something Chinese for a code it does not know', () => {
    expect(yamlMessageZh('SOMETHING_NEW')).toBe('格式不对');
  });
});

describe('MDX errors', () => {
  it.each([
    ['<div>未闭合', '标签 <div> 没有闭合：缺少对应的 </div>'],
    ['a </b> c', '多了一个结束标签 </b>'],
    ['正文 <!-- 注释 -->', 'HTML 注释'],
    ['少于<5户', '\\<5'],
    ['{未闭合', '花括号 { 没有对应的 }'],
    ['{1+}', '花括号 { } 里的内容无法读取'],
  ])('%j', (text, zh) => {
    const zhLine = mdxMessageZh(mdxError(text));
    expect(zhLine).toContain(zh);
    // No English words left in the Chinese line (HTML and MDX are names, not words).
    expect(zhLine).not.toMatch(/[a-z]{4,}/);
  });
});
