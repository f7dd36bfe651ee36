/**
 * The validation of the fast build keeps the diagnostics of the declarations an edit cannot have
 * changed (src/language/fast-build/kept-diagnostics.ts, the table CHECKS_READ of
 * src/language/validation/adopt-validator.ts). On random sequences of edits (seeded), made as an
 * editor makes them (one range change to the open document, then Langium's builder), every
 * version's diagnostics equal those of a full validation of the same text in a new build. The
 * linker keeps the links of the references an edit cannot have changed (fast-build/linking.ts):
 * every reference of every version links to what it links to in the new build. The quick-win
 * analysis keeps the other projects' (fast-build/kept-analysis.ts): every version ranks as the
 * new build does.
 */
import fc from 'fast-check';
import { describe, expect, test, vi } from 'vitest';
import { URI, type AstNode, type Cancellation, type LangiumDocument, type Reference } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createAdoptServices, type AdoptServices } from '../../../src/language/adopt-module.js';
import type { FastBuildParser } from '../../../src/language/fast-build/fast-build-parser.js';
import type { FastDocumentValidator } from '../../../src/language/fast-build/fast-validation.js';
import type { FastLinker } from '../../../src/language/fast-build/linking.js';
import type { FastQuickWinService } from '../../../src/language/fast-build/kept-analysis.js';
import { allReferences } from '../../../src/language/fast-build/tree-walk.js';
import type { AdoptFile } from '../../../src/language/generated/ast.js';
import { generatePlan, toAdopt } from '../../../bench/generate-plan.js';

const updating = createAdoptServices();
const fresh = createAdoptServices();
const validator = updating.Adopt.validation.DocumentValidator as FastDocumentValidator;
const linker = updating.Adopt.references.Linker as FastLinker;
const quickWins = updating.Adopt.score.QuickWins as FastQuickWinService;
const parser = updating.Adopt.parser.LangiumParser as FastBuildParser;

/**
 * A generated plan with what the generator leaves out: a stage window, actions in projects (owned
 * or not, due in and out of the window, some overdue, some done).
 */
function planWithActions(): string {
    let n = 0;
    const statuses = ['', ' done', ' doing', ' blocked', ''];
    return toAdopt(generatePlan({ projects: 40, seed: 31 }))
        .replace(/^(\s*stage \S+ "[^"]*") \{/m, '$1 from 2026-02-01 to 2026-09-30 {')
        .replace(/^(\s*)(asynchrony (?:low|medium|high))$/gm, (_all, indent: string, trait: string) => {
            n++;
            if (n % 2) return `${indent}${trait}`;
            const owner = n % 3 ? ` owner m${n % 7 + 1}` : '';
            return `${indent}${trait}\n${indent}action act${n} "Follow up ${n}"${owner} due 2026-0${n % 9 + 1}-15${statuses[n % statuses.length]}`;
        });
}

const PLAN = planWithActions();

/** One edit: the range of the old text it replaces and the new text, found in the text by a seeded choice. */
interface RangeEdit { start: number; end: number; text: string }

type EditMaker = (text: string, pick: number) => RangeEdit | undefined;

/** An edit at the `pick`-th match of `pattern` (modulo their number): group 1 (its last occurrence in the match) is replaced by `to(group 1)`. */
function at(pattern: RegExp, to: (found: string, pick: number) => string): EditMaker {
    return (text, pick) => {
        const matches = [...text.matchAll(new RegExp(pattern.source, 'gm'))];
        if (matches.length === 0) return undefined;
        const match = matches[pick % matches.length];
        // An optional group that matched nothing: the edit inserts at the end of the match.
        const found = match[1] ?? '';
        const start = match[1] === undefined ? match.index + match[0].length : match.index + match[0].lastIndexOf(found);
        return { start, end: start + found.length, text: to(found, pick) };
    };
}

const LEVELS = ['low', 'medium', 'high'];
const EDITS: Record<string, EditMaker> = {
    // Inside a project: its own checks only.
    level: at(/^\s*(?:asynchrony|geography|crowdsourcing) (low|medium|high)$/, (level, pick) => LEVELS[(LEVELS.indexOf(level) + 1 + pick % 2) % 3]),
    involves: at(/^\s*involves ([^\n]*)$/, (list, pick) => pick % 3 === 0 ? list.split(', ')[0] : pick % 3 === 1 ? `${list}, m${pick % 40 + 1}` : `${list}, nobody${pick}`),
    supports: at(/^\s*supports (\S+)$/, (name, pick) => pick % 2 ? `ini${pick % 30 + 1}` : `${name}x`),
    target: at(/^\s*metric \S+ "[^"]*"( target \d+%?)$/, (_target, pick) => pick % 2 ? '' : ` target ${pick}`),
    due: at(/^\s*action \S+ "[^"]*"(?: owner \S+)? due (\d{4}-\d{2}-\d{2})/, (_due, pick) => `2026-${String(pick % 12 + 1).padStart(2, '0')}-0${pick % 9 + 1}`),
    owner: at(/^\s*action \S+ "[^"]*"( owner \S+)?/, (owner, pick) => (owner ? '' : ` owner m${pick % 9 + 1}`)),
    status: at(/^\s*action [^\n]*due \d{4}-\d{2}-\d{2}((?: done| doing| blocked)?)$/, found => (found ? '' : ' done')),
    // Lines added inside a project: what follows moves down.
    lines: at(/^(\s*crowdsourcing (?:low|medium|high))$/, (line, pick) => `${line}\n      // a note\n      action added${pick} "Added ${pick}" due 2026-03-0${pick % 9 + 1}`),
    projectName: at(/^\s*project (\S+) "/, (name, pick) => (pick % 2 ? `${name}z` : `p${pick % 40 + 1}`)),
    // Outside projects: what every project reads, or a stage's header and contents.
    trained: at(/^\s*member \S+ "[^"]*" role \S+ unit "[^"]*"((?: trained)?)$/, found => (found ? '' : ' trained')),
    role: at(/^\s*member \S+ "[^"]*" role (\S+)/, (role, pick) => (role === 'naysayer' ? 'staff' : pick % 2 ? 'naysayer' : 'executive')),
    initiative: at(/^\s*initiative (\S+) "/, name => `${name}y`),
    window: at(/^\s*stage \S+ "[^"]*"( from \d{4}-\d{2}-\d{2})?/, (from, pick) => (from ? '' : ` from 2026-0${pick % 9 + 1}-01`)),
    storyFrom: at(/^\s*story \S+ "[^"]*" from (\S+)/, (_project, pick) => `p${pick % 40 + 1}`),
    // What the plan-wide rules read (PLAN_RULES_READ): the channels a project uses, a stage's launches, an action's name (plan-wide).
    uses: at(/^\s*uses ([^\n]*)$/, (list, pick) => (pick % 3 === 0 ? 'linkedin' : pick % 3 === 1 ? `${list}, youtube` : list.split(', ')[0])),
    launch: at(/^\s*launch ([^\n]*)$/, (list, pick) => (pick % 2 ? list.split(', ')[0] : `${list}, wiki`)),
    actionName: at(/^\s*action (\S+) "/, (name, pick) => (pick % 2 ? `${name}w` : `act${(pick % 9) * 2 + 2}`)),
    metricInGoal: at(/^\s*goal \S+ "[^"]*" \{\s*metric \S+ "[^"]*"( target \d+%?)/, () => ''),
    // Text that does not parse: the next edit starts from the last text that did.
    broken: at(/^\s*project \S+ "[^"]*" (\{)/, () => '{ {')
};

const uri = URI.parse('file:///incremental-validation/plan.adopt');

/** The diagnostics of a full validation of `text`, in a new build. */
async function fullValidation(text: string): Promise<Diagnostic[]> {
    return (await fullBuild(text)).diagnostics;
}

/** The diagnostics, the links and the ranking of a full build of `text`, in a new build. */
async function fullBuild(text: string): Promise<{ diagnostics: Diagnostic[]; links: string[]; ranking: string[] }> {
    const document = fresh.shared.workspace.LangiumDocumentFactory.fromString<AdoptFile>(text, uri);
    fresh.shared.workspace.LangiumDocuments.addDocument(document);
    try {
        await fresh.shared.workspace.DocumentBuilder.build([document], { validation: true });
        return { diagnostics: document.diagnostics ?? [], links: linksOf(fresh, document), ranking: rankingOf(fresh, document) };
    } finally {
        await fresh.shared.workspace.DocumentBuilder.update([], [uri]);
    }
}

/** The quick-win analysis of a document's plan: every project by rank, with its score, facts and what it misses. */
function rankingOf(services: { Adopt: AdoptServices }, document: LangiumDocument<AdoptFile>): string[] {
    const plan = document.parseResult.value.plan;
    if (!plan) return [];
    return services.Adopt.score.QuickWins.analyze(plan).ranked.map(entry =>
        `${entry.rank} ${entry.project.name} ${entry.stage.name} #${entry.declarationIndex} ${entry.score} ${entry.quickWin} ${JSON.stringify(entry.facts)} ${entry.missing.join('; ')} ${entry.involvedWilling.map(member => member.name).join(',')} ${entry.effort ?? '-'}`);
}

/**
 * Every reference of a document, in walk order: where it is, the name it gives, and the path of
 * what it links to, by the node and by the description the linker kept (or its error).
 */
function linksOf(services: { Adopt: AdoptServices }, document: LangiumDocument): string[] {
    const locator = services.Adopt.workspace.AstNodeLocator;
    const root = document.parseResult.value;
    return allReferences(root).map(({ reference, container, property }) => {
        const ref = reference as Reference;
        // A node of another tree (an old one) has a path too: it must be the node at that path.
        const inTree = (node: AstNode) => locator.getAstNode(root, locator.getAstNodePath(node)) === node ? '' : ' not in the tree';
        const target = ref.ref ? `${locator.getAstNodePath(ref.ref)}${inTree(ref.ref)}` : `error ${ref.error?.message ?? ''}`;
        return `${locator.getAstNodePath(container)}.${property} ${ref.$refText} -> ${target} (${ref.$nodeDescription?.path ?? '-'})`;
    });
}

/** Opens PLAN in `services` as an editor does; returns the document and a function that applies one range edit and rebuilds. */
async function openInEditor(services: { shared: AdoptServices['shared'] }, text: string) {
    const documents = services.shared.workspace.TextDocuments!;
    let textDocument = TextDocument.create(uri.toString(), 'adopt', 1, text);
    documents.set(textDocument);
    const document = services.shared.workspace.LangiumDocumentFactory.fromTextDocument<AdoptFile>(textDocument, uri);
    services.shared.workspace.LangiumDocuments.addDocument(document);
    await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
    const apply = async (edit: RangeEdit, cancelToken?: Cancellation.CancellationToken): Promise<string> => {
        const range = { start: textDocument.positionAt(edit.start), end: textDocument.positionAt(edit.end) };
        textDocument = TextDocument.update(textDocument, [{ range, text: edit.text }], textDocument.version + 1);
        documents.set(textDocument);
        await services.shared.workspace.DocumentBuilder.update([uri], [], cancelToken);
        return textDocument.getText();
    };
    const close = async () => {
        await services.shared.workspace.DocumentBuilder.update([], [uri]);
        documents.delete(uri.toString());
    };
    return { document: document as LangiumDocument<AdoptFile>, apply, close };
}

describe('the fast build keeps the diagnostics of what an edit cannot have changed', () => {
    test('random edit sequences (seeded): each version\'s diagnostics equal a full validation\'s, and most declarations keep theirs', async () => {
        const names = Object.keys(EDITS);
        const sequences = fc.sample(fc.array(fc.tuple(fc.constantFrom(...names), fc.nat(1000)), { minLength: 12, maxLength: 12 }), { numRuns: 4, seed: 20261207 });
        const kinds = new Set<string>();
        const keptLinks = new Set<string>();
        const keptAnalyses = new Set<string>();
        let keptInAll = 0;
        for (const steps of sequences) {
            const editor = await openInEditor(updating, PLAN);
            let valid = PLAN;
            try {
                for (const [name, pick] of steps) {
                    const edit = EDITS[name](valid, pick);
                    if (!edit) continue;
                    const before = kept();
                    const incremental = totalIncremental();
                    const text = await editor.apply(edit);
                    const full = await fullBuild(text);
                    expect(editor.document.diagnostics, `${name} #${pick}`).toEqual(full.diagnostics);
                    expect(linksOf(updating, editor.document), `${name} #${pick}`).toEqual(full.links);
                    expect(rankingOf(updating, editor.document), `${name} #${pick}`).toEqual(full.ranking);
                    if (linker.counts.kept > 0) keptLinks.add(name);
                    if (quickWins.counts.kept > 0) keptAnalyses.add(name);
                    if (totalIncremental() > incremental && kept() > before) kinds.add(name);
                    keptInAll += kept() - before;
                    if (name === 'broken') {
                        // Undone, as an editor's undo sends it: the whole text back.
                        const undone = await editor.apply({ start: 0, end: text.length, text: valid });
                        expect(editor.document.diagnostics).toEqual(await fullValidation(undone));
                    } else {
                        valid = text;
                    }
                }
            } finally {
                await editor.close();
            }
        }
        // Edits inside projects kept the others' diagnostics; the edits were re-parsed alone.
        expect(keptInAll).toBeGreaterThan(100);
        expect([...kinds].filter(kind => ['level', 'involves', 'supports', 'target', 'due', 'owner', 'status', 'lines', 'projectName'].includes(kind)).length).toBeGreaterThan(4);
        // Edits that declare no name anew kept the other references' links.
        expect([...keptLinks].filter(kind => ['level', 'involves', 'supports', 'target', 'due', 'owner', 'status', 'lines'].includes(kind)).length).toBeGreaterThan(3);
        // And the other projects' quick-win analyses.
        expect([...keptAnalyses].filter(kind => ['level', 'involves', 'supports', 'target', 'due', 'owner', 'status', 'lines', 'projectName'].includes(kind)).length).toBeGreaterThan(3);
    });

    test('an edit of what every project reads (a member\'s role) checks every project again; a trait level, that project alone', async () => {
        const editor = await openInEditor(updating, PLAN);
        try {
            const projects = (PLAN.match(/^\s*project /gm) ?? []).length;
            const incremental = totalIncremental();
            let before = kept('Project');
            let text = await editor.apply(EDITS.role(PLAN, 3)!);
            expect(totalIncremental()).toBe(incremental + 1);
            expect(kept('Project') - before).toBe(0);
            expect(editor.document.diagnostics).toEqual(await fullValidation(text));
            before = kept('Project');
            text = await editor.apply(EDITS.level(text, 5)!);
            expect(totalIncremental()).toBe(incremental + 2);
            expect(editor.document.diagnostics).toEqual(await fullValidation(text));
            expect(kept('Project') - before).toBe(projects - 1);
            // Each taken whole, without a visit to the nodes it holds (so are the goals and the stages' actions).
            expect(validator.counts.keptWhole).toBeGreaterThanOrEqual(projects - 1);
            // The entries kept for the next version are those of this one: none left behind by the nodes edits replaced.
            const entries = validator.counts.entries;
            for (let pick = 0; pick < 12; pick++) text = await editor.apply((pick % 2 ? EDITS.level : EDITS.target)(text, pick)!);
            expect(editor.document.diagnostics).toEqual(await fullValidation(text));
            expect(validator.counts.entries).toBe(entries);
            // An edit that adds lines moves what follows: those projects are visited, their diagnostics moved.
            text = await editor.apply(EDITS.lines(text, 1)!);
            expect(editor.document.diagnostics).toEqual(await fullValidation(text));
            expect(validator.counts.keptWhole).toBeGreaterThan(0);
            expect(validator.counts.keptWhole).toBeLessThan(projects - 1);
        } finally {
            await editor.close();
        }
    });

    test('a trait level keeps the plan-wide rules that do not read traits; a channel used or launched runs channel-not-launched again, a name duplicate-name, a project\'s name both', async () => {
        const editor = await openInEditor(updating, PLAN);
        try {
            let text = await editor.apply(EDITS.level(PLAN, 5)!);
            expect(editor.document.diagnostics).toEqual(await fullValidation(text));
            // duplicate-name and channel-not-launched
            expect(validator.counts.keptRules).toBe(2);
            for (const [name, pick, keptRules] of [['uses', 1, 1], ['launch', 2, 1], ['projectName', 3, 0], ['actionName', 5, 1]] as const) {
                text = await editor.apply(EDITS[name](text, pick)!);
                expect(editor.document.diagnostics, name).toEqual(await fullValidation(text));
                expect(validator.counts.keptRules, name).toBe(keptRules);
            }
            text = await editor.apply(EDITS.level(text, 7)!);
            expect(validator.counts.keptRules).toBe(2);
        } finally {
            await editor.close();
        }
    });

    test('an edit whose linking is cut short, then another edit of the same project: every reference links as in a new build', async () => {
        // A plan whose references are many more than one run of the linker between two checks
        // for cancellation, with stories (at its end) told from its projects.
        const text = toAdopt(generatePlan({ projects: 400, seed: 5 }));
        const told = /^\s*story \S+ "[^"]*" from (\S+)/m.exec(text)![1];
        const projectAt = text.search(new RegExp(`^\\s*project ${told} "`, 'm'));
        const insideAt = text.indexOf('{', projectAt) + 1;
        const editor = await openInEditor(updating, text);
        const link = linker.link.bind(linker);
        // An edit whose build is cancelled in its linking, at its third check for cancellation (after 1,024 references).
        const appliedCutShort = async (at: number, text: string) => {
            let linking = false;
            let checks = 0;
            const spy = vi.spyOn(linker, 'link').mockImplementationOnce(async (document, token) => {
                linking = true;
                try {
                    return await link(document, token);
                } finally {
                    linking = false;
                }
            });
            const cutShort = { get isCancellationRequested() { return linking && ++checks > 2; }, onCancellationRequested: () => ({ dispose: () => undefined }) };
            try {
                await expect(editor.apply({ start: at, end: at, text }, cutShort)).rejects.toThrow();
            } finally {
                spy.mockRestore();
            }
        };
        try {
            await appliedCutShort(insideAt, '\n      // first');
            const edited = await editor.apply({ start: insideAt, end: insideAt, text: '\n      // second' });
            const full = await fullBuild(edited);
            expect(linksOf(updating, editor.document)).toEqual(full.links);
            expect(editor.document.diagnostics).toEqual(full.diagnostics);
            expect(linker.counts.kept).toBeGreaterThan(0);
            // Cut short again, then an edit that declares a name anew: every link is reset from
            // the document's list, so the kept links the cut run did not reach must be on it too.
            const thirdAt = edited.indexOf('{', edited.search(new RegExp(`^\\s*project ${told} "`, 'm'))) + 1;
            await appliedCutShort(thirdAt, '\n      // third');
            // Another project a story is told from (the stories come last: their links were not reached).
            const third = editor.document.textDocument.getText();
            const other = [...third.matchAll(/^\s*story \S+ "[^"]*" from (\S+)/gm)].map(match => match[1]).find(name => name !== told)!;
            const projectLine = third.search(new RegExp(`^\\s*project ${other} "`, 'm'));
            const nameAt = projectLine + third.slice(projectLine).indexOf(other);
            const renamed = await editor.apply({ start: nameAt, end: nameAt + other.length, text: `${other}x` });
            const renamedFull = await fullBuild(renamed);
            expect(linker.counts.kept).toBe(0);
            expect(linksOf(updating, editor.document)).toEqual(renamedFull.links);
            expect(editor.document.diagnostics).toEqual(renamedFull.diagnostics);
        } finally {
            await editor.close();
        }
    });

    test('a file that uses others is checked in full after an edit (its diagnostics also follow the used files)', async () => {
        const text = `use "network/people.adopt"\n${PLAN}`;
        const editor = await openInEditor(updating, text);
        try {
            const incremental = totalIncremental();
            const before = kept();
            const edited = await editor.apply(EDITS.level(text, 5)!);
            expect(totalIncremental()).toBe(incremental + 1);
            expect(kept() - before).toBe(0);
            expect(editor.document.diagnostics).toEqual(await fullValidation(edited));
        } finally {
            await editor.close();
        }
    });

    test('a new day checks the actions again: an action due yesterday becomes overdue', async () => {
        const today = updating.Adopt.model.Today;
        const freshToday = fresh.Adopt.model.Today;
        const dayBefore = today.current;
        try {
            today.set('2026-05-01');
            freshToday.set('2026-05-01');
            const editor = await openInEditor(updating, PLAN);
            try {
                const overdue = (document: { diagnostics?: Diagnostic[] }) => (document.diagnostics ?? []).filter(d => d.code === 'overdue-action').length;
                const early = overdue(editor.document);
                today.set('2026-09-01');
                freshToday.set('2026-09-01');
                const text = await editor.apply(EDITS.level(PLAN, 1)!);
                expect(editor.document.diagnostics).toEqual(await fullValidation(text));
                expect(overdue(editor.document)).toBeGreaterThan(early);
            } finally {
                await editor.close();
            }
        } finally {
            today.set(dayBefore);
            freshToday.set(dayBefore);
        }
    });
});

/** How many nodes (of a type, or of all) kept their diagnostics so far. */
function kept(type?: string): number {
    return type ? validator.counts.kept[type] ?? 0 : Object.values(validator.counts.kept).reduce((a, b) => a + b, 0);
}

function totalIncremental(): number {
    return Object.values(parser.counts.incremental).reduce((a, b) => a + b, 0);
}
