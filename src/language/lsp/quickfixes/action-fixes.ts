/**
 * Fixes for action items: mark an overdue action done (overdue-action).
 */
import { GrammarUtils } from 'langium';
import type { CodeAction } from 'vscode-languageserver-types';
import { isAction } from '../../generated/ast.js';
import { nodeAtDiagnostic, quickFix, type QuickFixContext } from './quickfix.js';
import { insertAfterNode, replaceNode } from './text-edits.js';

/** Marks the action done: its status becomes `done`, or `done` is added after its last attribute. */
export function markActionDone(context: QuickFixContext): CodeAction[] {
    const action = nodeAtDiagnostic(context, isAction);
    const cst = action?.$cstNode;
    if (!action || !cst || action.status === 'done') return [];
    const status = GrammarUtils.findNodeForProperty(cst, 'status');
    const edit = status ? replaceNode(context.document, status, 'done') : insertAfterNode(context.document, cst, ' done');
    return quickFix(context, `Mark action '${action.name}' done`, [edit], true);
}
