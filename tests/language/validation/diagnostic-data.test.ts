/**
 * `report` (src/language/validation/report.ts) builds each diagnostic's info without spreads and
 * shares one frozen `{ code }` between the diagnostics that carry no other data (20,000 of them
 * at 10,000 projects). What clients and quick fixes read must not change: `data.code` is the
 * code, extra data comes first and is the diagnostic's own, and no diagnostic can change another's.
 */
import { describe, expect, test } from 'vitest';
import { URI } from 'langium';
import { createAdoptServices } from '../../../src/language/adopt-module.js';
import type { AdoptFile } from '../../../src/language/generated/ast.js';
import { generatePlan, toAdopt } from '../../../bench/generate-plan.js';

async function diagnosticsOf(text: string) {
    const { shared } = createAdoptServices();
    const document = shared.workspace.LangiumDocumentFactory.fromString<AdoptFile>(text, URI.parse('file:///data.adopt'));
    shared.workspace.LangiumDocuments.addDocument(document);
    await shared.workspace.DocumentBuilder.build([document], { validation: true });
    return document.diagnostics ?? [];
}

describe('diagnostic data', () => {
    test('every diagnostic carries its code in data; code-only data is shared and frozen, extra data is its own', async () => {
        const diagnostics = await diagnosticsOf(toAdopt(generatePlan({ projects: 400, seed: 8 })));
        expect(diagnostics.length).toBeGreaterThan(400);
        const sharedByCode = new Map<unknown, unknown>();
        let withExtra = 0;
        for (const diagnostic of diagnostics) {
            const data = diagnostic.data as Record<string, unknown>;
            expect(data.code).toBe(diagnostic.code);
            const keys = Object.keys(data);
            expect(keys[keys.length - 1]).toBe('code');
            if (keys.length === 1) {
                expect(Object.isFrozen(data)).toBe(true);
                if (!sharedByCode.has(diagnostic.code)) sharedByCode.set(diagnostic.code, data);
                expect(data).toBe(sharedByCode.get(diagnostic.code));
            } else {
                withExtra++;
                expect(Object.isFrozen(data)).toBe(false);
            }
        }
        expect(withExtra).toBeGreaterThan(0);
        expect(sharedByCode.size).toBeGreaterThan(1);
    });

    test('the ranges are the ones Langium gives a property or keyword', async () => {
        const diagnostics = await diagnosticsOf(`plan P "p" {
  coalition { member ann "Ann" role staff }
  stage s "S" { project lonely "Lonely" { } }
}`);
        const byCode = Object.fromEntries(diagnostics.map(d => [d.code, d.range]));
        // few-managers sits on the coalition keyword, freestanding-project on the project's name.
        expect(byCode['few-managers']).toEqual({ start: { line: 1, character: 2 }, end: { line: 1, character: 11 } });
        expect(byCode['freestanding-project']).toEqual({ start: { line: 2, character: 24 }, end: { line: 2, character: 30 } });
    });
});
