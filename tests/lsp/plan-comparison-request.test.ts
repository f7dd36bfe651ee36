/**
 * `adopt/planComparison` over stdio: the built server compares the open plan with an earlier text
 * of it (what the editor reads from the last commit), judged on the server's day, as `adopt diff`
 * does; the earlier text is never a document of the workspace; bad params are an LSP error.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { planDiff } from '../../src/language/overview/plan-diff.js';
import { planComparisonSchema } from '../../src/protocol/diff-protocol.js';
import { workspaceRankingSchema } from '../../src/protocol/rank-protocol.js';
import { NEW_PLAN, OLD_PLAN } from '../language/overview/diff-plans.js';
import { overviewOfText } from '../report/report-plans.js';
import { ServerProcess } from '../support/lsp-server.js';

const URI = pathToFileURL(resolve(__dirname, '../../examples/comparison-test.adopt')).toString();
let server: ServerProcess;

beforeAll(async () => {
    server = await ServerProcess.start({ env: { ADOPT_TODAY: '2027-03-01' } });
    await server.open(URI, NEW_PLAN, 1);
});

afterAll(async () => {
    await server?.stop();
});

describe('adopt/planComparison', () => {
    test('answers the diff of the earlier text and the open plan, as adopt diff has it, with the titles of what it names', async () => {
        const answer = planComparisonSchema.parse(await server.result('adopt/planComparison', { uri: URI, baseline: OLD_PLAN }));
        expect(answer.diff).toEqual(planDiff(await overviewOfText(OLD_PLAN), await overviewOfText(NEW_PLAN)));
        expect(answer.diff.status).toEqual({ old: 'late', new: 'on-track' });
        expect(answer.titles).toMatchObject({ podcast: 'Podcast', wiki: 'Wiki', workshop: 'Workshop', dee: 'Dee Park' });
    });

    test('leaves the workspace as it was: the open plan the only one, its diagnostics its own', async () => {
        await server.result('adopt/planComparison', { uri: URI, baseline: OLD_PLAN.replace('plan Museum', 'plan Other') });
        const ranked = workspaceRankingSchema.parse(await server.result('adopt/rankWorkspace', {}));
        expect(ranked.plans.map(plan => plan.plan)).toEqual(['Museum']);
    });

    test('refuses params it cannot use', async () => {
        expect(await server.request('adopt/planComparison', { uri: URI })).toMatchObject({ kind: 'error', code: -32602 });
        expect(await server.request('adopt/planComparison', { uri: 'file:///nowhere/plan.adopt', baseline: '' })).toMatchObject({ kind: 'error', code: -32602 });
    });
});
