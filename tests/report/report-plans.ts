/**
 * Plans for the overview and report tests: a living plan (SPEC section 7: windows, actions,
 * effort, actuals) that touches every section of the overview, and generated plans of many
 * projects with effort levels for the quick-wins matrix.
 */
import { generatePlan, toAdopt } from '../../bench/generate-plan.js';
import { buildPlanOverview } from '../../src/language/overview/plan-overview.js';
import { planOverviewSchema, type PlanOverview } from '../../src/protocol/overview-protocol.js';
import { createTestServices, parser } from '../support/helpers.js';

/**
 * A plan with dated stages, actions (done, doing, overdue on 2027-03-01, without owner), effort,
 * metrics with actuals, a naysayer reached and one not, a unit no project involves, and a few
 * diagnostics of both hurdles.
 */
export const LIVING_PLAN = `// Harbour Museum: collections online
plan HarbourMuseum "Harbour Museum: collections online" {
  coalition {
    member ana "Ana Ortiz" role middle-manager unit "Collections" trained
    member ben "Ben Hale" role operational-manager unit "Visitor Services"
    member cho "Mei Cho" role early-adopter unit "Education" trained
    member eli "Eli Brandt" role staff unit "Archives"
    member dee "Dee Park" role naysayer unit "Finance"
    member fay "Fay Lund" role naysayer unit "Legal"
  }
  channel youtube "YouTube channel" on youtube
  channel blog "Collections blog" on wordpress
  initiative tours "Guided tours"
  initiative catalogue "Catalogue digitisation"

  stage initiation "Build human bandwidth" from 2027-01-04 to 2027-02-28 {
    mantra "The status quo must go!"
    goal buyIn "Curators understand the need" {
      metric convinced "Curators who can explain the need" target 60% actual 45%
    }
    action brief "Brief the curators" owner ana due 2027-01-20 done
    action workshop "Workshop with visitor services" due 2027-02-10
  }

  stage rollout "Adoption and roll-out" after initiation from 2027-03-01 to 2027-08-31 {
    launch youtube, blog
    project tourVideos "Video tours of the harbour rooms" {
      supports tours
      involves ana, cho, ben
      asynchrony high
      geography high
      crowdsourcing medium
      effort low
      uses youtube
      metric views "Tour views per month" target 500 actual 320
      action pilot "Pilot with the collections team" owner ana due 2027-02-15 doing
    }
    project crowdCatalogue "Crowd-tagged catalogue" {
      supports catalogue
      involves ana, cho, eli
      asynchrony
      geography medium
      crowdsourcing
      effort high
      uses blog
    }
    project fanPage "Fan page contest" {
      involves dee
      effort medium
      metric likes "Page likes" target 1000
    }
  }

  stage diffusion "Internal road show" after rollout from 2027-09-01 {
    story toursStory "Tours reach three continents" from tourVideos
    audience dee
    story contestStory "The contest" from fanPage
  }
}
`;

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
