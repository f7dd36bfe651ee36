/**
 * `adopt check --format sarif`: a SARIF 2.1.0 log, as code-scanning services read it. One run;
 * the tool `adopt` with one rule per diagnostic code (its summary and help text from
 * issue-codes.ts); one artifact per file checked (the files given and the used files they led
 * to), by a file URI relative to the current folder (`%SRCROOT%`); one result per diagnostic,
 * located by its file's artifact (URI and index) and a region with start and end line and
 * column (from 1; the end column is the one after the last character, as SARIF counts).
 */
import type * as Sarif from 'sarif';
import { relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import { levelOf } from '../language/config/adopt-config-schema.js';
import { ALL_ISSUE_CODES, codeName, IssueCodes, IssueCodeTable, type IssueCode } from '../language/validation/issue-codes.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SRCROOT = '%SRCROOT%';

export interface CheckedFile {
    /** The path as given on the command line. */
    readonly path: string;
    /** Its diagnostics, in document order. */
    readonly diagnostics: readonly Diagnostic[];
}

/** A file that could not be read: its path as given, and the line that says why. */
export interface UnreadableFile {
    readonly path: string;
    readonly message: string;
}

const LEVELS: Readonly<Record<number, Sarif.Result.level>> = { 1: 'error', 2: 'warning', 3: 'note', 4: 'note' };

/**
 * The log of one run over `files`. Files that could not be read (`unreadable`) make the run's
 * invocation unsuccessful, each an error notification located at its file.
 */
export function sarifLog(files: readonly CheckedFile[], version: string, cwd = process.cwd(), unreadable: readonly UnreadableFile[] = []): Sarif.Log {
    const rules = ALL_ISSUE_CODES.map(sarifRule);
    const ruleIndex = new Map<string, number>(ALL_ISSUE_CODES.map((code, index) => [code, index]));
    const results: Sarif.Result[] = [];
    const artifacts: Sarif.Artifact[] = [];
    for (const file of files) {
        const uri = relativeUri(file.path, cwd);
        const index = artifacts.push({ location: { uri, uriBaseId: SRCROOT } }) - 1;
        for (const diagnostic of file.diagnostics) {
            const code = typeof diagnostic.code === 'string' && ruleIndex.has(diagnostic.code) ? diagnostic.code : IssueCodes.SyntaxError;
            const { start, end } = diagnostic.range;
            results.push({
                ruleId: code,
                ruleIndex: ruleIndex.get(code),
                level: LEVELS[diagnostic.severity ?? 1] ?? 'error',
                message: { text: typeof diagnostic.message === 'string' ? diagnostic.message : String(diagnostic.message) },
                locations: [{
                    physicalLocation: {
                        artifactLocation: { uri, uriBaseId: SRCROOT, index },
                        region: { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 }
                    }
                }]
            });
        }
    }
    return {
        $schema: SARIF_SCHEMA,
        version: '2.1.0',
        runs: [{
            tool: { driver: { name: 'adopt', version, semanticVersion: version, rules } },
            originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(cwd.endsWith(sep) ? cwd : cwd + sep).href } },
            columnKind: 'utf16CodeUnits',
            ...(unreadable.length > 0 ? { invocations: [unsuccessfulInvocation(unreadable, cwd)] } : {}),
            artifacts,
            results
        }]
    };
}

function unsuccessfulInvocation(unreadable: readonly UnreadableFile[], cwd: string): Sarif.Invocation {
    return {
        executionSuccessful: false,
        toolExecutionNotifications: unreadable.map(file => ({
            level: 'error',
            message: { text: file.message },
            ...(file.path ? { locations: [{ physicalLocation: { artifactLocation: { uri: relativeUri(file.path, cwd), uriBaseId: SRCROOT } } }] } : {})
        }))
    };
}

function sarifRule(code: IssueCode): Sarif.ReportingDescriptor {
    const { summary, help, severity } = IssueCodeTable[code];
    const level = levelOf(severity);
    return {
        id: code,
        name: codeName(code),
        shortDescription: { text: summary },
        fullDescription: { text: help },
        help: { text: help, markdown: `**${summary}**\n\n${help}` },
        defaultConfiguration: { level: level === 'error' ? 'error' : level === 'warning' ? 'warning' : 'note' }
    };
}

/** A file's path relative to `cwd`, as a URI reference (`plans/a%20b.adopt`). */
export function relativeUri(path: string, cwd: string): string {
    const relativePath = relative(cwd, resolve(cwd, path));
    return relativePath.split(sep).map(segment => encodeURIComponent(segment)).join('/');
}
