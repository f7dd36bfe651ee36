/**
 * What a quick fix is: a function from one diagnostic (and the plan it is about) to the code
 * actions that fix it, each a `quickfix` with a workspace edit. Fixes are registered by
 * diagnostic code in adopt-quickfixes.ts.
 */
import { AstUtils, CstUtils, type AstNode, type LangiumDocument } from 'langium';
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import type { AdoptServices } from '../../adopt-module.js';
import type { Plan } from '../../generated/ast.js';
import type { PlanAnalysis } from '../../score/quick-win-service.js';

export interface QuickFixContext {
    readonly document: LangiumDocument;
    /** The file's plan; for a shared file, an empty plan standing in it (model/plan-model.ts, planOfDocument). */
    readonly plan: Plan;
    readonly diagnostic: Diagnostic;
    readonly analysis: PlanAnalysis;
    readonly services: AdoptServices;
}

export type QuickFix = (context: QuickFixContext) => CodeAction[];

/** A quick-fix code action for the context's diagnostic; none when an edit could not be made. */
export function quickFix(context: QuickFixContext, title: string, edits: ReadonlyArray<TextEdit | undefined>, isPreferred = false): CodeAction[] {
    if (edits.length === 0 || edits.some(edit => edit === undefined)) return [];
    return [{
        title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [context.diagnostic],
        isPreferred,
        edit: { changes: { [context.document.textDocument.uri]: edits as TextEdit[] } }
    }];
}

/** The innermost node of the wanted type at the start of the diagnostic's range. */
export function nodeAtDiagnostic<T extends AstNode>(context: QuickFixContext, is: (node: unknown) => node is T): T | undefined {
    const root = context.document.parseResult.value.$cstNode;
    if (!root) return undefined;
    const offset = context.document.textDocument.offsetAt(context.diagnostic.range.start);
    const leaf = CstUtils.findLeafNodeAtOffset(root, offset);
    return leaf ? AstUtils.getContainerOfType(leaf.astNode, is) : undefined;
}
