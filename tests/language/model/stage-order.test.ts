/**
 * The stage order of SPEC section 1, checked against its definition: following predecessors one
 * step at a time. Random plans (with `after` forward, backward, to itself and to nothing) and
 * plans with tens of thousands of stages.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import type { Plan, Stage } from '../../../src/language/generated/ast.js';
import { StageOrder } from '../../../src/language/model/plan-model.js';
import { parser, withCode } from '../../support/helpers.js';

const parse = parser();

/** `after[i]`: the index of stage i's `after` stage, -1 for none, or a number past the end for an undeclared name. */
function planText(after: readonly number[]): string {
    const stages = after.map((target, i) => `stage s${i} "S${i}"${target >= 0 ? ` after s${target}` : ''} { }`);
    return `plan P "P" {\n${stages.join('\n')}\n}`;
}

async function planOf(after: readonly number[]): Promise<Plan> {
    return (await parse(planText(after))).parseResult.value.plan!;
}

/** The definition, step by step: is `target` reached by following predecessors from `from`? */
function reachesByDefinition(order: StageOrder, from: Stage, target: Stage): boolean {
    const seen = new Set<Stage>();
    let current = order.predecessor.get(from);
    while (current && !seen.has(current)) {
        if (current === target) return true;
        seen.add(current);
        current = order.predecessor.get(current);
    }
    return false;
}

/** Distinct stages reached by following predecessors (the stage itself excluded). */
function depthByDefinition(order: StageOrder, stage: Stage): number {
    const seen = new Set<Stage>([stage]);
    let current = order.predecessor.get(stage);
    while (current && !seen.has(current)) {
        seen.add(current);
        current = order.predecessor.get(current);
    }
    return seen.size - 1;
}

describe('StageOrder', () => {
    test('agrees with the definition on random plans', async () => {
        const afterLists = fc.integer({ min: 1, max: 9 }).chain(n => fc.array(fc.integer({ min: -1, max: n }), { minLength: n, maxLength: n }));
        await fc.assert(
            fc.asyncProperty(afterLists, async after => {
                const plan = await planOf(after);
                const order = new StageOrder(plan);
                const stages = plan.stages;
                stages.forEach((stage, i) => {
                    // An `after` that names no declared stage is reported and otherwise treated as absent.
                    const expected = after[i] >= 0 && after[i] < stages.length ? stages[after[i]] : i > 0 ? stages[i - 1] : undefined;
                    expect(order.predecessor.get(stage)).toBe(expected);
                    expect(order.cyclic.has(stage)).toBe(reachesByDefinition(order, stage, stage));
                    expect(order.directSuccessors(stage)).toEqual(stages.filter(s => order.predecessor.get(s) === stage));
                    for (const other of stages) {
                        expect(order.comesAfter(stage, other)).toBe(reachesByDefinition(order, stage, other));
                    }
                });
                expect(order.initial).toBe(stages.find(stage => order.predecessor.get(stage) === undefined));
                const depths = stages.map(stage => depthByDefinition(order, stage));
                const deepest = Math.max(...depths);
                expect(order.last()).toBe(stages[depths.lastIndexOf(deepest)]);
            }),
            { numRuns: 250, seed: 1126 }
        );
    });

    test('a long chain: the last declared stage comes after the first and is the last', async () => {
        const plan = await planOf(Array.from({ length: 20000 }, () => -1));
        const order = new StageOrder(plan);
        const [first] = plan.stages;
        const last = plan.stages[plan.stages.length - 1];
        expect(order.comesAfter(last, first)).toBe(true);
        expect(order.comesAfter(first, last)).toBe(false);
        expect(order.last()).toBe(last);
        expect(order.initial).toBe(first);
    });

    test('one long cycle: every stage is cyclic, and the cycle message stays short', async () => {
        const n = 5000;
        const document = await parse(planText(Array.from({ length: n }, (_, i) => (i === 0 ? n - 1 : -1))));
        const order = new StageOrder(document.parseResult.value.plan!);
        expect(order.cyclic.size).toBe(n);
        expect(order.initial).toBeUndefined();
        const [cycle] = withCode(document, 'stage-cycle');
        expect(cycle.message).toBe("The stages form a cycle ('s0' comes after 's4999' comes after 's4998' comes after 's4997' comes after 's4996' comes after 's4995' comes after …), so none of them can start. Point 'after' at an earlier stage, or remove it.");
    });

    test('a short cycle is shown whole', async () => {
        const [cycle] = withCode(await parse(planText([-1, 2, 1])), 'stage-cycle');
        expect(cycle.message).toMatch(/^The stages form a cycle \('s1' comes after 's2' comes after 's1'\)/);
    });
});
