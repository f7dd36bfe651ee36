/**
 * The `score.RankResults` service (src/language/score/rank-result.ts, used by
 * `adopt/rankQuickWins`) answers what `buildRankResult` answers, builds it once per document
 * version and settings, and builds anew after an edit or a change of settings.
 */
import { describe, expect, test } from 'vitest';
import { URI } from 'langium';
import { createAdoptServices } from '../../../src/language/adopt-module.js';
import type { AdoptFile } from '../../../src/language/generated/ast.js';
import { buildRankResult } from '../../../src/language/score/rank-result.js';
import { example } from '../../support/helpers.js';

async function built() {
    const services = createAdoptServices();
    const { shared } = services;
    const uri = URI.parse('file:///rank-cache.adopt');
    const document = shared.workspace.LangiumDocumentFactory.fromString<AdoptFile>(example('riverside-health.adopt'), uri);
    shared.workspace.LangiumDocuments.addDocument(document);
    await shared.workspace.DocumentBuilder.build([document], { validation: true });
    return { ...services, document };
}

describe('RankResults', () => {
    test('is the result buildRankResult gives, built once while nothing changes', async () => {
        const { Adopt, document } = await built();
        const first = Adopt.score.RankResults.of(document);
        expect(first).toEqual(buildRankResult(document, Adopt));
        expect(first.projects.length).toBeGreaterThan(0);
        expect(Adopt.score.RankResults.of(document)).toBe(first);
    });

    test('builds anew when the settings change', async () => {
        const { Adopt, document } = await built();
        const first = Adopt.score.RankResults.of(document);
        expect(Adopt.score.Settings.update({ weights: { reach: 0, initiative: 0, asynchrony: 0, geography: 0, crowdsourcing: 0 } })).toEqual([]);
        const second = Adopt.score.RankResults.of(document);
        expect(second).not.toBe(first);
        expect(second.projects.every(project => project.score === 0)).toBe(true);
        expect(first.projects.some(project => project.score > 0)).toBe(true);
        expect(second).toEqual(buildRankResult(document, Adopt));
    });

    test('builds anew after an edit rebuilds the document', async () => {
        const { shared, Adopt, document } = await built();
        const first = Adopt.score.RankResults.of(document);
        const text = document.textDocument.getText();
        const edited = text.replace(/project (\w+)/, 'project renamedForTheCache');
        expect(edited).not.toBe(text);
        await shared.workspace.DocumentBuilder.update([], [document.uri]);
        const next = shared.workspace.LangiumDocumentFactory.fromString<AdoptFile>(edited, document.uri);
        shared.workspace.LangiumDocuments.addDocument(next);
        await shared.workspace.DocumentBuilder.build([next], { validation: true });
        const second = Adopt.score.RankResults.of(next);
        expect(second).not.toBe(first);
        expect(second.projects.map(project => project.name)).toContain('renamedForTheCache');
        expect(first.projects.map(project => project.name)).not.toContain('renamedForTheCache');
    });
});
