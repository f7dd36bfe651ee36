/**
 * Reports of plans no one wrote by hand: plans made from the grammar (valid, then mutated) and
 * garbage. For each, the overview matches its schema, the HTML report parses without an error,
 * with its eight sections and no script, and the Markdown report has its eight sections and
 * Mermaid diagrams that Mermaid's own parser builds.
 */
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { buildPlanOverview } from '../../src/language/overview/plan-overview.js';
import { planOverviewSchema } from '../../src/protocol/overview-protocol.js';
import { SECTIONS } from '../../src/report/overview-sections.js';
import { reportHtml } from '../../src/report/report-html.js';
import { reportMarkdown } from '../../src/report/report-markdown.js';
import { createTestServices, parser } from '../support/helpers.js';
import { garbage, mutatedPlan, validPlan } from '../support/plan-arbitraries.js';
import { parseDocument } from './html-dom.js';
import { checkMermaid } from './mermaid-check.js';

const services = createTestServices();
services.model.Today.set('2027-03-01');
const parse_ = parser(services);
const markdown = new MarkdownIt();

async function checkReports(text: string): Promise<void> {
    const document = await parse_(text);
    const overview = planOverviewSchema.parse(buildPlanOverview(document, services));
    const html = reportHtml(overview);
    const errors: string[] = [];
    parse(html, { onParseError: error => errors.push(error.code) });
    expect(errors).toEqual([]);
    const page = parseDocument(html);
    expect([...page.querySelectorAll('main > section')].map(section => section.id)).toEqual(SECTIONS.map(section => section.id));
    expect(page.querySelectorAll('script').length).toBe(0);
    expect(page.querySelectorAll('#projects tbody tr').length).toBe(overview.projects.length);
    const source = reportMarkdown(overview);
    const tokens = markdown.parse(source, {});
    const headings = tokens.flatMap((token, i) => (token.type === 'heading_open' && token.tag === 'h2' ? [tokens[i + 1].content] : []));
    expect(headings).toEqual(SECTIONS.map(section => section.heading));
    for (const block of tokens.filter(token => token.type === 'fence' && token.info.trim() === 'mermaid')) {
        await checkMermaid(block.content);
    }
}

describe('reports of any plan', () => {
    it('plans made from the grammar', async () => {
        await fc.assert(fc.asyncProperty(validPlan, checkReports), { numRuns: 100, seed: 20270301 });
    });

    it('plans made from the grammar, then broken', async () => {
        await fc.assert(fc.asyncProperty(mutatedPlan, checkReports), { numRuns: 100, seed: 20270302 });
    });

    it('garbage', async () => {
        await fc.assert(fc.asyncProperty(garbage, checkReports), { numRuns: 50, seed: 20270303 });
    });
});
