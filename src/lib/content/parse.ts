/** Validates one parsed source against a Zod schema, turning every issue into a located Problem. */
import type { ZodType } from 'astro/zod';
import { fieldPath, type Problem } from '../core/errors';
import { describeIssue, issueCode } from '../schemas/messages';
import type { SourceFile } from './source';

export function parseWith<T>(
  schema: ZodType<T, unknown>,
  source: SourceFile,
): { data?: T; problems: Problem[] } {
  const result = schema.safeParse(source.data, { reportInput: true });
  if (result.success) return { data: result.data, problems: [] };
  const problems = result.error.issues.map((issue): Problem => {
    const { what, fix } = describeIssue(issue, schema);
    const path = issue.path as ReadonlyArray<string | number>; // our schemas have no symbol keys
    const at = source.locate(path);
    return {
      file: source.display,
      ...at,
      field: path.length ? fieldPath(path) : undefined,
      code: `schema/${issueCode(issue)}`,
      what,
      fix,
    };
  });
  return { problems };
}

/** A Problem about a field of a source file, located by its path. */
export function problemAt(
  source: SourceFile,
  path: ReadonlyArray<string | number>,
  p: Pick<Problem, 'code' | 'what' | 'fix'>,
): Problem {
  return { file: source.display, ...source.locate(path), field: path.length ? fieldPath(path) : undefined, ...p };
}
