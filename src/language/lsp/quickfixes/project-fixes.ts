/**
 * Fixes that make a project low-hanging fruit: support an existing initiative
 * (freestanding-project), use the untapped opportunities (untapped-opportunity) and involve the
 * trained coalition (low-reach).
 */
import { GrammarUtils, type AstNode } from 'langium';
import type { CodeAction } from 'vscode-languageserver-types';
import { isProject, type Project } from '../../generated/ast.js';
import { nodeAtDiagnostic, quickFix, type QuickFixContext } from './quickfix.js';
import { extendList, insertAtBlockStart, insertLineAfter } from './text-edits.js';

/** One fix per declared initiative: `supports X` as the project's first statement. */
export function supportAnInitiative(context: QuickFixContext): CodeAction[] {
    const project = nodeAtDiagnostic(context, isProject);
    if (!project || context.analysis.of(project)?.facts.supportsInitiative !== false) return [];
    const names = [...new Set(context.plan.initiatives.map(initiative => initiative.name).filter(Boolean))];
    return names.flatMap(name =>
        quickFix(context, `Support initiative '${name}'`, [insertAtBlockStart(context.document, project, [`supports ${name}`])]));
}

/** One fix per missing trait: `<trait> low`, after the project's traits (or its supports/involves). */
export function addMissingTrait(context: QuickFixContext): CodeAction[] {
    const project = nodeAtDiagnostic(context, isProject);
    const analysis = project && context.analysis.of(project);
    if (!project || !analysis) return [];
    return analysis.missingTraits.flatMap(trait =>
        quickFix(context, `Add ${trait} at low`, [insertStatement(context, project, `${trait} low`, [...project.traits])]));
}

/** Involves every trained willing member the project does not involve yet. */
export function involveTrainedMembers(context: QuickFixContext): CodeAction[] {
    const project = nodeAtDiagnostic(context, isProject);
    const analysis = project && context.analysis.of(project);
    if (!project || !analysis) return [];
    const involved = new Set(analysis.involvedWilling);
    const names = [...new Set(context.analysis.willing.filter(member => member.trained && !involved.has(member)).map(member => member.name))];
    if (names.length === 0) return [];
    const title = names.length === 1 ? `Involve the trained member '${names[0]}'` : `Involve the trained members ${names.map(name => `'${name}'`).join(', ')}`;
    const lastClause = project.involves[project.involves.length - 1];
    const lastMember = lastClause && GrammarUtils.findNodesForProperty(lastClause.$cstNode, 'members').pop();
    if (lastMember) {
        return quickFix(context, title, [extendList(context.document, lastMember, names)], true);
    }
    return quickFix(context, title, [insertStatement(context, project, `involves ${names.join(', ')}`, [])], true);
}

/**
 * Inserts a statement into a project: after the last of `preferredAfter`, else after the last
 * `supports`/`involves`, else as the first statement.
 */
function insertStatement(context: QuickFixContext, project: Project, statement: string, preferredAfter: AstNode[]) {
    const anchors = preferredAfter.length > 0 ? preferredAfter : [...project.supports, ...project.involves];
    const last = anchors.filter(node => node.$cstNode).sort((a, b) => a.$cstNode!.offset - b.$cstNode!.offset).pop();
    return last ? insertLineAfter(context.document, last, statement) : insertAtBlockStart(context.document, project, [statement]);
}
