/**
 * Plans for the overview and report tests: a living plan (SPEC section 7: windows, actions,
 * effort, actuals) that touches every section of the overview, and generated plans of many
 * projects with effort levels for the quick-wins matrix.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { generatePlan, toAdopt } from '../../bench/generate-plan.js';
import { buildPlanOverview } from '../../src/language/overview/plan-overview.js';
import { planOverviewSchema, type PlanOverview } from '../../src/protocol/overview-protocol.js';
import { createTestServices, parser } from '../support/helpers.js';

/**
 * A plan with dated stages, actions (done, doing, overdue on 2027-03-01, without owner), effort,
 * metrics with actuals, a naysayer reached and one not, a unit no project involves, and a few
 * diagnostics of both hurdles (plans/harbour-museum.adopt; the browser test of the report reads
 * it too).
 */
export const LIVING_PLAN = readFileSync(resolve(__dirname, 'plans/harbour-museum.adopt'), 'utf8');

/** A plan of `projects` generated projects, each with an effort (or none), for the matrix. */
export function manyProjectsPlan(projects: number, seed: number): string {
    const text = toAdopt(generatePlan({ projects, seed }));
    const levels = ['low', 'medium', 'high', undefined];
    let index = 0;
    return text.replace(/^(\s*)(project \w+ "[^"]*" \{)$/gm, (_line, indent: string, head: string) => {
        const level = levels[(index++ * 7 + seed) % levels.length];
        return level ? `${indent}${head}\n${indent}  effort ${level}` : `${indent}${head}`;
    });
}

/** The overview of a plan's text, on the given date. */
export async function overviewOfText(text: string, today = '2027-03-01'): Promise<PlanOverview> {
    const services = createTestServices();
    services.model.Today.set(today);
    const document = await parser(services)(text);
    return planOverviewSchema.parse(buildPlanOverview(document, services));
}
