/**
 * The report's style and drawings, checked without a browser: colours computed for contrast
 * (WCAG 2.x relative luminance; 3:1 for what a chart shows), a dark palette for a screen set to
 * dark that leaves print light, nothing that a browser may skip when printing or capturing the
 * page, and the timeline of a busy stage (tests/vscode/report-test.mjs measures the layout in
 * Chromium).
 */
import { describe, expect, it } from 'vitest';
import { reportHtml } from '../../src/report/report-html.js';
import { OVERVIEW_CSS, REPORT_DARK_PALETTE, REPORT_PALETTE, REPORT_PRINT_CSS, VIEW_PALETTE } from '../../src/report/report-style.js';
import { laneMarks, stageTimelineSvg } from '../../src/report/stage-timeline.js';
import { parseDocument, texts } from './html-dom.js';
import { LIVING_PLAN, manyActionsPlan, overviewOfText } from './report-plans.js';

/** The custom properties a palette sets (the last value of each). */
function variables(css: string): Map<string, string> {
    return new Map([...css.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map(match => [match[1], match[2].trim()]));
}

function luminance(hex: string): number {
    const digits = /^#([0-9a-f]{6})$/i.exec(hex)?.[1];
    if (!digits) throw new Error(`not a colour: ${hex}`);
    const [r, g, b] = [0, 2, 4].map(at => parseInt(digits.slice(at, at + 2), 16) / 255).map(c => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
    const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (light + 0.05) / (dark + 0.05);
}

/** The declarations of the rules whose selector list names `selector` exactly. */
function declarations(css: string, selector: string): string[] {
    return [...css.matchAll(/([^{}]+)\{([^{}]*)\}/g)]
        .filter(match => match[1].split(',').map(part => part.trim()).includes(selector))
        .map(match => match[2]);
}

const PALETTES = { light: variables(REPORT_PALETTE), dark: variables(REPORT_DARK_PALETTE) };
const PARTS = ['--part-reach', '--part-initiative', '--part-asynchrony', '--part-geography', '--part-crowdsourcing'];
const PLOT_BACKGROUNDS = ['--q-quick-wins', '--q-big-bets', '--q-fill-ins', '--q-time-sinks', '--not-stated'];

describe('the report\'s colours', () => {
    for (const [name, palette] of Object.entries(PALETTES)) {
        const colour = (variable: string) => palette.get(variable) ?? PALETTES.light.get(variable)!;

        it(`${name}: each part of a score bar stands out from the bar's track by at least 3:1`, () => {
            for (const part of PARTS) expect(contrast(colour(part), colour('--track')), `${part} ${colour(part)} on ${colour('--track')}`).toBeGreaterThanOrEqual(3);
        });

        it(`${name}: the matrix's dots and points stand out from every quadrant and the "not stated" column by at least 3:1`, () => {
            for (const background of PLOT_BACKGROUNDS) {
                for (const mark of ['--point-stroke', '--win-point']) {
                    expect(contrast(colour(mark), colour(background)), `${mark} on ${background}`).toBeGreaterThanOrEqual(3);
                }
            }
        });
    }

    it('draws the dots of a crowded matrix in their colour, not faded (an opacity would lower their contrast)', () => {
        for (const rule of [...declarations(OVERVIEW_CSS, '.matrix .dot'), ...declarations(OVERVIEW_CSS, '.matrix .dot.win')]) {
            expect(rule).not.toMatch(/opacity/);
        }
        expect(declarations(OVERVIEW_CSS, '.matrix .dot').join('')).toMatch(/fill: var\(--point-stroke\)/);
    });

    it('has a dark palette for a screen set to dark that sets every colour of the light one; print keeps the light one', async () => {
        expect(REPORT_DARK_PALETTE).toMatch(/@media screen and \(prefers-color-scheme: dark\)/);
        const colours = [...PALETTES.light.keys()].filter(key => /^#/.test(PALETTES.light.get(key)!));
        expect(colours.filter(key => !PALETTES.dark.has(key))).toEqual([]);
        const html = reportHtml(await overviewOfText(LIVING_PLAN));
        const document = parseDocument(html);
        expect(document.querySelector('meta[name="color-scheme"]')?.getAttribute('content')).toBe('light dark');
        expect(html).toContain(REPORT_DARK_PALETTE);
        // No dark colour outside the screen's media query.
        expect(html.replace(REPORT_DARK_PALETTE, '')).not.toMatch(/prefers-color-scheme/);
        expect(REPORT_PRINT_CSS).toMatch(/html, body \{ background: #ffffff; \}/);
    });

    it('keeps the dark text on its own background readable (4.5:1) and the accent lines visible (3:1)', () => {
        const dark = PALETTES.dark;
        for (const text of ['--fg', '--muted', '--link', '--good', '--bad', '--warn']) {
            for (const background of ['--bg', '--surface']) expect(contrast(dark.get(text)!, dark.get(background)!), `${text} on ${background}`).toBeGreaterThanOrEqual(4.5);
        }
        expect(contrast(dark.get('--win-fg')!, dark.get('--win-bg')!)).toBeGreaterThanOrEqual(4.5);
        expect(contrast(dark.get('--bad-fg')!, dark.get('--bad-bg')!)).toBeGreaterThanOrEqual(4.5);
        expect(contrast(dark.get('--accent')!, dark.get('--bg')!)).toBeGreaterThanOrEqual(3);
    });
});

describe('the report\'s page', () => {
    it('lays out every section: nothing a browser may skip when it prints or captures the page (content-visibility)', () => {
        for (const css of [OVERVIEW_CSS, REPORT_PALETTE, REPORT_DARK_PALETTE, REPORT_PRINT_CSS, VIEW_PALETTE]) expect(css).not.toMatch(/content-visibility|contain-intrinsic-size/);
    });

    it('forces no page break in print: a short section is not followed by a blank page', () => {
        expect(REPORT_PRINT_CSS).not.toMatch(/break-before:\s*page|page-break-before:\s*always/);
    });

    it('shows a pointer only over what a script acts on (the editor\'s overview), never in the report', () => {
        const pointers = [...(OVERVIEW_CSS + REPORT_PALETTE + REPORT_DARK_PALETTE).matchAll(/([^{}]+)\{[^{}]*cursor:\s*pointer/g)].flatMap(match => match[1].split(',').map(part => part.trim()));
        expect(pointers.length).toBeGreaterThan(0);
        for (const selector of pointers) expect(selector).toMatch(/^\.interactive /);
    });
});

describe('the timeline', () => {
    it('of 199 actions: every overdue action is a mark of its own that no other mark covers', async () => {
        const overview = await overviewOfText(manyActionsPlan(199, 32));
        const svg = stageTimelineSvg(overview.stages, overview.date, 't');
        const marks = [...svg.matchAll(/<path class="due (\w+)" d="M([\d.]+) ([\d.]+) /g)].map(match => ({ kind: match[1], x: Number(match[2]), y: Number(match[3]) }));
        expect(marks.filter(mark => mark.kind === 'overdue').length).toBe(32);
        const overlaps = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.abs(a.x - b.x) < 10 && Math.abs(a.y - b.y) < 12;
        marks.forEach((mark, index) => {
            if (mark.kind !== 'overdue') return;
            // Drawn later (on top) or overdue too: neither may cover it.
            const covering = marks.filter((other, at) => at !== index && (at > index || other.kind === 'overdue') && overlaps(mark, other));
            expect(covering, `overdue mark at ${mark.x},${mark.y}`).toEqual([]);
        });
    });

    it('puts marks due close together on lines of their own, overdue first', () => {
        const action = (name: string, due: string, status: string, overdue: boolean) =>
            ({ name, title: name, due, status, overdue, line: 1, owner: null, project: null }) as unknown as Parameters<typeof laneMarks>[0][number];
        const x = (day: number) => day - 20_000;
        const marks = laneMarks([action('a', '2027-01-01', 'done', false), action('b', '2027-01-02', 'todo', true), action('c', '2027-01-03', 'todo', false)], x);
        expect(marks.map(mark => [mark.action.name, mark.kind, mark.lane])).toEqual([['b', 'overdue', 0], ['c', 'open', 1], ['a', 'done', 2]]);
    });

    it('has a key that tells done, to do and overdue apart, and the dashed bar of an open-ended stage; actions to do are hollow', async () => {
        const overview = await overviewOfText(LIVING_PLAN);
        const html = reportHtml(overview);
        const key = parseDocument(html).querySelector('#stages figcaption .timeline-key')!;
        expect(texts(key, 'li')).toEqual([
            'a stage from its start to its end', 'dashed: a stage without a start or an end date', 'action done (1)', 'action to do (0)', 'action overdue (2)', 'today'
        ]);
        expect(key.querySelector('rect.stage-bar.open-end')).not.toBeNull();
        expect(['done', 'open', 'overdue'].map(kind => key.querySelectorAll(`path.due.${kind}`).length)).toEqual([1, 1, 1]);
        const fills = ['done', 'open', 'overdue'].map(kind => /fill: ([^;]+);/.exec(declarations(OVERVIEW_CSS, `.due.${kind}`).join(''))?.[1]);
        expect(fills).toEqual(['var(--good)', 'var(--bg)', 'var(--bad)']);
    });

    it('is drawn for a narrower page with its texts at their size (the editor\'s overview beside the editor)', async () => {
        const overview = await overviewOfText(LIVING_PLAN);
        const narrow = stageTimelineSvg(overview.stages, overview.date, 't', 560);
        expect(narrow).toMatch(/viewBox="0 0 560 /);
        expect(stageTimelineSvg(overview.stages, overview.date, 't')).toMatch(/viewBox="0 0 760 /);
        const labels = [...narrow.matchAll(/<text class="tick" x="([\d.]+)"/g)].map(match => Number(match[1]));
        labels.slice(1).forEach((at, index) => expect(at - labels[index]).toBeGreaterThanOrEqual(40));
    });
});
