/**
 * The Markdown report's diagrams, in Mermaid as GitHub renders it: a `quadrantChart` for the
 * quick-wins matrix and a `gantt` for the dated stages and their actions' due dates. Text from
 * the plan is cleaned of what Mermaid reads as syntax.
 */
import type { OverviewProject, OverviewStage } from '../protocol/overview-protocol.js';
import { spokenDate } from './report-blocks.js';
import { datedStages } from './stage-timeline.js';

/**
 * The quadrant chart is drawn for at most this many projects with an effort: beyond it, its points
 * and their labels crowd into each other; the table of quadrants speaks alone.
 */
export const MERMAID_POINTS = 20;

/** Where each effort sits on the chart's x axis (0 to 1): low and medium left of the middle, high right of it. */
const EFFORT_X: Readonly<Record<'low' | 'medium' | 'high', number>> = { low: 0.14, medium: 0.36, high: 0.75 };
/** The sideways step between points at the same place: wide enough for a label of two digits. */
const SPREAD = 0.06;

/** A text Mermaid takes inside double quotes: no quotes, no line breaks, no brackets. */
export function mermaidQuoted(text: string, max = 40): string {
    let clean = text.replace(/["\r\n\t]/g, ' ').replace(/[[\]{}]/g, '').replace(/\s+/g, ' ').trim();
    if ([...clean].length > max) clean = [...clean].slice(0, max - 1).join('').trimEnd() + '…';
    return clean || '?';
}

/** A text Mermaid takes as a gantt task or section name, or an axis or quadrant text: no colons, semicolons, hashes or line breaks. */
export function mermaidPlain(text: string, max = 60): string {
    let clean = text.replace(/[:;#\r\n\t"`]/g, ' ').replace(/-->/g, '→').replace(/\s+/g, ' ').trim();
    if ([...clean].length > max) clean = [...clean].slice(0, max - 1).join('').trimEnd() + '…';
    return clean || '?';
}

/** A score's height on the chart: the threshold in the middle (Mermaid splits its quadrants there), linear on each side. */
export function chartY(score: number, threshold: number, full: number): number {
    let y: number;
    if (threshold <= 0) y = 0.5 + 0.5 * Math.min(1, score / (full || 1));
    else if (score < threshold) y = 0.5 * Math.max(0, score) / threshold;
    else y = full > threshold ? 0.5 + 0.5 * Math.min(1, (score - threshold) / (full - threshold)) : 1;
    return Math.min(0.98, Math.max(0.02, y));
}

const round = (value: number) => Math.round(value * 1000) / 1000;

/**
 * The matrix as a quadrantChart: each project with an effort a point labelled with its rank (quick
 * wins larger and green). Undefined when no project states an effort, or when more than
 * MERMAID_POINTS do: a chart could not show the plan legibly.
 */
export function quadrantChart(projects: readonly OverviewProject[], threshold: number, fullScore: number): string | undefined {
    const shown = projects.filter(project => project.effort !== null);
    if (shown.length === 0 || shown.length > MERMAID_POINTS) return undefined;
    const lines = [
        'quadrantChart',
        '    title Quick wins: score against effort',
        '    x-axis Low effort --> High effort',
        `    y-axis Below threshold ${mermaidPlain(String(threshold))} --> Above threshold`,
        '    quadrant-1 Big bets',
        '    quadrant-2 Quick wins',
        '    quadrant-3 Fill-ins',
        '    quadrant-4 Time sinks'
    ];
    // Points at the same place spread sideways, so that each stays visible with its label.
    const taken = new Map<string, number>();
    for (const project of shown) {
        const y = chartY(project.score, threshold, fullScore);
        const column = EFFORT_X[project.effort!];
        const key = `${column}:${Math.round(y * 16)}`;
        const index = taken.get(key) ?? 0;
        taken.set(key, index + 1);
        const x = column + (index % 2 === 0 ? 1 : -1) * Math.ceil(index / 2) * SPREAD;
        const style = project.quickWin ? ' radius: 7, color: #1a7f37' : ' radius: 4, color: #6e7781';
        // High effort stays right of the middle, low and medium left of it: each point in its quadrant.
        const [from, to] = project.effort === 'high' ? [0.53, 0.98] : [0.02, 0.47];
        lines.push(`    "#${project.rank}": [${round(Math.min(to, Math.max(from, x)))}, ${round(y)}]${style}`);
    }
    return lines.join('\n');
}

/**
 * The dated stages as a gantt: a section per stage, named short (`Stage 2`) so that it stays clear
 * of the tasks' names; a bar per stage window (a milestone where one end is open), a milestone
 * per action due date (an overdue one red, whatever its status), and the report's date as a
 * milestone of its own; the reader's today is the chart's marker line.
 */
export function ganttChart(stages: readonly OverviewStage[], today?: string): string | undefined {
    const dated = datedStages(stages);
    if (dated.length === 0) return undefined;
    const lines = ['gantt', '    title Stages and due dates', '    dateFormat YYYY-MM-DD', '    axisFormat %b %Y', '    todayMarker stroke-width:2px,stroke:#0969da,opacity:0.7'];
    if (today !== undefined) lines.push('    section Report', `    ${mermaidPlain(`As of ${spokenDate(today)}`)} : milestone, ${today}, 0d`);
    for (const stage of dated) {
        lines.push(`    section Stage ${stage.position}`);
        const name = mermaidPlain(stage.title || stage.name, 50);
        if (stage.from !== null && stage.to !== null && stage.from <= stage.to) {
            lines.push(`    ${name} : ${stage.from}, ${stage.to}`);
        } else {
            if (stage.from !== null) lines.push(`    ${mermaidPlain(`${name} starts`, 60)} : milestone, ${stage.from}, 0d`);
            if (stage.to !== null) lines.push(`    ${mermaidPlain(`${name} ends`, 60)} : milestone, ${stage.to}, 0d`);
        }
        for (const action of stage.actions) {
            if (action.due === null) continue;
            // Overdue is red and only red: Mermaid draws `crit` with `active` or `done` pale.
            const state = action.overdue ? 'crit' : action.status === 'done' ? 'done' : action.status === 'doing' ? 'active' : '';
            const tags = [state, 'milestone'].filter(Boolean).join(', ');
            lines.push(`    ${mermaidPlain(`${action.title || action.name}${action.overdue ? ' (overdue)' : ''}`, 60)} : ${tags}, ${action.due}, 0d`);
        }
    }
    return lines.join('\n');
}
