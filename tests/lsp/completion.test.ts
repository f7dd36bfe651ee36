/**
 * Completion that knows the context: keywords where a statement starts, and at a reference only
 * the declarations of the right kind, described (role, score, title).
 */
import { describe, expect, test } from 'vitest';
import { expectCompletion, parseHelper } from 'langium/test';
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionList } from 'vscode-languageserver';
import { WELL_KNOWN_PLATFORMS } from '../../src/language/lsp/adopt-completion-provider.js';
import { SNIPPETS, snippetText } from '../../src/language/lsp/adopt-snippets.js';
import { createTestServices, example } from '../support/helpers.js';

const services = createTestServices();
const complete = expectCompletion(services);
const EXAMPLE = example('riverside-health.adopt');

/** The example with `<|>` put where `before` ends (first occurrence). */
function at(before: string, replacement = before): string {
    const index = EXAMPLE.indexOf(before);
    if (index < 0) throw new Error(`'${before}' not in the example`);
    return EXAMPLE.slice(0, index) + replacement + '<|>' + EXAMPLE.slice(index + before.length);
}

function labels(list: CompletionList): string[] {
    return list.items.map(item => item.label);
}

function item(list: CompletionList, label: string): CompletionItem | undefined {
    return list.items.find(entry => entry.label === label);
}

describe('completion at references', () => {
    test('members after involves, without the ones already listed, with role and training', async () => {
        await complete({
            text: at('involves ana, cho, ben', 'involves ana, '), index: 0,
            assert: list => {
                expect(labels(list)).toEqual(expect.arrayContaining(['ben', 'cho', 'dee']));
                expect(labels(list)).not.toContain('ana');
                expect(labels(list)).not.toContain('grandRounds');
                expect(item(list, 'cho')?.detail).toBe('early-adopter · trained · Research');
            }
        });
    });

    test('members after audience', async () => {
        await complete({ text: at('audience dee', 'audience '), index: 0, assert: list => expect(labels(list)).toEqual(['ana', 'ben', 'cho', 'dee']) });
    });

    test('initiatives after supports', async () => {
        await complete({
            text: at('supports grandRounds', 'supports '), index: 0,
            assert: list => {
                expect(labels(list)).toEqual(['grandRounds', 'patientEd']);
                expect(item(list, 'patientEd')?.detail).toBe('initiative: Patient education classes');
            }
        });
    });

    test('channels after uses and launch', async () => {
        await complete({ text: at('uses youtube', 'uses '), index: 0, assert: list => expect(labels(list)).toEqual(['youtube', 'facebook']) });
        await complete({
            text: at('launch youtube', 'launch '), index: 0,
            assert: list => expect(item(list, 'facebook')?.detail).toBe('channel on facebook: Facebook page')
        });
    });

    test('stages after after, but not the stage itself', async () => {
        await complete({ text: at('after rollout', 'after '), index: 0, assert: list => expect(labels(list)).toEqual(['initiation', 'rollout']) });
        await complete({ text: at('"Adoption and roll-out" after initiation', '"Adoption and roll-out" after '), index: 0, assert: list => expect(labels(list)).not.toContain('rollout') });
    });

    test('projects after from, with their score', async () => {
        await complete({
            text: at('from streamRounds', 'from '), index: 0,
            assert: list => {
                expect(labels(list)).toEqual(['streamRounds', 'hashtagContest']);
                expect(item(list, 'streamRounds')?.detail).toBe('project, score 88, quick win: Stream and archive grand rounds');
            }
        });
    });
});

describe('completion of keywords', () => {
    test('roles after role', async () => {
        await complete({
            text: at('role naysayer', 'role '), index: 0,
            assert: list => expect(labels(list)).toEqual(expect.arrayContaining(['executive', 'middle-manager', 'operational-manager', 'early-adopter', 'staff', 'naysayer']))
        });
    });

    test('levels after a trait, each saying what it is worth', async () => {
        await complete({
            text: at('asynchrony high', 'asynchrony '), index: 0,
            assert: list => {
                expect(labels(list)).toEqual(expect.arrayContaining(['low', 'medium', 'high']));
                expect(item(list, 'low')?.documentation).toEqual({ kind: 'markdown', value: expect.stringMatching(/worth 1\/3 of the weight/) });
            }
        });
    });

    test('statements of a project where one starts', async () => {
        await complete({
            text: at('      uses facebook\n', '      uses facebook\n      '), index: 0,
            assert: list => {
                expect(labels(list)).toEqual(expect.arrayContaining(['supports', 'involves', 'uses', 'asynchrony', 'geography', 'crowdsourcing', 'metric']));
                expect(JSON.stringify(item(list, 'crowdsourcing')?.documentation)).toMatch(/most powerful marker/);
            }
        });
    });

    test('statements of a plan where one starts', async () => {
        await complete({
            text: at('  initiative grandRounds', '  initiative grandRounds'.replace('initiative grandRounds', '')), index: 0,
            assert: list => expect(labels(list)).toEqual(expect.arrayContaining(['coalition', 'channel', 'initiative', 'stage']))
        });
    });
});

describe('only what may stand at the cursor', () => {
    const snippets = (list: CompletionList) => list.items.filter(entry => entry.kind === CompletionItemKind.Snippet).map(entry => entry.label);
    const keywords = (list: CompletionList) => list.items.filter(entry => entry.kind !== CompletionItemKind.Snippet).map(entry => entry.label);

    test('an empty file: the plan keyword and the plan skeleton', async () => {
        await complete({ text: '<|>', index: 0, assert: list => {
            expect(keywords(list)).toEqual(['plan']);
            expect(snippets(list)).toEqual(['plan']);
            const skeleton = list.items.find(entry => entry.kind === CompletionItemKind.Snippet)!;
            expect(skeleton.insertTextFormat).toBe(InsertTextFormat.Snippet);
            expect(skeleton.textEdit?.newText).toBe(snippetText(SNIPPETS.plan));
        } });
    });

    test("a plan's body: coalition, channel, initiative and stage, with their snippets", async () => {
        await complete({
            text: at('  initiative grandRounds', ''), index: 0,
            assert: list => expect(snippets(list).sort()).toEqual(['channel', 'coalition', 'initiative', 'stage'])
        });
    });

    test("a coalition: the member snippet only", async () => {
        await complete({ text: at('    member ben', '    '), index: 0, assert: list => expect(snippets(list)).toEqual(['member']) });
    });

    test("a stage's body: goal, project and story snippets, no plan, member or stage", async () => {
        await complete({ text: at('    launch youtube', '    '), index: 0, assert: list => expect(snippets(list).sort()).toEqual(['goal', 'project', 'story']) });
    });

    test("a project's body: its statements and the metric snippet, no plan, member, stage, goal or project", async () => {
        await complete({
            text: at('      uses facebook\n', '      uses facebook\n      '), index: 0,
            assert: list => {
                expect(snippets(list)).toEqual(['metric']);
                for (const absent of ['plan', 'member', 'stage', 'goal', 'project', 'coalition']) expect(keywords(list)).not.toContain(absent);
            }
        });
    });

    test('after involves: members only, no snippet and no keyword', async () => {
        await complete({
            text: at('involves ana, cho, ben', 'involves '), index: 0,
            assert: list => {
                expect(snippets(list)).toEqual([]);
                expect(labels(list)).toEqual(['ana', 'ben', 'cho', 'dee']);
                expect(list.items.filter(entry => entry.kind === CompletionItemKind.Keyword)).toEqual([]);
            }
        });
    });

    test('a name being declared, a title, a number: nothing to propose', async () => {
        for (const text of [at('member ben', 'member '), at('"Ben Hale"', '"Ben '), at('target 500', 'target ')]) {
            await complete({ text, index: 0, assert: list => expect(labels(list)).toEqual([]) });
        }
    });

    test('inside a comment: nothing', async () => {
        await complete({ text: at('// Riverside Health', '// River'), index: 0, assert: list => expect(labels(list)).toEqual([]) });
        await complete({ text: `/* a <|>note */\n${EXAMPLE}`, index: 0, assert: list => expect(labels(list)).toEqual([]) });
        await complete({ text: at('  initiative grandRounds', '  // a note '), index: 0, assert: list => expect(labels(list)).toEqual([]) });
    });

    test("after `on`: the plan's platforms first, then well-known ones; no roles, traits or levels", async () => {
        await complete({
            text: at('on facebook', 'on '), index: 0,
            assert: list => {
                expect(labels(list).slice(0, 1)).toEqual(['youtube']);
                expect(labels(list)).toEqual(expect.arrayContaining([...WELL_KNOWN_PLATFORMS]));
                for (const word of ['staff', 'naysayer', 'asynchrony', 'low', 'high']) expect(labels(list)).not.toContain(word);
                expect(item(list, 'youtube')?.detail).toBe('platform (used in this plan)');
            }
        });
    });

    test('every snippet, expanded with its defaults where its keyword may stand, parses', async () => {
        const before = (marker: string) => EXAMPLE.replace(marker, `<|>${marker}`);
        const places: Record<string, string> = {
            plan: '',
            coalition: before('  initiative grandRounds'),
            channel: before('  initiative grandRounds'),
            initiative: before('  initiative grandRounds'),
            stage: before('  initiative grandRounds'),
            member: before('    member ben'),
            goal: before('    launch youtube'),
            project: before('    launch youtube'),
            story: before('    launch youtube'),
            metric: before('      uses facebook\n')
        };
        expect(Object.keys(places).sort()).toEqual(Object.keys(SNIPPETS).sort());
        for (const [keyword, place] of Object.entries(places)) {
            const expanded = expandDefaults(snippetText(SNIPPETS[keyword])) + '\n';
            const text = keyword === 'plan' ? expanded : place.replace('<|>', expanded);
            const document = await parseHelper(services)(text);
            expect(document.parseResult.lexerErrors, keyword).toEqual([]);
            expect(document.parseResult.parserErrors, keyword).toEqual([]);
        }
    });

    test('a client without snippet support gets no snippets', async () => {
        const plain = createTestServices();
        (plain.lsp.CompletionProvider as unknown as { clientCapabilities: unknown }).clientCapabilities = { completionItem: { snippetSupport: false } };
        await expectCompletion(plain)({ text: '<|>', index: 0, assert: list => expect(list.items.map(entry => entry.kind)).toEqual([CompletionItemKind.Keyword]) });
    });
});

/** A snippet with every placeholder at its default and every choice at its first option. */
function expandDefaults(body: string): string {
    let text = body.replace(/\$0/g, '');
    for (let i = 0; i < 10; i++) {
        text = text
            .replace(/\$\{\d+\|([^,|}]*)[^}]*\|\}/g, '$1')
            .replace(/\$\{\d+:([^${}]*)\}/g, '$1')
            .replace(/\$\{\d+\}|\$\d+/g, 'x');
    }
    return text;
}
