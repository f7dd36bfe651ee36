/**
 * AdoptValidationRegistry (src/language/validation/adopt-validation-registry.ts) runs synchronous
 * checks without promises, and AdoptDocumentValidator asks for cancellation every few hundred
 * nodes. What Langium guarantees must hold: a failing check becomes an error diagnostic on its
 * node and the other checks still run; an async check is awaited; cancellation stops the run.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { Cancellation, isOperationCancelled, OperationCancelled, URI, type ValidationAcceptor } from 'langium';
import { createAdoptServices } from '../../../src/language/adopt-module.js';
import type { AdoptAstType, Plan, Project } from '../../../src/language/generated/ast.js';
import { AdoptValidationRegistry } from '../../../src/language/validation/adopt-validation-registry.js';
import { generatePlan, toAdopt } from '../../../bench/generate-plan.js';

const PLAN = `plan P "p" {
    coalition { member ann "Ann" role executive trained member bo "Bo" role middle-manager }
    initiative care "Care"
    stage one "One" { mantra "The status quo must go!" project alpha "Alpha" { supports care involves ann, bo asynchrony geography crowdsourcing } }
}`;

async function diagnosticsWith(register: (services: ReturnType<typeof createAdoptServices>['Adopt']) => void, text = PLAN) {
    const { shared, Adopt } = createAdoptServices();
    register(Adopt);
    const document = shared.workspace.LangiumDocumentFactory.fromString<Plan>(text, URI.parse('file:///registry.adopt'));
    shared.workspace.LangiumDocuments.addDocument(document);
    await shared.workspace.DocumentBuilder.build([document], { validation: true });
    return document.diagnostics ?? [];
}

afterEach(() => vi.restoreAllMocks());

describe('AdoptValidationRegistry', () => {
    test('is the registry the services use', () => {
        expect(createAdoptServices().Adopt.validation.ValidationRegistry).toBeInstanceOf(AdoptValidationRegistry);
    });

    test('a check that throws becomes an error on its node, and the other checks still run', async () => {
        vi.spyOn(console, 'error').mockImplementation(() => undefined);
        const ran: string[] = [];
        const diagnostics = await diagnosticsWith(Adopt => Adopt.validation.ValidationRegistry.register<AdoptAstType>({
            Project: [
                (project: Project) => { throw new Error(`broken on ${project.name}`); },
                (project: Project, accept: ValidationAcceptor) => { ran.push(project.name); accept('hint', 'after the failure', { node: project }); }
            ]
        }));
        const failure = diagnostics.find(d => String(d.message).startsWith('An error occurred during validation'));
        expect(failure?.message).toBe('An error occurred during validation: broken on alpha');
        expect(failure?.severity).toBe(1);
        expect(failure?.range.start.line).toBe(3);
        expect(ran).toEqual(['alpha']);
        expect(diagnostics.some(d => d.message === 'after the failure')).toBe(true);
        expect(console.error).toHaveBeenCalled();
    });

    test('an async check is awaited, and its failure reported the same way', async () => {
        vi.spyOn(console, 'error').mockImplementation(() => undefined);
        const diagnostics = await diagnosticsWith(Adopt => Adopt.validation.ValidationRegistry.register<AdoptAstType>({
            Project: [
                async (project: Project, accept: ValidationAcceptor) => {
                    await new Promise(resolve => setTimeout(resolve, 1));
                    accept('hint', `late word on ${project.name}`, { node: project });
                },
                async () => { await Promise.resolve(); throw new Error('late failure'); }
            ]
        }));
        expect(diagnostics.map(d => d.message)).toContain('late word on alpha');
        expect(diagnostics.map(d => d.message)).toContain('An error occurred during validation: late failure');
    });

    test('cancellation in a check stops validation instead of becoming a diagnostic', async () => {
        const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
        const { shared, Adopt } = createAdoptServices();
        Adopt.validation.ValidationRegistry.register<AdoptAstType>({ Project: () => { throw OperationCancelled; } });
        const document = shared.workspace.LangiumDocumentFactory.fromString<Plan>(PLAN, URI.parse('file:///cancel.adopt'));
        const run = Adopt.validation.DocumentValidator.validateDocument(document, {}, new Cancellation.CancellationTokenSource().token);
        await expect(run).rejects.toSatisfy(isOperationCancelled);
        expect(errors).not.toHaveBeenCalled();
    });
});

describe('AdoptDocumentValidator', () => {
    test('a cancelled token stops a long validation', async () => {
        const { shared, Adopt } = createAdoptServices();
        const document = shared.workspace.LangiumDocumentFactory.fromString<Plan>(toAdopt(generatePlan({ projects: 2000, seed: 3 })), URI.parse('file:///long.adopt'));
        shared.workspace.LangiumDocuments.addDocument(document);
        await shared.workspace.DocumentBuilder.build([document], { validation: false });
        const source = new Cancellation.CancellationTokenSource();
        let validated = 0;
        Adopt.validation.ValidationRegistry.register<AdoptAstType>({ Project: () => { if (++validated === 100) source.cancel(); } });
        await expect(Adopt.validation.DocumentValidator.validateDocument(document, {}, source.token)).rejects.toSatisfy(isOperationCancelled);
        // Stopped within one batch of nodes, long before the 2,000 projects.
        expect(validated).toBeGreaterThanOrEqual(100);
        expect(validated).toBeLessThan(400);
    });
});
