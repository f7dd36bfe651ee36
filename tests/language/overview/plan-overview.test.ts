/**
 * The overview builder (SPEC section 8): one shape with every section, from a built plan.
 */
import { URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../../src/language/config/adopt-config-files.js';
import { buildPlanOverview, fullScoreOf } from '../../../src/language/overview/plan-overview.js';
import { planOverviewSchema } from '../../../src/protocol/overview-protocol.js';
import { createTestServices, example, parser } from '../../support/helpers.js';
import { LIVING_PLAN } from '../../report/report-plans.js';

async function overviewOf(text: string, today = '2027-03-01', configure?: (services: ReturnType<typeof createTestServices>) => void) {
    const services = createTestServices();
    services.model.Today.set(today);
    configure?.(services);
    const document = await parser(services)(text);
    return planOverviewSchema.parse(buildPlanOverview(document, services));
}

describe('the plan overview', () => {
    it('counts the plan: members, managers and the trained, channels, projects, quick wins, stories, actions done of all', async () => {
        const overview = await overviewOf(LIVING_PLAN);
        expect(overview.plan).toEqual({ name: 'HarbourMuseum', title: 'Harbour Museum: collections online', line: 2 });
        expect(overview.date).toBe('2027-03-01');
        expect(overview.counts).toEqual({
            members: 6, managers: 2, trainedManagers: 1, trainedMembers: 2, naysayers: 2, channels: 2, initiatives: 2, stages: 3,
            projects: 3, quickWins: 2, stories: 2, actions: 3, actionsDone: 1, overdueActions: 2,
            errors: 0, warnings: overview.diagnostics.filter(d => d.severity === 'warning').length,
            information: overview.diagnostics.filter(d => d.severity === 'information').length,
            hints: overview.diagnostics.filter(d => d.severity === 'hint').length
        });
        expect(overview.counts.warnings).toBeGreaterThan(0);
        expect(overview.counts.information).toBeGreaterThan(0);
        // Every diagnostic the report lists is counted, by severity.
        const { errors, warnings, information, hints } = overview.counts;
        expect(errors + warnings + information + hints).toBe(overview.diagnostics.length);
        expect(overview.fullScore).toBe(100);
        expect(overview.settings.threshold).toBe(70);
    });

    it('judges the two hurdles by their codes: what holds, and the diagnostics of what does not', async () => {
        const overview = await overviewOf(LIVING_PLAN);
        expect(overview.hurdles.map(h => h.id)).toEqual(['human-bandwidth', 'quick-wins']);
        const [human, roadShow] = overview.hurdles;
        expect(human.checks.map(c => c.code)).toEqual(['few-managers', 'untrained-managers', 'virtual-before-human', 'channel-not-launched', 'mantra-missing', 'vanity-metric']);
        expect(roadShow.checks.map(c => c.code)).toEqual(['no-quick-wins', 'road-show-missing', 'untold-quick-win', 'story-from-non-quick-win', 'naysayer-unreached']);
        const failing = (hurdle: typeof human) => hurdle.checks.filter(c => !c.holds).map(c => c.code);
        expect(failing(human)).toEqual(['vanity-metric']);
        expect(failing(roadShow)).toEqual(['untold-quick-win', 'story-from-non-quick-win', 'naysayer-unreached']);
        expect(human.cleared).toBe(false);
        expect(human.checks[0].text).toBe('The coalition has 2 managers (operational or middle).');
        expect(human.checks[4].text).toContain('The status quo must go!');
        const vanity = human.checks[5];
        expect(vanity.diagnostics).toHaveLength(1);
        expect(vanity.diagnostics[0].line).toBe(LIVING_PLAN.split('\n').findIndex(l => l.includes('project fanPage')) + 1);
        expect(roadShow.checks.find(c => c.code === 'naysayer-unreached')?.diagnostics[0].message).toMatch(/fay/);
    });

    it('a hurdle whose codes all hold is cleared; a code turned off is marked as not checked', async () => {
        const overview = await overviewOf(example('riverside-health.adopt'), '2027-03-01', services => {
            services.config.Files.useFile(parseConfigText(URI.file('/rules/adopt.config.json'), '{ "severity": { "naysayer-unreached": "off" } }'));
        });
        const roadShow = overview.hurdles[1];
        const naysayer = roadShow.checks.find(c => c.code === 'naysayer-unreached')!;
        expect(naysayer).toMatchObject({ holds: true, off: true, diagnostics: [] });
        expect(naysayer.text).toMatch(/Not checked/);
    });

    it('ranks the projects as adopt rank --json does, with stage titles, effort and what each lacks', async () => {
        const overview = await overviewOf(LIVING_PLAN);
        expect(overview.projects.map(p => [p.rank, p.name, p.score, p.quickWin, p.effort, p.stageTitle])).toEqual([
            [1, 'crowdCatalogue', 84.8, true, 'high', 'Adoption and roll-out'],
            [2, 'tourVideos', 81.8, true, 'low', 'Adoption and roll-out'],
            [3, 'fanPage', 0, false, 'medium', 'Adoption and roll-out']
        ]);
        expect(overview.projects[2].missing).toContain('support an existing initiative');
        expect(overview.projects[0].parts).toEqual({ reach: 18.8, initiative: 25, asynchrony: 12, geography: 8, crowdsourcing: 21 });
    });

    it('lists the stages in stage order with windows, goals and metrics with progress, actions with owner, due date, status and overdue', async () => {
        const overview = await overviewOf(LIVING_PLAN);
        expect(overview.stages.map(s => [s.position, s.name, s.from, s.to, s.initial, s.after])).toEqual([
            [1, 'initiation', '2027-01-04', '2027-02-28', true, null],
            [2, 'rollout', '2027-03-01', '2027-08-31', false, 'initiation'],
            [3, 'diffusion', '2027-09-01', null, false, 'rollout']
        ]);
        const [initiation, rollout] = overview.stages;
        expect(initiation.mantra).toBe('The status quo must go!');
        expect(initiation.goals[0].metrics[0]).toMatchObject({ name: 'convinced', target: '60%', actual: '45%', progress: 0.75 });
        expect(initiation.actions.map(a => [a.name, a.owner?.name ?? null, a.due, a.status, a.overdue, a.project])).toEqual([
            ['brief', 'ana', '2027-01-20', 'done', false, null],
            ['workshop', null, '2027-02-10', 'todo', true, null]
        ]);
        expect(rollout.launches.map(c => c.name)).toEqual(['youtube', 'blog']);
        expect(rollout.projectMetrics.map(p => [p.name, p.metrics.map(m => [m.name, m.progress])])).toEqual([
            ['tourVideos', [['views', 0.64]]], ['fanPage', [['likes', null]]]
        ]);
        expect(rollout.actions).toEqual([expect.objectContaining({ name: 'pilot', status: 'doing', overdue: true, project: 'tourVideos' })]);
        expect([rollout.projects, rollout.quickWins]).toEqual([3, 2]);
    });

    it('an action is overdue only before its due date has passed the overview date, and never when done', async () => {
        const early = await overviewOf(LIVING_PLAN, '2027-02-10');
        expect(early.stages[0].actions.map(a => a.overdue)).toEqual([false, false]);
        expect(early.counts.overdueActions).toBe(0);
    });

    it('orders stages by their after chain, not by declaration', async () => {
        const overview = await overviewOf(`plan P "P" {
  stage first "First" { }
  stage third "Third" after second { }
  stage second "Second" after first { }
}`);
        expect(overview.stages.map(s => s.name)).toEqual(['first', 'second', 'third']);
    });

    it('keeps every stage once, those in an after cycle included', async () => {
        const overview = await overviewOf(`plan P "P" {
  stage a "A" after b { }
  stage b "B" after a { }
  stage c "C" { }
}`);
        expect(overview.stages.map(s => [s.name, s.inCycle])).toEqual([['a', true], ['b', true], ['c', false]]);
    });

    it('shows the coalition by member with the projects involving each, and the units no project involves', async () => {
        const overview = await overviewOf(LIVING_PLAN);
        const projectsOf = Object.fromEntries(overview.coalition.members.map(m => [m.name, m.projects]));
        expect(projectsOf).toEqual({ ana: ['crowdCatalogue', 'tourVideos'], ben: ['tourVideos'], cho: ['crowdCatalogue', 'tourVideos'], eli: ['crowdCatalogue'], dee: ['fanPage'], fay: [] });
        expect(overview.coalition.unitsWithoutProjects).toEqual(['Legal']);
        expect(overview.coalition.units.find(u => u.unit === 'Collections')).toEqual({ unit: 'Collections', members: 1, projects: 2 });
    });

    it('tells the road show: stories with project, score and audience; naysayers reached and not; quick wins without a story', async () => {
        const overview = await overviewOf(LIVING_PLAN);
        expect(overview.roadShow.stories.map(s => [s.name, s.project?.name, s.project?.score, s.project?.quickWin, s.audience.map(a => a.name)])).toEqual([
            ['toursStory', 'tourVideos', 81.8, true, ['dee']],
            ['contestStory', 'fanPage', 0, false, []]
        ]);
        expect(overview.roadShow.naysayers.map(n => [n.name, n.reached, n.stories])).toEqual([['dee', true, ['toursStory']], ['fay', false, []]]);
        expect(overview.roadShow.untoldQuickWins).toEqual([{ name: 'crowdCatalogue', title: 'Crowd-tagged catalogue' }]);
    });

    it('is built for a plan with errors and an empty file too, listing the errors', async () => {
        const broken = await overviewOf('plan Broken "Broken" {\n  stage s "S" {\n    project p "P" { involves ghost }\n  }\n}\n');
        expect(broken.counts.errors).toBe(1);
        expect(broken.diagnostics.find(d => d.severity === 'error')?.code).toBe('unresolved-reference');
        const empty = await overviewOf('');
        expect(empty.diagnostics[0].code).toBe('syntax-error');
        expect(empty.projects).toEqual([]);
    });

    it('the full score is the sum of the weights', () => {
        expect(fullScoreOf({ reach: 30, initiative: 25, asynchrony: 12, geography: 12, crowdsourcing: 21 })).toBe(100);
        expect(fullScoreOf({ reach: 10, initiative: 0, asynchrony: 0, geography: 0, crowdsourcing: 0 })).toBe(10);
        expect(fullScoreOf({ reach: 0, initiative: 0, asynchrony: 0, geography: 0, crowdsourcing: 0 })).toBe(100);
    });
});
