/**
 * FastLinker.buildReference (src/language/fast-build/linking.ts) makes Langium's reference
 * with all its fields set from the start (so V8 keeps them inside the object): it must behave as
 * Langium's: resolve on `ref`, describe its target, report an unresolved name as an error.
 */
import { describe, expect, test } from 'vitest';
import { isReference, URI, type Reference } from 'langium';
import { createAdoptServices } from '../../../src/language/adopt-module.js';
import type { AdoptFile } from '../../../src/language/generated/ast.js';
import { FastReference, type FastLinker } from '../../../src/language/fast-build/linking.js';

const TEXT = `plan P "p" {
    coalition { member ann "Ann" role staff trained }
    initiative care "Care"
    stage s "S" { project a "A" { supports care involves ann, nobody } }
}`;

describe('FastReference', () => {
    test('is what the parser builds, with every field present before linking', () => {
        const { shared } = createAdoptServices();
        const plan = shared.workspace.LangiumDocumentFactory.fromString<AdoptFile>(TEXT, URI.parse('file:///refs.adopt')).parseResult.value.plan!;
        const reference = plan.stages[0].projects[0].supports[0].initiatives[0];
        expect(reference).toBeInstanceOf(FastReference);
        expect(isReference(reference)).toBe(true);
        expect(Object.keys(reference)).toEqual(['node', 'property', '_ref', 'refNode', '$refText', '_nodeDescription']);
        expect((reference as unknown as { resolver: unknown }).resolver).toBeDefined();
        expect(reference.$refText).toBe('care');
        // The fast parser's reference names its token's place; the leaf is made when asked for, once.
        const fields = reference as unknown as { refNode: unknown };
        expect(typeof fields.refNode).toBe('number');
        const leaf = reference.$refNode;
        expect(leaf?.text).toBe('care');
        expect(leaf?.grammarSource?.$type).toBe('CrossReference');
        expect(fields.refNode).toBe(leaf);
        expect(reference.$refNode).toBe(leaf);
        // It is the leaf in its composite node's content, not a copy.
        expect(leaf?.container?.content).toContain(leaf);
    });

    test('resolves, describes its target, and reports an unresolved name as Langium does', async () => {
        const { shared } = createAdoptServices();
        const document = shared.workspace.LangiumDocumentFactory.fromString<AdoptFile>(TEXT, URI.parse('file:///linked.adopt'));
        shared.workspace.LangiumDocuments.addDocument(document);
        await shared.workspace.DocumentBuilder.build([document], { validation: true });
        const project = document.parseResult.value.plan!.stages[0].projects[0];
        const [ann, nobody] = project.involves[0].members as Array<Reference & { $nodeDescription?: { name: string } }>;
        expect((ann.ref as { name?: string } | undefined)?.name).toBe('ann');
        expect(ann.error).toBeUndefined();
        expect(ann.$nodeDescription?.name).toBe('ann');
        expect(nobody.ref).toBeUndefined();
        expect(nobody.error?.message).toContain('nobody');
        expect(document.references).toContain(ann);
        expect(document.diagnostics?.map(d => d.code)).toContain('unresolved-reference');
    });
});

describe('FastLinker.unlink', () => {
    test('holds the links until the tree is linked again; linking the same tree again resets every reference without deleting fields and gives the same targets', async () => {
        const { shared, Adopt } = createAdoptServices();
        const linker = Adopt.references.Linker as FastLinker;
        const document = shared.workspace.LangiumDocumentFactory.fromString<AdoptFile>(TEXT, URI.parse('file:///unlink.adopt'));
        shared.workspace.LangiumDocuments.addDocument(document);
        await shared.workspace.DocumentBuilder.build([document], { validation: false });
        const references = [...document.references] as FastReference[];
        expect(references.length).toBe(3);
        const targets = references.map(reference => reference._ref);
        linker.unlink(document);
        // Held: the next link decides whether they are reset.
        expect(references.map(reference => reference._ref)).toEqual(targets);
        await linker.link(document);
        expect(linker.counts).toEqual({ linked: 3, kept: 0 });
        for (const reference of references) expect(Object.keys(reference)).toContain('_nodeDescription');
        expect(references.map(reference => reference._ref)).toEqual(targets);
        // The unresolved name's error is made anew: it was linked again, not kept.
        expect(references[2].error).toBeDefined();
        expect(references[2]._ref).not.toBe(targets[2]);
        expect(document.references.length).toBe(3);
    });
});
