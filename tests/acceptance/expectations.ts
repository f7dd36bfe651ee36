/**
 * Hand-computed expectations for the acceptance plans in ./plans, worked out from SPEC.md and the
 * docs/ alone (sections 1-3, 5, 6 and 7), before looking at the implementation. The arithmetic sits in
 * a comment next to each number. Today, for the checks of due dates, is 1 March 2027 (the suite
 * sets ADOPT_TODAY for every run). Default weights: reach 30, initiative 25, asynchrony 12,
 * geography 12, crowdsourcing 21; levels low 1/3, medium 2/3, high (or bare) 1; threshold 70.
 * Lines and columns count from 1.
 */

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface ExpectedDiagnostic {
    readonly code: string;
    readonly severity: Severity;
    readonly line: number;
    /** Only where SPEC and docs/language.md fix the token (coalition keyword, plan name, launch statement). */
    readonly column?: number;
}

export interface ExpectedParts {
    readonly reach: number;
    readonly initiative: number;
    readonly asynchrony: number;
    readonly geography: number;
    readonly crowdsourcing: number;
}

export interface ExpectedProject {
    readonly rank: number;
    readonly name: string;
    readonly stage: string;
    readonly score: number;
    readonly quickWin: boolean;
    readonly parts: ExpectedParts;
    readonly line: number;
    /** The project's effort (SPEC section 7), where the expectation states it: the level, or null. */
    readonly effort?: 'low' | 'medium' | 'high' | null;
}

export interface PlanExpectation {
    readonly file: string;
    readonly exit: 0 | 1;
    /** Every diagnostic, exactly (as a multiset of code/severity/line). */
    readonly diagnostics?: readonly ExpectedDiagnostic[];
    /** When the plan does not parse, only these must be among the diagnostics. */
    readonly includes?: readonly ExpectedDiagnostic[];
    readonly projects?: readonly ExpectedProject[];
    /** The plan's name in `rank --json`, where the file parses. */
    readonly plan?: string;
}

const noParts: ExpectedParts = { reach: 0, initiative: 0, asynchrony: 0, geography: 0, crowdsourcing: 0 };

export const PLANS: readonly PlanExpectation[] = [
    {
        // Willing: mia, raj, lou (block 1) + sam (block 2) = 4; vic is a naysayer. Managers mia, raj = 2.
        file: 'city-council.adopt',
        plan: 'MillbrookCouncil',
        exit: 0,
        diagnostics: [
            { code: 'goal-without-metric', severity: 'warning', line: 20 } // residentsHeard, no braces
        ],
        projects: [
            {
                // reach: mia 1 + lou 1 + sam 0.5 = 2.5 / 4 = 0.625 x 30 = 18.75 -> 18.8
                // 25 (openMeetings) + asynchrony bare 12 + geography medium 8 + crowdsourcing low 7
                // score 18.75 + 25 + 12 + 8 + 7 = 70.75 -> 70.8 >= 70, trained mia, all traits: quick win
                rank: 1, name: 'streamMeetings', stage: 'pilot', score: 70.8, quickWin: true, line: 28,
                parts: { reach: 18.8, initiative: 25, asynchrony: 12, geography: 8, crowdsourcing: 7 }
            }
        ]
    },
    {
        // Willing: nora, ed, pia = 3; rex naysayer. Managers: nora only -> few managers.
        file: 'harbor-bank.adopt',
        plan: 'HarborBank',
        exit: 0,
        diagnostics: [
            { code: 'few-managers', severity: 'warning', line: 3, column: 3 }, // on `coalition`
            { code: 'virtual-before-human', severity: 'warning', line: 14, column: 5 }, // initial + few managers: one
            { code: 'virtual-before-human', severity: 'warning', line: 21, column: 5 }, // few managers
            { code: 'mantra-missing', severity: 'hint', line: 13 }, // kickoff is the initial stage
            { code: 'vanity-metric', severity: 'warning', line: 15 }, // goal brand: "likes", "Followers"
            { code: 'vanity-metric', severity: 'warning', line: 22 }, // clinicQA: its only metric "Fans"
            { code: 'metric-without-target', severity: 'warning', line: 26 }, // metric fans
            { code: 'untrained-project', severity: 'warning', line: 22 }, // clinicQA: pia only, untrained
            { code: 'untapped-opportunity', severity: 'information', line: 22 }, // geography, crowdsourcing
            { code: 'low-reach', severity: 'information', line: 22 }, // 1 head < 3 / 2
            { code: 'freestanding-project', severity: 'information', line: 28 }, // memeWall
            { code: 'untapped-opportunity', severity: 'information', line: 28 }, // asynchrony
            { code: 'low-reach', severity: 'information', line: 28 }, // rex is no willing head: 0 < 1.5
            { code: 'no-quick-wins', severity: 'warning', line: 2, column: 6 }, // on the plan's name
            { code: 'naysayer-unreached', severity: 'information', line: 7 } // rex, no story at all
        ],
        projects: [
            {
                // reach pia 0.5 / 3 x 30 = 5; 25; asynchrony high 12 -> 42; no geography/crowdsourcing
                rank: 1, name: 'clinicQA', stage: 'grow', score: 42, quickWin: false, line: 22,
                parts: { reach: 5, initiative: 25, asynchrony: 12, geography: 0, crowdsourcing: 0 }
            },
            {
                // rex is a naysayer: reach 0; no initiative; crowdsourcing bare 21 + geography low 4 = 25
                rank: 2, name: 'memeWall', stage: 'grow', score: 25, quickWin: false, line: 28,
                parts: { reach: 0, initiative: 0, asynchrony: 0, geography: 4, crowdsourcing: 21 }
            }
        ]
    },
    {
        // alpha after gamma, beta after alpha, gamma after beta: one cycle, so no initial stage
        // (no mantra-missing). Managers: distinct names amy, bo = 2 (the second amy is a duplicate).
        file: 'school-district.adopt',
        plan: 'LakesideSchools',
        exit: 1,
        diagnostics: [
            { code: 'duplicate-name', severity: 'error', line: 6 }, // member amy
            { code: 'duplicate-name', severity: 'error', line: 10 }, // initiative homework
            { code: 'duplicate-name', severity: 'error', line: 12 }, // channel blog
            { code: 'duplicate-name', severity: 'error', line: 24 }, // goal g1 (metric m1 is per goal: fine)
            { code: 'duplicate-name', severity: 'error', line: 27 }, // project forum
            { code: 'duplicate-name', severity: 'error', line: 29 }, // story s1
            { code: 'stage-cycle', severity: 'error', line: 14 }, // each `after` in the cycle
            { code: 'stage-cycle', severity: 'error', line: 22 },
            { code: 'stage-cycle', severity: 'error', line: 26 },
            { code: 'low-reach', severity: 'information', line: 15 }, // involves nobody
            { code: 'low-reach', severity: 'information', line: 27 },
            { code: 'untapped-opportunity', severity: 'information', line: 27 }, // all three traits
            { code: 'no-quick-wins', severity: 'warning', line: 2, column: 6 },
            { code: 'naysayer-unreached', severity: 'information', line: 7 }, // cy: stories have no audience
            // stories s1 (gamma) from forum (alpha): following predecessors from gamma reaches beta,
            // then alpha, so gamma comes after alpha: no story-before-project.
            // SPEC section 7: both stories s1 (the duplicate too) are told from forum, which refers
            // to the first forum (score 70, no trained member): not a quick win.
            { code: 'story-from-non-quick-win', severity: 'information', line: 28, column: 27 },
            { code: 'story-from-non-quick-win', severity: 'information', line: 29, column: 28 }
        ],
        projects: [
            {
                // nobody involved: reach 0; 25 + 12 + 12 + 21 = 70; no trained member: not a quick win
                rank: 1, name: 'forum', stage: 'alpha', score: 70, quickWin: false, line: 15,
                parts: { reach: 0, initiative: 25, asynchrony: 12, geography: 12, crowdsourcing: 21 }
            },
            {
                // the duplicate: supports homework only: 25
                rank: 2, name: 'forum', stage: 'gamma', score: 25, quickWin: false, line: 27,
                parts: { reach: 0, initiative: 25, asynchrony: 0, geography: 0, crowdsourcing: 0 }
            }
        ]
    },
    {
        // Stage order: open (initial) -> archive (after open) -> exhibit (after archive, a forward
        // reference). Willing: kim, lee, pat = 3; olga naysayer is in the story's audience.
        // Nothing of SPEC section 3 to report. Section 7: both projects are quick wins (below);
        // logbook is told from archive, none from tours: untold-quick-win on tours. Managers kim
        // (trained) and lee: 1 of 2 is half, not fewer: no untrained-managers.
        file: 'harbour-museum.adopt',
        plan: 'HarbourMuseum',
        exit: 0,
        diagnostics: [{ code: 'untold-quick-win', severity: 'information', line: 20, column: 13 }],
        projects: [
            {
                // pat 1 + kim 1 = 2 / 3 x 30 = 20; 25; asynchrony medium 8; geography low 4;
                // crowdsourcing medium 14 -> 71; trained involved: 2
                rank: 1, name: 'tours', stage: 'archive', score: 71, quickWin: true, line: 20,
                parts: { reach: 20, initiative: 25, asynchrony: 8, geography: 4, crowdsourcing: 14 }
            },
            {
                // kim (twice, counts once) 1 + lee 0.5 = 1.5 / 3 x 30 = 15; 25; asynchrony low+high
                // -> high 12; geography bare 12; crowdsourcing low 7 -> 71; trained involved: 1,
                // so it ranks after tours although declared first
                rank: 2, name: 'archive', stage: 'archive', score: 71, quickWin: true, line: 12,
                parts: { reach: 15, initiative: 25, asynchrony: 12, geography: 12, crowdsourcing: 7 }
            }
        ]
    },
    {
        // Willing: ivy, jon, kat, len = 4; managers ivy, jon = 2.
        file: 'westgate-library.adopt',
        plan: 'WestgateLibrary',
        exit: 1,
        diagnostics: [
            { code: 'unresolved-reference', severity: 'error', line: 14 }, // channel podcast
            { code: 'unresolved-reference', severity: 'error', line: 16 }, // stage strat
            { code: 'unresolved-reference', severity: 'error', line: 19 }, // initiative poetryNight
            { code: 'unresolved-reference', severity: 'error', line: 20 }, // member jonn
            { code: 'unresolved-reference', severity: 'error', line: 21 }, // channel blog
            { code: 'unresolved-reference', severity: 'error', line: 27 }, // initiative poetryNight
            { code: 'unresolved-reference', severity: 'error', line: 28 }, // member nobody
            { code: 'unresolved-reference', severity: 'error', line: 30 }, // project review
            { code: 'virtual-before-human', severity: 'warning', line: 14, column: 5 }, // start is initial
            { code: 'freestanding-project', severity: 'information', line: 26 }, // only an undeclared initiative
            { code: 'untapped-opportunity', severity: 'information', line: 26 },
            { code: 'low-reach', severity: 'information', line: 26 },
            // SPEC section 7: the one story names `review`, which is not declared, so no story is
            // told from the quick win reviews.
            { code: 'untold-quick-win', severity: 'information', line: 18, column: 13 }
            // reviews: heads ivy, kat (jonn counts nothing) = 2 of 4 = exactly half: not low reach.
            // reviews uses forum: share's `after strat` does not resolve, so its predecessor is the
            // stage declared before it, start, which launches forum: no channel-not-launched.
            // Both stages have a mantra, so whichever is initial, no mantra-missing.
        ],
        projects: [
            {
                // ivy 1 + jonn 0 + kat 0.5 = 1.5 / 4 = 0.375 x 30 = 11.25 -> 11.3; bookClub 25;
                // 12 + 12 + medium 14; score 74.25 -> 74.3 (half up); quick win
                rank: 1, name: 'reviews', stage: 'share', score: 74.3, quickWin: true, line: 18,
                parts: { reach: 11.3, initiative: 25, asynchrony: 12, geography: 12, crowdsourcing: 14 }
            },
            { rank: 2, name: 'ghostTown', stage: 'share', score: 0, quickWin: false, line: 26, parts: noParts }
        ]
    },
    {
        // SPEC 6: a file without a plan gets a syntax-error that says a plan is expected.
        file: 'empty.adopt',
        exit: 1,
        diagnostics: [{ code: 'syntax-error', severity: 'error', line: 1 }],
        projects: []
    },
    {
        file: 'comments-only.adopt',
        exit: 1,
        includes: [],
        projects: []
    },
    {
        // One plan per file: the second `plan` is a syntax error.
        file: 'two-plans.adopt',
        exit: 1,
        includes: [{ code: 'syntax-error', severity: 'error', line: 5 }]
    },
    {
        // Managers dan, eve = 2. No projects: no no-quick-wins, no road-show-missing.
        file: 'fire-service.adopt',
        plan: 'FireService',
        exit: 0,
        diagnostics: [
            { code: 'mantra-missing', severity: 'hint', line: 9 }, // prepare is initial
            { code: 'vanity-metric', severity: 'warning', line: 14 }, // goal noise: "subscribers"
            { code: 'goal-without-metric', severity: 'warning', line: 17 }, // pending { }
            { code: 'metric-without-target', severity: 'warning', line: 18 }, // drillCount
            { code: 'naysayer-unreached', severity: 'information', line: 7 } // fay
            // buyIn: "75%" and "12.5" are targets; neither metric is a vanity one.
        ],
        projects: []
    },
    {
        // No stages: no mantra-missing. gus is staff: 0 managers.
        file: 'bakery-coop.adopt',
        plan: 'BakeryCoop',
        exit: 0,
        diagnostics: [{ code: 'few-managers', severity: 'warning', line: 3, column: 3 }],
        projects: []
    },
    {
        // No coalition: few-managers on the plan's name; no willing members, so reach 0.
        file: 'fernwood-startup.adopt',
        plan: 'Fernwood',
        exit: 0,
        diagnostics: [
            { code: 'few-managers', severity: 'warning', line: 2, column: 6 },
            { code: 'virtual-before-human', severity: 'warning', line: 8, column: 5 }, // initial + few managers
            { code: 'virtual-before-human', severity: 'warning', line: 18, column: 5 }, // few managers
            { code: 'no-quick-wins', severity: 'warning', line: 2, column: 6 }
            // clips: 0 heads of 0 willing: 0 < 0 / 2 is false, no low-reach; no willing member
            // involved, no untrained-project.
        ],
        projects: [
            {
                // 0 + 25 + 12 + 12 + 21 = 70, but no trained willing member: not a quick win
                rank: 1, name: 'clips', stage: 'go', score: 70, quickWin: false, line: 9,
                parts: { reach: 0, initiative: 25, asynchrony: 12, geography: 12, crowdsourcing: 21 }
            }
        ]
    },
    {
        // Stage order intro -> build -> tell. Willing: hal, ida = 2; jo, ken naysayers.
        file: 'st-agnes-hospital.adopt',
        plan: 'StAgnes',
        exit: 0,
        diagnostics: [
            { code: 'story-before-project', severity: 'warning', line: 13 }, // intro before build
            { code: 'story-before-project', severity: 'warning', line: 25 }, // same stage as its project
            { code: 'naysayer-unreached', severity: 'information', line: 7 } // ken; jo is in audiences
        ],
        projects: [
            {
                // 2 trained / 2 = 1 x 30 = 30; 25; 12 + 12 + 21 -> 100
                rank: 1, name: 'handoverWiki', stage: 'build', score: 100, quickWin: true, line: 17,
                parts: { reach: 30, initiative: 25, asynchrony: 12, geography: 12, crowdsourcing: 21 }
            }
        ]
    },
    {
        // Willing: ann, bob, cat (trained), don = 4; managers ann, bob.
        file: 'northgate-university.adopt',
        plan: 'Northgate',
        exit: 0,
        diagnostics: [
            { code: 'untrained-project', severity: 'warning', line: 15 }, // untrainedOnly: don only
            { code: 'low-reach', severity: 'information', line: 15 }, // 1 head < 2
            { code: 'untapped-opportunity', severity: 'information', line: 36 }, // noCrowd: crowdsourcing
            { code: 'road-show-missing', severity: 'information', line: 2, column: 6 } // edge is a quick win
            // edge: 2 heads of 4 = exactly half: not low reach.
        ],
        projects: [
            {
                // don 0.5 / 4 x 30 = 3.75 -> 3.8; 25 + 12 + 12 + 21; 73.75 -> 73.8; nobody trained
                rank: 1, name: 'untrainedOnly', stage: 'term2', score: 73.8, quickWin: false, line: 15,
                parts: { reach: 3.8, initiative: 25, asynchrony: 12, geography: 12, crowdsourcing: 21 }
            },
            {
                // 3 trained / 4 x 30 = 22.5; 25 + 12 + 12 + 0 = 71.5; lacks crowdsourcing
                rank: 2, name: 'noCrowd', stage: 'term2', score: 71.5, quickWin: false, line: 36,
                parts: { reach: 22.5, initiative: 25, asynchrony: 12, geography: 12, crowdsourcing: 0 }
            },
            {
                // 2 / 4 x 30 = 15; 25; medium 8 + 8 + 14 -> exactly 70 >= 70: quick win
                rank: 3, name: 'edge', stage: 'term2', score: 70, quickWin: true, line: 22,
                parts: { reach: 15, initiative: 25, asynchrony: 8, geography: 8, crowdsourcing: 14 }
            },
            {
                // 3 + 0.5 = 3.5 / 4 x 30 = 26.25 -> 26.3; 25; low 4 + 4 + 7; 66.25 -> 66.3 < 70
                rank: 4, name: 'allLow', stage: 'term2', score: 66.3, quickWin: false, line: 29,
                parts: { reach: 26.3, initiative: 25, asynchrony: 4, geography: 4, crowdsourcing: 7 }
            }
        ]
    },
    {
        // Comments everywhere; the plan's name is on line 4, column 3. Willing: ray, sue = 2 (zed is
        // commented out, so no naysayer).
        file: 'pine-sheriff.adopt',
        plan: 'PineSheriff',
        exit: 0,
        diagnostics: [{ code: 'road-show-missing', severity: 'information', line: 4, column: 3 }],
        projects: [
            {
                // ray 1 + sue 0.5 = 1.5 / 2 x 30 = 22.5; 25; bare 12; low 4; high 21 -> 84.5
                rank: 1, name: 'alertMap', stage: 'first', score: 84.5, quickWin: true, line: 15,
                parts: { reach: 22.5, initiative: 25, asynchrony: 12, geography: 4, crowdsourcing: 21 }
            }
        ]
    },
    {
        // Two coalition blocks both declare max: one duplicate, and one distinct manager (tia is an
        // executive), so few-managers on the first `coalition`. Willing (distinct): max, tia, ola = 3;
        // gil is a trained naysayer. Stage order: plan1 -> pilotA, plan1 -> pilotB.
        file: 'metro-transit.adopt',
        plan: 'MetroTransit',
        exit: 1,
        diagnostics: [
            { code: 'few-managers', severity: 'warning', line: 3, column: 3 },
            { code: 'duplicate-name', severity: 'error', line: 8 }, // member max, second block
            // mixed: "likes" and "Complaints resolved": not every metric is vain. wording:
            // "Likelihood", "Fanfare" are not whole words like/fan. vain: pageLikes, new_followers.
            { code: 'vanity-metric', severity: 'warning', line: 24 },
            { code: 'low-reach', severity: 'information', line: 40 }, // naysayerOnly: 0 willing heads
            // mapStory in pilotB, whose only predecessor is plan1: it does not come after pilotA
            { code: 'story-before-project', severity: 'warning', line: 49 }
        ],
        projects: [
            {
                // tia 1 (twice) + max 1 = 2 / 3 x 30 = 20; riderPanel (twice) 25; crowdsourcing
                // high+low -> 21; asynchrony low 4; geography medium 8 -> 78; quick win
                rank: 1, name: 'feedbackMap', stage: 'pilotA', score: 78, quickWin: true, line: 30,
                parts: { reach: 20, initiative: 25, asynchrony: 4, geography: 8, crowdsourcing: 21 }
            },
            {
                // gil is a naysayer, trained or not: reach 0; 25 + 12 + 12 + 21 = 70; no trained
                // willing member: not a quick win
                rank: 2, name: 'naysayerOnly', stage: 'pilotA', score: 70, quickWin: false, line: 40,
                parts: { reach: 0, initiative: 25, asynchrony: 12, geography: 12, crowdsourcing: 21 }
            }
        ]
    },
    {
        // Stage order: start (initial) -> spring (after start) -> summer (after spring, declared
        // before it); loop after loop is a cycle of its own, start stays initial.
        file: 'greenfield-parks.adopt',
        plan: 'GreenfieldParks',
        exit: 1,
        diagnostics: [
            { code: 'virtual-before-human', severity: 'warning', line: 11, column: 5 }, // initial stage
            { code: 'stage-cycle', severity: 'error', line: 25 }
            // cleanStory (summer) comes after cleanMap (spring): fine. Quick win and a story: fine.
        ],
        projects: [
            {
                // 2 trained / 2 x 30 = 30; 25 + 12 + 12 + 21 = 100
                rank: 1, name: 'cleanMap', stage: 'spring', score: 100, quickWin: true, line: 17,
                parts: { reach: 30, initiative: 25, asynchrony: 12, geography: 12, crowdsourcing: 21 }
            }
        ]
    },
    {
        // Garbage: the first thing is not a plan.
        file: 'garbage.adopt',
        exit: 1,
        includes: [{ code: 'syntax-error', severity: 'error', line: 1 }]
    },
    {
        // zoe is declared twice: the duplicate is reported and the first declaration (trained
        // middle-manager) is the one that counts. Willing (distinct): zoe, abe = 2; managers 2.
        file: 'oakridge-zoo.adopt',
        plan: 'OakridgeZoo',
        exit: 1,
        diagnostics: [
            { code: 'duplicate-name', severity: 'error', line: 9 },
            { code: 'mantra-missing', severity: 'hint', line: 11 }, // prep is initial
            { code: 'untrained-project', severity: 'warning', line: 17 }, // gifts: abe, untrained
            { code: 'freestanding-project', severity: 'information', line: 17 },
            { code: 'untapped-opportunity', severity: 'information', line: 17 }, // all three
            { code: 'goal-without-metric', severity: 'warning', line: 22 },
            { code: 'road-show-missing', severity: 'information', line: 2, column: 6 } // talks, no story
            // talks: 1 head of 2, gifts: 1 head of 2: exactly half, no low-reach.
        ],
        projects: [
            {
                // zoe trained 1 / 2 x 30 = 15; 25; three traits high on one line: 12 + 12 + 21 -> 85
                rank: 1, name: 'talks', stage: 'prep', score: 85, quickWin: true, line: 12,
                parts: { reach: 15, initiative: 25, asynchrony: 12, geography: 12, crowdsourcing: 21 }
            },
            {
                // abe 0.5 / 2 x 30 = 7.5; nothing else
                rank: 2, name: 'gifts', stage: 'prep', score: 7.5, quickWin: false, line: 17,
                parts: { reach: 7.5, initiative: 0, asynchrony: 0, geography: 0, crowdsourcing: 0 }
            }
        ]
    },
    {
        // One stage: it is the initial stage and nothing comes after it. Willing viv, wes, xan = 3.
        file: 'village-choir.adopt',
        plan: 'VillageChoir',
        exit: 0,
        diagnostics: [
            { code: 'mantra-missing', severity: 'hint', line: 10 },
            { code: 'virtual-before-human', severity: 'warning', line: 11, column: 5 }, // initial stage
            { code: 'untapped-opportunity', severity: 'information', line: 12 }, // geography
            { code: 'story-before-project', severity: 'warning', line: 19 }, // same stage as parts
            { code: 'no-quick-wins', severity: 'warning', line: 2, column: 6 }, // parts lacks geography
            // SPEC section 7: the story practice is told from parts, which is not a quick win.
            { code: 'story-from-non-quick-win', severity: 'information', line: 19, column: 54 }
        ],
        projects: [
            {
                // viv 1 + wes 1 + xan 0.5 = 2.5 / 3 x 30 = 25; 25; asynchrony 12; crowdsourcing
                // medium 14 -> 76; no geography: not a quick win
                rank: 1, name: 'parts', stage: 'only', score: 76, quickWin: false, line: 12,
                parts: { reach: 25, initiative: 25, asynchrony: 12, geography: 0, crowdsourcing: 14 }
            }
        ]
    },
    {
        // Each kind has its own namespace: `involves harbor` is the member, `uses harbor` and
        // `launch harbor` the channel, `from harbor` the project, `after harbor` the stage.
        // Willing harbor, dock, crew = 3; managers harbor, dock. Stage order harbor -> crew.
        file: 'bay-ferries.adopt',
        plan: 'BayFerries',
        exit: 1,
        diagnostics: [
            { code: 'duplicate-name', severity: 'error', line: 14 }, // metric delays twice in goal harbor
            { code: 'duplicate-name', severity: 'error', line: 28 }, // metric shifts twice in project harbor
            { code: 'duplicate-name', severity: 'error', line: 32 }, // stage crew
            // (metric delays in the goal and in the project: different containers, fine)
            { code: 'story-before-project', severity: 'warning', line: 30 } // same stage crew
        ],
        projects: [
            {
                // member harbor 1 + member crew 0.5 = 1.5 / 3 x 30 = 15; initiative crew 25;
                // 12 + 12 + 21 -> 85; quick win (a story exists, so no road-show-missing)
                rank: 1, name: 'harbor', stage: 'crew', score: 85, quickWin: true, line: 19,
                parts: { reach: 15, initiative: 25, asynchrony: 12, geography: 12, crowdsourcing: 21 }
            }
        ]
    },
    {
        // One-liners, for the quick fixes. Willing mo, ned = 2; managers mo, ned; nay naysayer.
        // Stage a is initial; b comes after it. Project p is empty: score 0.
        file: 'tiny-town.adopt',
        plan: 'TinyTown',
        exit: 0,
        diagnostics: [
            { code: 'naysayer-unreached', severity: 'information', line: 2 }, // nay
            { code: 'no-quick-wins', severity: 'warning', line: 2, column: 6 },
            { code: 'virtual-before-human', severity: 'warning', line: 3, column: 17 }, // initial stage
            { code: 'mantra-missing', severity: 'hint', line: 3 },
            { code: 'goal-without-metric', severity: 'warning', line: 3 },
            { code: 'freestanding-project', severity: 'information', line: 3 },
            { code: 'untapped-opportunity', severity: 'information', line: 3 },
            { code: 'low-reach', severity: 'information', line: 3 }, // 0 heads < 1
            { code: 'story-before-project', severity: 'warning', line: 3 }, // same stage a
            // SPEC section 7: story s is told from p, which is not a quick win (score 0).
            { code: 'story-from-non-quick-win', severity: 'information', line: 3, column: 75 }
            // Managers mo (trained) and ned: 1 of 2 is half: no untrained-managers.
        ],
        projects: [{ rank: 1, name: 'p', stage: 'a', score: 0, quickWin: false, line: 3, parts: noParts }]
    },
    {
        // A copy of SPEC's own example. Willing ana, ben, cho = 3; dee naysayer; managers ana, ben.
        // initiation -> rollout -> diffusion.
        file: 'riverside-health.adopt',
        plan: 'RiversideHealth',
        exit: 0,
        diagnostics: [
            // hashtagContest: no initiative, no traits, dee is no willing head (0 < 1.5)
            { code: 'freestanding-project', severity: 'information', line: 35, column: 13 }, // as in docs/diagnostics.md
            { code: 'untapped-opportunity', severity: 'information', line: 35 },
            { code: 'low-reach', severity: 'information', line: 35 },
            // SPEC section 7: hashtagContest (rollout) uses facebook, which no stage launches
            // (rollout launches youtube only): on `facebook` in `uses facebook`, line 37 column 12.
            { code: 'channel-not-launched', severity: 'warning', line: 37, column: 12 }
            // streamRounds uses youtube, launched in its own stage. Managers ana (trained) and ben:
            // half trained, no untrained-managers. The story reach is told from the quick win.
        ],
        projects: [
            {
                // SPEC: 25 + 25 + 12 + 12 + 14 = 88 (ana 1 + cho 1 + ben 0.5 = 2.5 / 3 x 30 = 25)
                rank: 1, name: 'streamRounds', stage: 'rollout', score: 88, quickWin: true, line: 26,
                parts: { reach: 25, initiative: 25, asynchrony: 12, geography: 12, crowdsourcing: 14 }
            },
            { rank: 2, name: 'hashtagContest', stage: 'rollout', score: 0, quickWin: false, line: 35, parts: noParts }
        ]
    },
    {
        // A plan saved mid-word: `role middle-man`.
        file: 'civic-theatre.adopt',
        exit: 1,
        includes: [{ code: 'syntax-error', severity: 'error', line: 4 }]
    },

    // SPEC section 7, the living plan. Today is 1 March 2027 (ADOPT_TODAY for every run here).
    {
        // Willing: ivy, joe, kai, lea = 4; nat is a naysayer. Managers ivy (trained), joe, kai: 3.
        // Stage order: prepare (initial) -> pilot (declared next) -> tell (after pilot).
        file: 'harbourside-library.adopt',
        plan: 'Harbourside',
        exit: 0,
        diagnostics: [
            // The plan launches channels (forum, radio); 3 managers, 1 trained: 1 x 2 = 2 < 3.
            { code: 'untrained-managers', severity: 'warning', line: 3, column: 3 },
            // prepare's window 2027-01-04..2027-02-26 holds every due date in it (01-15, 02-12, 02-20).
            // askNat: owned by the naysayer nat (allowed: no diagnostic for that); due 12 February,
            // blocked, not done: overdue, on the due date.
            { code: 'overdue-action', severity: 'warning', line: 19, column: 62 },
            // signs: due 20 February, no status (todo): overdue.
            { code: 'overdue-action', severity: 'warning', line: 20, column: 47 },
            // pilot starts 2027-01-02, before prepare, its predecessor, starts (2027-01-04).
            { code: 'stage-window-order', severity: 'warning', line: 24, column: 28 },
            // moderators: no owner and not done; due 20 March, after today: not overdue.
            { code: 'action-without-owner', severity: 'information', line: 26, column: 12 },
            // farOff: due 2035-01-01, far after pilot's window (to 2027-06-30); not overdue.
            { code: 'action-outside-stage', severity: 'warning', line: 27, column: 56 },
            // readingCircle's actions: pickBooks done; invite due 20 February and doing: overdue.
            { code: 'overdue-action', severity: 'warning', line: 38, column: 57 },
            // homeworkHelp is a quick win (below) and no story is told from it; the plan has stories.
            { code: 'untold-quick-win', severity: 'information', line: 40, column: 13 },
            // homeworkHelp uses forum (launched in pilot, its stage) and radio, launched only in tell,
            // which comes after pilot, not before it: on `radio`. schedule is due today: not overdue.
            { code: 'channel-not-launched', severity: 'warning', line: 47, column: 19 },
            // radioShow: joe only (willing, untrained); no initiative; asynchrony only; 1 head < 4 / 2.
            { code: 'untrained-project', severity: 'warning', line: 50, column: 13 },
            { code: 'freestanding-project', severity: 'information', line: 50, column: 13 },
            { code: 'untapped-opportunity', severity: 'information', line: 50, column: 13 },
            { code: 'low-reach', severity: 'information', line: 50, column: 13 },
            { code: 'channel-not-launched', severity: 'warning', line: 53, column: 12 },
            // radioStory is told from radioShow (7.8), not a quick win; circleStory from readingCircle
            // is a success story, and reaches nat (no naysayer-unreached). tell comes after pilot.
            { code: 'story-from-non-quick-win', severity: 'information', line: 60, column: 36 }
            // Not here: few-managers (3), virtual-before-human (pilot and tell are not initial, 3
            // managers), mantra-missing, low-reach of the two quick wins (2 and 3 heads of 4).
        ],
        projects: [
            {
                // ivy 1 + lea 1 + joe 0.5 = 2.5 / 4 x 30 = 18.75 -> 18.8; 25; 12; geography low 4;
                // 21; 80.75 -> 80.8; effort high (not part of the score)
                rank: 1, name: 'homeworkHelp', stage: 'pilot', score: 80.8, quickWin: true, line: 40, effort: 'high',
                parts: { reach: 18.8, initiative: 25, asynchrony: 12, geography: 4, crowdsourcing: 21 }
            },
            {
                // ivy 1 + lea 1 = 2 / 4 x 30 = 15; 25; 12; 12; crowdsourcing medium 14 -> 78; effort low
                rank: 2, name: 'readingCircle', stage: 'pilot', score: 78, quickWin: true, line: 28, effort: 'low',
                parts: { reach: 15, initiative: 25, asynchrony: 12, geography: 12, crowdsourcing: 14 }
            },
            {
                // joe 0.5 / 4 x 30 = 3.75 -> 3.8; no initiative; asynchrony low 4 -> 7.75 -> 7.8; no effort
                rank: 3, name: 'radioShow', stage: 'pilot', score: 7.8, quickWin: false, line: 50, effort: null,
                parts: { reach: 3.8, initiative: 0, asynchrony: 4, geography: 0, crowdsourcing: 0 }
            }
        ]
    },
    {
        // Managers ada, bob, both trained; no launch, no project. Stage order prep -> run -> wrap.
        file: 'winter-festival.adopt',
        plan: 'WinterFestival',
        exit: 1,
        diagnostics: [
            // 2027-02-30: February 2027 has 28 days; 2027-13-01: no month 13; 0000-01-01: no year 0.
            { code: 'invalid-date', severity: 'error', line: 7, column: 29 },
            { code: 'invalid-date', severity: 'error', line: 7, column: 43 },
            { code: 'invalid-date', severity: 'error', line: 9, column: 47 },
            // book's due date is no date: it is neither overdue nor outside the window. leap is due
            // 2028-02-29, a leap day: a date, after today; prep's window is no window (its dates are not).
            // run: to 2027-01-10 is before from 2027-06-30: on `to`. clean (due today) is not
            // judged against a reversed window, and is not overdue.
            { code: 'stage-window-reversed', severity: 'error', line: 12, column: 51 },
            // wrap starts 2027-06-01, before run, its predecessor, starts (2027-06-30). run is not
            // compared with prep, whose start is no date.
            { code: 'stage-window-order', severity: 'warning', line: 15, column: 29 }
        ],
        projects: []
    },
    {
        // Syntax errors of section 7: the plan keeps its other diagnostics (the goal heard).
        file: 'typo-dates.adopt',
        exit: 1,
        includes: [
            // `due 27-1-1`: one error on the whole of it, saying how dates are written.
            { code: 'syntax-error', severity: 'error', line: 9, column: 48 },
            // `done due … owner …`: after the status nothing may follow: on `due`, saying the order.
            { code: 'syntax-error', severity: 'error', line: 10, column: 49 },
            { code: 'goal-without-metric', severity: 'warning', line: 11 },
            // `to … from …`: on `from`, saying the order.
            { code: 'syntax-error', severity: 'error', line: 13, column: 39 }
        ]
    }
];

/**
 * northgate-university.adopt with `--config crowd-heavy.json`
 * ({ weights: { crowdsourcing: 30 }, threshold: 60 }): high 30, medium 20, low 10.
 */
export const NORTHGATE_CROWD_HEAVY: readonly ExpectedProject[] = [
    {
        // 3.75 + 25 + 12 + 12 + 30 = 82.75 -> 82.8; nobody trained
        rank: 1, name: 'untrainedOnly', stage: 'term2', score: 82.8, quickWin: false, line: 15,
        parts: { reach: 3.8, initiative: 25, asynchrony: 12, geography: 12, crowdsourcing: 30 }
    },
    {
        // 15 + 25 + 8 + 8 + 20 = 76 >= 60
        rank: 2, name: 'edge', stage: 'term2', score: 76, quickWin: true, line: 22,
        parts: { reach: 15, initiative: 25, asynchrony: 8, geography: 8, crowdsourcing: 20 }
    },
    {
        // 22.5 + 25 + 12 + 12 + 0 = 71.5; lacks crowdsourcing
        rank: 3, name: 'noCrowd', stage: 'term2', score: 71.5, quickWin: false, line: 36,
        parts: { reach: 22.5, initiative: 25, asynchrony: 12, geography: 12, crowdsourcing: 0 }
    },
    {
        // 26.25 + 25 + 4 + 4 + 10 = 69.25 -> 69.3 >= 60: quick win
        rank: 4, name: 'allLow', stage: 'term2', score: 69.3, quickWin: true, line: 29,
        parts: { reach: 26.3, initiative: 25, asynchrony: 4, geography: 4, crowdsourcing: 10 }
    }
];

/**
 * northgate-university.adopt with `--config fine-weights.json`: only initiative counts, at 1.15,
 * threshold 1. Every project supports an initiative: 1.15 -> 1.2 (half up). All tie at 1.2, so
 * trained willing members involved decide: allLow 3 and noCrowd 3 (declaration order: allLow
 * first), edge 2, untrainedOnly 0. Quick wins: allLow and edge (all traits, a trained member,
 * 1.2 >= 1); noCrowd lacks crowdsourcing, untrainedOnly has no trained member.
 */
const onlyInitiative = { reach: 0, initiative: 1.2, asynchrony: 0, geography: 0, crowdsourcing: 0 };
export const NORTHGATE_FINE_WEIGHTS: readonly ExpectedProject[] = [
    { rank: 1, name: 'allLow', stage: 'term2', score: 1.2, quickWin: true, line: 29, parts: onlyInitiative },
    { rank: 2, name: 'noCrowd', stage: 'term2', score: 1.2, quickWin: false, line: 36, parts: onlyInitiative },
    { rank: 3, name: 'edge', stage: 'term2', score: 1.2, quickWin: true, line: 22, parts: onlyInitiative },
    { rank: 4, name: 'untrainedOnly', stage: 'term2', score: 1.2, quickWin: false, line: 15, parts: onlyInitiative }
];
