/**
 * The quick-win score of SPEC section 2: each part and level, the reach rules, rounding, custom
 * weights and threshold, the quick-win conditions and the ranking with its tie-breaks.
 */
import { describe, expect, test } from 'vitest';
import type { ProjectAnalysis } from '../../../src/language/score/quick-win-service.js';
import { roundScore } from '../../../src/language/score/quick-win-score.js';
import { DEFAULT_SETTINGS, parseQuickWinSettings, type Weights } from '../../../src/language/score/quick-win-settings.js';
import { createTestServices, parser } from '../../support/helpers.js';

interface Setup {
    readonly weights?: Partial<Weights>;
    readonly threshold?: number;
}

/** Every project of a plan, by rank, scored with the given settings. */
async function rankedProjects(text: string, setup: Setup = {}): Promise<readonly ProjectAnalysis[]> {
    const services = createTestServices();
    const parsed = parseQuickWinSettings(setup);
    if (!parsed.ok) throw new Error(parsed.problems.join('; '));
    services.score.Settings.set(parsed.settings);
    const document = await parser(services)(text);
    return services.score.QuickWins.analyze(document.parseResult.value.plan!).ranked;
}

/** A plan whose coalition has the given members, with one project `p` of the given body. */
function onePlan(members: string, body: string): string {
    return `plan P "P" {
  coalition {
    ${members}
  }
  initiative i "I"
  initiative j "J"
  stage s "S" {
    project p "P" {
      ${body}
    }
  }
}`;
}

async function projectP(members: string, body: string, setup: Setup = {}): Promise<ProjectAnalysis> {
    const [entry] = await rankedProjects(onePlan(members, body), setup);
    return entry;
}

const ZERO = { reach: 0, initiative: 0, asynchrony: 0, geography: 0, crowdsourcing: 0 };

describe('each part and each level, with the default weights', () => {
    test.each([
        ['asynchrony low', 'asynchrony', 4],
        ['asynchrony medium', 'asynchrony', 8],
        ['asynchrony high', 'asynchrony', 12],
        ['asynchrony', 'asynchrony', 12],
        ['geography low', 'geography', 4],
        ['geography medium', 'geography', 8],
        ['geography high', 'geography', 12],
        ['geography', 'geography', 12],
        ['crowdsourcing low', 'crowdsourcing', 7],
        ['crowdsourcing medium', 'crowdsourcing', 14],
        ['crowdsourcing high', 'crowdsourcing', 21],
        ['crowdsourcing', 'crowdsourcing', 21],
        ['supports i', 'initiative', 25],
        ['supports i, j', 'initiative', 25]
    ] as const)('`%s` gives %s %s points', async (body, part, points) => {
        const entry = await projectP('', body);
        expect(entry.points).toEqual({ ...ZERO, [part]: points });
        expect(entry.score).toBe(points);
    });

    test('a trait written twice counts at its highest level', async () => {
        expect((await projectP('', 'asynchrony low\nasynchrony medium\nasynchrony low')).points.asynchrony).toBe(8);
    });

    test('an unresolved initiative gives no initiative points', async () => {
        expect((await projectP('', 'supports ghost')).points.initiative).toBe(0);
    });

    test('a project with nothing scores 0', async () => {
        const entry = await projectP('member a "A" role staff trained', '');
        expect(entry.points).toEqual(ZERO);
        expect(entry.score).toBe(0);
    });
});

describe('reach: min(1, sum / willing members), trained 1, untrained 0.5', () => {
    const team = [
        'member t1 "T1" role middle-manager trained',
        'member t2 "T2" role staff trained',
        'member u1 "U1" role operational-manager',
        'member u2 "U2" role early-adopter',
        'member n1 "N1" role naysayer trained',
        'member n2 "N2" role naysayer'
    ].join('\n    ');

    test.each([
        ['one trained of four willing', 't1', 7.5],
        ['one untrained of four willing', 'u1', 3.8],
        ['all four willing', 't1, t2, u1, u2', 22.5],
        ['two trained and an untrained', 't1, t2, u1', 18.8],
        ['naysayers count nothing, trained or not', 'n1, n2', 0],
        ['naysayers do not dilute either', 't1, n1, n2', 7.5],
        ['a name listed twice counts once', 't1, t1', 7.5],
        ['a name listed in two involves clauses counts once', 't1\n involves t1, u1', 11.3],
        ['an unresolved name counts nothing', 't1, ghost', 7.5]
    ])('%s: %s', async (_name, involves, reach) => {
        expect((await projectP(team, `involves ${involves}`)).points.reach).toBe(reach);
    });

    test('every willing member involved and trained gives the full reach weight', async () => {
        const entry = await projectP('member a "A" role staff trained', 'involves a');
        expect(entry.points.reach).toBe(30);
    });

    test('reach is 0 when the coalition has no willing members', async () => {
        expect((await projectP('member n "N" role naysayer trained', 'involves n')).points.reach).toBe(0);
        expect((await projectP('', 'involves ghost')).points.reach).toBe(0);
    });

    test('members of several coalition blocks all count as willing members', async () => {
        const text = `plan P "P" {
  coalition { member a "A" role staff trained }
  coalition { member b "B" role staff trained }
  stage s "S" { project p "P" { involves a } }
}`;
        const [entry] = await rankedProjects(text);
        expect(entry.points.reach).toBe(15);
    });

    test('a member declared twice is one willing member, counted as first declared', async () => {
        const text = `plan P "P" {
  coalition {
    member a "A" role staff
    member a "A again" role staff trained
    member b "B" role staff
  }
  stage s "S" { project p "P" { involves a } }
}`;
        const [entry] = await rankedProjects(text);
        expect(entry.points.reach).toBe(7.5);
    });
});

describe('rounding half up to one decimal', () => {
    test.each([
        [0.05, 0.1], [0.25, 0.3], [0.35, 0.4], [1.45, 1.5], [2.25, 2.3], [2.35, 2.4], [3.75, 3.8],
        [0.04, 0], [0.149, 0.1], [6.4285714, 6.4], [88, 88], [0, 0], [1.0000000001, 1]
    ])('%s rounds to %s', (value, rounded) => {
        expect(roundScore(value)).toBe(rounded);
    });

    test('the score is the rounded sum of unrounded parts; each part is rounded for display', async () => {
        // reach 18 x 0.5/4 = 2.25 -> 2.3 (half up, not to even); geography 0.2 x 1/3 and crowdsourcing 0.2 x 1/3
        // are 0.0667 each, 0.1 for display, 0.133 together: the score is 2.25 + 0.133 = 2.383 -> 2.4.
        const members = 'member a "A" role staff\n member b "B" role staff\n member c "C" role staff\n member d "D" role staff';
        const entry = await projectP(members, 'involves a\ngeography low\ncrowdsourcing low', {
            weights: { reach: 18, geography: 0.2, crowdsourcing: 0.2 }
        });
        expect(entry.points).toEqual({ reach: 2.3, initiative: 0, asynchrony: 0, geography: 0.1, crowdsourcing: 0.1 });
        expect(entry.score).toBe(2.4);
    });
});

describe('custom weights and threshold', () => {
    const full = 'member a "A" role middle-manager trained\n member b "B" role staff';
    const body = 'supports i\ninvolves a, b\nasynchrony low\ngeography medium\ncrowdsourcing';

    test('the default weights', async () => {
        const entry = await projectP(full, body);
        expect(entry.points).toEqual({ reach: 22.5, initiative: 25, asynchrony: 4, geography: 8, crowdsourcing: 21 });
        expect(entry.score).toBe(80.5);
        expect(entry.quickWin).toBe(true);
    });

    test.each([
        [{ reach: 10 }, { reach: 7.5 }],
        [{ initiative: 0 }, { initiative: 0 }],
        [{ asynchrony: 30 }, { asynchrony: 10 }],
        [{ geography: 3 }, { geography: 2 }],
        [{ crowdsourcing: 100 }, { crowdsourcing: 100 }],
        [{ reach: 0, geography: 0 }, { reach: 0, geography: 0 }]
    ])('weights %j change only their parts', async (weights, changed) => {
        const entry = await projectP(full, body, { weights });
        const expected = { reach: 22.5, initiative: 25, asynchrony: 4, geography: 8, crowdsourcing: 21, ...changed };
        expect(entry.points).toEqual(expected);
        expect(entry.score).toBeCloseTo(Object.values(expected).reduce((a, b) => a + b, 0), 9);
    });

    test('the score is not normalised: bigger weights give a bigger scale', async () => {
        const entry = await projectP(full, body, { weights: { reach: 100, initiative: 100, asynchrony: 100, geography: 100, crowdsourcing: 100 } });
        expect(entry.points).toEqual({ reach: 75, initiative: 100, asynchrony: 33.3, geography: 66.7, crowdsourcing: 100 });
        expect(entry.score).toBe(375);
    });

    test.each([
        [80.5, true],
        [80.6, false],
        [0, true]
    ])('threshold %s: quick win %s (the rounded score must be at least the threshold)', async (threshold, quickWin) => {
        expect((await projectP(full, body, { threshold })).quickWin).toBe(quickWin);
    });

    test('the rounded score counts: 69.96 rounds to 70.0, a quick win at threshold 70', async () => {
        const weights = { reach: 0, initiative: 69.96, asynchrony: 0, geography: 0, crowdsourcing: 0 };
        const entry = await projectP(full, body, { weights });
        expect(entry.score).toBe(70);
        expect(entry.quickWin).toBe(true);
        const below = await projectP(full, body, { weights: { ...weights, initiative: 69.94 } });
        expect(below.score).toBe(69.9);
        expect(below.quickWin).toBe(false);
    });
});

describe('quick-win conditions', () => {
    const members = 'member a "A" role middle-manager trained\n member b "B" role staff\n member n "N" role naysayer trained';
    const good = ['supports i', 'involves a, b', 'asynchrony low', 'geography low', 'crowdsourcing low'];
    const everythingCounts = { threshold: 0 };

    test('all conditions hold: a quick win with nothing missing', async () => {
        const entry = await projectP(members, good.join('\n'), everythingCounts);
        expect(entry.quickWin).toBe(true);
        expect(entry.missing).toEqual([]);
    });

    test.each([
        ['no initiative', 'supports i', '', /support an existing initiative/],
        ['no trained willing member (untrained only)', 'involves a, b', 'involves b', /trained, willing member/],
        ['no trained willing member (trained naysayer only)', 'involves a, b', 'involves b, n', /trained, willing member/],
        ['no asynchrony', 'asynchrony low', '', /asynchrony/],
        ['no geography', 'geography low', '', /geography/],
        ['no crowdsourcing', 'crowdsourcing low', '', /crowdsourcing/]
    ])('%s: not a quick win, even with threshold 0', async (_name, from, to, missing) => {
        const entry = await projectP(members, good.map(line => (line === from ? to : line)).join('\n'), everythingCounts);
        expect(entry.quickWin).toBe(false);
        expect(entry.missing.join('; ')).toMatch(missing);
    });

    test('below the default threshold: not a quick win, and the missing score is named', async () => {
        const entry = await projectP(members, good.join('\n'));
        expect(entry.score).toBe(22.5 + 25 + 4 + 4 + 7);
        expect(entry.quickWin).toBe(false);
        expect(entry.missing).toEqual(['reach a score of 70 (now 62.5)']);
    });
});

describe('ranking', () => {
    const members = [
        'member t1 "T1" role middle-manager trained',
        'member t2 "T2" role operational-manager trained',
        'member u1 "U1" role staff',
        'member u2 "U2" role staff'
    ].join('\n    ');

    function planOf(...projects: string[]): string {
        return `plan P "P" {
  coalition {
    ${members}
  }
  initiative i "I"
  stage a "A" {
    ${projects.slice(0, 1).join('\n    ')}
  }
  stage b "B" {
    ${projects.slice(1).join('\n    ')}
  }
}`;
    }

    test('by score, descending', async () => {
        const ranked = await rankedProjects(planOf('project lowP "L" { geography low }', 'project highP "H" { supports i }', 'project mid "M" { crowdsourcing }'));
        expect(ranked.map(p => [p.project.name, p.rank])).toEqual([['highP', 1], ['mid', 2], ['lowP', 3]]);
    });

    test('equal scores: more trained willing members involved first', async () => {
        // Both reach 2 of 4 heads' worth: one trained (1) vs two untrained (0.5 + 0.5).
        const ranked = await rankedProjects(planOf('project untrained "U" { involves u1, u2 }', 'project withTrained "T" { involves t1 }'));
        expect(ranked.map(p => p.score)).toEqual([7.5, 7.5]);
        expect(ranked.map(p => p.project.name)).toEqual(['withTrained', 'untrained']);
    });

    test('equal scores and trained members: declaration order', async () => {
        const ranked = await rankedProjects(planOf('project first "1" { geography }', 'project second "2" { geography }', 'project third "3" { geography }'));
        expect(ranked.map(p => [p.project.name, p.rank])).toEqual([['first', 1], ['second', 2], ['third', 3]]);
    });

    test('the rounded score ranks: a raw 0.12 and a raw 0.1 tie at 0.1, then trained members decide', async () => {
        // asynchrony 0.36 x 1/3 = 0.12 -> 0.1; reach 0.4 x (1 trained / 4 willing) = 0.1.
        const weights = { reach: 0.4, initiative: 0, asynchrony: 0.36, geography: 0, crowdsourcing: 0 };
        const ranked = await rankedProjects(planOf('project raw012 "A" { asynchrony low }', 'project withTrained "B" { involves t1 }'), { weights });
        expect(ranked.map(p => p.score)).toEqual([0.1, 0.1]);
        expect(ranked.map(p => p.project.name)).toEqual(['withTrained', 'raw012']);
    });

    test('the SPEC example defaults are the documented ones', () => {
        expect(DEFAULT_SETTINGS).toEqual({ weights: { reach: 30, initiative: 25, asynchrony: 12, geography: 12, crowdsourcing: 21 }, threshold: 70 });
    });
});
