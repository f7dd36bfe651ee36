/**
 * Fix for goal-without-metric: a metric skeleton that parses, for the user to fill in.
 */
import type { CodeAction } from 'vscode-languageserver-types';
import { isGoal } from '../../generated/ast.js';
import { nodeAtDiagnostic, quickFix, type QuickFixContext } from './quickfix.js';
import { blockOf, insertAfterNode, insertAtBlockEnd } from './text-edits.js';

export const METRIC_SKELETON_TITLE = 'Describe the measure';

export function metricSkeleton(goalName: string): string {
    return `metric ${goalName}Metric ${JSON.stringify(METRIC_SKELETON_TITLE)} target 1`;
}

/** Adds a metric skeleton: in new braces after the goal, or into its existing (empty) braces. */
export function addMetricSkeleton(context: QuickFixContext): CodeAction[] {
    const goal = nodeAtDiagnostic(context, isGoal);
    if (!goal?.$cstNode || goal.metrics.length > 0 || !goal.name) return [];
    const metric = metricSkeleton(goal.name);
    const title = `Add a metric to goal '${goal.name}'`;
    const block = blockOf(goal);
    if (!block) {
        return quickFix(context, title, [insertAfterNode(context.document, goal.$cstNode, ` { ${metric} }`)], true);
    }
    const text = context.document.textDocument.getText();
    const interior = text.slice(block.open.end, block.close.offset);
    if (interior.trim() === '' && !/[\r\n]/.test(interior)) {
        const start = context.document.textDocument.positionAt(block.open.end);
        const end = context.document.textDocument.positionAt(block.close.offset);
        return quickFix(context, title, [{ range: { start, end }, newText: ` ${metric} ` }], true);
    }
    return quickFix(context, title, [insertAtBlockEnd(context.document, goal, [metric])], true);
}
