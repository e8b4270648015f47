/** A spreadsheet file's bytes, its size checked before it is read (the limits of content/read.ts). */
import fs from 'node:fs';
import type { Problem } from '../core/errors';
import { LIMITS, sizeKindOf, tooLargeProblem } from '../content/read';

/**
 * Reads the .csv or .xlsx file at `abs`; a file over its limit is the shared size problem, named
 * `display`; a file that cannot be read gives its error, for the command to word.
 */
export function readSpreadsheetBytes(abs: string, display: string): { bytes: Uint8Array } | { problem: Problem } | { failed: NodeJS.ErrnoException } {
  try {
    const kind = sizeKindOf(abs) === 'csv' ? 'csv' : 'xlsx';
    const size = fs.statSync(abs).size;
    if (size > LIMITS[kind]) return { problem: tooLargeProblem(display, kind, size) };
    return { bytes: new Uint8Array(fs.readFileSync(abs)) };
  } catch (err) {
    return { failed: err as NodeJS.ErrnoException };
  }
}
