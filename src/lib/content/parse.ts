/** Validates one parsed source against a Zod schema, turning every issue into a located Problem. */
import type { ZodType, ZodTypeDef } from 'zod';
import { fieldPath, type Problem } from '../errors';
import { describeIssue } from '../schemas/messages';
import type { SourceFile } from './source';

export function parseWith<T>(
  schema: ZodType<T, ZodTypeDef, unknown>,
  source: SourceFile,
): { data?: T; problems: Problem[] } {
  const result = schema.safeParse(source.data);
  if (result.success) return { data: result.data, problems: [] };
  const problems = result.error.issues.map((issue): Problem => {
    const { what, fix } = describeIssue(issue);
    const at = source.locate(issue.path);
    return {
      file: source.display,
      ...at,
      field: issue.path.length ? fieldPath(issue.path) : undefined,
      code: `schema/${issue.code}`,
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
