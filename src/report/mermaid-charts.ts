/**
 * The Markdown report's diagrams, in Mermaid as GitHub renders it: a `quadrantChart` for the
 * quick-wins matrix and a `gantt` for the dated stages and their actions' due dates. Text from
 * the plan is cleaned of what Mermaid reads as syntax.
 */
import type { OverviewProject, OverviewStage } from '../protocol/overview-protocol.js';
import { datedStages } from './stage-timeline.js';

/** At most this many projects (the best ranked) are points of the quadrant chart. */
export const MERMAID_POINTS = 40;

/** Where each effort sits on the chart's x axis (0 to 1): low and medium left of the middle, high right of it. */
const EFFORT_X: Readonly<Record<'low' | 'medium' | 'high', number>> = { low: 0.16, medium: 0.38, high: 0.75 };

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

/** The matrix as a quadrantChart: quick wins named by their titles, other projects by their rank; projects without an effort are left out. */
export function quadrantChart(projects: readonly OverviewProject[], threshold: number, fullScore: number): string {
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
    const shown = projects.filter(project => project.effort !== null).slice(0, MERMAID_POINTS);
    // Points at the same place spread sideways a little, so that each stays visible.
    const taken = new Map<string, number>();
    for (const project of shown) {
        const y = chartY(project.score, threshold, fullScore);
        const column = EFFORT_X[project.effort!];
        const key = `${column}:${Math.round(y * 25)}`;
        const index = taken.get(key) ?? 0;
        taken.set(key, index + 1);
        const x = column + (index % 2 === 0 ? 1 : -1) * Math.ceil(index / 2) * 0.035;
        const name = project.quickWin ? mermaidQuoted(project.title || project.name, 32) : `#${project.rank}`;
        const style = project.quickWin ? ' radius: 7, color: #1a7f37' : ' radius: 4, color: #8c96a0';
        lines.push(`    "${name}": [${round(Math.min(0.98, Math.max(0.02, x)))}, ${round(y)}]${style}`);
    }
    return lines.join('\n');
}

/** The dated stages as a gantt: a bar per stage window (a milestone where one end is open), a milestone per action due date. */
export function ganttChart(stages: readonly OverviewStage[]): string | undefined {
    const dated = datedStages(stages);
    if (dated.length === 0) return undefined;
    const lines = ['gantt', '    title Stages and due dates', '    dateFormat YYYY-MM-DD', '    axisFormat %b %Y', '    todayMarker off'];
    for (const stage of dated) {
        lines.push(`    section ${mermaidPlain(`${stage.position}. ${stage.title || stage.name}`, 40)}`);
        const name = mermaidPlain(stage.title || stage.name, 50);
        if (stage.from !== null && stage.to !== null && stage.from <= stage.to) {
            lines.push(`    ${name} : ${stage.from}, ${stage.to}`);
        } else {
            if (stage.from !== null) lines.push(`    ${mermaidPlain(`${name} starts`, 60)} : milestone, ${stage.from}, 0d`);
            if (stage.to !== null) lines.push(`    ${mermaidPlain(`${name} ends`, 60)} : milestone, ${stage.to}, 0d`);
        }
        for (const action of stage.actions) {
            if (action.due === null) continue;
            const tags = [action.overdue ? 'crit' : '', action.status === 'done' ? 'done' : action.status === 'doing' ? 'active' : '', 'milestone'].filter(Boolean).join(', ');
            lines.push(`    ${mermaidPlain(action.title || action.name, 50)} : ${tags}, ${action.due}, 0d`);
        }
    }
    return lines.join('\n');
}
