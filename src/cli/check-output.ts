/**
 * What `adopt check` prints, in the format asked for: `text` (one line per diagnostic,
 * `file:line:column: severity code: message`), `json` (checkResultSchema in
 * src/protocol/check-protocol.ts) or `sarif` (SARIF 2.1.0, sarif-log.ts).
 */
import { toRankDiagnostic } from '../language/score/rank-result.js';
import type { CheckFormat, CheckResult } from '../protocol/check-protocol.js';
import { sarifLog, type CheckedFile, type UnreadableFile } from './sarif-log.js';

/**
 * `unreadable`: the files that could not be read. The command says so on stderr; the SARIF log
 * also holds them, as notifications of a run that did not complete.
 */
export function formatCheck(files: readonly CheckedFile[], format: CheckFormat, version: string, unreadable: readonly UnreadableFile[] = []): string {
    switch (format) {
        case 'json':
            return JSON.stringify(checkResult(files), null, 2) + '\n';
        case 'sarif':
            return JSON.stringify(sarifLog(files, version, process.cwd(), unreadable), null, 2) + '\n';
        case 'text':
            return checkLines(files);
    }
}

/** Every file's diagnostics as text, a line each: `file:line:column: severity code: message`. */
export function checkLines(files: readonly CheckedFile[]): string {
    return checkResult(files).map(({ file, line, column, severity, code, message }) => `${file}:${line}:${column}: ${severity} ${code}: ${message}\n`).join('');
}

/** Every file's diagnostics as `rank --json` has them, each with its file. */
export function checkResult(files: readonly CheckedFile[]): CheckResult {
    return files.flatMap(file => file.diagnostics.map(diagnostic => ({ file: file.path, ...toRankDiagnostic(diagnostic) })));
}
