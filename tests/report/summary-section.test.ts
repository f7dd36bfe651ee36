/**
 * The summary every overview opens with: the plan's status as a badge, the sentence and the
 * decisions needed, in the HTML report, the editor's overview (interactive) and the Markdown
 * report; each stage's status in the Stages section.
 */
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { overviewSections } from '../../src/report/overview-sections.js';
import { reportHtml } from '../../src/report/report-html.js';
import { reportMarkdown } from '../../src/report/report-markdown.js';
import { parseDocument, texts } from './html-dom.js';
import { LIVING_PLAN, overviewOfText } from './report-plans.js';

const SENTENCE = 'Late: 1 of 3 actions done, 2 overdue; 2 quick wins; neither hurdle is cleared.';

describe('the summary in HTML', () => {
    it('comes first in the report: the badge, the sentence, then the decisions needed', async () => {
        const document = parseDocument(reportHtml(await overviewOfText(LIVING_PLAN)));
        const first = document.querySelector('main > section')!;
        expect(first.getAttribute('id')).toBe('summary');
        expect(texts(first, '.plan-status')).toEqual(['Late']);
        expect(first.querySelector('.plan-status')?.getAttribute('class')).toContain('status-late');
        expect(texts(first, '.summary-sentence')).toEqual([SENTENCE]);
        expect(texts(first, 'h3')).toEqual(['Decisions needed']);
        expect(texts(first, '.decision-group h4')).toEqual(['Overdue actions 2']);
        expect(texts(first, '.decision-group li')).toEqual([
            'Workshop with visitor services no owner · due 10 February 2027 · stage Build human bandwidth',
            'Pilot with the collections team owner Ana Ortiz · due 15 February 2027 · project Video tours of the harbour rooms'
        ]);
        expect(texts(document, 'nav.toc a')[0]).toBe('Summary');
    });

    it('in the editor each decision reveals its line, and long lists are cut', async () => {
        const overview = await overviewOfText(LIVING_PLAN);
        const document = parseDocument(`<!DOCTYPE html><html><body><main>${overviewSections(overview, { interactive: true, limit: 1 })}</main></body></html>`);
        const buttons = [...document.querySelectorAll('#summary .decision-group button.reveal')];
        expect(buttons.map(button => Number(button.getAttribute('data-line')))).toEqual([overview.summary.decisions.overdue[0].line]);
        expect(texts(document, '#summary .more')).toEqual(['and 1 more in the report']);
    });

    it('says when there is nothing to decide', async () => {
        const calm = LIVING_PLAN.replace('action workshop "Workshop with visitor services" due 2027-02-10', 'action workshop "Workshop with visitor services" owner ben due 2027-03-10')
            .replace('owner ana due 2027-02-15 doing', 'owner ana due 2027-03-15 doing');
        const document = parseDocument(reportHtml(await overviewOfText(calm)));
        expect(texts(document, '#summary .decision-group')).toEqual([]);
        expect(texts(document, '#summary p.muted')).toEqual(['Nothing to decide: no action is blocked or overdue, every open action has an owner, and every channel a quick win uses is launched.']);
    });

    it("gives each stage its status as a badge", async () => {
        const document = parseDocument(reportHtml(await overviewOfText(LIVING_PLAN)));
        expect(texts(document, '#stages .stage-meta .status-badge')).toEqual(['Late', 'Late', 'Not started']);
    });
});

describe('the summary in Markdown', () => {
    it('comes first: the status in bold, the sentence, the decisions needed as lists', async () => {
        const source = reportMarkdown(await overviewOfText(LIVING_PLAN));
        const document = parseDocument(`<!DOCTYPE html><html><body>${new MarkdownIt().render(source)}</body></html>`);
        expect(texts(document, 'h2')[0]).toBe('Summary');
        const summary = source.slice(source.indexOf('## Summary'), source.indexOf('## The plan'));
        expect(summary).toContain(`**🔴 Late** — ${SENTENCE}`);
        expect(summary).toContain('### Decisions needed\n\n**Overdue actions** (2)\n\n' +
            '- Workshop with visitor services — no owner · due 10 February 2027 · stage Build human bandwidth *(line 22)*\n' +
            '- Pilot with the collections team — owner Ana Ortiz · due 15 February 2027 · project Video tours of the harbour rooms *(line 36)*\n');
        // Each stage's status leads its facts.
        expect(source).toMatch(/### 1\. Build human bandwidth `initiation`\n\n\*\*Late\*\* · \*\*Window:\*\*/);
        expect(source).toMatch(/### 3\. Internal road show `diffusion`\n\n\*\*Not started\*\* · /);
    });
});
