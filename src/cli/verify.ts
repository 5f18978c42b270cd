// `alliance-cite verify FILE:LINE…`: marks the stub or the undated citation on each line as
// verified, as the editor's "Mark as verified" does, and writes the draft back atomically.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyFixes, LineIndex, markVerified } from '../core';
import { describeError } from '../node/files';
import { WriteRefusedError, writeFileAtomic } from '../node/write';
import { ConfigResolver, isConfigProblem } from './config';
import { decodeDraft, encodeDraft } from './decode';

export interface VerifyIo {
  cwd: string;
  stdout: NodeJS.WritableStream;
  /** Reports a failure (exit code 2) on standard error. */
  fail: (message: string) => void;
}

interface Target {
  file: string;
  shown: string;
  line: number;
  column?: number;
}

/** Reads `FILE:LINE` or `FILE:LINE:COLUMN` (1-based, as the stylish format prints them; checked by parseArgs). */
function parseTarget(arg: string, cwd: string): Target {
  const m = /^(.+?):(\d+)(?::(\d+))?$/.exec(arg)!;
  return { file: path.resolve(cwd, m[1]), shown: m[1], line: Number(m[2]), column: m[3] ? Number(m[3]) : undefined };
}

/** Verifies every target, a file at a time from its last line up, so earlier line numbers stay put. */
export function runVerify(targets: readonly string[], asOf: string, resolver: ConfigResolver, io: VerifyIo): void {
  const parsed = targets.map((t) => parseTarget(t, io.cwd));
  const files = [...new Set(parsed.map((t) => t.file))];
  for (const file of files) {
    const mine = parsed.filter((t) => t.file === file).sort((a, b) => b.line - a.line || (b.column ?? 0) - (a.column ?? 0));
    const shown = mine[0].shown;
    const resolved = resolver.resolve(file);
    if (isConfigProblem(resolved)) {
      io.fail(resolved.message);
      continue;
    }
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch (error) {
      io.fail(`${shown}: cannot read: ${describeError(error)}`);
      continue;
    }
    const decoded = decodeDraft(bytes);
    if (decoded.kind !== 'text') {
      io.fail(`${shown}: not a UTF-8 text file; nothing was changed`);
      continue;
    }
    let text = decoded.text;
    const done: string[] = [];
    for (const t of mine) {
      const lines = new LineIndex(text);
      if (t.line > lines.lineCount) {
        io.fail(`${t.shown}:${t.line}: the file has ${lines.lineCount} lines`);
        continue;
      }
      const offset = lines.offsetAt({ line: t.line - 1, character: (t.column ?? 1) - 1 });
      const fix = markVerified(text, offset, { asOf, config: resolved.config });
      if (!fix) {
        io.fail(`${t.shown}:${t.line}: nothing to mark as verified (no TODO-verify stub on the line, and no claim there with an approved citation)`);
        continue;
      }
      text = applyFixes(text, [fix]).text;
      done.push(`${t.shown}:${t.line}: ${fix.title}\n`);
    }
    if (done.length === 0) continue;
    try {
      writeFileAtomic(file, bytes, encodeDraft(text, decoded.bom));
    } catch (error) {
      io.fail(`${shown}: ${error instanceof WriteRefusedError ? error.message : `cannot write: ${describeError(error)}`}`);
      continue;
    }
    for (const line of done.reverse()) io.stdout.write(line);
  }
}
