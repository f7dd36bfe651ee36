/**
 * Completion that knows the context: keywords where a statement starts, and at a reference only
 * the declarations of the right kind, described (role, score, title).
 */
import { describe, expect, test } from 'vitest';
import { expectCompletion, parseHelper } from 'langium/test';
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionList } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { WELL_KNOWN_PLATFORMS } from '../../src/language/lsp/adopt-completion-provider.js';
import { SNIPPETS, snippetText } from '../../src/language/lsp/adopt-snippets.js';
import { createTestServices, example } from '../support/helpers.js';
import { HEALTHY_PLAN } from '../support/plan-fixtures.js';

/** The text as the formatter lays it out. */
async function formatted(text: string): Promise<string> {
    const document = await parseHelper(services)(text);
    const edits = await services.lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options: { tabSize: 2, insertSpaces: true } });
    return TextDocument.applyEdits(document.textDocument as TextDocument, edits);
}

const TODAY = '2027-03-01';
const services = createTestServices();
services.model.Today.set(TODAY);
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
                expect(labels(list)).toEqual(expect.arrayContaining(['supports', 'involves', 'uses', 'asynchrony', 'geography', 'crowdsourcing', 'metric', 'effort', 'action']));
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

    test('an empty file: the keywords a file starts with, and the plan skeleton', async () => {
        await complete({ text: '<|>', index: 0, assert: list => {
            expect(keywords(list)).toEqual(['use', 'plan', 'shared']);
            expect(snippets(list)).toEqual(['plan']);
            const skeleton = list.items.find(entry => entry.kind === CompletionItemKind.Snippet)!;
            expect(skeleton.insertTextFormat).toBe(InsertTextFormat.Snippet);
            expect(skeleton.textEdit?.newText).toBe(snippetText(SNIPPETS.plan, TODAY));
        } });
    });

    test("a plan's body: coalition, channel, initiative and stage, with their snippets (a stage with dates too)", async () => {
        await complete({
            text: at('  initiative grandRounds', ''), index: 0,
            assert: list => {
                expect(snippets(list).sort()).toEqual(['channel', 'coalition', 'dated stage', 'initiative', 'stage']);
                // Both stage snippets are found by typing the keyword.
                expect(list.items.filter(entry => entry.kind === CompletionItemKind.Snippet && entry.filterText === 'stage').map(entry => entry.label).sort()).toEqual(['dated stage', 'stage']);
            }
        });
    });

    test("a coalition: the member snippet only", async () => {
        await complete({ text: at('    member ben', '    '), index: 0, assert: list => expect(snippets(list)).toEqual(['member']) });
    });

    test("a stage's body: action, goal, project and story snippets, no plan, member or stage", async () => {
        await complete({ text: at('    launch youtube', '    '), index: 0, assert: list => expect(snippets(list).sort()).toEqual(['action', 'goal', 'project', 'story']) });
    });

    test("a project's body: its statements and the metric and action snippets, no plan, member, stage, goal or project", async () => {
        await complete({
            text: at('      uses facebook\n', '      uses facebook\n      '), index: 0,
            assert: list => {
                expect(snippets(list).sort()).toEqual(['action', 'metric']);
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
                for (const word of ['staff', 'naysayer', 'middle-manager', 'early-adopter', 'asynchrony', 'low', 'high']) expect(labels(list)).not.toContain(word);
                expect(item(list, 'youtube')?.detail).toBe('platform (used in this plan)');
            }
        });
    });

    test('every snippet, expanded with its defaults where its keyword may stand, parses and is laid out as the formatter lays it out', async () => {
        // A plan the formatter leaves as it is, and a place for each snippet in it.
        const host = HEALTHY_PLAN;
        expect(await formatted(host)).toBe(host);
        /** The plan with `<|>` at the start of the line of `marker`, after its indentation. */
        const before = (marker: string) => {
            const match = new RegExp(`\\n( *)${marker}`).exec(host);
            if (!match) throw new Error(`'${marker}' not in the plan`);
            return host.replace(`\n${match[1]}${marker}`, `\n${match[1]}<|>${marker}`);
        };
        const places: Record<string, string[]> = {
            plan: [''],
            coalition: [before('channel yt')],
            channel: [before('channel yt')],
            initiative: [before('channel yt')],
            stage: [before('stage show')],
            'dated stage': [before('stage show')],
            member: [before('member dee')],
            goal: [before('launch yt')],
            project: [before('launch yt')],
            story: [before('launch yt')],
            action: [before('launch yt'), before('uses yt')],
            metric: [before('uses yt')]
        };
        expect(Object.keys(places).sort()).toEqual(Object.keys(SNIPPETS).sort());
        for (const [name, texts] of Object.entries(places)) {
            for (const place of texts) {
                // The editor indents the snippet's lines like the line it is inserted on.
                const indent = /( *)<\|>/.exec(place)?.[1] ?? '';
                const lines = expandDefaults(snippetText(SNIPPETS[name], TODAY)).split('\n');
                const expanded = lines.map((line, i) => (i === 0 || line === '' ? line : indent + line)).join('\n') + '\n' + indent;
                const text = name === 'plan' ? expanded.trimEnd() + '\n' : place.replace('<|>', expanded);
                const document = await parseHelper(services)(text);
                expect(document.parseResult.lexerErrors, name).toEqual([]);
                expect(document.parseResult.parserErrors, name).toEqual([]);
                // Only the empty line where the cursor lands in an empty block ($0) goes.
                expect(await formatted(text), name).toBe(text.replace(/\{\n[ \t]*\n([ \t]*\})/g, '{\n$1').replace(/[ \t]+\n/g, '\n'));
            }
        }
    });

    test('the dates of a snippet are today and 90 days later', () => {
        expect(snippetText(SNIPPETS['dated stage'], TODAY)).toContain('from ${4:2027-03-01} to ${5:2027-05-30} {');
        expect(snippetText(SNIPPETS.action, '2027-12-31')).toContain('due ${4:2027-12-31} ${5|todo,doing,done,blocked|}');
    });

    test('a client without snippet support gets no snippets', async () => {
        const plain = createTestServices();
        (plain.lsp.CompletionProvider as unknown as { clientCapabilities: unknown }).clientCapabilities = { completionItem: { snippetSupport: false } };
        await expectCompletion(plain)({ text: '<|>', index: 0, assert: list => expect(list.items.map(entry => entry.kind)).toEqual([CompletionItemKind.Keyword, CompletionItemKind.Keyword, CompletionItemKind.Keyword]) });
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

describe('completion of the living plan (SPEC section 7)', () => {
    const PLAN = 'plan P "P" {\n  coalition { member ana "Ana" role staff }\n  stage s "S" X {\n    Y\n  }\n}';
    const stageWith = (header: string, body = '') => PLAN.replace('X', header).replace('Y', body);

    test("today's date where a date stands: after due, from and to", async () => {
        for (const text of [stageWith('', 'action a "A" due <|>'), stageWith('from <|>'), stageWith('from 2027-01-01 to <|>'), stageWith('to <|>')]) {
            await complete({
                text, index: 0,
                assert: list => {
                    expect(labels(list)).toEqual([TODAY]);
                    expect(item(list, TODAY)?.detail).toBe('today, 1 March 2027');
                }
            });
        }
    });

    test("after an action's title: owner, due and the statuses, each saying what it is", async () => {
        await complete({
            text: stageWith('', 'action a "A" <|>'), index: 0,
            assert: list => {
                expect(labels(list)).toEqual(expect.arrayContaining(['owner', 'due', 'todo', 'doing', 'done', 'blocked']));
                expect(JSON.stringify(item(list, 'blocked')?.documentation)).toMatch(/cannot go on until something else happens/);
                expect(JSON.stringify(item(list, 'owner')?.documentation)).toMatch(/the coalition member who sees the action through/);
            }
        });
        await complete({
            text: stageWith('', 'action a "A" owner ana due 2027-01-01 <|>'), index: 0,
            assert: list => {
                expect(labels(list)).toEqual(expect.arrayContaining(['todo', 'doing', 'done', 'blocked']));
                expect(labels(list)).not.toContain('owner');
                expect(labels(list)).not.toContain('due');
            }
        });
    });

    test('members after owner', async () => {
        await complete({ text: stageWith('', 'action a "A" owner <|>'), index: 0, assert: list => expect(labels(list)).toEqual(['ana']) });
    });

    test("effort levels say how much work, not how much of an opportunity; actual follows a target", async () => {
        await complete({
            text: stageWith('', 'project p "P" { effort <|> }'), index: 0,
            assert: list => {
                expect(labels(list)).toEqual(['low', 'medium', 'high']);
                expect(item(list, 'high')?.documentation).toEqual({ kind: 'markdown', value: 'high: much work; with a low score, a time sink' });
            }
        });
        await complete({ text: stageWith('', 'project p "P" { metric m "M" target 5 <|> }'), index: 0, assert: list => expect(labels(list)).toContain('actual') });
    });

    test("a stage's window words after its title, in their order", async () => {
        await complete({ text: stageWith('<|>'), index: 0, assert: list => expect(labels(list)).toEqual(expect.arrayContaining(['after', 'from', 'to'])) });
        await complete({ text: stageWith('from 2027-01-01 <|>'), index: 0, assert: list => expect(labels(list)).toEqual(['to']) });
    });
});
