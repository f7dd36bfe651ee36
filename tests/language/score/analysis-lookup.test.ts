/**
 * `PlanAnalysis.of` (src/language/score/quick-win-service.ts) finds a project's entry by its place
 * in its stage: the entry of every project of the plan, nothing for a project of another plan.
 */
import { describe, expect, test } from 'vitest';
import { URI } from 'langium';
import { createAdoptServices } from '../../../src/language/adopt-module.js';
import type { AdoptFile, Plan } from '../../../src/language/generated/ast.js';
import { analyzePlan } from '../../../src/language/score/quick-win-service.js';
import { DEFAULT_SETTINGS } from '../../../src/language/score/quick-win-settings.js';
import { generatePlan, toAdopt } from '../../../bench/generate-plan.js';
import { example } from '../../support/helpers.js';

function parse(text: string, name: string): Plan {
    const { shared } = createAdoptServices();
    return shared.workspace.LangiumDocumentFactory.fromString<AdoptFile>(text, URI.parse(`file:///${name}.adopt`)).parseResult.value.plan!;
}

describe('PlanAnalysis.of', () => {
    test('finds the entry of every project, in every stage', () => {
        const plan = parse(toAdopt(generatePlan({ projects: 2500, seed: 4 })), 'lookup');
        const analysis = analyzePlan(plan, DEFAULT_SETTINGS);
        expect(plan.stages.filter(stage => stage.projects.length > 0).length).toBeGreaterThan(1);
        let count = 0;
        for (const stage of plan.stages) {
            for (const project of stage.projects) {
                const entry = analysis.of(project);
                expect(entry?.project).toBe(project);
                expect(entry?.stage).toBe(stage);
                count++;
            }
        }
        expect(count).toBe(analysis.projects.length);
    });

    test('finds nothing for a project of another plan', () => {
        const plan = parse(example('riverside-health.adopt'), 'one');
        const other = parse(example('riverside-health.adopt'), 'other');
        const analysis = analyzePlan(plan, DEFAULT_SETTINGS);
        const foreign = other.stages.flatMap(stage => stage.projects);
        expect(foreign.length).toBeGreaterThan(0);
        for (const project of foreign) expect(analysis.of(project)).toBeUndefined();
    });
});
