/**
 * The Markdown report (SPEC section 8): parsed with markdown-it (CommonMark with GitHub's
 * tables), its sections in order with their tables, and its Mermaid blocks (a quadrantChart,
 * a gantt) parsed and built by Mermaid's own parser.
 */
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { MERMAID_POINTS, chartY, mermaidPlain, mermaidQuoted, quadrantChart } from '../../src/report/mermaid-charts.js';
import { SECTIONS } from '../../src/report/overview-sections.js';
import { md, reportMarkdown } from '../../src/report/report-markdown.js';
import { example } from '../support/helpers.js';
import { parseDocument, texts } from './html-dom.js';
import { checkMermaid } from './mermaid-check.js';
import { LIVING_PLAN, manyProjectsPlan, overviewOfText } from './report-plans.js';

const markdown = new MarkdownIt();

async function markdownOf(text: string) {
    const overview = await overviewOfText(text);
    const source = reportMarkdown(overview);
    const tokens = markdown.parse(source, {});
    const mermaid = tokens.filter(token => token.type === 'fence' && token.info.trim() === 'mermaid').map(token => token.content);
    // The HTML markdown-it makes of it, to query as GitHub shows it.
    const document = parseDocument(`<!DOCTYPE html><html><body>${markdown.render(source)}</body></html>`);
    return { overview, source, tokens, mermaid, document };
}

/** The elements between a section's h2 and the next h2. */
function sectionOf(document: ReturnType<typeof parseDocument>, heading: string) {
    const html = markdownSection(document, heading);
    return parseDocument(`<!DOCTYPE html><html><body>${html}</body></html>`);
}

function markdownSection(document: ReturnType<typeof parseDocument>, heading: string): string {
    const body = document.querySelector('body')! as unknown as { children: ArrayLike<{ tagName: string; textContent: string; outerHTML: string }> };
    const children = [...Array.from(body.children)];
    const start = children.findIndex(child => child.tagName === 'H2' && child.textContent === heading);
    const end = children.findIndex((child, index) => index > start && child.tagName === 'H2');
    return children.slice(start + 1, end < 0 ? undefined : end).map(child => child.outerHTML).join('');
}

describe('the Markdown report', () => {
    it('has a title and the eight sections in order, as level-two headings', async () => {
        const { document } = await markdownOf(LIVING_PLAN);
        expect(texts(document, 'h1')).toEqual(['Harbour Museum: collections online']);
        expect(texts(document, 'h2')).toEqual(SECTIONS.map(section => section.heading));
    });

    it('1. the plan: counts in a table', async () => {
        const { document } = await markdownOf(LIVING_PLAN);
        const rows = [...sectionOf(document, 'The plan').querySelectorAll('tbody tr')].map(row => texts(row, 'td'));
        expect(rows).toContainEqual(['Members', '6 (2 managers, 1 trained; 2 trained in all)']);
        expect(rows).toContainEqual(['Actions done', '1 of 3 (2 overdue)']);
        // One meaning of quick win: the count is the score's quick wins, and says where they sit by effort.
        expect(rows).toContainEqual(['Quick wins', '2 (threshold 70; 1 of them high effort, among the big bets)']);
        expect(rows).toContainEqual(['Projects', '3 (the plan names 2 initiatives to support)']);
        expect(rows).toContainEqual(['Problems', '11 (0 errors, 4 warnings, 7 for information)']);
    });

    it('2. the hurdles: a list of checks per hurdle, marked, with places', async () => {
        const { document } = await markdownOf(LIVING_PLAN);
        const section = sectionOf(document, 'The two hurdles');
        expect(texts(section, 'h3')).toEqual(['Human before virtual bandwidth: 1 issue', 'Quick wins and the road show: 3 issues']);
        const checks = texts(section, 'ul > li');
        expect(checks.filter(check => check.startsWith('❌')).length).toBe(4);
        expect(checks.find(check => check.includes('vanity-metric'))).toMatch(/Project “Fan page contest” is measured only by likes.*\(line 47\)/);
    });

    it('4. the ranked projects: a table row per project with bar, parts, quick win, effort and what it lacks', async () => {
        const { document } = await markdownOf(LIVING_PLAN);
        const section = sectionOf(document, 'Ranked projects');
        expect(texts(section, 'thead th')).toEqual(['Rank', 'Project', 'Stage', 'Score', 'Parts', 'Quick win', 'Effort', 'What it lacks']);
        const rows = [...section.querySelectorAll('tbody tr')].map(row => texts(row, 'td'));
        expect(rows.map(row => row[0])).toEqual(['1', '2', '3']);
        expect(rows[0]).toEqual(['1', 'Crowd-tagged catalogue crowdCatalogue', 'Adoption and roll-out', '████████░░ 84.8',
            'reach 18.8 · initiative 25 · asynchrony 12 · geography 8 · crowdsourcing 21', 'yes', 'high', '']);
        expect(rows[2][7]).toMatch(/^support an existing initiative; involve at least one trained, willing member/);
    });

    it('5. the stages: a heading per stage in stage order, window, metrics with progress, actions with overdue marked', async () => {
        const { document } = await markdownOf(LIVING_PLAN);
        const section = sectionOf(document, 'Stages');
        expect(texts(section, 'h3')).toEqual(['1. Build human bandwidth initiation', '2. Adoption and roll-out rollout', '3. Internal road show diffusion']);
        const tables = [...section.querySelectorAll('table')];
        expect(texts(tables[0], 'tbody td')).toEqual(['Curators understand the need', 'Curators who can explain the need', '45% of 60%, 75% ████████░░']);
        expect(texts(tables[1], 'tbody tr')[1]).toBe('Workshop with visitor services no owner 10 February 2027 to do overdue');
        expect(texts(section, 'blockquote')).toEqual(['The status quo must go!']);
    });

    it('6 to 8: the coalition, the road show, the diagnostics by severity', async () => {
        const { document } = await markdownOf(LIVING_PLAN);
        const coalition = sectionOf(document, 'Coalition');
        expect([...coalition.querySelectorAll('tbody tr')].map(row => texts(row, 'td')[0])).toEqual(['Archives', 'Collections', 'Education', 'Finance', 'Legal', 'Visitor Services']);
        expect(texts(coalition, 'p')).toContain('Units that no project involves: Legal.');
        const roadShow = sectionOf(document, 'Road show');
        expect([...roadShow.querySelectorAll('tbody tr')].map(row => texts(row, 'td')[2])).toEqual(['Video tours of the harbour rooms', 'Fan page contest']);
        expect(texts(roadShow, 'li')).toEqual(['Naysayers reached (1): Dee Park (by toursStory)', 'Naysayers not reached (1): Fay Lund']);
        const diagnostics = sectionOf(document, 'Diagnostics');
        expect(texts(diagnostics, 'h3')).toEqual(['Warnings (4)', 'Information (7)']);
    });

    it('escapes what the plan says, so that a title cannot make markup, a table cell or a heading', async () => {
        const hostile = LIVING_PLAN.replace('"Video tours of the harbour rooms"', '"Tours | *bold* <b>x</b> [link](http://e.x) `code`"');
        const { document } = await markdownOf(hostile);
        const section = sectionOf(document, 'Ranked projects');
        const row = [...section.querySelectorAll('tbody tr')].find(r => r.textContent?.includes('Tours'))!;
        expect(texts(row, 'td')).toHaveLength(8);
        expect(texts(row, 'td')[1]).toBe('Tours | *bold* <b>x</b> [link](http://e.x) `code` tourVideos');
        expect(row.querySelectorAll('b, em, a, code:not(:last-child)').length).toBe(0);
        expect(md('a|b')).toBe('a\\|b');
        for (const start of ['- item', '1. item', '# heading', '> quote']) {
            expect(texts(parseDocument(markdown.render(`${md(start)}\n`)), 'p')).toEqual([start]);
        }
    });

    it('has a quadrantChart of the matrix and a gantt of the dated stages that Mermaid parses and builds', async () => {
        const { mermaid } = await markdownOf(LIVING_PLAN);
        expect(mermaid).toHaveLength(2);
        const [quadrant, gantt] = await Promise.all(mermaid.map(checkMermaid));
        expect(quadrant.type).toBe('quadrantChart');
        expect([...(quadrant.points ?? [])].sort()).toEqual(['#1', '#2', '#3']);
        expect(gantt.type).toBe('gantt');
        expect(gantt.tasks).toEqual([
            { task: 'As of 1 March 2027', start: '2027-03-01', end: '2027-03-01', milestone: true },
            { task: 'Build human bandwidth', start: '2027-01-04', end: '2027-02-28', milestone: false },
            { task: 'Brief the curators', start: '2027-01-20', end: '2027-01-20', milestone: true },
            { task: 'Workshop with visitor services (overdue)', start: '2027-02-10', end: '2027-02-10', milestone: true },
            { task: 'Adoption and roll-out', start: '2027-03-01', end: '2027-08-31', milestone: false },
            { task: 'Pilot with the collections team (overdue)', start: '2027-02-15', end: '2027-02-15', milestone: true },
            { task: 'Internal road show starts', start: '2027-09-01', end: '2027-09-01', milestone: true }
        ]);
        expect(mermaid[1]).toMatch(/Workshop with visitor services \(overdue\) : crit, milestone, 2027-02-10, 0d/);
        // Short section names, clear of the tasks' names; the reader's today as a marker line.
        expect(mermaid[1].split('\n').filter(line => line.trim().startsWith('section ')).map(line => line.trim())).toEqual(['section Report', 'section Stage 1', 'section Stage 2', 'section Stage 3']);
        expect(mermaid[1]).not.toMatch(/todayMarker off/);
        expect(mermaid[1]).toMatch(/Brief the curators : done, milestone, 2027-01-20, 0d/);
    });

    it('Mermaid rejects what is not a diagram, so the check can fail', async () => {
        await expect(checkMermaid('quadrantChart\n    "a": [0.5]\n')).rejects.toThrow();
        await expect(checkMermaid('gantt\n    dateFormat YYYY-MM-DD\n    section A\n    t : 2027-13-45, 2027-03-01\n')).rejects.toThrow();
    });

    it('keeps the diagrams valid whatever the titles say', async () => {
        const hostile = LIVING_PLAN
            .replace('"Video tours of the harbour rooms"', '"Tours: \\"quoted\\" [x] {y} # ; --> end"')
            .replace('"Build human bandwidth"', '"Phase #1: people; then --> channels"')
            .replace('"Brief the curators"', '"Brief: the \\"curators\\"; #now"');
        const { mermaid } = await markdownOf(hostile);
        const checked = await Promise.all(mermaid.map(checkMermaid));
        expect(checked.map(c => c.type)).toEqual(['quadrantChart', 'gantt']);
        expect([...(checked[0].points ?? [])].sort()).toEqual(['#1', '#2', '#3']);
        expect(checked[1].tasks?.map(t => t.task)).toEqual(expect.arrayContaining(['Phase 1 people then → channels', 'Brief the curators now']));
    });

    it('draws the quadrant chart only where it can show every project with an effort; a table of quadrants always', async () => {
        for (const text of [example('riverside-health.adopt'), example('coastal-research-institute.adopt'), LIVING_PLAN, manyProjectsPlan(12, 4), manyProjectsPlan(50, 4)]) {
            const { mermaid, overview, document } = await markdownOf(text);
            const withEffort = overview.projects.filter(p => p.effort !== null).length;
            const charts = await Promise.all(mermaid.map(checkMermaid));
            const quadrant = charts.find(chart => chart.type === 'quadrantChart');
            if (withEffort === 0 || withEffort > MERMAID_POINTS) {
                expect(quadrant, `${overview.plan.name}: ${withEffort} with effort`).toBeUndefined();
            } else {
                expect(quadrant?.points?.length).toBe(withEffort);
            }
            // The table: each quadrant and the projects without an effort, counted; together every project.
            const section = sectionOf(document, 'Quick-wins matrix');
            const rows = [...section.querySelectorAll('tbody tr')].map(row => texts(row, 'td'));
            expect(rows.map(row => row[0])).toEqual(['Quick wins', 'Big bets', 'Fill-ins', 'Time sinks', 'Effort not stated']);
            expect(rows.reduce((sum, row) => sum + Number(row[2].replace(/,/g, '')), 0)).toBe(overview.projects.length);
            expect(rows.reduce((sum, row) => sum + Number(row[3].replace(/,/g, '')), 0)).toBe(overview.counts.quickWins);
        }
        // SPEC's own example states no effort: no empty chart.
        const { mermaid, source } = await markdownOf(example('riverside-health.adopt'));
        expect(mermaid.every(block => !block.startsWith('quadrantChart'))).toBe(true);
        expect(source).toMatch(/No project states an effort/);
    });

    it('a plan of 300 projects: no chart of crowded labels, the quadrants in a table naming the best ranked', async () => {
        const { mermaid, document, overview } = await markdownOf(manyProjectsPlan(300, 7));
        expect(mermaid.some(block => block.startsWith('quadrantChart'))).toBe(false);
        const rows = [...sectionOf(document, 'Quick-wins matrix').querySelectorAll('tbody tr')].map(row => texts(row, 'td'));
        const bigBets = overview.projects.filter(p => p.effort === 'high' && p.score >= overview.settings.threshold);
        expect(rows[1][2]).toBe(String(bigBets.length));
        expect(rows[1][4]).toMatch(new RegExp(`^#${bigBets[0].rank} `));
        // A quick win of high effort is among the big bets, and said to be a quick win there.
        const highWin = bigBets.find(p => p.quickWin)!;
        expect(highWin).toBeDefined();
        expect(rows[1][4]).toContain(`#${highWin.rank} ${highWin.title} (quick win)`);
    });

    it('puts the threshold in the middle of the chart, and each effort on its side of it', () => {
        expect(chartY(70, 70, 100)).toBe(0.5);
        expect(chartY(0, 70, 100)).toBe(0.02);
        expect(chartY(100, 70, 100)).toBe(0.98);
        expect(chartY(35, 70, 100)).toBe(0.25);
        const chart = quadrantChart([
            { rank: 1, name: 'a', title: 'A', stage: 's', stageTitle: 'S', score: 88, quickWin: true, parts: { reach: 0, initiative: 0, asynchrony: 0, geography: 0, crowdsourcing: 0 }, missing: [], effort: 'low', status: 'on-track', line: 1 },
            { rank: 2, name: 'b', title: 'B', stage: 's', stageTitle: 'S', score: 10, quickWin: false, parts: { reach: 0, initiative: 0, asynchrony: 0, geography: 0, crowdsourcing: 0 }, missing: [], effort: 'high', status: 'on-track', line: 2 }
        ], 70, 100);
        expect(chart?.split('\n').slice(-2)).toEqual(['    "#1": [0.14, 0.8] radius: 7, color: #1a7f37', '    "#2": [0.75, 0.071] radius: 4, color: #6e7781']);
        expect(mermaidQuoted('say "hi" [now]')).toBe('say hi now');
        expect(mermaidPlain('a: b; #c')).toBe('a b c');
    });
});
