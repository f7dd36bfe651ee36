/**
 * `adopt/planOverview` over stdio (SPEC section 8): the built server answers the overview of an
 * open plan, valid against the shared schema, the same as the CLI's report is made from; it
 * follows an edit, and refuses what it cannot answer with an LSP error.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { planOverviewSchema } from '../../src/protocol/overview-protocol.js';
import { ServerProcess } from '../support/lsp-server.js';
import { LIVING_PLAN, overviewOfText } from '../report/report-plans.js';

const URI = pathToFileURL(resolve(__dirname, '../../examples/overview-test.adopt')).toString();
let server: ServerProcess;

beforeAll(async () => {
    const before = process.env.ADOPT_TODAY;
    process.env.ADOPT_TODAY = '2027-03-01';
    try {
        server = await ServerProcess.start();
    } finally {
        if (before === undefined) delete process.env.ADOPT_TODAY;
        else process.env.ADOPT_TODAY = before;
    }
    await server.open(URI, LIVING_PLAN, 1);
});

afterAll(async () => {
    await server?.stop();
});

describe('adopt/planOverview', () => {
    test('answers the overview of the plan, valid against the shared schema, as the report is built from it', async () => {
        const overview = planOverviewSchema.parse(await server.result('adopt/planOverview', { uri: URI }));
        expect(overview.plan.name).toBe('HarbourMuseum');
        expect(overview.date).toBe('2027-03-01');
        expect(overview).toEqual(await overviewOfText(LIVING_PLAN, '2027-03-01'));
    });

    test('follows an edit of the plan', async () => {
        const before = server.published.length;
        const text = LIVING_PLAN.replace('effort low', 'effort high').replace('action workshop "Workshop with visitor services" due 2027-02-10', 'action workshop "Workshop with visitor services" owner ben due 2027-02-10 done');
        await server.change(URI, 2, [{ text }]);
        await server.diagnosticsAfter(URI, before);
        const overview = planOverviewSchema.parse(await server.result('adopt/planOverview', { uri: URI }));
        expect(overview.projects.find(p => p.name === 'tourVideos')?.effort).toBe('high');
        expect(overview.counts).toMatchObject({ actionsDone: 2, overdueActions: 1 });
    });

    test('refuses params that are not { uri } and a document it does not know, with InvalidParams', async () => {
        expect(await server.request('adopt/planOverview', { file: URI })).toMatchObject({ kind: 'error', code: -32602 });
        expect(await server.request('adopt/planOverview', { uri: 'file:///nowhere/plan.adopt' })).toMatchObject({ kind: 'error', code: -32602 });
        expect(server.alive).toBe(true);
    });
});
