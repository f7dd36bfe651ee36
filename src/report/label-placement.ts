/**
 * Places text labels next to points so that no two labels overlap, and no label covers a point or
 * another obstacle: each label tries a list of candidate boxes around its point, nearest first,
 * and takes the first that stays inside the bounds and is clear of everything placed before it.
 * A label that finds no clear box is left out (the caller lists it elsewhere). Geometry only: the
 * widths of texts are estimated from font metrics (`textWidth`).
 */

/** A rectangle: its top-left corner, width and height. */
export interface Box {
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
}

/** A point's circle. */
export interface Anchor {
    readonly x: number;
    readonly y: number;
    readonly r: number;
}

export interface LabelRequest<K> {
    readonly key: K;
    readonly anchor: Anchor;
    readonly width: number;
    readonly height: number;
}

export interface PlacedLabel<K> {
    readonly key: K;
    readonly box: Box;
    /** Where a leader line from the point meets the label, for a label away from its point. */
    readonly leader: { readonly x1: number; readonly y1: number; readonly x2: number; readonly y2: number } | undefined;
}

/** The least room kept between two things that must not touch. */
export const CLEARANCE = 1;

/** Whether two boxes overlap or come closer than `gap`. */
export function boxesOverlap(a: Box, b: Box, gap = 0): boolean {
    return a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;
}

export function boxInside(inner: Box, outer: Box): boolean {
    return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

/** The box around a point's circle. */
export function anchorBox(anchor: Anchor): Box {
    return { x: anchor.x - anchor.r, y: anchor.y - anchor.r, width: 2 * anchor.r, height: 2 * anchor.r };
}

/** How many rings of candidates farther from the point a label tries (with a leader line) before it gives up. */
const RINGS = 6;
const NEAR = 3;
/** How far from its point a label may go at most (a leader line joins them). */
const FAR = 130;

/** Candidate boxes for a label around its point: beside it first, then in rings farther away. */
function candidates(anchor: Anchor, width: number, height: number): Box[] {
    const boxes: Box[] = [];
    const gap = anchor.r + NEAR;
    for (let ring = 0; ring <= RINGS; ring++) {
        const dx = gap + ring * 12;
        const dy = gap + ring * (height + 2);
        const right = anchor.x + dx;
        const left = anchor.x - dx - width;
        const middle = anchor.y - height / 2;
        const above = anchor.y - dy - height;
        const below = anchor.y + dy;
        const centre = anchor.x - width / 2;
        boxes.push(
            { x: right, y: middle, width, height },
            { x: left, y: middle, width, height },
            { x: centre, y: above, width, height },
            { x: centre, y: below, width, height },
            { x: right, y: above, width, height },
            { x: right, y: below, width, height },
            { x: left, y: above, width, height },
            { x: left, y: below, width, height }
        );
        if (ring > 0) {
            // Beside the point, shifted up or down by whole label heights.
            boxes.push(
                { x: anchor.x + gap, y: middle - ring * (height + 2), width, height },
                { x: anchor.x + gap, y: middle + ring * (height + 2), width, height },
                { x: anchor.x - gap - width, y: middle - ring * (height + 2), width, height },
                { x: anchor.x - gap - width, y: middle + ring * (height + 2), width, height }
            );
        }
    }
    return boxes;
}

/**
 * The last resort: every place in the bounds on a grid, nearest to the point first (a leader line
 * then joins the label to its point).
 */
function farCandidates(request: LabelRequest<unknown>, bounds: Box): Box[] {
    const { anchor, width, height } = request;
    const boxes: Array<{ box: Box; distance: number }> = [];
    for (let y = bounds.y; y + height <= bounds.y + bounds.height; y += height + 2) {
        for (let x = bounds.x; x + width <= bounds.x + bounds.width; x += 8) {
            const nearestX = Math.max(x, Math.min(anchor.x, x + width));
            const nearestY = Math.max(y, Math.min(anchor.y, y + height));
            const distance = Math.hypot(nearestX - anchor.x, nearestY - anchor.y);
            if (distance <= FAR) boxes.push({ box: { x, y, width, height }, distance });
        }
    }
    return boxes.sort((a, b) => a.distance - b.distance).map(entry => entry.box);
}

/** A leader line from the circle's edge towards the label's nearest point, when the label is not right beside its point. */
function leaderFor(anchor: Anchor, box: Box): PlacedLabel<unknown>['leader'] {
    const nearestX = Math.max(box.x, Math.min(anchor.x, box.x + box.width));
    const nearestY = Math.max(box.y, Math.min(anchor.y, box.y + box.height));
    const distance = Math.hypot(nearestX - anchor.x, nearestY - anchor.y);
    if (distance <= anchor.r + NEAR + 2) return undefined;
    const ux = (nearestX - anchor.x) / distance;
    const uy = (nearestY - anchor.y) / distance;
    return { x1: anchor.x + ux * anchor.r, y1: anchor.y + uy * anchor.r, x2: nearestX, y2: nearestY };
}

/**
 * Places the labels in the order given (the most important first). `obstacles` (points, fixed
 * texts) and every label placed before are kept clear; every box stays inside `bounds`. With
 * `far`, a label that finds no place near its point looks further away (joined by a leader
 * line). Labels that find no place are in `unplaced`, in order.
 */
export function placeLabels<K>(
    requests: readonly LabelRequest<K>[], obstacles: readonly Box[], bounds: Box, far = true
): { placed: PlacedLabel<K>[]; unplaced: K[] } {
    const taken: Box[] = [...obstacles];
    const placed: PlacedLabel<K>[] = [];
    const unplaced: K[] = [];
    const clear = (candidate: Box) => boxInside(candidate, bounds) && !taken.some(other => boxesOverlap(candidate, other, CLEARANCE));
    for (const request of requests) {
        const box = candidates(request.anchor, request.width, request.height).find(clear) ?? (far ? farCandidates(request, bounds).find(clear) : undefined);
        if (!box) {
            unplaced.push(request.key);
            continue;
        }
        taken.push(box);
        placed.push({ key: request.key, box, leader: leaderFor(request.anchor, box) });
    }
    return { placed, unplaced };
}

/**
 * Advance widths (in em) of the characters of DejaVu Sans, the widest of the sans-serif fonts
 * the report names (Arial, Helvetica and Liberation Sans are narrower): an estimate that errs on
 * the wide side. Characters not listed count as a full em.
 */
const WIDTHS: Readonly<Record<string, number>> = {
    ' ': 0.318, '!': 0.401, '"': 0.46, '#': 0.838, $: 0.636, '%': 0.95, '&': 0.78, "'": 0.275, '(': 0.39, ')': 0.39, '*': 0.5, '+': 0.838,
    ',': 0.318, '-': 0.361, '.': 0.318, '/': 0.337, ':': 0.337, ';': 0.337, '<': 0.838, '=': 0.838, '>': 0.838, '?': 0.531, '@': 1.0,
    '[': 0.39, '\\': 0.337, ']': 0.39, _: 0.5, '`': 0.5, '{': 0.636, '|': 0.337, '}': 0.636, '~': 0.838, '–': 0.5, '—': 1.0, '…': 1.0,
    '‘': 0.318, '’': 0.318, '“': 0.518, '”': 0.518, '·': 0.318,
    a: 0.613, b: 0.635, c: 0.55, d: 0.635, e: 0.615, f: 0.352, g: 0.635, h: 0.634, i: 0.278, j: 0.278, k: 0.579, l: 0.278, m: 0.974,
    n: 0.634, o: 0.612, p: 0.635, q: 0.635, r: 0.411, s: 0.521, t: 0.392, u: 0.634, v: 0.592, w: 0.818, x: 0.592, y: 0.592, z: 0.525,
    A: 0.684, B: 0.686, C: 0.698, D: 0.77, E: 0.632, F: 0.575, G: 0.775, H: 0.752, I: 0.295, J: 0.295, K: 0.656, L: 0.557, M: 0.863,
    N: 0.748, O: 0.787, P: 0.603, Q: 0.787, R: 0.695, S: 0.635, T: 0.611, U: 0.732, V: 0.684, W: 0.989, X: 0.685, Y: 0.611, Z: 0.685
};
const DIGIT = 0.636;

/** The width of a text at a font size, as DejaVu Sans would set it (an upper estimate for the fonts named), plus 4%. */
export function textWidth(text: string, fontSize: number, bold = false): number {
    let em = 0;
    for (const char of text) em += WIDTHS[char] ?? (char >= '0' && char <= '9' ? DIGIT : char.charCodeAt(0) < 0x2e80 ? 0.72 : 1.0);
    return em * fontSize * (bold ? 1.1 : 1) * 1.04;
}

/** The text cut to at most `maxWidth`, with an ellipsis when cut. */
export function fitText(text: string, fontSize: number, maxWidth: number, bold = false): string {
    if (textWidth(text, fontSize, bold) <= maxWidth) return text;
    const chars = [...text];
    while (chars.length > 1 && textWidth(chars.join('').trimEnd() + '…', fontSize, bold) > maxWidth) chars.pop();
    return chars.join('').trimEnd() + '…';
}
