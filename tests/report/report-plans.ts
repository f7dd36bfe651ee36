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

/**
 * A plan under way with `actions` dated actions (the overview's date is 2027-03-01): three
 * stages, the last open-ended; the actions of the roll-out crowd into a few weeks, every third
 * done, and `overdue` of those due before the overview's date left undone.
 */
export function manyActionsPlan(actions: number, overdue: number): string {
    const lines = [
        'plan Busy "A busy plan" {',
        '  coalition {',
        '    member ana "Ana Ortiz" role middle-manager unit "Collections" trained',
        '    member cho "Mei Cho" role early-adopter unit "Education" trained',
        '  }',
        '  initiative tours "Guided tours"',
        '  stage initiation "Build human bandwidth" from 2027-01-04 to 2027-02-28 {',
        '    action brief "Brief the curators" owner ana due 2027-01-20 done',
        '  }',
        '  stage rollout "Adoption and roll-out" after initiation from 2027-02-01 to 2027-08-31 {'
    ];
    let late = 0;
    for (let i = 0; i < actions; i++) {
        // Overdue first (due in February, not done), then the rest over March to June.
        const isOverdue = late < overdue;
        const day = isOverdue ? 1 + (late % 27) : 1 + (i % 28);
        const month = isOverdue ? 2 : 3 + (i % 4);
        const status = isOverdue ? 'doing' : i % 3 === 0 ? 'done' : 'todo';
        if (isOverdue) late++;
        lines.push(`    action a${i} "Action ${i + 1}" owner ${i % 2 === 0 ? 'ana' : 'cho'} due 2027-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')} ${status}`);
    }
    lines.push(
        '    project tourVideos "Video tours" {', '      supports tours', '      involves ana, cho', '      asynchrony high', '      effort low', '    }',
        '  }',
        '  stage diffusion "Internal road show" after rollout from 2027-09-01 {',
        '    story toursStory "Tours reach three continents" from tourVideos',
        '  }',
        '}'
    );
    return lines.join('\n') + '\n';
}
