/**
 * Checks on the order of stages: `after` cycles, the initial stage's mantra, and stories that
 * are told before their project has run.
 */
import type { ValidationAcceptor } from 'langium';
import type { Plan, Stage, Story } from '../generated/ast.js';
import type { QuickWinService } from '../score/quick-win-service.js';
import { IssueCodes } from './issue-codes.js';
import { quoted, report } from './report.js';

export const STATUS_QUO_MANTRA = 'The status quo must go!';

export function stagesMustNotFormACycle(plan: Plan, accept: ValidationAcceptor, quickWins: QuickWinService): void {
    const order = quickWins.analyze(plan).stageOrder;
    for (const stage of plan.stages) {
        if (!stage.after?.ref || !order.cyclic.has(stage)) continue;
        report(accept, IssueCodes.StageCycle,
            `The stages form a cycle (${cyclePath(stage, order.predecessor)}), so none of them can start. Point 'after' at an earlier stage, or remove it.`,
            { node: stage, property: 'after' });
    }
}

/** Stages shown at most in a cycle's path; a longer cycle is cut short with `…`. */
const MAX_CYCLE_PATH = 6;

/** `'a' comes after 'c' comes after 'b' comes after 'a'`, following predecessors round the cycle. */
function cyclePath(stage: Stage, predecessor: ReadonlyMap<Stage, Stage | undefined>): string {
    const path = [quoted(stage.name)];
    let current = predecessor.get(stage);
    while (current && current !== stage && path.length < MAX_CYCLE_PATH) {
        path.push(quoted(current.name));
        current = predecessor.get(current);
    }
    path.push(current === stage ? quoted(stage.name) : '…');
    return path.join(' comes after ');
}

export function initialStageShouldRepeatTheMantra(plan: Plan, accept: ValidationAcceptor, quickWins: QuickWinService): void {
    const initial = quickWins.analyze(plan).stageOrder.initial;
    if (initial && initial.mantras.length === 0) {
        report(accept, IssueCodes.MantraMissing,
            `The initial stage ${quoted(initial.name)} has no mantra. Repeat one message over and over, for example: mantra "${STATUS_QUO_MANTRA}"`,
            { node: initial, property: 'name' });
    }
}

export function storyMustComeAfterItsProject(story: Story, accept: ValidationAcceptor, quickWins: QuickWinService): void {
    const project = story.project?.ref;
    if (!project) return;
    const storyStage = story.$container;
    const projectStage = project.$container;
    const order = quickWins.analyze(storyStage.$container).stageOrder;
    if (storyStage === projectStage || !order.comesAfter(storyStage, projectStage)) {
        report(accept, IssueCodes.StoryBeforeProject,
            `The story ${quoted(story.name)} is told in stage ${quoted(storyStage.name)}, which does not come after stage ${quoted(projectStage.name)} where project ${quoted(project.name)} runs. Move the story to a later stage: a success story needs the project's results first.`,
            { node: story, property: 'project' });
    }
}
