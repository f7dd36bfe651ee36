/**
 * What the overview and the reports mean, for leadership: a check with nothing to judge is not
 * applicable (never a tick), the Problems count is what the Diagnostics section lists, the
 * Northfield example reads right (no failing fact marked as holding, counts apart from titles),
 * and an empty file makes a report without an empty plan reference.
 */
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { reportHtml } from '../../src/report/report-html.js';
import { reportMarkdown } from '../../src/report/report-markdown.js';
import type { PlanOverview } from '../../src/protocol/overview-protocol.js';
import { example } from '../support/helpers.js';
import { parseDocument, texts } from './html-dom.js';
import { overviewOfText } from './report-plans.js';

const markdown = new MarkdownIt();

function checkOf(overview: PlanOverview, code: string) {
    return overview.hurdles.flatMap(hurdle => hurdle.checks).find(check => check.code === code)!;
}

/** The hurdle checks as the HTML report shows them: the state read to a screen reader, then the text. */
function htmlChecks(overview: PlanOverview): string[] {
    const document = parseDocument(reportHtml(overview));
    return [...document.querySelectorAll('#hurdles li.check')].map(li => `${li.querySelector('.visually-hidden')?.textContent ?? ''}${li.querySelector('.check-text')?.textContent ?? ''}`);
}

function markdownLines(overview: PlanOverview): string[] {
    return reportMarkdown(overview).split('\n');
}

const NO_PROJECTS = `plan Empty "A plan begun" {
  coalition {
    member ana "Ana" role staff
  }
  stage start "Start" { }
}`;

describe('checks with nothing to judge', () => {
    it('a plan without projects, launches, managers, stories or naysayers: those checks are not applicable, not passes', async () => {
        const overview = await overviewOfText(NO_PROJECTS);
        for (const code of ['untrained-managers', 'virtual-before-human', 'channel-not-launched', 'vanity-metric', 'no-quick-wins', 'road-show-missing', 'untold-quick-win', 'story-from-non-quick-win', 'naysayer-unreached']) {
            expect(checkOf(overview, code), code).toMatchObject({ holds: true, applicable: false, off: false });
        }
        expect(checkOf(overview, 'no-quick-wins').text).toBe('The plan has no projects yet.');
        // The quick-wins hurdle has nothing to judge: not "cleared".
        expect(overview.hurdles[1].cleared).toBe(false);
        const html = htmlChecks(overview);
        expect(html).toContain('Not applicable: The plan has no projects yet.');
        expect(html.filter(text => text.startsWith('Holds:'))).toEqual([]);
        const lines = markdownLines(overview);
        expect(lines).toContain('- ⚪ *Not applicable:* The plan has no projects yet. `no-quick-wins`');
        expect(lines.some(line => line.startsWith('- ✅'))).toBe(false);
        expect(lines).toContain('### Quick wins and the road show: nothing to judge yet');
    });

    it('"every unit takes part in a project" is not said of a plan without projects, nor of a coalition without units', async () => {
        const noProjects = await overviewOfText(NO_PROJECTS.replace('role staff', 'role staff unit "Nursing"'));
        const noUnits = await overviewOfText(NO_PROJECTS.replace('stage start "Start" { }', 'stage start "Start" { project p "P" { involves ana } }'));
        for (const overview of [noProjects, noUnits]) {
            const source = reportMarkdown(overview);
            expect(source).not.toMatch(/Every unit of the coalition takes part/);
            expect(texts(parseDocument(reportHtml(overview)), '#coalition p').join(' ')).toMatch(/^Not applicable: /);
        }
        expect(reportMarkdown(noUnits)).toMatch(/Not applicable: no member of the coalition names a unit/);
        expect(reportMarkdown(noProjects)).toMatch(/Not applicable: the plan has no projects yet/);
    });

    it('a check that applies still holds with a tick: SPEC\'s example has two managers, one trained', async () => {
        const overview = await overviewOfText(example('riverside-health.adopt'));
        expect(checkOf(overview, 'untrained-managers')).toMatchObject({ holds: true, applicable: true, text: '1 of 2 managers are trained: at least half.' });
        expect(overview.hurdles[1].cleared).toBe(true);
    });
});

describe('Northfield University', () => {
    it('does not mark "0 of 1 manager is trained" as holding: with one manager, training is not judged yet', async () => {
        const overview = await overviewOfText(example('northfield-university.adopt'));
        const check = checkOf(overview, 'untrained-managers');
        expect(check).toMatchObject({ applicable: false, holds: true });
        expect(check.text).toBe('Training is judged once the coalition has two managers (it has 1).');
        expect(htmlChecks(overview).join('\n')).not.toMatch(/0 of 1 manager/);
        expect(reportMarkdown(overview)).not.toMatch(/0 of 1 manager/);
    });

    it('the coalition column says how many projects, apart from their titles, and "none" alone', async () => {
        const overview = await overviewOfText(example('northfield-university.adopt'));
        const document = parseDocument(reportHtml(overview));
        const cells = [...document.querySelectorAll('#coalition tbody tr:not(.unit-row)')].map(row => row.querySelectorAll('td')[3]?.textContent ?? '');
        expect(cells).toContain('none');
        expect(cells.filter(cell => cell !== 'none').every(cell => /^\d+ projects?: \S/.test(cell))).toBe(true);
        expect(cells.some(cell => /^\d+ [A-Z]/.test(cell) || /^0 /.test(cell))).toBe(false);
        const rows = [...parseDocument(`<body>${markdown.render(reportMarkdown(overview))}</body>`).querySelectorAll('table')]
            .find(table => table.querySelector('th')?.textContent === 'Unit')!.querySelectorAll('tbody tr');
        const projects = [...rows].map(row => row.querySelectorAll('td')[4]?.textContent ?? '');
        expect(projects).toContain('1 project: Mascot dance video for orientation week');
        expect(projects).toContain('none');
    });

    it('the Problems count is every diagnostic listed, by severity', async () => {
        const overview = await overviewOfText(example('northfield-university.adopt'));
        const { warnings, information, hints } = overview.counts;
        expect(information).toBeGreaterThan(0);
        const total = overview.diagnostics.length;
        expect(reportMarkdown(overview)).toContain(`| Problems | ${total} (0 errors, ${warnings} warnings, ${information} for information${hints > 0 ? `, ${hints} ${hints === 1 ? 'hint' : 'hints'}` : ''}) |`);
    });
});

describe('an empty file', () => {
    it('makes a Markdown report without an empty plan reference', async () => {
        const overview = await overviewOfText('');
        const source = reportMarkdown(overview);
        expect(source).not.toMatch(/plan ``/);
        expect(source).not.toMatch(/from the plan {2}/);
        expect(source.split('\n')[2]).toMatch(/^\*Adoption plan report · 1 March 2027\*$/);
        expect(texts(parseDocument(reportHtml(overview)), '#plan .plan-meta')[0]).not.toMatch(/^Plan/);
    });
});

describe('one meaning of quick win', () => {
    it('the headline count is the quick wins by the score, and says how many need high effort or state none', async () => {
        const { manyProjectsPlan } = await import('./report-plans.js');
        const overview = await overviewOfText(manyProjectsPlan(300, 7));
        const wins = overview.projects.filter(p => p.quickWin);
        const high = wins.filter(p => p.effort === 'high').length;
        const unstated = wins.filter(p => p.effort === null).length;
        expect(high).toBeGreaterThan(0);
        expect(unstated).toBeGreaterThan(0);
        const document = parseDocument(reportHtml(overview));
        const card = [...document.querySelectorAll('#plan .count')].find(c => c.querySelector('dt')?.textContent === 'Quick wins')!;
        expect(card.querySelector('.value')?.textContent).toBe(String(wins.length));
        expect(card.querySelector('.detail')?.textContent).toBe(`threshold 70; ${high} of them high effort, among the big bets; ${unstated} effort not stated`);
        // The legend says what a quick win is, and where one of high effort sits.
        expect(texts(document, '#matrix .quadrant-legend li').join(' ')).toMatch(/filled points are quick wins: a quick win scores at or above the threshold, .*effort is not part of it, so a quick win of high effort sits among the big bets/);
    });
});
