/**
 * The living plan's dates (docs/language.md#a-plan-under-way): calendar dates, stage windows in order, actions due
 * within their stage's window. A date that is not a calendar date is reported once and taken
 * part in no other check.
 */
import type { ValidationAcceptor } from 'langium';
import type { Action, Stage } from '../generated/ast.js';
import { dateProblem, spokenDate, validDate } from '../model/plan-dates.js';
import { stageOfAction } from '../model/plan-model.js';
import type { QuickWinService } from '../score/quick-win-service.js';
import { IssueCodes } from './issue-codes.js';
import { quoted, report } from './report.js';

export function stageDatesMustBeCalendarDates(stage: Stage, accept: ValidationAcceptor): void {
    for (const property of ['from', 'to'] as const) {
        const date = stage[property];
        const problem = date === undefined ? undefined : dateProblem(date);
        if (problem) report(accept, IssueCodes.InvalidDate, `${problem} Correct the date of stage ${quoted(stage.name)}.`, { node: stage, property });
    }
}

export function actionDueDateMustBeACalendarDate(action: Action, accept: ValidationAcceptor): void {
    const problem = action.due === undefined ? undefined : dateProblem(action.due);
    if (problem) report(accept, IssueCodes.InvalidDate, `${problem} Correct the due date of action ${quoted(action.name)}.`, { node: action, property: 'due' });
}

export function stageWindowMustNotBeReversed(stage: Stage, accept: ValidationAcceptor): void {
    const [from, to] = [validDate(stage.from), validDate(stage.to)];
    if (!from || !to || to >= from) return;
    report(accept, IssueCodes.StageWindowReversed,
        `Stage ${quoted(stage.name)} ends (to ${to}) before it starts (from ${from}). Swap the two dates, or correct one of them.`,
        { node: stage, property: 'to' });
}

export function stageShouldNotStartBeforeItsPredecessor(stage: Stage, accept: ValidationAcceptor, quickWins: QuickWinService): void {
    const from = validDate(stage.from);
    if (!from) return;
    const predecessor = quickWins.analyze(stage.$container).stageOrder.predecessor.get(stage);
    const predecessorFrom = validDate(predecessor?.from);
    if (!predecessor || !predecessorFrom || from >= predecessorFrom) return;
    report(accept, IssueCodes.StageWindowOrder,
        `Stage ${quoted(stage.name)} starts on ${spokenDate(from)}, before the stage it follows, ${quoted(predecessor.name)}, starts (${spokenDate(predecessorFrom)}). Start it later, or change the order of the stages.`,
        { node: stage, property: 'from' });
}

export function actionShouldBeDueWithinItsStage(action: Action, accept: ValidationAcceptor): void {
    const due = validDate(action.due);
    if (!due) return;
    const stage = stageOfAction(action);
    const [from, to] = [validDate(stage.from), validDate(stage.to)];
    // A reversed window is reported on its own: no action is judged against it.
    if (from && to && to < from) return;
    const early = from !== undefined && due < from;
    const late = to !== undefined && due > to;
    if (!early && !late) return;
    const window = from && to ? `from ${from} to ${to}` : from ? `from ${from}` : `to ${to}`;
    report(accept, IssueCodes.ActionOutsideStage,
        `Action ${quoted(action.name)} is due on ${spokenDate(due)}, ${early ? 'before' : 'after'} its stage ${quoted(stage.name)} (${window}). Move the due date into the stage's window, or the action to the stage it belongs to.`,
        { node: action, property: 'due' });
}
