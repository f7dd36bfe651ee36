/**
 * Completion that knows the context: keywords where a statement starts, and at a reference only
 * the declarations of the right kind, described (role, score, title).
 */
import { describe, expect, test } from 'vitest';
import { expectCompletion } from 'langium/test';
import type { CompletionItem, CompletionList } from 'vscode-languageserver';
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
