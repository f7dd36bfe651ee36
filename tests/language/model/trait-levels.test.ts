/**
 * `traitLevels` (src/language/model/plan-model.ts) answers one shared, read-only map per
 * combination of declared traits (64 at most) instead of a map per project, with the levels the
 * score reads: a trait without a level is high, a trait written twice counts at its highest level.
 */
import { describe, expect, test } from 'vitest';
import { URI } from 'langium';
import { createAdoptServices } from '../../../src/language/adopt-module.js';
import type { AdoptFile, Project } from '../../../src/language/generated/ast.js';
import { traitLevels } from '../../../src/language/model/plan-model.js';
import { generatePlan, toAdopt } from '../../../bench/generate-plan.js';

function projectsOf(text: string): Project[] {
    const { shared } = createAdoptServices();
    const plan = shared.workspace.LangiumDocumentFactory.fromString<AdoptFile>(text, URI.parse('file:///traits.adopt')).parseResult.value.plan!;
    return plan.stages.flatMap(stage => stage.projects);
}

/** What the levels are by the SPEC's rules, computed the plain way. */
function expectedLevels(project: Project): Record<string, string> {
    const order = ['low', 'medium', 'high'];
    const levels: Record<string, string> = {};
    for (const trait of project.traits) {
        const level = trait.level ?? 'high';
        if (!levels[trait.kind] || order.indexOf(level) > order.indexOf(levels[trait.kind])) levels[trait.kind] = level;
    }
    return levels;
}

describe('traitLevels', () => {
    const plan = `plan P "p" { stage s "S" {
        project a "A" { asynchrony low geography }
        project b "B" { geography high asynchrony low }
        project c "C" { crowdsourcing low crowdsourcing medium crowdsourcing low }
        project d "D" { }
        project e "E" { asynchrony asynchrony low }
    } }`;

    test('gives each declared trait its level: high without one, the highest when written twice', () => {
        const [a, b, c, d, e] = projectsOf(plan).map(traitLevels);
        expect(Object.fromEntries(a)).toEqual({ asynchrony: 'low', geography: 'high' });
        expect(Object.fromEntries(b)).toEqual({ asynchrony: 'low', geography: 'high' });
        expect(Object.fromEntries(c)).toEqual({ crowdsourcing: 'medium' });
        expect(d.size).toBe(0);
        expect(Object.fromEntries(e)).toEqual({ asynchrony: 'high' });
    });

    test('shares one map between projects with the same levels, whatever the order written', () => {
        const [a, b, c] = projectsOf(plan).map(traitLevels);
        expect(a).toBe(b);
        expect(a).not.toBe(c);
    });

    test('agrees with the plain computation on a generated plan, with at most 64 distinct maps', () => {
        const projects = projectsOf(toAdopt(generatePlan({ projects: 3000, seed: 11 })));
        const maps = new Set<ReadonlyMap<string, string>>();
        for (const project of projects) {
            const levels = traitLevels(project);
            maps.add(levels);
            expect(Object.fromEntries(levels)).toEqual(expectedLevels(project));
        }
        expect(maps.size).toBeGreaterThan(8);
        expect(maps.size).toBeLessThanOrEqual(64);
    });
});
