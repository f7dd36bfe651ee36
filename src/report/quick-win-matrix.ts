/**
 * The quick-wins matrix (docs/command-line.md#adopt-report, section 3 of the overview): each project's score
 * (vertical, the threshold drawn as a line) against its effort (low, medium, high, and a column
 * for "not stated"), as SVG. The four quadrants are named: quick wins (score at or above the
 * threshold, low or medium effort), big bets (at or above, high effort), fill-ins (below, low or
 * medium effort) and time sinks (below, high effort).
 *
 * `layoutMatrix` is the geometry (tested for overlaps), `matrixSvg` draws it; the HTML report and
 * the editor's overview both use `matrixSvg`. Colours come from CSS classes, so that the report
 * (print colours) and the overview (the editor's theme) style the same drawing.
 *
 * Points do not overlap while there are few enough to number (each carries its rank); quick wins
 * are labelled with their titles where a label fits clear of every point, label and fixed text;
 * the quick wins left without a label are returned, for the caller to list beside the drawing.
 */
import type { OverviewProject } from '../protocol/overview-protocol.js';
import { coordinate, escape, formatNumber } from './html-text.js';
import { anchorBox, boxesOverlap, fitText, placeLabels, textWidth, type Box, type LabelRequest, type PlacedLabel } from './label-placement.js';

export type MatrixProject = Pick<OverviewProject, 'rank' | 'name' | 'title' | 'score' | 'quickWin' | 'effort' | 'line'>;
export type Effort = MatrixProject['effort'];

export interface MatrixInput {
    readonly projects: readonly MatrixProject[];
    readonly threshold: number;
    readonly fullScore: number;
}

export type QuadrantId = 'quick-wins' | 'big-bets' | 'fill-ins' | 'time-sinks';

/**
 * The quadrants split the matrix at the quick-win threshold and between medium and high effort.
 * A quick win is one thing everywhere (the score's definition: at or above the threshold, an
 * initiative supported, a trained willing member, all three traits; effort is not part of it):
 * the quick-wins quadrant is where quick wins of low or medium effort sit, and a quick win of
 * high effort sits among the big bets, said as such.
 */
export const QUADRANTS: ReadonlyArray<{ readonly id: QuadrantId; readonly name: string; readonly meaning: string }> = [
    { id: 'quick-wins', name: 'Quick wins', meaning: 'at or above the quick-win threshold, for low or medium effort' },
    { id: 'big-bets', name: 'Big bets', meaning: 'at or above the threshold, for high effort' },
    { id: 'fill-ins', name: 'Fill-ins', meaning: 'below the threshold, for low or medium effort' },
    { id: 'time-sinks', name: 'Time sinks', meaning: 'below the threshold, for high effort' }
];

/** What a quick win is, in one sentence, for the matrix's legend. */
export const QUICK_WIN_MEANING = 'a quick win scores at or above the threshold, supports an initiative, involves a trained willing member and has all three traits; effort is not part of it, so a quick win of high effort sits among the big bets';

/** The quick wins by effort: `2 of them high effort, among the big bets; 1 effort not stated` (empty when every quick win is of low or medium effort). */
export function quickWinsByEffort(projects: readonly Pick<MatrixProject, 'quickWin' | 'effort'>[]): string {
    const wins = projects.filter(project => project.quickWin);
    const high = wins.filter(project => project.effort === 'high').length;
    const unstated = wins.filter(project => project.effort === null).length;
    return [high > 0 ? `${high.toLocaleString('en')} of them high effort, among the big bets` : '', unstated > 0 ? `${unstated.toLocaleString('en')} effort not stated` : '']
        .filter(Boolean).join('; ');
}

/** The projects of each quadrant, and those without an effort, by rank. */
export function quadrantGroups<P extends Pick<MatrixProject, 'score' | 'effort'>>(projects: readonly P[], threshold: number):
    ReadonlyArray<{ readonly id: QuadrantId | null; readonly name: string; readonly meaning: string; readonly projects: readonly P[] }> {
    return [
        ...QUADRANTS.map(quadrant => ({ ...quadrant, projects: projects.filter(project => quadrantOf(project, threshold) === quadrant.id) })),
        { id: null, name: 'Effort not stated', meaning: 'in no quadrant', projects: projects.filter(project => project.effort === null) }
    ];
}

/** The quadrant of a project, or undefined when its effort is not stated. */
export function quadrantOf(project: Pick<MatrixProject, 'score' | 'effort'>, threshold: number): QuadrantId | undefined {
    if (project.effort === null) return undefined;
    const above = project.score >= threshold;
    const high = project.effort === 'high';
    return above ? (high ? 'big-bets' : 'quick-wins') : (high ? 'time-sinks' : 'fill-ins');
}

export interface MatrixPoint {
    readonly project: MatrixProject;
    readonly x: number;
    readonly y: number;
    readonly r: number;
    /** The point shows its rank inside. */
    readonly numbered: boolean;
}

export interface MatrixLabel {
    readonly project: MatrixProject;
    readonly text: string;
    readonly box: Box;
    readonly leader: PlacedLabel<unknown>['leader'];
}

export interface MatrixLayout {
    readonly width: number;
    readonly height: number;
    /** The quadrants' area (low, medium and high effort). */
    readonly plot: Box;
    readonly columns: ReadonlyArray<{ readonly effort: Effort; readonly label: string; readonly box: Box }>;
    readonly quadrants: ReadonlyArray<{ readonly id: QuadrantId; readonly name: string; readonly box: Box; readonly nameBox: Box | undefined }>;
    readonly thresholdY: number;
    readonly ticks: ReadonlyArray<{ readonly value: number; readonly y: number; readonly threshold: boolean }>;
    readonly points: readonly MatrixPoint[];
    readonly labels: readonly MatrixLabel[];
    /** Quick wins without a label in the drawing, by rank. */
    readonly unlabelledQuickWins: readonly MatrixProject[];
}

/** The drawing's width by default (the report's); a narrow view asks for less, down to MIN_WIDTH. */
export const MATRIX_WIDTH = 760;
export const MIN_MATRIX_WIDTH = 420;
const HEIGHT = 470;
const LEFT = 64;
const RIGHT = 16;
const TOP = 16;
const BOTTOM = HEIGHT - 62;
/** The "not stated" column is this much of a quadrant column's width. */
const NOT_STATED_SHARE = 0.87;
const LABEL_FONT = 11;
const LABEL_HEIGHT = 15;
const LABEL_MAX_WIDTH = 250;
const NAME_FONT = 12;
/** Up to this many projects, every point is numbered with its rank and no two points overlap. */
export const NUMBERED_POINTS = 60;
/** Beyond NUMBERED_POINTS projects, at most this many quick wins (the best) are labelled. */
const LABELS_WHEN_CROWDED = 8;
const SEARCHED_POINTS = 400;

const COLUMN_DEFS: ReadonlyArray<{ effort: Effort; label: string }> = [
    { effort: 'low', label: 'low' }, { effort: 'medium', label: 'medium' }, { effort: 'high', label: 'high' }, { effort: null, label: 'not stated' }
];

/**
 * The geometry of the matrix, `width` units wide (the report's 760 by default; a narrow view asks
 * for its own width, so that its texts keep their size and the quadrants get narrower).
 */
export function layoutMatrix(input: MatrixInput, width = MATRIX_WIDTH): MatrixLayout {
    const WIDTH = Math.max(MIN_MATRIX_WIDTH, Math.min(MATRIX_WIDTH, Math.round(width)));
    const GAP = WIDTH >= 600 ? 22 : 12;
    const COLUMN = (WIDTH - LEFT - RIGHT - GAP) / (3 + NOT_STATED_SHARE);
    const full = input.fullScore > 0 ? input.fullScore : 100;
    const y = (score: number): number => BOTTOM - (Math.max(0, Math.min(full, score)) / full) * (BOTTOM - TOP);
    const plot: Box = { x: LEFT, y: TOP, width: 3 * COLUMN, height: BOTTOM - TOP };
    const columns = COLUMN_DEFS.map((column, index) => ({
        ...column,
        box: { x: LEFT + index * COLUMN + (index === 3 ? GAP : 0), y: TOP, width: index === 3 ? WIDTH - RIGHT - (LEFT + 3 * COLUMN + GAP) : COLUMN, height: BOTTOM - TOP }
    }));
    const thresholdY = y(input.threshold);
    const split = LEFT + 2 * COLUMN;
    const quadrantBoxes: Record<QuadrantId, Box> = {
        'quick-wins': { x: LEFT, y: TOP, width: 2 * COLUMN, height: thresholdY - TOP },
        'big-bets': { x: split, y: TOP, width: COLUMN, height: thresholdY - TOP },
        'fill-ins': { x: LEFT, y: thresholdY, width: 2 * COLUMN, height: BOTTOM - thresholdY },
        'time-sinks': { x: split, y: thresholdY, width: COLUMN, height: BOTTOM - thresholdY }
    };
    const quadrants = QUADRANTS.map(quadrant => {
        const box = quadrantBoxes[quadrant.id];
        const width = textWidth(quadrant.name, NAME_FONT, true);
        const upper = quadrant.id === 'quick-wins' || quadrant.id === 'big-bets';
        const fits = box.height >= LABEL_HEIGHT + 8;
        const nameBox = fits ? { x: box.x + 6, y: upper ? box.y + 4 : box.y + box.height - 4 - LABEL_HEIGHT, width, height: LABEL_HEIGHT } : undefined;
        return { id: quadrant.id, name: quadrant.name, box, nameBox };
    });

    const count = input.projects.length;
    const numbered = count <= NUMBERED_POINTS;
    const r = numbered ? 9 : count <= SEARCHED_POINTS ? 4.5 : 2.5;
    const fixed = quadrants.flatMap(quadrant => (quadrant.nameBox ? [quadrant.nameBox] : []));
    const points = placePoints(input.projects, columns, y, r, numbered, count <= SEARCHED_POINTS, fixed);

    const labelled = input.projects.filter(project => project.quickWin).slice(0, numbered ? undefined : LABELS_WHEN_CROWDED);
    const pointOf = new Map(points.map(point => [point.project, point]));
    // Few points: labels keep clear of every point. Many: the points are a cloud that labels may cover (on a background of their own).
    const obstacles = numbered ? [...fixed, ...points.map(anchorBox)] : fixed;
    // Labels of points without an effort stay in their own column where they fit there (else,
    // like every other label, they go where they fit in the drawing, with a leader line).
    const notStated = columns[3].box;
    const bounds: Box = { x: LEFT, y: TOP, width: notStated.x + notStated.width - LEFT, height: BOTTOM - TOP };
    const maxLabel = Math.min(LABEL_MAX_WIDTH, 1.5 * COLUMN);
    const unstated = labelled.filter(project => project.effort === null);
    const placed = placeLabelled(unstated, pointOf, obstacles, notStated, notStated.width - 6, numbered);
    const inColumn = new Set(placed.map(label => label.project));
    placed.push(...placeLabelled(labelled.filter(project => !inColumn.has(project)), pointOf, [...obstacles, ...placed.map(label => label.box)], bounds, maxLabel, numbered));
    const labelledSet = new Set(placed.map(label => label.project));
    return {
        width: WIDTH,
        height: HEIGHT,
        plot,
        columns,
        quadrants,
        thresholdY,
        ticks: ticks(full, input.threshold, y),
        points,
        labels: placed,
        unlabelledQuickWins: input.projects.filter(project => project.quickWin && !labelledSet.has(project))
    };
}

/** A quick win's label: its title (else its name), cut to `maxWidth`; labels are set in semibold. */
function labelText(project: MatrixProject, maxWidth: number): string {
    return fitText(project.title || project.name, LABEL_FONT, maxWidth, true);
}

/**
 * Places the labels of `projects` inside `bounds`, each with its title cut to `cutWidth`; then
 * gives each cut label its whole title where that fits clear of everything else.
 */
function placeLabelled(
    projects: readonly MatrixProject[], pointOf: ReadonlyMap<MatrixProject, MatrixPoint>, obstacles: readonly Box[], bounds: Box, cutWidth: number, far: boolean
): MatrixLabel[] {
    if (projects.length === 0) return [];
    const request = (project: MatrixProject, maxWidth: number): LabelRequest<MatrixProject> => ({
        key: project, anchor: pointOf.get(project)!, width: textWidth(labelText(project, maxWidth), LABEL_FONT, true) + 4, height: LABEL_HEIGHT
    });
    const labels: MatrixLabel[] = placeLabels(projects.map(project => request(project, cutWidth)), obstacles, bounds, far).placed
        .map(label => ({ project: label.key, text: labelText(label.key, cutWidth), box: label.box, leader: label.leader }));
    for (let i = 0; i < labels.length; i++) {
        const project = labels[i].project;
        const whole = labelText(project, bounds.width - 6);
        if (whole === labels[i].text) continue;
        const others = [...obstacles, ...labels.filter((_label, j) => j !== i).map(label => label.box)];
        const [wider] = placeLabels([request(project, bounds.width - 6)], others, bounds, far).placed;
        if (wider) labels[i] = { project, text: whole, box: wider.box, leader: wider.leader };
    }
    return labels;
}

/**
 * Puts each project in its effort column at its score. Up to SEARCHED_POINTS projects, a point
 * that would overlap one placed before moves sideways (then slightly up or down) to the nearest
 * free place in its column; beyond that, points spread over the column's width by rank.
 */
function placePoints(
    projects: readonly MatrixProject[], columns: MatrixLayout['columns'], y: (score: number) => number, r: number, numbered: boolean, search: boolean, fixed: readonly Box[]
): MatrixPoint[] {
    const placedByColumn = new Map<Effort, MatrixPoint[]>();
    const points: MatrixPoint[] = [];
    const step = 2 * r + 2;
    projects.forEach((project, index) => {
        const column = columns.find(candidate => candidate.effort === project.effort) ?? columns[3];
        const centre = column.box.x + column.box.width / 2;
        const half = column.box.width / 2 - r - 4;
        const baseY = y(project.score);
        const placed = placedByColumn.get(column.effort) ?? [];
        let point: MatrixPoint | undefined;
        if (search) {
            const clear = (x: number, yy: number) =>
                yy - r >= column.box.y && yy + r <= column.box.y + column.box.height &&
                !placed.some(other => Math.hypot(other.x - x, other.y - yy) < step) &&
                !fixed.some(box => boxesOverlap(anchorBox({ x, y: yy, r }), box, 1));
            outer: for (const dy of [0, -r, r, -2 * r, 2 * r]) {
                for (let k = 0; k * step <= 2 * half; k++) {
                    const dx = (k % 2 === 0 ? 1 : -1) * Math.ceil(k / 2) * step;
                    if (Math.abs(dx) > half) continue;
                    if (clear(centre + dx, baseY + dy)) {
                        point = { project, x: centre + dx, y: baseY + dy, r, numbered };
                        break outer;
                    }
                }
            }
            point ??= { project, x: centre, y: Math.max(column.box.y + r, Math.min(column.box.y + column.box.height - r, baseY)), r, numbered };
        } else {
            // A deterministic spread: the golden ratio walks the column's width evenly.
            const spread = ((index * 0.618033988749895) % 1) * 2 - 1;
            point = { project, x: centre + spread * half, y: Math.max(column.box.y + r, Math.min(column.box.y + column.box.height - r, baseY)), r, numbered };
        }
        placed.push(point);
        placedByColumn.set(column.effort, placed);
        points.push(point);
    });
    return points;
}

/** Ticks on the score axis: about five round values, and the threshold (which hides a tick too close to it). */
function ticks(full: number, threshold: number, y: (score: number) => number): MatrixLayout['ticks'] {
    const raw = full / 5;
    const magnitude = 10 ** Math.floor(Math.log10(raw));
    const step = [1, 2, 2.5, 5, 10].map(f => f * magnitude).find(candidate => candidate >= raw) ?? raw;
    const result: Array<{ value: number; y: number; threshold: boolean }> = [];
    const thresholdY = y(threshold);
    // Six values at most, whatever the scale: a step lost to rounding at a huge scale ends the axis, never loops.
    for (let index = 0, value = 0; index <= 5 && value <= full + 1e-9 && Number.isFinite(step) && step > 0; index++, value = index * step) {
        const at = y(value);
        if (Math.abs(at - thresholdY) >= LABEL_HEIGHT) result.push({ value: Math.round(value * 100) / 100, y: at, threshold: false });
    }
    if (threshold >= 0 && threshold <= full) result.push({ value: threshold, y: thresholdY, threshold: true });
    return result.sort((a, b) => b.y - a.y);
}

export interface MatrixSvgOptions {
    /** Prefix of the ids in the drawing (unique in its page). */
    readonly id: string;
    /** The drawing's width (default: MATRIX_WIDTH). */
    readonly width?: number;
    /** Points carry `data-line` for the editor's overview, which reveals a project chosen there. */
    readonly interactive?: boolean;
}

/** The matrix as an SVG element: accessible name and description, classes for colours, no script, no style attributes. */
export function matrixSvg(input: MatrixInput, options: MatrixSvgOptions, layout: MatrixLayout = layoutMatrix(input, options.width)): string {
    const id = escape(options.id);
    const wins = input.projects.filter(project => project.quickWin).length;
    const inQuadrant = (quadrant: QuadrantId) => input.projects.filter(project => quadrantOf(project, input.threshold) === quadrant).length;
    const description = `${input.projects.length} projects by score and effort, threshold ${formatNumber(input.threshold)}: ` +
        QUADRANTS.map(quadrant => `${quadrant.name.toLowerCase()} ${inQuadrant(quadrant.id)}`).join(', ') +
        `, effort not stated ${input.projects.filter(project => project.effort === null).length}; ${wins} quick wins.`;
    const out: string[] = [];
    out.push(`<svg class="matrix" viewBox="0 0 ${layout.width} ${layout.height}" role="img" aria-labelledby="${id}-title ${id}-desc" xmlns="http://www.w3.org/2000/svg">`);
    out.push(`<title id="${id}-title">Quick-wins matrix: score against effort</title>`, `<desc id="${id}-desc">${escape(description)}</desc>`);
    for (const quadrant of layout.quadrants) {
        out.push(`<rect class="quadrant q-${quadrant.id}" ${rect(quadrant.box)}/>`);
    }
    const notStated = layout.columns[3].box;
    out.push(`<rect class="not-stated" ${rect(notStated)}/>`);
    for (const tick of layout.ticks) {
        const cls = tick.threshold ? 'tick threshold-tick' : 'tick';
        out.push(`<line class="grid" x1="${LEFT}" y1="${coordinate(tick.y)}" x2="${coordinate(notStated.x + notStated.width)}" y2="${coordinate(tick.y)}"/>`);
        out.push(`<text class="${cls}" x="${LEFT - 8}" y="${coordinate(tick.y + 4)}" text-anchor="end">${escape(formatNumber(tick.value))}</text>`);
    }
    // Column separators and the quadrants' vertical split.
    const column = layout.columns[0].box.width;
    for (const index of [1, 2]) {
        const x = coordinate(LEFT + index * column);
        out.push(`<line class="${index === 2 ? 'split' : 'column-line'}" x1="${x}" y1="${TOP}" x2="${x}" y2="${BOTTOM}"/>`);
    }
    out.push(`<rect class="frame" ${rect(layout.plot)}/>`);
    out.push(`<line class="threshold" x1="${LEFT}" y1="${coordinate(layout.thresholdY)}" x2="${coordinate(notStated.x + notStated.width)}" y2="${coordinate(layout.thresholdY)}"/>`);
    for (const column of layout.columns) {
        out.push(`<text class="column-label" x="${coordinate(column.box.x + column.box.width / 2)}" y="${BOTTOM + 18}" text-anchor="middle">${escape(column.label)}</text>`);
    }
    out.push(`<text class="axis-title" x="${coordinate(LEFT + 1.5 * column)}" y="${BOTTOM + 42}" text-anchor="middle">effort →</text>`);
    out.push(`<text class="axis-title" x="${coordinate(notStated.x + notStated.width / 2)}" y="${BOTTOM + 42}" text-anchor="middle">${layout.width >= 600 ? '(not in a quadrant)' : '(no quadrant)'}</text>`);
    out.push(`<text class="axis-title" transform="translate(16 ${coordinate((TOP + BOTTOM) / 2)}) rotate(-90)" text-anchor="middle">score (threshold ${escape(formatNumber(input.threshold))}) →</text>`);
    for (const quadrant of layout.quadrants) {
        if (!quadrant.nameBox) continue;
        out.push(`<text class="quadrant-name n-${quadrant.id}" x="${coordinate(quadrant.nameBox.x)}" y="${coordinate(quadrant.nameBox.y + 11.5)}">${escape(quadrant.name)}</text>`);
    }
    out.push('<g class="points">');
    for (const point of layout.points) {
        const project = point.project;
        if (!point.numbered) {
            // A crowd of points: plain dots (the labels and the ranked list name them).
            out.push(`<circle class="dot${project.quickWin ? ' win' : ''}" cx="${coordinate(point.x)}" cy="${coordinate(point.y)}" r="${point.r}"/>`);
            continue;
        }
        const effort = project.effort ?? 'not stated';
        const tip = `#${project.rank} ${project.title || project.name}: score ${formatNumber(project.score)}, effort ${effort}${project.quickWin ? ', quick win' : ''}`;
        const data = options.interactive ? ` data-line="${project.line}" data-name="${escape(project.name)}"` : '';
        out.push(`<g class="point${project.quickWin ? ' win' : ''}"${data}><title>${escape(tip)}</title>` +
            `<circle cx="${coordinate(point.x)}" cy="${coordinate(point.y)}" r="${point.r}"/>` +
            `<text class="point-number" x="${coordinate(point.x)}" y="${coordinate(point.y + 3.2)}" text-anchor="middle">${project.rank}</text>` +
            '</g>');
    }
    out.push('</g>', '<g class="labels">');
    for (const label of layout.labels) {
        const leader = label.leader
            ? `<line class="leader" x1="${coordinate(label.leader.x1)}" y1="${coordinate(label.leader.y1)}" x2="${coordinate(label.leader.x2)}" y2="${coordinate(label.leader.y2)}"/>`
            : '';
        out.push(`<g class="label">${leader}<rect class="label-bg" ${rect(label.box)}/><text class="label-text" x="${coordinate(label.box.x + 2)}" y="${coordinate(label.box.y + 11.5)}">${escape(label.text)}</text></g>`);
    }
    out.push('</g>', '</svg>');
    return out.join('\n');
}

function rect(box: Box): string {
    return `x="${coordinate(box.x)}" y="${coordinate(box.y)}" width="${coordinate(Math.max(0, box.width))}" height="${coordinate(Math.max(0, box.height))}"`;
}
