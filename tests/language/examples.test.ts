/**
 * The example plans in examples/: each parses without syntax errors and shows exactly the
 * hurdles it was written to show.
 */
import { describe, expect, test } from 'vitest';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { codesOf, createTestServices, example, parser, workspaceParser } from '../support/helpers.js';

/** The day the examples are judged on: the day lakeshore-college.adopt was last brought up to date. */
const TODAY = '2027-03-01';

function servicesOnTheDay() {
    const services = createTestServices();
    services.model.Today.set(TODAY);
    return services;
}

const expected: Record<string, { codes: string[]; ranking: Array<[name: string, score: number, quickWin: boolean]> }> = {
    'riverside-health.adopt': {
        // hashtagContest's three, and (SPEC section 7) the facebook channel it uses, which no launch opens.
        codes: ['freestanding-project', 'untapped-opportunity', 'low-reach', 'channel-not-launched'],
        ranking: [['streamRounds', 88, true], ['hashtagContest', 0, false]]
    },
    'northfield-university.adopt': {
        codes: [
            'no-quick-wins', 'few-managers', 'naysayer-unreached', 'mantra-missing', 'virtual-before-human', 'vanity-metric',
            'virtual-before-human', 'goal-without-metric', 'untrained-project', 'freestanding-project', 'untapped-opportunity',
            'low-reach', 'metric-without-target', 'untapped-opportunity'
        ],
        ranking: [['mascotVideo', 36.3, false], ['photoContest', 17.8, false]]
    },
    // A plan under way, as it stood on 1 March 2027 (the day the examples are judged on here).
    'lakeshore-college.adopt': {
        codes: ['action-without-owner', 'overdue-action', 'untold-quick-win', 'action-outside-stage'],
        ranking: [['lectureArchive', 74.5, true], ['studyWiki', 73.3, true]]
    },
    'coastal-research-institute.adopt': {
        codes: ['naysayer-unreached', 'freestanding-project', 'untapped-opportunity', 'low-reach', 'channel-not-launched'],
        ranking: [['samplingWiki', 85, true], ['seminarStream', 77, true], ['fieldBlog', 14, false]]
    }
};

describe('examples', () => {
    test('every example in examples/ is covered here', () => {
        const files = readdirSync(resolve(__dirname, '../../examples')).filter(name => name.endsWith('.adopt'));
        expect(files.sort()).toEqual(Object.keys(expected).sort());
    });

    describe.each(Object.entries(expected))('%s', (file, { codes, ranking }) => {
        test('parses without syntax errors and shows exactly the designed diagnostics, in document order', async () => {
            const document = await parser(servicesOnTheDay())(example(file));
            expect(document.parseResult.lexerErrors).toEqual([]);
            expect(document.parseResult.parserErrors).toEqual([]);
            const inOrder = [...(document.diagnostics ?? [])].sort((a, b) =>
                a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || (a.severity ?? 1) - (b.severity ?? 1));
            expect(inOrder.map(d => String(d.code))).toEqual(codes);
            expect(codesOf(document)).not.toContain('syntax-error');
        });

        test('ranks its projects as the comments say', async () => {
            const services = servicesOnTheDay();
            const document = await parser(services)(example(file));
            const analysis = services.score.QuickWins.analyze(document.parseResult.value.plan!);
            expect(analysis.ranked.map(p => [p.project.name, p.score, p.quickWin])).toEqual(ranking);
        });
    });
});

describe('lakeshore-college.adopt, a plan under way', () => {
    test('its dates, actions, results and effort are read as the comments say', async () => {
        const services = servicesOnTheDay();
        const document = await parser(services)(example('lakeshore-college.adopt'));
        const plan = document.parseResult.value.plan!;
        expect(plan.stages.map(stage => [stage.name, stage.from, stage.to])).toEqual([
            ['initiation', '2026-09-01', '2026-12-18'], ['rollout', '2027-01-11', '2027-06-30'], ['roadShow', '2027-05-01', '2027-07-15']
        ]);
        const analysis = services.score.QuickWins.analyze(plan);
        expect(analysis.ranked.map(entry => [entry.project.name, entry.effort])).toEqual([['lectureArchive', 'low'], ['studyWiki', 'medium']]);
        const archive = plan.stages[1].projects[0];
        expect(archive.actions.map(action => [action.name, action.owner?.ref?.name, action.due, action.status])).toEqual([
            ['pilotBiology', 'lin', '2027-02-01', 'done'], ['recordChemistry', 'omar', '2027-02-20', 'doing'], ['allCourses', 'rosa', '2027-05-31', undefined]
        ]);
        expect(archive.metrics[0].actual).toMatchObject({ value: 320, percent: false });
    });

    test('on another day, other actions are overdue: the plan judges due dates against today', async () => {
        const services = createTestServices();
        services.model.Today.set('2027-06-01');
        const document = await parser(services)(example('lakeshore-college.adopt'));
        const overdue = (document.diagnostics ?? []).filter(d => d.code === 'overdue-action').map(d => document.textDocument.getText(d.range));
        // recordChemistry (20 February), captionPolicy (15 March), seedGuides (15 April), allCourses (31 May).
        expect(overdue).toEqual(['2027-03-15', '2027-02-20', '2027-05-31', '2027-04-15']);
    });
});

describe('northfield-network/, a network of plans that share their people', () => {
    const NETWORK = ['network/people.adopt', 'cardiology.adopt', 'nursing.adopt', 'campuses/east-outreach.adopt'];

    test('each file as the comments say: the shared file and two plans clean, the campus plan one trait short of a quick win', async () => {
        const services = servicesOnTheDay();
        const files = await workspaceParser(services)(Object.fromEntries(NETWORK.map(path => [path, example(`northfield-network/${path}`)])));
        const codes = Object.fromEntries(Object.entries(files).map(([path, document]) => [path, codesOf(document)]));
        expect(codes).toEqual({
            'network/people.adopt': [],
            'cardiology.adopt': [],
            'nursing.adopt': [],
            'campuses/east-outreach.adopt': ['no-quick-wins', 'untapped-opportunity', 'story-from-non-quick-win']
        });
        const rank = (path: string) => services.score.QuickWins.analyze(files[path].parseResult.value.plan!).ranked
            .map(entry => [entry.project.name, entry.score, entry.quickWin]);
        // Reach counts the willing members of the plan and of the shared file together.
        expect(rank('cardiology.adopt')).toEqual([['streamRounds', 83, true]]);
        expect(rank('nursing.adopt')).toEqual([['handoverWiki', 81, true]]);
        expect(rank('campuses/east-outreach.adopt')).toEqual([['campusTours', 69, false]]);
    });

    test('every file of the folder is covered here', () => {
        const files = readdirSync(resolve(__dirname, '../../examples/northfield-network'), { recursive: true, encoding: 'utf8' })
            .filter(name => name.endsWith('.adopt'));
        expect(files.sort()).toEqual([...NETWORK].sort());
    });
});
