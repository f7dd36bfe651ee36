/**
 * The code lens above each project: `score 88 · rank 1 of 2 · quick win` (and `· 1/3 actions
 * done` when it has actions, `· late` when its status is not on track), running the client's rank command with the document's uri.
 */
import { describe, expect, test } from 'vitest';
import { createTestServices, example, parser } from '../support/helpers.js';

describe('code lens', () => {
    test('one lens per project, on its first line, with score, rank and status', async () => {
        const services = createTestServices();
        const document = await parser(services)(example('riverside-health.adopt'));
        const lenses = await services.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri: document.textDocument.uri } });
        expect(lenses?.map(lens => [lens.range.start.line, lens.command?.title])).toEqual([
            [25, 'score 88 · rank 1 of 2 · quick win'],
            [34, 'score 0 · rank 2 of 2 · not a quick win']
        ]);
        expect(lenses?.[0].command?.command).toBe('adopt.rankQuickWins');
        expect(lenses?.[0].command?.arguments).toEqual([document.textDocument.uri]);
    });

    test('adds how many of its actions are done when a project has actions (SPEC section 7), and its status when not on track', async () => {
        const services = createTestServices();
        services.model.Today.set('2027-03-01');
        const document = await parser(services)(example('lakeshore-college.adopt'));
        const lenses = await services.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri: document.textDocument.uri } });
        expect(lenses?.map(lens => lens.command?.title)).toEqual([
            // recordChemistry was due on 20 February and is not done: late.
            'score 74.5 · rank 1 of 2 · quick win · 1/3 actions done · late',
            // 12 of 40 guides (0.3) after 49 of the roll-out's 170 days (0.75 x 49/170 = 0.216): on track, not said.
            'score 73.3 · rank 2 of 2 · quick win · 0/1 action done'
        ]);
        services.model.Today.set('2027-01-10');
        const early = await parser(services)(example('lakeshore-college.adopt'));
        const before = await services.lsp.CodeLensProvider!.provideCodeLens(early, { textDocument: { uri: early.textDocument.uri } });
        // The day before the roll-out starts.
        expect(before?.map(lens => lens.command?.title.split(' · ').pop())).toEqual(['not started', 'not started']);
        const none = await parser(services)('plan P "P" { stage s "S" { action a "Not in a project" done\nproject p "P" { } } }');
        const [lens] = await services.lsp.CodeLensProvider!.provideCodeLens(none, { textDocument: { uri: none.textDocument.uri } }) ?? [];
        expect(lens.command?.title).toBe('score 0 · rank 1 of 1 · not a quick win');
    });

    test('follows the settings in force', async () => {
        const services = createTestServices();
        services.score.Settings.update({ threshold: 90 });
        const document = await parser(services)(example('riverside-health.adopt'));
        const lenses = await services.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri: document.textDocument.uri } });
        expect(lenses?.[0].command?.title).toBe('score 88 · rank 1 of 2 · not a quick win');
    });

    test('a plan without projects has no lens, and a broken file does not throw', async () => {
        const services = createTestServices();
        for (const text of ['plan P "P" {\n}\n', '', 'plan P "P" { stage s "S" { project x "X" { involves', '\u0000\u0001garbage']) {
            const document = await parser(services)(text);
            expect(() => services.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri: document.textDocument.uri } })).not.toThrow();
        }
    });
});
