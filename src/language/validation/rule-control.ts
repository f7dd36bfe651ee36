/**
 * Rule control (docs/configuration.md), applied in one place after a document's validation:
 *
 * 1. the severity in force for each code (config file, else the `adopt.diagnostics.severity`
 *    setting, else the default); `off` drops the code's diagnostics; `syntax-error` is always
 *    an error;
 * 2. `// adopt-ignore CODE` comments on a line of their own drop those codes' diagnostics on
 *    the next line;
 * 3. a suppression that silences nothing gets the hint `unused-suppression` (itself subject to
 *    1 and 2).
 */
import { diagnosticData, type LangiumDocument, type ValidationOptions } from 'langium';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { AdoptServices } from '../adopt-module.js';
import { levelOf, type SeverityLevel, type SeverityOverrides } from '../config/adopt-config-schema.js';
import { closestWord } from '../config/closest-word.js';
import { CONFIGURABLE_CODES, IssueCodes, IssueCodeTable, isIssueCode } from './issue-codes.js';
import { suppressionCommentsOf, type SuppressedCode, type SuppressionComment } from './suppressions.js';

const DEFAULT_LEVEL = levelOf(IssueCodeTable[IssueCodes.UnusedSuppression].severity) as Exclude<SeverityLevel, 'off'>;

const LSP_SEVERITY: Readonly<Record<Exclude<SeverityLevel, 'off'>, DiagnosticSeverity>> = {
    error: DiagnosticSeverity.Error,
    warning: DiagnosticSeverity.Warning,
    information: DiagnosticSeverity.Information,
    hint: DiagnosticSeverity.Hint
};

export class AdoptRuleControl {
    constructor(private readonly services: AdoptServices) {}

    /** The document's diagnostics with the severities in force and the suppressions applied. */
    apply(document: LangiumDocument, diagnostics: Diagnostic[], options: ValidationOptions = {}): Diagnostic[] {
        const severity = this.services.config.InForce.for(document.uri).severity;
        const comments = suppressionCommentsOf(document, this.services);
        // Unused suppressions are known only from a run of Adopt's own checks (category `fast`).
        const reportUnused = !options.categories || options.categories.includes('fast');
        return applyRuleControl(diagnostics, severity, comments, reportUnused);
    }
}

/** Rule control on a list of diagnostics: see the file's comment. */
export function applyRuleControl(
    diagnostics: Diagnostic[], severity: SeverityOverrides, comments: readonly SuppressionComment[], reportUnused: boolean
): Diagnostic[] {
    const hasOverrides = Object.keys(severity).length > 0;
    if (!hasOverrides && comments.length === 0) return diagnostics;
    let result = hasOverrides ? withSeverities(diagnostics, severity) : diagnostics;
    if (comments.length === 0) return result;
    const used = new Set<SuppressedCode>();
    result = silence(result, comments, used);
    if (!reportUnused || severity[IssueCodes.UnusedSuppression] === 'off') return result;
    // Unused suppressions are hints that a suppression on the line before may silence in turn;
    // a suppression of `unused-suppression` that silences nothing is reported after that.
    const unused = withSeverities(unusedSuppressions(comments, used, 'other codes'), severity);
    const remaining = silence(unused, comments, used);
    const unusedOfUnused = withSeverities(unusedSuppressions(comments, used, 'unused-suppression'), severity);
    return [...result, ...remaining, ...unusedOfUnused];
}

/** Each diagnostic with the severity in force for its code; those whose code is off, left out. */
function withSeverities(diagnostics: Diagnostic[], severity: SeverityOverrides): Diagnostic[] {
    const result: Diagnostic[] = [];
    for (const diagnostic of diagnostics) {
        const code = diagnostic.code;
        const level = typeof code === 'string' && code !== IssueCodes.SyntaxError ? severity[code as keyof SeverityOverrides] : undefined;
        if (level === undefined) {
            result.push(diagnostic);
        } else if (level !== 'off') {
            result.push(LSP_SEVERITY[level] === diagnostic.severity ? diagnostic : { ...diagnostic, severity: LSP_SEVERITY[level] });
        }
    }
    return result;
}

/** The diagnostics that no suppression on the line before silences; marks the suppressions used. */
function silence(diagnostics: Diagnostic[], comments: readonly SuppressionComment[], used: Set<SuppressedCode>): Diagnostic[] {
    const byLine = new Map<number, SuppressionComment>();
    for (const comment of comments) {
        if (comment.ownLine) byLine.set(comment.line + 1, comment);
    }
    if (byLine.size === 0) return diagnostics;
    return diagnostics.filter(diagnostic => {
        const comment = byLine.get(diagnostic.range.start.line);
        if (!comment || diagnostic.code === IssueCodes.SyntaxError || diagnostic.code === undefined) return true;
        const entry = comment.codes.find(candidate => candidate.code === diagnostic.code);
        if (!entry) return true;
        used.add(entry);
        return false;
    });
}

/**
 * An `unused-suppression` hint for each code of a suppression that silenced nothing, in two
 * rounds: first the other codes (and comments that silence nothing at all), then the code
 * `unused-suppression` itself, once the first round's hints had their chance to be silenced.
 */
function unusedSuppressions(comments: readonly SuppressionComment[], used: ReadonlySet<SuppressedCode>, round: 'other codes' | 'unused-suppression'): Diagnostic[] {
    const hints: Diagnostic[] = [];
    for (const comment of comments) {
        if (!comment.ownLine || comment.codes.length === 0) {
            if (round === 'other codes') {
                hints.push(hint(comment.ownLine
                    ? 'This adopt-ignore names no code, so it silences nothing. Write the codes to silence: // adopt-ignore CODE.'
                    : 'This adopt-ignore silences nothing: it works only on a line of its own, above the line to silence. Move it there.', comment.range, comment));
            }
            continue;
        }
        for (const entry of comment.codes) {
            if (used.has(entry) || (entry.code === IssueCodes.UnusedSuppression) !== (round === 'unused-suppression')) continue;
            hints.push(hint(unusedMessage(entry.code), entry.range, comment, entry.code));
        }
    }
    return hints;
}

function unusedMessage(code: string): string {
    if (code === IssueCodes.SyntaxError) {
        return "A syntax error cannot be ignored: correct the text instead, and remove 'syntax-error' from this adopt-ignore.";
    }
    if (!isIssueCode(code)) {
        const suggestion = closestWord(code, CONFIGURABLE_CODES);
        return `'${code}' is not a diagnostic code of Adopt, so this adopt-ignore silences nothing.${suggestion ? ` Did you mean '${suggestion}'?` : ''} Correct the code or remove it.`;
    }
    return `There is no ${code} diagnostic on the next line to silence. Remove '${code}' from this adopt-ignore.`;
}

function hint(message: string, range: Diagnostic['range'], comment: SuppressionComment, ignoredCode?: string): Diagnostic {
    return {
        message,
        range,
        severity: LSP_SEVERITY[DEFAULT_LEVEL],
        code: IssueCodes.UnusedSuppression,
        source: 'adopt',
        data: { ...diagnosticData(IssueCodes.UnusedSuppression), line: comment.line, ...(ignoredCode === undefined ? {} : { ignoredCode }) }
    };
}
