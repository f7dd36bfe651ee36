/**
 * The board edition (`adopt report --edition board`): the summary with a few decisions of each
 * kind, the two hurdles, the top five quick wins, the overdue and blocked actions grouped by owner;
 * at most two A4 pages for a plan of 300 projects, counted by printing it in headless Chromium.
 */
import MarkdownIt from 'markdown-it';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionsByOwner, boardHtml, boardMarkdown } from '../../src/report/board-edition.js';
import { md } from '../../src/report/report-markdown.js';
import { parseDocument, texts } from './html-dom.js';
import { manyProjectsPlan, overviewOfText } from './report-plans.js';

/** Today is 2027-03-01 (overviewOfText). */
const OWNERS_PLAN = `plan Board "Board test" {
  coalition {
    member ana "Ana Ortiz" role middle-manager trained
    member ben "Ben Hale" role operational-manager trained
  }
  stage s "Start" from 2027-01-01 to 2027-12-31 {
    mantra "The status quo must go!"
    action a1 "One" owner ana due 2027-02-01
    action a2 "Two" owner ben blocked
    action a3 "Three" owner ana due 2027-01-15 blocked
    action a4 "Four" due 2027-02-20
    action a5 "Five" owner ben due 2027-04-01
    action a6 "Six" owner ana due 2027-01-10 done
  }
}
`;

/**
 * A plan of 300 generated projects under way: every stage dated, each project with two actions
 * owned by a member it involves, of which many are overdue or blocked, and a few without owner.
 */
function busyPlan(): string {
    let index = 0;
    return manyProjectsPlan(300, 3)
        .replace(/^(\s*stage \w+ "[^"]*")( after \w+)? \{$/gm, (_line, head: string, after = '') => `${head}${after} from 2027-01-04 to 2027-06-30 {`)
        .replace(/^(\s*)involves (m\d+)(.*)$/gm, (_line, indent: string, owner: string, rest: string) => {
            const i = index++;
            const status = ['', 'blocked', 'done', ''][i % 4];
            return `${indent}involves ${owner}${rest}\n` +
                `${indent}action x${i}a "Prepare the pilot of project ${i}" owner ${owner} due 2027-02-${String(1 + (i % 27)).padStart(2, '0')}${status ? ` ${status}` : ''}\n` +
                `${indent}action x${i}b "Report on project ${i}"${i % 10 === 0 ? '' : ` owner ${owner}`} due 2027-0${2 + (i % 3)}-15`;
        });
}

describe('the board edition', () => {
    it('groups the overdue and blocked actions by owner, the most pressed first, the oldest due first, no owner last', async () => {
        const overview = await overviewOfText(OWNERS_PLAN);
        expect(actionsByOwner(overview).map(load => [load.owner, load.blocked, load.overdue, load.actions.map(action => action.name)])).toEqual([
            ['Ana Ortiz', 1, 1, ['a3', 'a1']],
            ['Ben Hale', 1, 0, ['a2']],
            ['', 0, 1, ['a4']]
        ]);
        const document = parseDocument(boardHtml(overview));
        expect(texts(document, 'main h2')).toEqual(['Summary', 'The two hurdles', 'Top quick wins', 'Overdue and blocked actions by owner']);
        expect([...document.querySelectorAll('#owners tbody tr')].map(row => texts(row, 'td'))).toEqual([
            ['Ana Ortiz', '1', '1', 'Three (blocked), due 15 January 2027; One, due 1 February 2027'],
            ['Ben Hale', '1', '0', 'Two (blocked)'],
            ['No owner', '0', '1', 'Four, due 20 February 2027']
        ]);
        const markdown = boardMarkdown(overview, md);
        expect(markdown).toContain('| Ana Ortiz | 1 | 1 | Three (blocked), due 15 January 2027; One, due 1 February 2027 |');
        expect(markdown).toContain('*Adoption board summary · 1 March 2027*');
    });

    it('shows the top five quick wins by rank and at most three decisions of each kind', async () => {
        const overview = await overviewOfText(busyPlan());
        const wins = overview.projects.filter(project => project.quickWin);
        expect(wins.length).toBeGreaterThan(5);
        const document = parseDocument(boardHtml(overview));
        expect(texts(document, '#quick-wins tbody td:nth-child(2)')).toEqual(wins.slice(0, 5).map(project => project.title));
        expect(texts(document, '#quick-wins .more')).toEqual([`and ${wins.length - 5} more quick wins in the full report`]);
        for (const group of document.querySelectorAll('.decision-group')) expect(group.querySelectorAll('li').length).toBeLessThanOrEqual(3);
        const markdown = new MarkdownIt().render(boardMarkdown(overview, md));
        expect(parseDocument(markdown).querySelectorAll('h2').length).toBe(4);
    });
});

describe('the board edition printed on A4', () => {
    let browser: Browser;
    beforeAll(async () => {
        browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
    });
    afterAll(async () => {
        await browser?.close();
    });

    /** The pages of the HTML printed to PDF by Chromium. */
    async function printedPages(html: string): Promise<number> {
        const page = await browser.newPage();
        try {
            await page.setContent(html, { waitUntil: 'load' });
            const pdf = (await page.pdf({ format: 'A4', preferCSSPageSize: true })).toString('latin1');
            return pdf.match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
        } finally {
            await page.close();
        }
    }

    it('fits two pages for a plan of 300 projects, whose full report takes many more', async () => {
        const overview = await overviewOfText(busyPlan());
        expect(overview.counts.projects).toBe(300);
        expect(overview.summary.decisions.overdue.length).toBeGreaterThan(100);
        const html = boardHtml(overview);
        if (process.env.ADOPT_BOARD_OUT) (await import('node:fs')).writeFileSync(process.env.ADOPT_BOARD_OUT, html);
        const board = await printedPages(html);
        expect(board).toBeGreaterThanOrEqual(1);
        expect(board).toBeLessThanOrEqual(2);
        const { reportHtml } = await import('../../src/report/report-html.js');
        expect(await printedPages(reportHtml(overview))).toBeGreaterThan(20);
    }, 120_000);
});
