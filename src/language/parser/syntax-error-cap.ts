/**
 * Caps the syntax errors of a document: a megabyte of garbage gives tens of thousands of them,
 * which no one reads and which slow the editor down. The first MAX_SYNTAX_ERRORS stay; one more
 * diagnostic, at the position of the first one left out, says how many were left out.
 */
import { diagnosticData } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { MAX_SYNTAX_ERRORS } from './plan-limits.js';

const SYNTAX_ERROR = 'syntax-error';

/** Keeps the first `limit` syntax errors of `diagnostics` (in place) and sums up the rest. */
export function capSyntaxErrors(diagnostics: Diagnostic[], limit = MAX_SYNTAX_ERRORS): void {
    const syntaxIndexes: number[] = [];
    diagnostics.forEach((diagnostic, index) => {
        if (diagnostic.code === SYNTAX_ERROR) syntaxIndexes.push(index);
    });
    if (syntaxIndexes.length <= limit) return;
    const leftOut = new Set(syntaxIndexes.slice(limit));
    const firstLeftOut = diagnostics[syntaxIndexes[limit]];
    const kept = diagnostics.filter((_, index) => !leftOut.has(index));
    diagnostics.length = 0;
    for (const diagnostic of kept) diagnostics.push(diagnostic);
    diagnostics.push({
        ...firstLeftOut,
        message: `${leftOut.size} more syntax errors are not shown. Fix the ones above first: one missing brace or quote often causes many.`,
        code: SYNTAX_ERROR,
        data: diagnosticData(SYNTAX_ERROR)
    });
}
