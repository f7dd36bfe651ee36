/**
 * Code actions: for each diagnostic in the request, the quick fixes registered for its code
 * (see quickfixes/adopt-quickfixes.ts), then "Ignore CODE on this line" when it is not an error
 * (quickfixes/ignore-fixes.ts). A thin loop; the fixes decide where they apply.
 */
import type { LangiumDocument } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Command, type Diagnostic } from 'vscode-languageserver';
import type { AdoptServices } from '../adopt-module.js';
import { planOfDocument } from '../model/plan-model.js';
import type { IssueCode } from '../validation/issue-codes.js';
import { QuickFixes } from './quickfixes/adopt-quickfixes.js';
import { ignoreOnThisLine } from './quickfixes/ignore-fixes.js';

export class AdoptCodeActionProvider implements CodeActionProvider {
    constructor(private readonly services: AdoptServices) {}

    getCodeActions(document: LangiumDocument, params: CodeActionParams): Array<Command | CodeAction> | undefined {
        if (!wantsQuickFixes(params.context.only)) return undefined;
        // A shared file has fixes too (its `use` lines): its plan is an empty stand-in.
        if (!document.parseResult.value.$cstNode) return undefined;
        const plan = planOfDocument(document);
        const analysis = this.services.score.QuickWins.analyze(plan);
        const actions: CodeAction[] = [];
        for (const diagnostic of params.context.diagnostics) {
            const fix = QuickFixes[codeOf(diagnostic) as IssueCode];
            const context = { document, plan, diagnostic, analysis, services: this.services };
            for (const fixes of fix ? [fix, ignoreOnThisLine] : [ignoreOnThisLine]) {
                try {
                    actions.push(...fixes(context));
                } catch (error) {
                    // A fix that fails must not take the others (or the server) down with it.
                    console.error(`Quick fix for ${codeOf(diagnostic)} failed:`, error);
                }
            }
        }
        return actions.length > 0 ? actions : undefined;
    }
}

function codeOf(diagnostic: Diagnostic): string | undefined {
    const data = diagnostic.data as { code?: unknown } | undefined;
    const code = typeof data?.code === 'string' ? data.code : diagnostic.code;
    return code === undefined ? undefined : String(code);
}

/** True when the client asked for all kinds, or for quick fixes (or a parent kind of them). */
function wantsQuickFixes(only: readonly string[] | undefined): boolean {
    return !only || only.some(kind => kind === '' || kind === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(kind + '.'));
}
