/**
 * Fixes for the first hurdle, in the stages: move a launch out of the initial stage
 * (virtual-before-human) and give the initial stage its mantra (mantra-missing).
 */
import type { CodeAction } from 'vscode-languageserver-types';
import { isLaunch } from '../../generated/ast.js';
import { STATUS_QUO_MANTRA } from '../../validation/stage-checks.js';
import { nodeAtDiagnostic, quickFix, type QuickFixContext } from './quickfix.js';
import { deleteStatement, insertAtBlockStart } from './text-edits.js';

/** Moves a launch from the initial stage into the stage that directly follows it. */
export function moveLaunchToNextStage(context: QuickFixContext): CodeAction[] {
    const launch = nodeAtDiagnostic(context, isLaunch);
    if (!launch?.$cstNode) return [];
    const stage = launch.$container;
    const order = context.analysis.stageOrder;
    if (order.initial !== stage) return [];
    const next = order.directSuccessors(stage)[0];
    if (!next) return [];
    return quickFix(context, `Move the launch to stage '${next.name}'`, [
        deleteStatement(context.document, launch),
        insertAtBlockStart(context.document, next, [launch.$cstNode.text])
    ], true);
}

/** Inserts the mantra as the first statement of the initial stage. */
export function addStatusQuoMantra(context: QuickFixContext): CodeAction[] {
    const initial = context.analysis.stageOrder.initial;
    if (!initial || initial.mantras.length > 0) return [];
    return quickFix(context, `Add the mantra "${STATUS_QUO_MANTRA}" to stage '${initial.name}'`, [
        insertAtBlockStart(context.document, initial, [`mantra ${JSON.stringify(STATUS_QUO_MANTRA)}`])
    ], true);
}

/** Launches the channel a project uses (channel-not-launched): `launch C` as the first statement of the project's stage. */
export function launchChannelInStage(context: QuickFixContext): CodeAction[] {
    const data = context.diagnostic.data as { channel?: unknown; stage?: unknown } | undefined;
    const channel = typeof data?.channel === 'string' ? data.channel : undefined;
    const stage = context.plan.stages.find(candidate => candidate.name !== undefined && candidate.name === data?.stage);
    if (!channel || !stage) return [];
    return quickFix(context, `Launch '${channel}' in stage '${stage.name}'`, [insertAtBlockStart(context.document, stage, [`launch ${channel}`])], true);
}
