/**
 * The sections as the editor's Plan Overview shows them (interactive, long lists cut): every
 * declaration a button that reveals its line, the top projects with a button to see all, then
 * pages of them.
 */
import { describe, expect, it } from 'vitest';
import { overviewSections, sectionHtml } from '../../src/report/overview-sections.js';
import { parseDocument, texts } from './html-dom.js';
import { LIVING_PLAN, manyProjectsPlan, overviewOfText } from './report-plans.js';

const VIEW = { interactive: true, limit: 25, pageSize: 20 } as const;
const page = (html: string) => parseDocument(`<!DOCTYPE html><html><body><main>${html}</main></body></html>`);

describe('the Plan Overview sections', () => {
    it('makes each project, stage, action, story, member and diagnostic a button that names its line', async () => {
        const overview = await overviewOfText(LIVING_PLAN);
        const document = page(overviewSections(overview, VIEW));
        const lines = (selector: string) => [...document.querySelectorAll(selector)].map(button => Number(button.getAttribute('data-line')));
        expect(lines('#projects button.reveal')).toEqual(overview.projects.map(p => p.line));
        expect(lines('#stages h3 button.reveal')).toEqual(overview.stages.map(s => s.line));
        expect(lines('#stages .actions-table button.reveal')).toEqual(overview.stages.flatMap(s => s.actions.map(a => a.line)));
        expect(lines('#road-show .stories-table button.reveal')).toEqual(overview.roadShow.stories.map(s => s.line));
        expect(lines('#diagnostics button.reveal')).toEqual(overview.diagnostics.filter(d => d.severity === 'warning').concat(overview.diagnostics.filter(d => d.severity === 'information')).map(d => d.line));
        expect(lines('#matrix g.point')).toEqual(overview.projects.map(p => p.line));
        for (const button of document.querySelectorAll('button.reveal')) {
            expect(button.getAttribute('type')).toBe('button');
            expect(button.getAttribute('aria-label') ?? button.textContent).toMatch(/\S/);
        }
        expect(document.querySelector('#projects button.reveal')?.getAttribute('aria-label')).toBe('Crowd-tagged catalogue, rank 1, score 84.8, quick win, line 38');
    });

    it('shows the top projects with a button to show all of them, then pages of them with Previous, Next and back to the top', async () => {
        const overview = await overviewOfText(manyProjectsPlan(50, 3));
        const top = page(sectionHtml(overview, 'projects', VIEW));
        expect(texts(top, 'tbody tr td:first-child')).toEqual(Array.from({ length: 25 }, (_, i) => String(i + 1)));
        expect(texts(top, 'button.show-all')).toEqual(['Show all 50 projects']);
        expect(top.querySelector('button.show-all')?.getAttribute('data-page')).toBe('0');
        const second = page(sectionHtml(overview, 'projects', { ...VIEW, projectPage: 1 }));
        expect(texts(second, 'tbody tr td:first-child')).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 21)));
        expect(texts(second, 'nav.pager span')).toEqual(['Projects 21–40 of 50']);
        expect([...second.querySelectorAll('nav.pager button')].map(b => [b.textContent, b.getAttribute('data-page'), b.getAttribute('disabled') !== null]))
            .toEqual([['Previous page', '0', false], ['Next page', '2', false], ['Top projects only', 'top', false]]);
        const last = page(sectionHtml(overview, 'projects', { ...VIEW, projectPage: 7 }));
        expect(texts(last, 'nav.pager span')).toEqual(['Projects 41–50 of 50']);
        expect(last.querySelector('nav.pager button[data-page="3"]')?.getAttribute('disabled')).not.toBeNull();
    });

    it('cuts long lists to the limit and counts the rest; the report shows them all', async () => {
        const overview = await overviewOfText(manyProjectsPlan(50, 3));
        const view = page(overviewSections(overview, { ...VIEW, limit: 5 }));
        const report = page(overviewSections(overview, { interactive: false }));
        const warnings = overview.diagnostics.filter(d => d.severity === 'warning').length;
        expect(view.querySelectorAll('#diagnostics .severity-warning tbody tr').length).toBe(5);
        expect(texts(view, '#diagnostics .severity-warning .more')).toEqual([`and ${warnings - 5} more warnings in the Problems panel`]);
        expect(report.querySelectorAll('#diagnostics .severity-warning tbody tr').length).toBe(warnings);
        expect(report.querySelectorAll('button').length).toBe(0);
    });
});
