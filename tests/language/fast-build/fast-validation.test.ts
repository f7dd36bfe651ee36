/**
 * The validation phase of the fast build (src/language/fast-build/fast-validation.ts):
 * FastValidationRegistry runs synchronous checks without promises, and FastDocumentValidator asks
 * for cancellation every few hundred nodes and makes slimmer diagnostics. What Langium guarantees
 * must hold: a failing check becomes an error diagnostic on its node and the other checks still
 * run; an async check is awaited; cancellation stops the run; a client receives the same
 * diagnostics.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { Cancellation, isOperationCancelled, OperationCancelled, URI, ValidationRegistry, type ValidationAcceptor } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createAdoptServices } from '../../../src/language/adopt-module.js';
import type { AdoptAstType, AdoptFile, Project } from '../../../src/language/generated/ast.js';
import { FastDocumentValidator, FastValidationRegistry } from '../../../src/language/fast-build/fast-validation.js';
import { generatePlan, toAdopt } from '../../../bench/generate-plan.js';

const PLAN = `plan P "p" {
    coalition { member ann "Ann" role executive trained member bo "Bo" role middle-manager }
    initiative care "Care"
    stage one "One" { mantra "The status quo must go!" project alpha "Alpha" { supports care involves ann, bo asynchrony geography crowdsourcing } }
}`;

async function diagnosticsWith(register: (services: ReturnType<typeof createAdoptServices>['Adopt']) => void, text = PLAN) {
    const { shared, Adopt } = createAdoptServices();
    register(Adopt);
    const document = shared.workspace.LangiumDocumentFactory.fromString<AdoptFile>(text, URI.parse('file:///registry.adopt'));
    shared.workspace.LangiumDocuments.addDocument(document);
    await shared.workspace.DocumentBuilder.build([document], { validation: true });
    return document.diagnostics ?? [];
}

afterEach(() => vi.restoreAllMocks());

describe('FastValidationRegistry', () => {
    test('is the registry of the fast build; plain Langium keeps its own', () => {
        expect(createAdoptServices().Adopt.validation.ValidationRegistry).toBeInstanceOf(FastValidationRegistry);
        const plain = createAdoptServices({ fastBuild: false }).Adopt.validation;
        expect(plain.ValidationRegistry).toBeInstanceOf(ValidationRegistry);
        expect(plain.ValidationRegistry).not.toBeInstanceOf(FastValidationRegistry);
        expect(plain.DocumentValidator).not.toBeInstanceOf(FastDocumentValidator);
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
        const document = shared.workspace.LangiumDocumentFactory.fromString<AdoptFile>(PLAN, URI.parse('file:///cancel.adopt'));
        const run = Adopt.validation.DocumentValidator.validateDocument(document, {}, new Cancellation.CancellationTokenSource().token);
        await expect(run).rejects.toSatisfy(isOperationCancelled);
        expect(errors).not.toHaveBeenCalled();
    });
});

describe('FastDocumentValidator', () => {
    test('is the document validator of the fast build', () => {
        expect(createAdoptServices().Adopt.validation.DocumentValidator).toBeInstanceOf(FastDocumentValidator);
    });

    test('diagnostics on the same place, one after the other, share one range object, carry no undefined field, and the validator keeps no range after', async () => {
        const { shared, Adopt } = createAdoptServices();
        const document = shared.workspace.LangiumDocumentFactory.fromString<AdoptFile>(toAdopt(generatePlan({ projects: 80, seed: 4 })), URI.parse('file:///shared-ranges.adopt'));
        shared.workspace.LangiumDocuments.addDocument(document);
        await shared.workspace.DocumentBuilder.build([document], { validation: true });
        const diagnostics = document.diagnostics!;
        // Runs of diagnostics on the same place (a project's checks run one after the other; a plan
        // check such as untold-quick-win may come back to a place later, with a range of its own).
        const runs: Diagnostic[][] = [];
        for (const diagnostic of diagnostics) {
            const last = runs.at(-1);
            if (last && JSON.stringify(last[0].range) === JSON.stringify(diagnostic.range)) last.push(diagnostic);
            else runs.push([diagnostic]);
        }
        const repeated = runs.filter(group => group.length > 1);
        expect(repeated.length).toBeGreaterThan(10);
        for (const group of repeated) expect(group.every(diagnostic => diagnostic.range === group[0].range), JSON.stringify(group.map(d => d.code))).toBe(true);
        for (const diagnostic of diagnostics) {
            expect(Object.values(diagnostic)).not.toContain(undefined);
            expect(Object.keys(diagnostic)).toEqual(['message', 'range', 'severity', 'code', 'data', 'source']);
        }
        expect((Adopt.validation.DocumentValidator as unknown as { lastRange: unknown }).lastRange).toBeUndefined();
        // What a client receives is what Langium's validator sends.
        const plain = createAdoptServices({ fastBuild: false });
        const again = plain.shared.workspace.LangiumDocumentFactory.fromString<AdoptFile>(document.textDocument.getText(), URI.parse('file:///shared-ranges.adopt'));
        plain.shared.workspace.LangiumDocuments.addDocument(again);
        await plain.shared.workspace.DocumentBuilder.build([again], { validation: true });
        expect(JSON.parse(JSON.stringify(diagnostics))).toEqual(JSON.parse(JSON.stringify(again.diagnostics)));
    });

    test('a cancelled token stops a long validation', async () => {
        const { shared, Adopt } = createAdoptServices();
        const document = shared.workspace.LangiumDocumentFactory.fromString<AdoptFile>(toAdopt(generatePlan({ projects: 800, seed: 3 })), URI.parse('file:///long.adopt'));
        shared.workspace.LangiumDocuments.addDocument(document);
        await shared.workspace.DocumentBuilder.build([document], { validation: false });
        const source = new Cancellation.CancellationTokenSource();
        let validated = 0;
        Adopt.validation.ValidationRegistry.register<AdoptAstType>({ Project: () => { if (++validated === 100) source.cancel(); } });
        await expect(Adopt.validation.DocumentValidator.validateDocument(document, {}, source.token)).rejects.toSatisfy(isOperationCancelled);
        // Stopped within one batch of nodes, long before the 800 projects.
        expect(validated).toBeGreaterThanOrEqual(100);
        expect(validated).toBeLessThan(400);
    });
});
