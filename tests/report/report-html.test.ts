/**
 * The HTML report (SPEC section 8): parsed as a browser parses it (parse5, which reports every
 * parse error; linkedom to query it), one self-contained file with no script and nothing to
 * fetch, its eight sections in order and what each shows.
 */
import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { reportHtml } from '../../src/report/report-html.js';
import { SECTIONS } from '../../src/report/overview-sections.js';
import { example } from '../support/helpers.js';
import { parseDocument, texts } from './html-dom.js';
import { LIVING_PLAN, manyProjectsPlan, overviewOfText } from './report-plans.js';

async function reportOf(text: string) {
    const overview = await overviewOfText(text);
    const html = reportHtml(overview);
    const errors: string[] = [];
    parse(html, { onParseError: error => errors.push(`${error.code} at ${error.startLine}:${error.startCol}`) });
    const document = parseDocument(html);
    return { overview, html, errors, document };
}


describe('the HTML report', () => {
    it('is HTML without a parse error, in English, titled after the plan', async () => {
        const { errors, document } = await reportOf(LIVING_PLAN);
        expect(errors).toEqual([]);
        expect(document.documentElement.getAttribute('lang')).toBe('en');
        expect(document.querySelector('title')?.textContent).toBe('Harbour Museum: collections online — plan report');
        expect(document.querySelector('h1')?.textContent).toBe('Harbour Museum: collections online');
    });

    it('is self-contained: no script, nothing fetched (no src, no external link, no CSS url or import), a policy that forbids fetching', async () => {
        const { html, document } = await reportOf(LIVING_PLAN);
        expect(document.querySelectorAll('script, iframe, object, embed, link, img, video, audio, source, base, form').length).toBe(0);
        for (const element of document.querySelectorAll('*')) {
            for (const attribute of ['src', 'srcset', 'href', 'action', 'poster', 'data', 'xlink:href']) {
                const value = element.getAttribute(attribute);
                if (value !== null) expect(value, `${element.tagName} ${attribute}`).toMatch(/^#/);
            }
            for (const { name } of element.attributes) expect(name).not.toMatch(/^on/i);
        }
        const css = texts(document, 'style').join('\n');
        expect(css).not.toMatch(/url\(|@import/);
        expect(document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toMatch(/^default-src 'none';/);
        // The only URL in the file: SVG's namespace, a name that is never fetched.
        expect([...html.matchAll(/https?:\/\/[^\s"'<>]+/g)].map(match => match[0]).every(url => url === 'http://www.w3.org/2000/svg')).toBe(true);
    });

    it('has the eight sections in order, each with its heading', async () => {
        const { document } = await reportOf(LIVING_PLAN);
        const sections = [...document.querySelectorAll('main > section')];
        expect(sections.map(section => section.id)).toEqual(SECTIONS.map(section => section.id));
        expect(sections.map(section => section.querySelector('h2')?.textContent)).toEqual(SECTIONS.map(section => section.heading));
        expect(texts(document, 'nav.toc a')).toEqual(SECTIONS.map(section => section.heading));
    });

    it('1. the plan: name, date and counts', async () => {
        const { document, overview } = await reportOf(LIVING_PLAN);
        const plan = document.querySelector('#plan')!;
        expect(plan.querySelector('code')?.textContent).toBe('HarbourMuseum');
        expect(plan.querySelector('time')?.getAttribute('datetime')).toBe('2027-03-01');
        const counts = Object.fromEntries([...plan.querySelectorAll('.count')].map(card => [card.querySelector('dt')?.textContent, card.querySelector('.value')?.textContent]));
        // Problems: every diagnostic the Diagnostics section lists, information too.
        const listed = document.querySelectorAll('#diagnostics tbody tr').length;
        expect(listed).toBe(overview.diagnostics.length);
        expect(counts).toEqual({ Members: '6', Channels: '2', Projects: '3', 'Quick wins': '2', Stories: '2', 'Actions done': '1 of 3', Problems: String(listed) });
        const details = texts(plan, '.count .detail');
        expect(details[0]).toBe('2 managers, 1 trained; 2 trained in all');
        expect(details[1]).toBe('the plan names 2 initiatives to support');
        const bySeverity = texts(document, '#diagnostics h3').map(heading => heading.replace(/^(\w+) \((\d+)\)$/, '$2 $1').toLowerCase());
        expect(details.at(-1)).toBe(['0 errors', ...bySeverity].map(text => text.replace(/^(\d+) information$/, '$1 for information')).join(', '));
        expect(bySeverity.some(text => text.endsWith('information'))).toBe(true);
    });

    it('2. the two hurdles: each check marked as holding or not, with the places of what does not', async () => {
        const { document } = await reportOf(LIVING_PLAN);
        const hurdles = [...document.querySelectorAll('#hurdles article.hurdle')];
        expect(hurdles.map(h => h.querySelector('h3')?.firstChild?.textContent?.trim())).toEqual(['Human before virtual bandwidth', 'Quick wins and the road show']);
        const failing = hurdles.map(h => [...h.querySelectorAll('li.check.fails code.code')].map(code => code.textContent));
        expect(failing).toEqual([['vanity-metric'], ['untold-quick-win', 'story-from-non-quick-win', 'naysayer-unreached']]);
        expect(hurdles[0].querySelectorAll('li.check.holds').length).toBe(5);
        // The message first, with the project's title for its name; the line after it, as a reference.
        expect(texts(hurdles[0], 'li.check.fails .check-diagnostics li')[0]).toMatch(/^Project “Fan page contest” is measured only by likes.*\(line 47\)$/);
        expect(texts(hurdles[1], '.badge')).toEqual(['3 issues']);
    });

    it('3. the matrix: an SVG with its name, a point per project, quick wins filled and labelled, the quadrants named, the rest listed', async () => {
        const { document } = await reportOf(LIVING_PLAN);
        const svg = document.querySelector('#matrix svg.matrix')!;
        expect(svg.getAttribute('role')).toBe('img');
        expect(svg.querySelector('title')?.textContent).toBe('Quick-wins matrix: score against effort');
        expect(svg.querySelector('desc')?.textContent).toMatch(/^3 projects by score and effort, threshold 70: quick wins 1, big bets 1, fill-ins 1, time sinks 0/);
        expect(svg.querySelectorAll('g.point').length).toBe(3);
        expect(texts(svg, 'g.point.win text.point-number')).toEqual(['1', '2']);
        expect(texts(svg, 'text.label-text').sort()).toEqual(['Crowd-tagged catalogue', 'Video tours of the harbour rooms']);
        expect(texts(svg, 'text.quadrant-name')).toEqual(['Quick wins', 'Big bets', 'Fill-ins', 'Time sinks']);
        expect(texts(svg, 'text.column-label')).toEqual(['low', 'medium', 'high', 'not stated']);
        expect(svg.querySelectorAll('line.threshold').length).toBe(1);
        expect(texts(document, '#matrix .key-list li')).toEqual(['Fan page contest · score 0']);
    });

    it('4. the ranked projects: rank, title, stage, score as a bar with its parts, quick win, effort, what each lacks', async () => {
        const { document } = await reportOf(LIVING_PLAN);
        const rows = [...document.querySelectorAll('#projects tbody tr')];
        expect(rows.map(row => row.querySelector('td')?.textContent)).toEqual(['1', '2', '3']);
        expect(rows.map(row => row.querySelector('.title')?.textContent)).toEqual(['Crowd-tagged catalogue', 'Video tours of the harbour rooms', 'Fan page contest']);
        expect(rows[0].querySelector('svg.score-bar title')?.textContent).toBe('score 84.8 of 100');
        expect(texts(rows[0], '.score-cell .sub')).toEqual(['reach 18.8 · initiative 25 · asynchrony 12 · geography 8 · crowdsourcing 21']);
        const widths = [...rows[0].querySelectorAll('svg.score-bar rect.part')].map(rect => Number(rect.getAttribute('width')));
        expect(widths.map(w => Math.round((w / 160) * 1000) / 10)).toEqual([18.8, 25, 12, 8, 21]);
        expect(rows[0].querySelectorAll('svg.score-bar rect.part').length).toBe(5);
        expect(rows.map(row => [...row.querySelectorAll('td')].slice(3, 5).map(cell => cell.textContent))).toEqual([['Quick win', 'high'], ['Quick win', 'low'], ['no', 'medium']]);
        expect(texts(rows[2], '.missing li')).toContain('support an existing initiative');
        expect(texts(document, '#projects thead th')).toEqual(['Rank', 'Project', 'Score and parts', 'Quick win', 'Effort', 'What it lacks']);
    });

    it('5. the stages in stage order: window and timeline, goals and metrics with progress, actions with owner, due date and status, overdue marked', async () => {
        const { document } = await reportOf(LIVING_PLAN);
        const stages = [...document.querySelectorAll('#stages article.stage')];
        expect(stages.map(stage => stage.querySelector('h3 code')?.textContent)).toEqual(['initiation', 'rollout', 'diffusion']);
        expect(stages.map(stage => stage.querySelector('.window')?.textContent)).toEqual(['4 January 2027 – 28 February 2027', '1 March 2027 – 31 August 2027', 'from 1 September 2027']);
        const timeline = document.querySelector('#stages svg.timeline')!;
        expect(timeline.querySelectorAll('rect.stage-bar').length).toBe(3);
        expect(timeline.querySelectorAll('path.due.overdue').length).toBe(2);
        expect(timeline.querySelectorAll('line.today').length).toBe(1);
        expect(texts(stages[0], '.metrics-table tbody tr td:last-child')).toEqual(['45% of 60%, 75%']);
        const actions = [...stages[0].querySelectorAll('.actions-table tbody tr')].map(row => [...row.querySelectorAll('td')].map(cell => cell.textContent?.trim()));
        expect(actions).toEqual([['Brief the curators', 'Ana Ortiz', '20 January 2027', '●done'], ['Workshop with visitor services', 'no owner', '10 February 2027', '●to do overdue']]);
        expect(stages[0].querySelectorAll('tr.overdue').length).toBe(1);
        expect(stages[0].querySelector('blockquote.mantra')?.textContent).toBe('The status quo must go!');
    });

    it('6. the coalition by unit and role, trained or not, the projects involving each, the units no project involves', async () => {
        const { document } = await reportOf(LIVING_PLAN);
        const units = texts(document, '#coalition tr.unit-row th');
        expect(units).toEqual(['Archives', 'Collections', 'Education', 'Finance', 'Legal no project', 'Visitor Services']);
        const ana = [...document.querySelectorAll('#coalition tbody tr')].find(row => row.textContent?.includes('Ana Ortiz'))!;
        expect([...ana.querySelectorAll('td')].slice(1).map(cell => cell.textContent)).toEqual(['middle manager', '● trained', '2 projects: Crowd-tagged catalogue, Video tours of the harbour rooms']);
        expect(texts(document, '#coalition .callout')).toEqual(['Units that no project involves: Legal.']);
    });

    it('7. the road show: each story with its project, score and audience; naysayers reached and not', async () => {
        const { document } = await reportOf(LIVING_PLAN);
        const stories = [...document.querySelectorAll('#road-show .stories-table tbody tr')].map(row => [...row.querySelectorAll('td')].map(cell => cell.textContent?.replace(/\s+/g, ' ').trim()));
        expect(stories).toEqual([
            ['Tours reach three continentsInternal road show', 'Video tours of the harbour rooms', '81.8 Quick win', 'Dee Park (naysayer)'],
            ['The contestInternal road show', 'Fan page contest', '0 no', 'no audience']
        ]);
        expect(texts(document, '#road-show .naysayers h3')).toEqual(['Naysayers reached (1)', 'Naysayers not reached (1)']);
        expect(texts(document, '#road-show .naysayers .card:last-child li')).toEqual(['Fay Lund (Legal)']);
        expect(texts(document, '#road-show .callout')).toEqual(['Quick wins without a story: Crowd-tagged catalogue.']);
    });

    it('8. the diagnostics grouped by severity, with their lines', async () => {
        const { document, overview } = await reportOf(LIVING_PLAN);
        expect(texts(document, '#diagnostics h3')).toEqual(['Warnings (4)', 'Information (7)']);
        const lines = [...document.querySelectorAll('#diagnostics .severity-warning tbody tr')].map(row => row.querySelector('td')?.textContent);
        expect(lines).toEqual(overview.diagnostics.filter(d => d.severity === 'warning').map(d => String(d.line)));
    });

    it('lists the errors of a plan with errors, and says the scores may be incomplete', async () => {
        const { document, errors } = await reportOf('plan Broken "Broken" {\n  stage s "S" {\n    project p "P" { involves ghost }\n  }\n}\n');
        expect(errors).toEqual([]);
        expect(texts(document, '#diagnostics h3')[0]).toBe('Errors (1)');
        expect(texts(document, '#plan .callout.bad')[0]).toMatch(/^The plan has 1 error/);
        const empty = await reportOf('');
        expect(texts(empty.document, '#diagnostics .severity-error td:nth-child(2)')).toEqual(['syntax-error']);
    });

    it('writes what the plan says as text, never as markup', async () => {
        const text = LIVING_PLAN.replace('"Harbour Museum: collections online"', '"<script>alert(1)</script> & \\"quotes\\""')
            .replace('"Video tours of the harbour rooms"', '"<img src=x onerror=alert(1)>"');
        const { document, errors } = await reportOf(text);
        expect(errors).toEqual([]);
        expect(document.querySelectorAll('script, img').length).toBe(0);
        expect(document.querySelector('h1')?.textContent).toBe('<script>alert(1)</script> & "quotes"');
        expect(texts(document, '#projects .title')).toContain('<img src=x onerror=alert(1)>');
    });

    it('shows characters HTML does not allow (a title with a control character) as U+FFFD, and parses', async () => {
        const { document, errors } = await reportOf(LIVING_PLAN.replace('"Fan page contest"', '"Fan\\vpage \\b contest"'));
        expect(errors).toEqual([]);
        expect(texts(document, '#projects .title')).toContain('Fan\ufffdpage \ufffd contest');
    });

    it('reports every example plan and a plan of 50 projects without a parse error, a point per project', async () => {
        for (const text of [example('riverside-health.adopt'), example('northfield-university.adopt'), example('coastal-research-institute.adopt'), manyProjectsPlan(50, 3)]) {
            const { errors, document, overview } = await reportOf(text);
            expect(errors).toEqual([]);
            expect(document.querySelectorAll('#matrix g.point').length).toBe(overview.projects.length);
            expect(document.querySelectorAll('#projects tbody tr').length).toBe(overview.projects.length);
        }
    });
});
