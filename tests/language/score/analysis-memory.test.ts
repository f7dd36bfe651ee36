/**
 * The analysis is kept for as long as its document version: its per-project lists (involved
 * willing members, what is missing) are kept at their exact length, and a project with nothing
 * missing or nobody willing shares one frozen empty list (src/language/score/).
 */
import { describe, expect, test } from 'vitest';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { URI } from 'langium';
import { createAdoptServices } from '../../../src/language/adopt-module.js';
import type { AdoptFile, Plan } from '../../../src/language/generated/ast.js';
import { analyzePlan } from '../../../src/language/score/quick-win-service.js';
import { DEFAULT_SETTINGS, SCORE_PARTS } from '../../../src/language/score/quick-win-settings.js';

function planOf(text: string): Plan {
    const { shared } = createAdoptServices();
    return shared.workspace.LangiumDocumentFactory.fromString<AdoptFile>(text, URI.parse('file:///analysis.adopt')).parseResult.value.plan!;
}

/** A linked plan: references resolve through the scope provider on first use. */
function projectsPlan(projects: number, body: (i: number) => string): Plan {
    const lines = ['plan P "P" { coalition { member a "A" role staff trained member b "B" role staff member c "C" role staff member d "D" role staff member e "E" role naysayer }',
        'initiative i "I" stage s "S" {'];
    for (let i = 0; i < projects; i++) lines.push(`project p${i} "P" { ${body(i)} }`);
    return planOf([...lines, '} }'].join('\n'));
}

describe('the analysis keeps little per project', () => {
    test('projects with nothing missing and nobody willing share frozen empty lists', () => {
        const plan = projectsPlan(3, i => (i === 0 ? 'supports i involves a, b, c, d asynchrony geography crowdsourcing' : 'involves e'));
        const [win, lone, other] = analyzePlan(plan, DEFAULT_SETTINGS).projects;
        expect(win.quickWin).toBe(true);
        expect(win.missing).toEqual([]);
        expect(Object.isFrozen(win.missing)).toBe(true);
        expect(lone.involvedWilling).toEqual([]);
        expect(Object.isFrozen(lone.involvedWilling)).toBe(true);
        expect(other.involvedWilling).toBe(lone.involvedWilling);
        expect(lone.missing.length).toBeGreaterThan(1);
    });

    test("a project's points list the parts in SCORE_PARTS order (the rank's `parts`)", () => {
        const plan = projectsPlan(2, i => (i === 0 ? 'supports i involves a asynchrony high' : 'geography'));
        for (const entry of analyzePlan(plan, DEFAULT_SETTINGS).projects) {
            expect(Object.keys(entry.points)).toEqual([...SCORE_PARTS]);
        }
    });

    test('lists with items are kept at their exact length (measured: the heap an analysis keeps)', () => {
        setFlagsFromString('--expose-gc');
        const gc = runInNewContext('gc') as () => void;
        const projects = 4000;
        const plan = projectsPlan(projects, () => 'involves a, b, c, d');
        analyzePlan(plan, DEFAULT_SETTINGS); // links the references
        gc();
        const before = process.memoryUsage().heapUsed;
        const analysis = analyzePlan(plan, DEFAULT_SETTINGS);
        gc();
        const perProject = (process.memoryUsage().heapUsed - before) / projects;
        expect(analysis.projects[0].involvedWilling).toHaveLength(4);
        expect(analysis.projects[0].missing).toHaveLength(3);
        // Measured: 540 to 575 bytes a project (580 before the points were made with their five parts at
        // once); lists grown by push (room for 16 more items each) made it 810.
        expect(perProject).toBeLessThan(690);
    });
});
