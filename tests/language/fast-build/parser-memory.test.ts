/**
 * What a parse keeps (src/language/fast-build/fast-build-parser.ts, fast-parser.ts): the parser
 * holds nothing of a document once it is parsed (Langium leaves the last token vector in the
 * parser, about 2 KB a project of a large plan, BENCHMARKS.md), and the fast parser's trees keep
 * their lists at their exact length and each name referred to once.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import { createAdoptServices } from '../../../src/language/adopt-module.js';
import type { FastBuildParser } from '../../../src/language/fast-build/fast-build-parser.js';
import { createTestServices, example, parser as parserOf } from '../../support/helpers.js';

const parser = createAdoptServices().Adopt.parser.LangiumParser as FastBuildParser;

test('after a parse, the parser holds no tokens of the document', async () => {
    const services = createTestServices();
    await parserOf(services)(example('riverside-health.adopt'));
    const wrapper = (services.parser.LangiumParser as unknown as { wrapper: { input: unknown[] } }).wrapper;
    expect(wrapper.input).toEqual([]);
});

let gcFunction: (() => void) | undefined;

/** V8's `gc()`, exposed once for the memory tests. */
function collectGarbage(): () => void {
    if (!gcFunction) {
        setFlagsFromString('--expose-gc');
        gcFunction = runInNewContext('gc') as () => void;
    }
    return gcFunction;
}

/**
 * The heap one parse result keeps (kept alive in `kept`; the parse after it frees the node
 * builder's hold on it), with the fast path on or off.
 */
function retainedByParse(text: string, fastPath: boolean, kept: unknown[]): number {
    const gc = collectGarbage();
    parser.fastPath = fastPath;
    try {
        parser.parse('plan x "x" { }');
        gc();
        const before = process.memoryUsage().heapUsed;
        kept.push(parser.parse(text));
        parser.parse('plan x "x" { }');
        gc();
        return process.memoryUsage().heapUsed - before;
    } finally {
        parser.fastPath = true;
    }
}

describe('the fast parser\'s tree takes less memory', () => {
    test('its lists have no room to grow (a plan with four two-item lists per project)', () => {
        const projects = 3000;
        const lines = ['plan P "P" { coalition { member a "A" role staff member b "B" role staff }',
            'initiative i "I" initiative j "J" channel c "C" on x channel d "D" on y stage s "S" {'];
        for (let i = 0; i < projects; i++) lines.push(`project p${i} "P" { involves a, b supports i, j uses c, d asynchrony geography }`);
        const text = [...lines, '} }'].join('\n');
        const kept: unknown[] = [];
        const retained = (fastPath: boolean): number => retainedByParse(text, fastPath, kept);
        retained(true);
        const saved = (retained(false) - retained(true)) / projects;
        // Lists grown by push keep room for 16 more items (about 120 bytes a list); measured: about
        // 950 bytes less per project, 400 of them without exact lists.
        expect(saved).toBeGreaterThan(650);
        expect(kept).toHaveLength(3);
    });

    test('a name referred to many times is kept once (measured: many references to one name against as many names)', () => {
        const projects = 3000;
        const plan = (name: (project: number, i: number) => string) => {
            const lines = ['plan P "P" { stage s "S" {'];
            for (let p = 0; p < projects; p++) {
                lines.push(`project p${p} "P" { involves ${Array.from({ length: 8 }, (_, i) => name(p, i)).join(', ')} }`);
            }
            return [...lines, '} }'].join('\n');
        };
        const one = plan(() => 'memberA000000');
        const many = plan((p, i) => `m${String(p * 8 + i).padStart(12, '0')}`);
        const kept: unknown[] = [];
        const retained = (text: string): number => retainedByParse(text, true, kept);
        retained(one);
        const perReference = (retained(many) - retained(one)) / (projects * 8);
        // A name of 13 characters costs a string of its own (at least 32 bytes) where it is not shared.
        expect(perReference).toBeGreaterThan(24);
        expect(kept).toHaveLength(3);
    });
});
