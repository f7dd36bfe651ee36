/**
 * Fixes for the road show: a success story for the top quick win (road-show-missing) or for a
 * quick win no story is told from (untold-quick-win), and a naysayer added to the first story's
 * audience (naysayer-unreached).
 */
import { GrammarUtils } from 'langium';
import type { CodeAction } from 'vscode-languageserver-types';
import { isMember, type Project, type Stage } from '../../generated/ast.js';
import { allStories, resolvedTargets } from '../../model/plan-model.js';
import { nodeAtDiagnostic, quickFix, type QuickFixContext } from './quickfix.js';
import { extendList, freshName, indentUnit, insertAfterNode, insertAtBlockEnd } from './text-edits.js';

export const ROAD_SHOW_STAGE = { name: 'roadShow', title: 'Internal road show' };

/**
 * A story for the top quick win, told to every naysayer: in the last stage when that stage comes
 * after the project's stage, else in a new stage after the last one.
 */
export function addRoadShowStory(context: QuickFixContext): CodeAction[] {
    const top = context.analysis.quickWins[0];
    if (!top || allStories(context.plan).length > 0) return [];
    return addStoryFor(context, top.project, top.stage);
}

/** A story for the quick win that no story is told from (the project the diagnostic names), placed as road-show-missing's fix places one. */
export function addStoryForQuickWin(context: QuickFixContext): CodeAction[] {
    const name = (context.diagnostic.data as { project?: unknown } | undefined)?.project;
    const entry = context.analysis.quickWins.find(quickWin => quickWin.project.name === name);
    return entry ? addStoryFor(context, entry.project, entry.stage) : [];
}

/**
 * A story for a project, told to every naysayer: in the last stage when that stage comes after
 * the project's stage, else in a new stage after the last one.
 */
function addStoryFor(context: QuickFixContext, project: Project, stageOfProject: Stage): CodeAction[] {
    const { plan, analysis } = context;
    const last = analysis.stageOrder.last();
    if (!last || !project.name) return [];
    const name = freshName(`${project.name}Story`, allStories(plan).map(story => story.name));
    const naysayers = [...new Set(analysis.members.filter(member => member.role === 'naysayer').map(member => member.name))];
    const story = `story ${name} ${JSON.stringify(`Success story: ${project.title ?? project.name}`)} from ${project.name}`
        + (naysayers.length > 0 ? ` audience ${naysayers.join(', ')}` : '');
    if (last !== stageOfProject && analysis.stageOrder.comesAfter(last, stageOfProject)) {
        return quickFix(context, `Add a success story for '${project.name}' to stage '${last.name}'`,
            [insertAtBlockEnd(context.document, last, [story])], true);
    }
    const stage = freshName(ROAD_SHOW_STAGE.name, plan.stages.map(s => s.name));
    return quickFix(context, `Add stage '${stage}' after '${last.name}' with a success story for '${project.name}'`, [
        insertAtBlockEnd(context.document, plan, ['', `stage ${stage} ${JSON.stringify(ROAD_SHOW_STAGE.title)} after ${last.name} {`, indentUnit(context.document) + story, '}'])
    ], true);
}

/** Adds the naysayer to the audience of the plan's first story. */
export function addNaysayerToAudience(context: QuickFixContext): CodeAction[] {
    const member = nodeAtDiagnostic(context, isMember);
    const story = allStories(context.plan)[0];
    if (!member || !story?.$cstNode || resolvedTargets(story.audience).includes(member)) return [];
    const title = `Add '${member.name}' to the audience of story '${story.name}'`;
    const lastListener = GrammarUtils.findNodesForProperty(story.$cstNode, 'audience').pop();
    const edit = lastListener
        ? extendList(context.document, lastListener, [member.name])
        : insertAfterNode(context.document, story.$cstNode, ` audience ${member.name}`);
    return quickFix(context, title, [edit], true);
}
