/**
 * The lazy reference index (src/language/fast-build/index-manager.ts, FastIndexManager) answers as Langium's
 * eager `DefaultIndexManager` does: the same `findAllReferences` results, the same find references,
 * rename and highlight answers, the same documents relinked when another document changes or goes,
 * the same index after a cancelled build; and it keeps nothing per reference.
 */
import { describe, expect, test, vi } from 'vitest';
import {
    AstUtils, Cancellation, DefaultIndexManager, DefaultLinker, DocumentState, OperationCancelled, type LangiumDocument,
    type Module, type ReferenceDescription
} from 'langium';
import type { LangiumSharedServices, PartialLangiumServices, PartialLangiumSharedServices } from 'langium/lsp';
import { expectFindReferences } from 'langium/test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver-types';
import { createAdoptServices, type AdoptServices } from '../../../src/language/adopt-module.js';
import type { AdoptFile } from '../../../src/language/generated/ast.js';
import { FastIndexManager, placeAll } from '../../../src/language/fast-build/index-manager.js';
import { FastReferenceDescriptionProvider, type FastBuildCoreServices } from '../../../src/language/fast-build/linking.js';
import * as treeWalk from '../../../src/language/fast-build/tree-walk.js';
import { generatePlan, toAdopt } from '../../../bench/generate-plan.js';
import { TROUBLE_PLAN } from './linking-fixtures.js';
import { example } from '../../support/helpers.js';

// Counts the walks over a whole tree's references (the tests on the linker's list, tree order and the fallback).
vi.mock('../../../src/language/fast-build/tree-walk.js', async importOriginal => {
    const actual = await importOriginal<typeof import('../../../src/language/fast-build/tree-walk.js')>();
    return { ...actual, allReferences: vi.fn(actual.allReferences) };
});

type Flavour = 'lazy' | 'eager';
type LanguageModule = Module<AdoptServices, PartialLangiumServices>;

/** Langium's own index manager, as the eager reference. */
const EagerIndexModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    workspace: { IndexManager: services => new DefaultIndexManager(services) }
};


/** A shared file, a plan that uses it (and refers to it), and a plan on its own. */
const LINKED_FILES: Record<string, string> = {
    'a.adopt': `shared A "A" {
  coalition { member ana "Ana" role executive }
  channel shared "Shared" on youtube
  initiative common "Common"
}`,
    'b.adopt': `use "a.adopt"
plan B "B" {
  coalition { member bo "Bo" role staff }
  channel own "Own" on slack
  stage warmup "Warm-up" { launch own }
  stage next "Next" after warmup {
    launch shared, own
    project pb "PB" { supports common uses shared, own involves bo, ana }
    story sb "SB" from pb audience bo
  }
}`,
    'c.adopt': `plan C "C" {
  coalition { member cy "Cy" role naysayer }
  channel mine "Mine" on teams
  initiative solo "Solo"
  stage only "Only" { project pc "PC" { supports solo uses mine involves cy } }
}`
};

/** A provider that leaves out references to stages: a language with descriptions of its own. */
class NoStageReferences extends FastReferenceDescriptionProvider {
    override async createDescriptions(document: LangiumDocument, cancelToken?: Cancellation.CancellationToken): Promise<ReferenceDescription[]> {
        const all = await super.createDescriptions(document, cancelToken);
        return all.filter(description => !description.targetPath.includes('stages'));
    }
}
const NoStageReferencesModule: LanguageModule = {
    workspace: { ReferenceDescriptionProvider: services => new NoStageReferences(services as unknown as FastBuildCoreServices) }
};

/** Links a document's references last to first, so `document.references` is not in tree order. */
class BackwardsLinker extends DefaultLinker {
    override async link(document: LangiumDocument): Promise<void> {
        for (const info of treeWalk.allReferences(document.parseResult.value).reverse()) this.doLink(info, document);
    }
}
const BackwardsLinkingModule: LanguageModule = { references: { Linker: services => new BackwardsLinker(services) } };

interface Workspace {
    readonly shared: LangiumSharedServices;
    readonly Adopt: AdoptServices;
    readonly documents: LangiumDocument[];
}

const uriOf = (name: string) => `file:///workspace/${name}`;

/** Adds the files as open text documents, without building them. */
function openWorkspace(flavour: Flavour, files: Record<string, string>, languageModule?: LanguageModule): Workspace {
    const { shared, Adopt } = createAdoptServices({ languageModule, sharedModule: flavour === 'eager' ? EagerIndexModule : undefined });
    const documents = Object.entries(files).map(([name, text]) => {
        const textDocument = TextDocument.create(uriOf(name), 'adopt', 1, text);
        shared.workspace.TextDocuments.set(textDocument);
        const document = shared.workspace.LangiumDocumentFactory.fromTextDocument(textDocument);
        shared.workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    return { shared, Adopt, documents };
}

async function buildWorkspace(flavour: Flavour, files: Record<string, string>, languageModule?: LanguageModule): Promise<Workspace> {
    const workspace = openWorkspace(flavour, files, languageModule);
    await workspace.shared.workspace.DocumentBuilder.build(workspace.documents, { validation: true });
    return workspace;
}

/** Both flavours of the same workspace, built. */
async function buildBoth(files: Record<string, string>, languageModule?: LanguageModule): Promise<Record<Flavour, Workspace>> {
    return { lazy: await buildWorkspace('lazy', files, languageModule), eager: await buildWorkspace('eager', files, languageModule) };
}

/** A description with its URIs as strings, every other field as it is. */
function plain(description: ReferenceDescription) {
    return { ...description, sourceUri: description.sourceUri.toString(), targetUri: description.targetUri.toString() };
}

/** The current documents, whatever the builder replaced. */
function currentDocuments(workspace: Workspace): LangiumDocument[] {
    return workspace.shared.workspace.LangiumDocuments.all.toArray();
}

/** `findAllReferences` of every named node of every document (and of a path that names nothing). */
function wholeIndex(workspace: Workspace) {
    const index = workspace.shared.workspace.IndexManager;
    const locator = workspace.Adopt.workspace.AstNodeLocator;
    const names = workspace.Adopt.references.NameProvider;
    return currentDocuments(workspace).flatMap(document => {
        const root = document.parseResult.value;
        const named = AstUtils.streamAst(root).filter(node => names.getName(node) !== undefined).toArray();
        const targets = named.map(node => ({ node, path: locator.getAstNodePath(node) }));
        targets.push({ node: root, path: '/nothing@99' });
        return targets.map(({ node, path }) => ({
            uri: document.uri.toString(),
            path,
            references: index.findAllReferences(node, path).map(plain).toArray()
        }));
    });
}

/** How many references the index knows of in all (the sum over every target). */
const referenceCount = (index: ReturnType<typeof wholeIndex>) => index.reduce((sum, target) => sum + target.references.length, 0);

/** Positions to ask the editor features about: every reference and declaration name, every `step`th. */
function positionsOf(document: LangiumDocument, names: AdoptServices['references']['NameProvider'], step: number): Position[] {
    const root = document.parseResult.value;
    const starts: Position[] = [];
    for (const node of AstUtils.streamAst(root)) {
        const nameNode = names.getNameNode(node);
        if (nameNode) starts.push(nameNode.range.start);
        for (const { reference } of AstUtils.streamReferences(node)) {
            if (reference.$refNode) starts.push(reference.$refNode.range.start);
        }
    }
    return starts.filter((_, i) => i % step === 0);
}

/** The answers of find references (with and without the declaration), highlight and rename. */
async function editorAnswers(workspace: Workspace, step: number) {
    const { ReferencesProvider, DocumentHighlightProvider, RenameProvider } = workspace.Adopt.lsp;
    if (!ReferencesProvider || !DocumentHighlightProvider || !RenameProvider) throw new Error('missing LSP providers');
    const answers: unknown[] = [];
    for (const document of currentDocuments(workspace)) {
        const textDocument = { uri: document.uri.toString() };
        for (const position of positionsOf(document, workspace.Adopt.references.NameProvider, step)) {
            answers.push({
                at: [textDocument.uri, position],
                references: await ReferencesProvider.findReferences(document, { textDocument, position, context: { includeDeclaration: false } }),
                withDeclaration: await ReferencesProvider.findReferences(document, { textDocument, position, context: { includeDeclaration: true } }),
                highlight: await DocumentHighlightProvider.getDocumentHighlight(document, { textDocument, position }),
                rename: await RenameProvider.rename(document, { textDocument, position, newName: 'renamed' })
            });
        }
    }
    return answers;
}

const SINGLE_FILES: Record<string, () => Record<string, string>> = {
    'a generated plan': () => ({ 'generated.adopt': toAdopt(generatePlan({ projects: 120, seed: 5 })) }),
    'the SPEC example': () => ({ 'riverside-health.adopt': example('riverside-health.adopt') }),
    'a plan with broken names': () => ({ 'trouble.adopt': TROUBLE_PLAN }),
    'a workspace of several plans': () => ({
        'generated.adopt': toAdopt(generatePlan({ projects: 30, seed: 2 })),
        'riverside-health.adopt': example('riverside-health.adopt'),
        'trouble.adopt': TROUBLE_PLAN,
        ...LINKED_FILES
    })
};

describe('the lazy reference index', () => {
    test('is the shared IndexManager of the fast build; plain Langium keeps its own', () => {
        expect(createAdoptServices().shared.workspace.IndexManager).toBeInstanceOf(FastIndexManager);
        expect(createAdoptServices({ fastBuild: false }).shared.workspace.IndexManager.constructor).toBe(DefaultIndexManager);
        expect(openWorkspace('eager', {}).shared.workspace.IndexManager.constructor).toBe(DefaultIndexManager);
    });

    for (const [name, files] of Object.entries(SINGLE_FILES)) {
        test(`finds the references of ${name} as Langium's index does`, async () => {
            const { lazy, eager } = await buildBoth(files());
            const expected = wholeIndex(eager);
            expect(referenceCount(expected)).toBeGreaterThan(0);
            expect(wholeIndex(lazy)).toEqual(expected);
        });

        test(`gives ${name} the same find references, highlight and rename answers`, async () => {
            const { lazy, eager } = await buildBoth(files());
            const step = name === 'a generated plan' ? 7 : 1;
            const expected = await editorAnswers(eager, step);
            expect(expected.length).toBeGreaterThan(10);
            expect(await editorAnswers(lazy, step)).toEqual(expected);
        });
    }

    test("answers langium/test's find references check with either index", async () => {
        for (const flavour of ['lazy', 'eager'] as const) {
            const { Adopt } = openWorkspace(flavour, {});
            await expectFindReferences(Adopt)({
                text: `plan P "P" {
  coalition { member <|<|>ana|> "Ana" role middle-manager trained  member bo "Bo" role staff }
  channel yt "YT" on youtube
  stage s "S" {
    launch yt
    project p "P" { involves <|ana|>, bo uses yt }
    project q "Q" { involves bo, <|ana|> }
    story st "St" from p audience bo, <|ana|>
  }
}`,
                includeDeclaration: true
            });
        }
    });

    test('finds references across documents as Langium does', async () => {
        const { lazy, eager } = await buildBoth(LINKED_FILES);
        const expected = wholeIndex(eager);
        const across = expected.flatMap(target => target.references).filter(reference => !reference.local);
        expect(across.map(reference => reference.targetPath).sort()).toEqual(
            ['/shared', '/shared/channels@0', '/shared/channels@0', '/shared/coalitions@0/members@0', '/shared/initiatives@0'].sort());
        expect(wholeIndex(lazy)).toEqual(expected);
        expect(await editorAnswers(lazy, 1)).toEqual(await editorAnswers(eager, 1));
    });

    test('tells which documents a change affects as Langium does', async () => {
        const { lazy, eager } = await buildBoth(LINKED_FILES);
        const uris = Object.keys(LINKED_FILES).map(uriOf);
        const subsets = [[], ...uris.map(uri => [uri]), uris];
        const affected = (workspace: Workspace) => currentDocuments(workspace).map(document =>
            subsets.map(changed => workspace.shared.workspace.IndexManager.isAffected(document, new Set(changed))));
        const expected = affected(eager);
        // b.adopt refers to a.adopt, and to no other document; nothing else refers across.
        expect(expected).toEqual([
            [false, false, false, false, false],
            [false, true, false, false, true],
            [false, false, false, false, false]
        ]);
        expect(affected(lazy)).toEqual(expected);
    });

    test('tells which documents a change affects from their current links, after one is linked again', async () => {
        /** For each document, whether a change of each subset of the files affects it: before and after c.adopt starts to refer to a.adopt. */
        async function beforeAndAfter(flavour: Flavour) {
            const workspace = await buildWorkspace(flavour, LINKED_FILES);
            const uris = Object.keys(LINKED_FILES).map(uriOf);
            const subsets = [[], ...uris.map(uri => [uri]), uris];
            const affected = () => currentDocuments(workspace).map(document =>
                subsets.map(changed => workspace.shared.workspace.IndexManager.isAffected(document, new Set(changed))));
            const before = affected();
            const text = `use "a.adopt"\n${LINKED_FILES['c.adopt'].replace('involves cy', 'involves cy, ana')}`;
            workspace.shared.workspace.TextDocuments.set(TextDocument.create(uriOf('c.adopt'), 'adopt', 2, text));
            await workspace.shared.workspace.DocumentBuilder.update([workspace.documents[2].uri], []);
            return { before, after: affected() };
        }
        const expected = await beforeAndAfter('eager');
        expect(expected.before[2]).toEqual([false, false, false, false, false]);
        expect(expected.after[2]).toEqual([false, true, false, false, true]);
        expect(await beforeAndAfter('lazy')).toEqual(expected);
    });

    describe('relinks as Langium does', () => {
        /** The documents linked again by an update, the index and diagnostics afterwards. */
        async function afterUpdate(flavour: Flavour, update: (workspace: Workspace) => Promise<void>) {
            const workspace = await buildWorkspace(flavour, LINKED_FILES);
            const relinked: string[] = [];
            workspace.shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Linked, document => {
                relinked.push(document.uri.toString());
            });
            await update(workspace);
            const diagnostics = currentDocuments(workspace).map(document => document.diagnostics?.map(d => d.message));
            return { relinked, index: wholeIndex(workspace), diagnostics };
        }

        const changeA = async (workspace: Workspace) => {
            const text = LINKED_FILES['a.adopt'].replace('channel shared "Shared"', 'channel unshared "Shared"');
            workspace.shared.workspace.TextDocuments.set(TextDocument.create(uriOf('a.adopt'), 'adopt', 2, text));
            await workspace.shared.workspace.DocumentBuilder.update([workspace.documents[0].uri], []);
        };
        const changeC = async (workspace: Workspace) => {
            const text = `${LINKED_FILES['c.adopt']}\n// edited`;
            workspace.shared.workspace.TextDocuments.set(TextDocument.create(uriOf('c.adopt'), 'adopt', 2, text));
            await workspace.shared.workspace.DocumentBuilder.update([workspace.documents[2].uri], []);
        };
        const deleteA = async (workspace: Workspace) => {
            workspace.shared.workspace.TextDocuments.delete(uriOf('a.adopt'));
            await workspace.shared.workspace.DocumentBuilder.update([], [workspace.documents[0].uri]);
        };

        test('after a change in a document another one refers to', async () => {
            const expected = await afterUpdate('eager', changeA);
            expect(expected.relinked).toEqual([uriOf('a.adopt'), uriOf('b.adopt')]);
            expect(await afterUpdate('lazy', changeA)).toEqual(expected);
        });

        test('after a change in a document no other one refers to', async () => {
            const expected = await afterUpdate('eager', changeC);
            expect(expected.relinked).toEqual([uriOf('c.adopt')]);
            expect(await afterUpdate('lazy', changeC)).toEqual(expected);
        });

        test('after a document another one refers to is deleted', async () => {
            const expected = await afterUpdate('eager', deleteA);
            expect(expected.relinked).toEqual([uriOf('b.adopt')]);
            expect(expected.index.every(target => !target.uri.endsWith('a.adopt'))).toBe(true);
            expect(await afterUpdate('lazy', deleteA)).toEqual(expected);
        });
    });

    test('holds after a cancelled build what Langium holds, and the rest once built again', async () => {
        /** Cancels the build once the first document's references are indexed: the second is linked, not indexed. */
        async function cancelledThenBuilt(flavour: Flavour) {
            const workspace = openWorkspace(flavour, LINKED_FILES);
            const builder = workspace.shared.workspace.DocumentBuilder;
            const source = new Cancellation.CancellationTokenSource();
            const listener = builder.onDocumentPhase(DocumentState.IndexedReferences, () => source.cancel());
            await expect(builder.build(workspace.documents, { validation: true }, source.token)).rejects.toBe(OperationCancelled);
            listener.dispose();
            const states = workspace.documents.map(document => document.state);
            const cancelled = wholeIndex(workspace);
            await builder.build(workspace.documents, { validation: true });
            return { states, cancelled, built: wholeIndex(workspace) };
        }
        const expected = await cancelledThenBuilt('eager');
        expect(expected.states).toEqual([DocumentState.IndexedReferences, DocumentState.Linked, DocumentState.Linked]);
        // b.adopt's references to a.adopt are not indexed yet, then they are.
        expect(referenceCount(expected.built)).toBeGreaterThan(referenceCount(expected.cancelled));
        expect(await cancelledThenBuilt('lazy')).toEqual(expected);
    });

    test('puts the references found in tree order without walking the tree', async () => {
        const { lazy } = await buildBoth(SINGLE_FILES['a generated plan']());
        const walks = vi.mocked(treeWalk.allReferences);
        walks.mockClear();
        expect(referenceCount(wholeIndex(lazy))).toBeGreaterThan(500);
        expect(walks).not.toHaveBeenCalled();
    });

    test('puts references resolved in another order back in tree order', async () => {
        const { lazy, eager } = await buildBoth(SINGLE_FILES['a workspace of several plans'](), BackwardsLinkingModule);
        const [document] = lazy.documents;
        const treeOrder = treeWalk.allReferences(document.parseResult.value).map(info => info.reference);
        expect(document.references).toEqual([...treeOrder].reverse());
        expect(wholeIndex(lazy)).toEqual(wholeIndex(eager));
    });

    test('sorts any references of a plan into tree order', async () => {
        const { lazy } = await buildBoth({ ...SINGLE_FILES['a generated plan'](), ...SINGLE_FILES['a plan with broken names']() });
        for (const document of lazy.documents) {
            const treeOrder = treeWalk.allReferences(document.parseResult.value);
            const kept = treeOrder.flatMap((_, i) => (i % 3 === 1 ? [] : [i]));
            const shuffled = [...kept].reverse();
            shuffled.push(...shuffled.splice(0, Math.floor(shuffled.length / 2)));
            const placed = placeAll(shuffled.map(i => treeOrder[i].reference)) ?? [];
            const position = new Map(treeOrder.map((info, i) => [info.reference, i]));
            expect(placed.map(({ reference }) => position.get(reference))).toEqual(kept);
            const misplaced = placed.filter(({ reference, container, property, index }) => {
                const info = treeOrder[position.get(reference) ?? -1];
                return info.container !== container || info.property !== property || info.index !== index;
            });
            expect(misplaced).toEqual([]);
        }
    });

    test('walks the tree for references its CST does not place in their container', async () => {
        const { lazy, eager } = await buildBoth(SINGLE_FILES['the SPEC example']());
        const expected = wholeIndex(eager);
        for (const workspace of [lazy, eager]) {
            // Each reference's name now claims to belong to the plan, which does not hold the reference.
            const [document] = workspace.documents;
            for (const reference of document.references) {
                const refNode = reference.$refNode;
                if (refNode) Object.defineProperty(reference, '$refNode', { value: Object.create(refNode, { astNode: { value: document.parseResult.value } }) });
            }
        }
        const walks = vi.mocked(treeWalk.allReferences);
        walks.mockClear();
        expect(wholeIndex(lazy)).toEqual(expected);
        expect(walks).toHaveBeenCalled();
    });

    test('keeps the descriptions of a language with its own reference description provider', async () => {
        const { lazy, eager } = await buildBoth(SINGLE_FILES['the SPEC example'](), NoStageReferencesModule);
        const expected = wholeIndex(eager);
        const stageTarget = expected.find(target => target.path === '/plan/stages@0');
        expect(stageTarget?.references).toEqual([]);
        expect(wholeIndex(lazy)).toEqual(expected);
    });
});

describe('retained memory', () => {
    const files = () => ({ 'generated.adopt': toAdopt(generatePlan({ projects: 200, seed: 3 })) });

    test('the index keeps nothing per reference, where Langium keeps a description each', async () => {
        const { lazy, eager } = await buildBoth(files());
        const references = referenceCount(wholeIndex(eager));
        expect(references).toBeGreaterThan(1000);
        expect(objectsHeldBy(eager)).toBeGreaterThan(references);
        expect(objectsHeldBy(lazy)).toBeLessThan(10);
    });

    test("the linker's list of references is dropped when the document is indexed", async () => {
        const { shared, documents: [document] } = openWorkspace('lazy', files());
        await shared.workspace.DocumentBuilder.build([document], { validation: false });
        const walks = vi.mocked(treeWalk.allReferences);
        walks.mockClear();
        // With the list still kept, the description provider would take it instead of walking the tree.
        const provider = shared.ServiceRegistry.getServices(document.uri).workspace.ReferenceDescriptionProvider;
        const descriptions = await provider.createDescriptions(document);
        expect(descriptions.length).toBeGreaterThan(1000);
        expect(walks).toHaveBeenCalledTimes(1);
    });

    test('an unbuilt document is not indexed, and a removed one no longer', async () => {
        const workspace = openWorkspace('lazy', LINKED_FILES);
        const index = workspace.shared.workspace.IndexManager;
        const [a, b] = workspace.documents;
        const shared = (a.parseResult.value as AdoptFile).shared!.channels[0];
        const referringFiles = () => index.findAllReferences(shared, '/shared/channels@0').map(r => r.sourceUri.toString()).distinct().toArray();
        await workspace.shared.workspace.DocumentBuilder.build([a], { validation: false });
        expect(referringFiles()).toEqual([]);
        await workspace.shared.workspace.DocumentBuilder.build([b], { validation: false });
        expect(referringFiles()).toEqual([uriOf('b.adopt')]);
        index.remove(b.uri);
        expect(referringFiles()).toEqual([]);
        expect(index.isAffected(b, new Set([uriOf('a.adopt')]))).toBe(false);
    });
});

/**
 * How many objects the index manager holds for its reference index: everything reachable from its
 * fields but the symbol index (exported names, the same in both), without entering documents and
 * syntax trees (they are the workspace's) or the services it was given.
 */
function objectsHeldBy(workspace: Workspace): number {
    const index = workspace.shared.workspace.IndexManager;
    const notOwn = new Set<unknown>([workspace.shared.workspace.LangiumDocuments, workspace.shared.ServiceRegistry, workspace.shared.AstReflection]);
    const symbolIndex = new Set(['symbolIndex', 'symbolByTypeIndex']);
    const isDocumentOrNode = (value: object) => ('parseResult' in value && 'uri' in value) || '$type' in value;
    const seen = new Set<object>();
    const pending: unknown[] = Object.entries(index).filter(([key]) => !symbolIndex.has(key)).map(([, value]) => value);
    while (pending.length > 0) {
        const value = pending.pop();
        if (typeof value !== 'object' || value === null || seen.has(value) || notOwn.has(value) || isDocumentOrNode(value)) continue;
        seen.add(value);
        if (value instanceof Map) {
            for (const [key, item] of value) pending.push(key, item);
        } else if (value instanceof Set || Array.isArray(value)) {
            pending.push(...value);
        } else {
            pending.push(...Object.values(value));
        }
    }
    return seen.size;
}
