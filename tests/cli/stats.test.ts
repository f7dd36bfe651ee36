/**
 * `adopt check --stats`: after the diagnostics, how long each phase took (parse, link, score,
 * validate) and which parser built each file, plan or shared file: `parser: fast` (the fast
 * parser, which recovers from syntax errors too); `parser: langium` only for a grammar the fast
 * parser does not take.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { createAdoptServices } from '../../src/language/adopt-module.js';
import { grammarKeywords, namePattern } from '../../src/language/model/grammar-words.js';
import { planNamingEverything } from '../support/plan-fixtures.js';
import { EXAMPLE, PLAN_WITH_ERROR, TempFiles, cli } from './cli-fixtures.js';

const files = new TempFiles();
afterAll(() => files.dispose());

/** The stats blocks of an output: per plan, its phases' milliseconds and its parser. */
function statsOf(out: string): Array<{ path: string; phases: Record<string, number>; parser: string }> {
    const blocks = out.split(/^stats for /m).slice(1);
    return blocks.map(block => {
        const [path, ...lines] = block.trimEnd().split('\n');
        const phases: Record<string, number> = {};
        let parser = '';
        for (const line of lines) {
            const phase = /^(parse|link|score|validate): (\d+\.\d) ms$/.exec(line);
            if (phase) phases[phase[1]] = Number(phase[2]);
            else if (line.startsWith('parser: ')) parser = line.slice('parser: '.length);
            else throw new Error(`unexpected stats line: ${line}`);
        }
        return { path, phases, parser };
    });
}

describe('adopt check --stats', () => {
    test('prints the time of each phase and parser: fast after the diagnostics of a valid plan', async () => {
        const { code, out } = await cli('check', '--stats', EXAMPLE);
        expect(code).toBe(0);
        const statsAt = out.indexOf('stats for ');
        // Every diagnostic line comes before the stats.
        expect(out.slice(0, statsAt).trim().split('\n').every(line => line.startsWith(EXAMPLE))).toBe(true);
        expect(out.slice(statsAt)).toMatch(/\nparser: fast\n$/);
        const [stats] = statsOf(out);
        expect(stats.path).toBe(EXAMPLE);
        expect(Object.keys(stats.phases)).toEqual(['parse', 'link', 'score', 'validate']);
        expect(stats.parser).toBe('fast');
    });

    test.each([
        ['a plan', 'broken.adopt', 'plan Broken "Broken" {\n  stage s "S" {\n    project p "P" {\n  }\n'],
        ['a shared file', 'broken-shared.adopt', 'shared Broken "Broken" {\n  coalition {\n    member ana "Ana" role\n']
    ])('says parser: fast for %s with a syntax error too (the fast parser recovers), and keeps exit 1', async (_what, name, text) => {
        const broken = files.write(name, text);
        const { code, out } = await cli('check', '--stats', broken);
        expect(code).toBe(1);
        expect(out).toContain('syntax-error');
        expect(statsOf(out).map(stats => stats.parser)).toEqual(['fast']);
    });

    test('gives one block per plan, in the order given, with each plan diagnosed as without --stats', async () => {
        const withError = files.write('with-error.adopt', PLAN_WITH_ERROR);
        const plain = await cli('check', EXAMPLE, withError);
        const stats = await cli('check', '--stats', EXAMPLE, withError);
        expect(stats.code).toBe(plain.code);
        expect(stats.out.slice(0, stats.out.indexOf('stats for '))).toBe(plain.out);
        expect(statsOf(stats.out).map(block => [block.path, block.parser])).toEqual([[EXAMPLE, 'fast'], [withError, 'fast']]);
    });

    test('checks plans that name everything with a word of the language, each with the fast parser and without syntax errors', async () => {
        const grammar = createAdoptServices().Adopt.Grammar;
        const pattern = namePattern(grammar);
        const words = [...grammarKeywords(grammar)].filter(word => pattern.test(word));
        expect(words).toEqual(expect.arrayContaining(['medium', 'low', 'high', 'staff', 'trained', 'geography', 'story', 'unit', 'on', 'role']));
        const paths = words.map(word => files.write(`named-${word}.adopt`, planNamingEverything(word)));
        const { out } = await cli('check', '--stats', ...paths);
        expect(out).not.toMatch(/syntax-error|unresolved-reference/);
        expect(statsOf(out).map(block => [block.path, block.parser])).toEqual(paths.map(path => [path, 'fast']));
    });

    test('says parser: fast for a shared file and for the plan that uses it, given in either order, each diagnosed as without --stats', async () => {
        const shared = files.write('network/people.adopt', 'shared People "People" {\n  coalition {\n    member ana "Ana" role middle-manager trained\n    member ben "Ben" role operational-manager trained\n  }\n}\n');
        const plan = files.write('uses-people.adopt', 'use "network/people.adopt"\n\nplan P "P" {\n  stage s "S" {\n    project p "P" { involves ana, ben }\n  }\n}\n');
        for (const order of [[plan, shared], [shared, plan]]) {
            const plain = await cli('check', ...order);
            const stats = await cli('check', '--stats', ...order);
            expect(stats.err).toBe('');
            expect(stats.code).toBe(plain.code);
            expect(stats.out.slice(0, stats.out.indexOf('stats for '))).toBe(plain.out);
            // The plan's members resolve in the shared file, whichever was given first.
            expect(stats.out).not.toContain('unresolved-reference');
            expect(statsOf(stats.out).map(block => [block.path, block.parser])).toEqual(order.map(path => [path, 'fast']));
        }
    });

    test('without --stats prints no stats', async () => {
        const { out } = await cli('check', EXAMPLE);
        expect(out).not.toContain('stats for ');
        expect(out).not.toContain('parser:');
    });
});
