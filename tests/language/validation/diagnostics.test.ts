/**
 * Every diagnostic code (src/language/validation/issue-codes.ts): a plan that triggers it and a near-identical plan that
 * does not, with the code's severity, where the diagnostic sits, and a message that says what to do.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { levelOf } from '../../../src/language/config/adopt-config-schema.js';
import { codeReference, withCodeReference } from '../../../src/language/validation/issue-code-reference.js';
import { ALL_ISSUE_CODES, IssueCodeTable } from '../../../src/language/validation/issue-codes.js';
import { codesOf, createTestServices, parser, withCode, workspaceParser } from '../../support/helpers.js';
import { HEALTHY_PLAN, SEVERITY, healthy, lineOf, lineOfText, textAt } from '../../support/plan-fixtures.js';

interface DiagnosticCase {
    readonly code: string;
    readonly severity: keyof typeof SEVERITY;
    /** A plan with exactly one diagnostic of this code. */
    readonly trigger: string;
    /** A near-identical plan without it. */
    readonly clean: string;
    /** The text the diagnostic's range covers. */
    readonly at: string;
    /** The line it sits on: the line where this text first occurs in the trigger plan. */
    readonly onLineOf: string;
    /** What the message must say (among others: what to do). */
    readonly message: readonly RegExp[];
    /** The other files of the workspace (by path), when the plan is the file `plan.adopt` among them. */
    readonly files?: Readonly<Record<string, string>>;
    /** The other files for the near-identical plan, when they differ. */
    readonly cleanFiles?: Readonly<Record<string, string>>;
}

/** A shared file of the workspace: a member, a channel and an initiative the plans do not declare. */
const PEOPLE = 'shared People "The network\'s people" {\n  coalition { member zed "Zed" role executive }\n  channel intranet "Intranet" on intranet\n}\n';

const cases: DiagnosticCase[] = [
    {
        code: 'use-not-found', severity: 'error',
        trigger: `use "network/peple.adopt"\n${HEALTHY_PLAN}`,
        clean: `use "network/people.adopt"\n${HEALTHY_PLAN}`,
        files: { 'network/people.adopt': PEOPLE },
        at: '"network/peple.adopt"', onLineOf: 'use "network/peple',
        message: [/"network\/peple\.adopt" names no readable \.adopt file/, /Correct the path/]
    },
    {
        code: 'use-not-shared', severity: 'error',
        trigger: `use "cardiology.adopt"\n${HEALTHY_PLAN}`,
        clean: `use "cardiology.adopt"\n${HEALTHY_PLAN}`,
        files: { 'cardiology.adopt': 'plan Cardiology "Cardiology" { }\n' },
        cleanFiles: { 'cardiology.adopt': 'shared Cardiology "Cardiology" { }\n' },
        at: '"cardiology.adopt"', onLineOf: 'use "cardiology',
        message: [/holds a plan \('Cardiology'\), not a shared block/, /move what the plans share into a file that starts with shared/]
    },
    {
        code: 'use-cycle', severity: 'error',
        trigger: 'use "network/people.adopt"\nshared Network "Network" { }\n',
        clean: 'use "network/people.adopt"\nshared Network "Network" { }\n',
        files: { 'network/people.adopt': `use "../plan.adopt"\n${PEOPLE}` },
        cleanFiles: { 'network/people.adopt': PEOPLE },
        at: '"network/people.adopt"', onLineOf: 'use "network',
        message: [/closes a cycle of shared files/, /Remove one use of the cycle/]
    },
    {
        code: 'unused-use', severity: 'hint',
        trigger: `use "network/people.adopt"\n${HEALTHY_PLAN}`,
        clean: `use "network/people.adopt"\n${HEALTHY_PLAN.replace('involves ana, ben', 'involves ana, ben, zed')}`,
        files: { 'network/people.adopt': PEOPLE },
        at: '"network/people.adopt"', onLineOf: 'use "network',
        message: [/"network\/people\.adopt" is not needed/, /Remove this line/]
    },
    {
        code: 'duplicate-name', severity: 'error',
        trigger: healthy(['member dee "Dee"', 'member ben "Ben twin" role staff\n    member dee "Dee"']),
        clean: healthy(['member dee "Dee"', 'member bob "Ben twin" role staff\n    member dee "Dee"']),
        at: 'ben', onLineOf: 'Ben twin',
        message: [/member/, /'ben'/, /another name/]
    },
    {
        code: 'stage-cycle', severity: 'error',
        trigger: healthy(['stage start "Build human bandwidth" {', 'stage start "Build human bandwidth" after show {']),
        clean: healthy(['stage show "Road show" {', 'stage show "Road show" after rollout {']),
        at: 'show', onLineOf: 'stage start',
        message: [/cycle/, /start/, /show/, /Point 'after' at an earlier stage, or remove it/]
    },
    {
        code: 'unresolved-reference', severity: 'error',
        trigger: healthy(['involves ana, ben', 'involves ana, bob']),
        clean: healthy(['involves ana, ben', 'involves ana, dee']),
        at: 'bob', onLineOf: 'involves ana',
        message: [/member/, /'bob'/, /correct the name/]
    },
    {
        code: 'syntax-error', severity: 'error',
        trigger: healthy(['role operational-manager trained', 'role boss trained']),
        clean: healthy(['role operational-manager trained', 'role staff trained']),
        at: 'boss', onLineOf: 'member ben',
        message: [/Expected a role/, /middle-manager/, /found the name 'boss'/]
    },
    {
        code: 'virtual-before-human', severity: 'warning',
        trigger: healthy(['    launch yt\n', ''], ['mantra "The status quo must go!"', 'mantra "The status quo must go!"\n    launch yt']),
        clean: HEALTHY_PLAN,
        at: 'launch yt', onLineOf: 'launch yt',
        message: [/virtual bandwidth before human bandwidth/, /'start' is the initial stage/, /Move the launch to a later stage/]
    },
    {
        code: 'few-managers', severity: 'warning',
        trigger: healthy(['role operational-manager trained', 'role early-adopter trained']),
        clean: healthy(['role operational-manager trained', 'role middle-manager trained']),
        at: 'coalition', onLineOf: 'coalition',
        message: [/only 1 manager/, /Win over at least 2 middle or operational managers/]
    },
    {
        code: 'untrained-project', severity: 'warning',
        trigger: healthy(['unit "Cardiology" trained', 'unit "Cardiology"'], ['role operational-manager trained', 'role operational-manager']),
        clean: healthy(['unit "Cardiology" trained', 'unit "Cardiology"']),
        at: 'stream', onLineOf: 'project stream',
        message: [/none of them is trained/, /Train one of them|involve a trained member/]
    },
    {
        code: 'goal-without-metric', severity: 'warning',
        trigger: healthy(['metric convinced "Managers who can explain the need" target 60%', '']),
        clean: HEALTHY_PLAN,
        at: 'buyIn', onLineOf: 'goal buyIn',
        message: [/Goal 'buyIn' has no metric/, /Add a metric/]
    },
    {
        code: 'metric-without-target', severity: 'warning',
        trigger: healthy([' target 500', '']),
        clean: HEALTHY_PLAN,
        at: 'views', onLineOf: 'metric views',
        message: [/Metric 'views' has no target/, /target 60%|target 500/]
    },
    {
        code: 'vanity-metric', severity: 'warning',
        trigger: healthy(['metric views "Archive views per month"', 'metric subscribers "New subscribers per month"']),
        clean: healthy(['metric views "Archive views per month"', 'metric subscribers "New subscribers per month"\n      metric views "Archive views per month" target 500']),
        at: 'stream', onLineOf: 'project stream',
        message: [/only by likes, followers, subscribers or fans/, /Add a metric/]
    },
    {
        code: 'no-quick-wins', severity: 'warning',
        trigger: healthy(['      crowdsourcing\n', '']),
        clean: healthy(['      crowdsourcing\n', '      crowdsourcing low\n']),
        at: 'Healthy', onLineOf: 'plan Healthy',
        message: [/None of the plan's 1 project is a quick win/, /'stream'/, /add the trait crowdsourcing/]
    },
    {
        code: 'story-before-project', severity: 'warning',
        trigger: healthy(['stage show "Road show" {', 'stage show "Road show" after start {']),
        clean: healthy(['stage show "Road show" {', 'stage show "Road show" after rollout {']),
        at: 'stream', onLineOf: 'story reachStory',
        message: [/does not come after stage 'rollout'/, /Move the story to a later stage/]
    },
    {
        code: 'freestanding-project', severity: 'information',
        trigger: healthy(['      supports rounds\n', '']),
        clean: HEALTHY_PLAN,
        at: 'stream', onLineOf: 'project stream',
        message: [/freestanding/, /add 'supports'/]
    },
    {
        code: 'untapped-opportunity', severity: 'information',
        trigger: healthy(['      geography\n', '']),
        clean: healthy(['      geography\n', '      geography low\n']),
        at: 'stream', onLineOf: 'project stream',
        message: [/leaves untapped: geography\./, /add it/]
    },
    {
        code: 'low-reach', severity: 'information',
        trigger: healthy(['involves ana, ben', 'involves ana'], ['member dee', 'member cy "Cy" role staff\n    member dee']),
        clean: healthy(['involves ana, ben', 'involves ana'], ['member dee', 'member cy "Cy" role naysayer\n    member dee'], ['audience dee', 'audience dee, cy']),
        at: 'stream', onLineOf: 'project stream',
        message: [/involves 1 of the 3 willing members/, /Involve at least half of them/]
    },
    {
        code: 'road-show-missing', severity: 'information',
        trigger: healthy(['story reachStory "Rounds reach three campuses" from stream\n    audience dee', 'goal heard "Naysayers hear" { metric asked "Naysayers asked" target 3 }']),
        clean: HEALTHY_PLAN,
        at: 'Healthy', onLineOf: 'plan Healthy',
        message: [/1 quick win but no story/, /Turn 'stream' into a success story/]
    },
    {
        code: 'naysayer-unreached', severity: 'information',
        trigger: healthy(['\n    audience dee', '']),
        clean: HEALTHY_PLAN,
        at: 'dee', onLineOf: 'member dee',
        message: [/The naysayer 'dee' hears no success story/, /Add them to a story's audience/]
    },
    {
        code: 'mantra-missing', severity: 'hint',
        trigger: healthy(['    mantra "The status quo must go!"\n', '']),
        clean: healthy(['    mantra "The status quo must go!"\n', '    mantra "Change is coming"\n']),
        at: 'start', onLineOf: 'stage start',
        message: [/initial stage 'start' has no mantra/, /mantra "The status quo must go!"/]
    },
    // SPEC section 7, with today fixed at 1 March 2027 (see below).
    {
        code: 'invalid-date', severity: 'error',
        trigger: healthy(['stage rollout "Roll-out" {', 'stage rollout "Roll-out" from 2027-02-30 {']),
        clean: healthy(['stage rollout "Roll-out" {', 'stage rollout "Roll-out" from 2027-02-28 {']),
        at: '2027-02-30', onLineOf: 'stage rollout',
        message: [/2027-02-30 is not a date: February 2027 has 28 days/, /Correct the date of stage 'rollout'/]
    },
    {
        code: 'stage-window-reversed', severity: 'error',
        trigger: healthy(['stage rollout "Roll-out" {', 'stage rollout "Roll-out" from 2027-06-30 to 2027-01-10 {']),
        clean: healthy(['stage rollout "Roll-out" {', 'stage rollout "Roll-out" from 2027-01-10 to 2027-06-30 {']),
        at: '2027-01-10', onLineOf: 'stage rollout',
        message: [/Stage 'rollout' ends \(to 2027-01-10\) before it starts \(from 2027-06-30\)/, /Swap the two dates/]
    },
    {
        code: 'channel-not-launched', severity: 'warning',
        trigger: healthy(['    launch yt\n', '']),
        clean: HEALTHY_PLAN,
        at: 'yt', onLineOf: 'uses yt',
        message: [/Project 'stream' uses the channel 'yt', which no launch opens by its stage 'rollout'/, /Launch it in that stage or in one before it \(launch yt\)/]
    },
    {
        code: 'untrained-managers', severity: 'warning',
        trigger: healthy(['role operational-manager trained', 'role operational-manager'], ['member dee "Dee"', 'member cy "Cy" role middle-manager\n    member dee "Dee"']),
        clean: healthy(['role operational-manager trained', 'role operational-manager']),
        at: 'coalition', onLineOf: 'coalition',
        message: [/Only 1 of the coalition's 3 managers is trained, and the plan launches channels/, /Train at least half of the managers/]
    },
    {
        code: 'action-outside-stage', severity: 'warning',
        trigger: healthy(['stage rollout "Roll-out" {', 'stage rollout "Roll-out" to 2027-06-30 {'], ['      uses yt\n', '      uses yt\n      action film "Film the rounds" owner ana due 2027-07-01 done\n']),
        clean: healthy(['stage rollout "Roll-out" {', 'stage rollout "Roll-out" to 2027-06-30 {'], ['      uses yt\n', '      uses yt\n      action film "Film the rounds" owner ana due 2027-06-30 done\n']),
        at: '2027-07-01', onLineOf: 'action film',
        message: [/Action 'film' is due on 1 July 2027, after its stage 'rollout' \(to 2027-06-30\)/, /Move the due date into the stage's window/]
    },
    {
        code: 'overdue-action', severity: 'warning',
        trigger: healthy(['    launch yt\n', '    launch yt\n    action film "Film the rounds" owner ana due 2027-02-28 doing\n']),
        clean: healthy(['    launch yt\n', '    launch yt\n    action film "Film the rounds" owner ana due 2027-02-28 done\n']),
        at: '2027-02-28', onLineOf: 'action film',
        message: [/Action 'film' was due on 28 February 2027 and is not done/, /Mark it done if it is, or give it a new due date/]
    },
    {
        code: 'stage-window-order', severity: 'warning',
        trigger: healthy(['stage rollout "Roll-out" {', 'stage rollout "Roll-out" from 2027-03-01 {'], ['stage show "Road show" {', 'stage show "Road show" from 2027-02-01 {']),
        clean: healthy(['stage rollout "Roll-out" {', 'stage rollout "Roll-out" from 2027-03-01 {'], ['stage show "Road show" {', 'stage show "Road show" from 2027-04-01 {']),
        at: '2027-02-01', onLineOf: 'stage show',
        message: [/Stage 'show' starts on 1 February 2027, before the stage it follows, 'rollout', starts \(1 March 2027\)/, /Start it later/]
    },
    {
        code: 'untold-quick-win', severity: 'information',
        trigger: healthy(['    story reachStory', '    launch yt\n    project wiki "Wiki" {\n      supports rounds\n      involves ana, ben\n      asynchrony\n      geography\n      crowdsourcing\n    }\n    story reachStory']),
        clean: healthy(['    story reachStory', '    launch yt\n    project wiki "Wiki" {\n      supports rounds\n      involves ana, ben\n      asynchrony\n      geography\n      crowdsourcing\n    }\n    story wikiStory "Wiki story" from wiki\n    story reachStory']),
        at: 'wiki', onLineOf: 'project wiki',
        message: [/Project 'wiki' is a quick win \(score 100\) that no story is told from/, /Turn it into a success story/]
    },
    {
        code: 'story-from-non-quick-win', severity: 'information',
        trigger: healthy(['      crowdsourcing\n', '      crowdsourcing low\n'], ['      asynchrony\n', '']),
        clean: healthy(['      crowdsourcing\n', '      crowdsourcing low\n']),
        at: 'stream', onLineOf: 'story reachStory',
        message: [/Story 'reachStory' is told from 'stream', which is not a quick win \(score 74\): add the trait asynchrony/, /tell one from a quick win/]
    },
    {
        code: 'action-without-owner', severity: 'information',
        trigger: healthy(['    launch yt\n', '    launch yt\n    action film "Film the rounds" due 2027-04-01\n']),
        clean: healthy(['    launch yt\n', '    launch yt\n    action film "Film the rounds" owner ben due 2027-04-01\n']),
        at: 'film', onLineOf: 'action film',
        message: [/Action 'film' has no owner/, /owner NAME/]
    },
    {
        code: 'unused-suppression', severity: 'hint',
        trigger: healthy(['    project stream', '    // adopt-ignore low-reach\n    project stream']),
        clean: healthy(['    project stream', '    // a comment that silences nothing\n    project stream']),
        at: 'low-reach', onLineOf: 'adopt-ignore',
        message: [/no low-reach diagnostic on the next line/, /Remove 'low-reach' from this adopt-ignore/]
    }
];

describe('the diagnostic codes', () => {
    const services = createTestServices();
    services.model.Today.set('2027-03-01');
    const parse = parser(services);

    test('every code of the table of codes has its case here, and no other code', () => {
        expect(cases.map(c => c.code).sort()).toEqual([...ALL_ISSUE_CODES].sort());
    });

    test('the reference in docs/diagnostics.md is the one the table of codes gives (npm run sync-codes writes it)', () => {
        const page = readFileSync(resolve(__dirname, '../../../docs/diagnostics.md'), 'utf8');
        expect(page, 'run npm run sync-codes after changing issue-codes.ts').toBe(withCodeReference(page));
    });

    test('the reference lists every code once, with its default severity and its link, and says what to do for each', () => {
        const reference = codeReference();
        for (const code of ALL_ISSUE_CODES) {
            const { severity, summary, help } = IssueCodeTable[code];
            expect(reference.split(`| [\`${code}\`](#${code}) |`), code).toHaveLength(2);
            expect(reference, code).toContain(`| [\`${code}\`](#${code}) | ${levelOf(severity)} |`);
            expect(reference, code).toContain(`### \`${code}\`\n\n**${summary}** ${help}`);
        }
    });

    test('a page without the markers of the reference is refused with a message that names them', () => {
        expect(() => withCodeReference('# Diagnostics\n')).toThrow(/<!-- codes:start --> … <!-- codes:end -->/);
    });

    test('the healthy plan has no diagnostic at all', async () => {
        expect(codesOf(await parse(HEALTHY_PLAN))).toEqual([]);
    });

    const build = workspaceParser(services);
    /** The plan alone, or as the file plan.adopt among the case's other files. */
    const parseCase = async (text: string, files: Readonly<Record<string, string>> | undefined) =>
        (files ? (await build({ ...files, 'plan.adopt': text }))['plan.adopt'] : await parse(text));

    describe.each(cases)('$code', c => {
        test(`is a ${c.severity}, on '${c.at}', with a message that says what to do`, async () => {
            const document = await parseCase(c.trigger, c.files);
            const found = withCode(document, c.code);
            expect(found, codesOf(document).join(', ')).toHaveLength(1);
            const [diagnostic] = found;
            expect(diagnostic.severity).toBe(SEVERITY[c.severity]);
            expect(textAt(document, diagnostic)).toBe(c.at);
            expect(lineOf(diagnostic)).toBe(lineOfText(c.trigger, c.onLineOf));
            for (const pattern of c.message) {
                expect(diagnostic.message).toMatch(pattern);
            }
            expect((diagnostic.data as { code?: string }).code).toBe(c.code);
        });

        test('is absent from the near-identical plan', async () => {
            const document = await parseCase(c.clean, c.cleanFiles ?? c.files);
            expect(codesOf(document)).not.toContain(c.code);
        });
    });
});
