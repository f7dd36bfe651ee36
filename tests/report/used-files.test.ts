/**
 * A plan that uses a shared file (docs/language.md#plans-in-many-files) in the overview and the
 * reports: the used file listed with the members, channels and initiatives it brings in, the
 * counts over both files, and each used member marked with its file (the path as the plan's
 * `use` writes it) in the coalition and among the naysayers, where the plan's own members are
 * not marked. Expectations worked out by hand from the texts below.
 */
import { parseHelper } from 'langium/test';
import { describe, expect, it } from 'vitest';
import type { AdoptFile } from '../../src/language/generated/ast.js';
import { buildPlanOverview } from '../../src/language/overview/plan-overview.js';
import { planOverviewSchema, type PlanOverview } from '../../src/protocol/overview-protocol.js';
import { reportHtml } from '../../src/report/report-html.js';
import { reportMarkdown } from '../../src/report/report-markdown.js';
import { createTestServices } from '../support/helpers.js';
import { departmentPlan, NETWORK_PEOPLE } from '../support/network-plans.js';
import { parseDocument } from './html-dom.js';
import { overviewSections } from '../../src/report/overview-sections.js';

const PEOPLE = NETWORK_PEOPLE;
const CARDIOLOGY = departmentPlan({ name: 'Cardiology', members: ['member max "Max Roe" role naysayer unit "Cardiology"'], channels: ['channel blog "Ward blog" on blog'] });

/** The overview of the plan `text` at `file:///net/cardiology.adopt`, with `people` at `file:///net/network/people.adopt`. */
async function overviewWithShared(text = CARDIOLOGY, people = PEOPLE): Promise<PlanOverview> {
    const services = createTestServices();
    services.model.Today.set('2027-03-01');
    const parse = parseHelper<AdoptFile>(services);
    await parse(people, { documentUri: 'file:///net/network/people.adopt' });
    const plan = await parse(text, { documentUri: 'file:///net/cardiology.adopt', validation: true });
    return planOverviewSchema.parse(buildPlanOverview(plan, services));
}

describe('a plan that uses a shared file, in the overview', () => {
    it('lists the used file with what it brings in, and counts channels and initiatives over both files', async () => {
        const overview = await overviewWithShared();
        expect(overview.uses).toEqual([{
            file: 'network/people.adopt',
            name: 'NorthfieldPeople',
            title: 'People and channels of the Northfield network',
            members: [{ name: 'ana', title: 'Ana Ortiz' }, { name: 'ben', title: 'Ben Hale' }, { name: 'dee', title: 'Dee Park' }],
            channels: [{ name: 'youtube', title: 'YouTube channel' }],
            initiatives: [{ name: 'grandRounds', title: 'Weekly grand rounds' }]
        }]);
        // zoe and max of the plan, ana, ben and dee of the shared file; blog and youtube; grandRounds.
        expect([overview.counts.members, overview.counts.channels, overview.counts.initiatives, overview.counts.naysayers]).toEqual([5, 2, 1, 2]);
    });

    it('marks each used member with its file, and leaves the plan\'s own unmarked', async () => {
        const overview = await overviewWithShared();
        expect(overview.coalition.members.map(m => [m.name, m.file])).toEqual([
            ['zoe', null], ['max', null], ['ana', 'network/people.adopt'], ['ben', 'network/people.adopt'], ['dee', 'network/people.adopt']
        ]);
        expect(overview.roadShow.naysayers.map(n => [n.name, n.file])).toEqual([['max', null], ['dee', 'network/people.adopt']]);
    });

    it('writes the path as the use writes it, from a plan in another folder', async () => {
        const overview = await overviewWithShared(CARDIOLOGY.replace('"network/people.adopt"', '"./network/../network/people.adopt"'));
        expect(overview.uses.map(used => used.file)).toEqual(['./network/../network/people.adopt']);
        expect(overview.coalition.members.find(m => m.name === 'ana')?.file).toBe('./network/../network/people.adopt');
    });

    it('has no used files, and no marks, for a plan in one file', async () => {
        const overview = await overviewWithShared(CARDIOLOGY.replace('use "network/people.adopt"\n', '').replace('involves ana, zoe', 'involves zoe')
            .replace('supports grandRounds\n', '').replace('launch youtube', 'launch blog').replace('uses youtube', 'uses blog'));
        expect(overview.uses).toEqual([]);
        expect(overview.coalition.members.every(m => m.file === null)).toBe(true);
        expect([overview.counts.members, overview.counts.channels, overview.counts.initiatives]).toEqual([2, 1, 0]);
    });
});

describe('a plan that uses a shared file, in the reports', () => {
    it('HTML: the used file with its declarations in the plan section; used members marked with the file, not revealable, in the coalition and among the naysayers', async () => {
        const html = reportHtml(await overviewWithShared());
        const page = parseDocument(html);
        const used = page.querySelector('.used-files');
        expect(used?.querySelector('h3')?.textContent).toBe('Shared file this plan uses');
        expect(used?.querySelector('li')?.textContent).toBe(
            'network/people.adopt People and channels of the Northfield network' +
            '3 members (Ana Ortiz, Ben Hale, Dee Park), 1 channel (YouTube channel), 1 initiative (Weekly grand rounds)');
        const rows = [...page.querySelectorAll('.coalition-table tbody tr:not(.unit-row)')].map(row => [
            row.querySelector('td')?.firstChild?.textContent, row.querySelector('td .file-mark')?.textContent ?? null
        ]);
        expect(rows).toEqual([
            ['Zoe Lin', null], ['Max Roe', null], ['Ana Ortiz', 'network/people.adopt'], ['Dee Park', 'network/people.adopt'], ['Ben Hale', 'network/people.adopt']
        ]);
        const naysayers = [...page.querySelectorAll('.naysayers li')].map(item => [item.firstChild?.textContent?.trim(), item.querySelector('.file-mark')?.textContent ?? null]);
        expect(naysayers).toEqual([['Max Roe', null], ['Dee Park', 'network/people.adopt']]);
    });

    it('Plan Overview: a used member is no button that would reveal a line of the plan', async () => {
        const html = `<html><body>${overviewSections(await overviewWithShared(), { interactive: true })}</body></html>`;
        const page = parseDocument(html);
        const buttons = [...page.querySelectorAll('.coalition-table button.reveal')].map(button => button.textContent);
        expect(buttons.sort()).toEqual(['Max Roe', 'Zoe Lin']);
    });

    it('Markdown: the used file listed in the plan section, used members marked (from `path`)', async () => {
        const markdown = reportMarkdown(await overviewWithShared());
        expect(markdown).toContain('**Shared file this plan uses:**\n\n- `network/people.adopt` People and channels of the Northfield network: 3 members (Ana Ortiz, Ben Hale, Dee Park), 1 channel (YouTube channel), 1 initiative (Weekly grand rounds)\n');
        expect(markdown).toContain('| Finance | Dee Park (from `network/people.adopt`) | naysayer |');
        expect(markdown).toContain('| Cardiology | Zoe Lin | early adopter |');
        expect(markdown).toContain('**Naysayers not reached (2):** Max Roe, Dee Park (from `network/people.adopt`)');
    });
});
