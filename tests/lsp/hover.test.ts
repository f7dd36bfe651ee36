/**
 * Hover: projects (score, rank, parts, what is missing), members, traits and levels, roles, and
 * the other declarations.
 */
import { describe, test } from 'vitest';
import { expectHover } from 'langium/test';
import { createTestServices, example } from '../support/helpers.js';

const services = createTestServices();
const hover = expectHover(services);
const EXAMPLE = example('riverside-health.adopt');

/** The example with `<|>` inserted before the n-th occurrence (0-based) of `at`. */
function exampleAt(at: string, occurrence = 0): string {
    let index = -1;
    for (let i = 0; i <= occurrence; i++) index = EXAMPLE.indexOf(at, index + 1);
    if (index < 0) throw new Error(`'${at}' not in the example`);
    return EXAMPLE.slice(0, index) + '<|>' + EXAMPLE.slice(index);
}

describe('hover on a project', () => {
    test('a quick win starts with its score line and shows the table of parts', async () => {
        await hover({ text: exampleAt('streamRounds "'), index: 0, hover: /^score 88 · rank 1 of 2 · quick win · \*\*on track\*\* {2}\n/ });
        // The headings of the right-aligned columns keep a gap from the column before (hover tables have no cell padding).
        await hover({ text: exampleAt('streamRounds "'), index: 0, hover: /\| part \| (&nbsp;)+value \| (&nbsp;)+weight \| (&nbsp;)+points \|/ });
        await hover({ text: exampleAt('streamRounds "'), index: 0, hover: /\| reach \| 0\.83 \| 30 \| 25 \|\n\| initiative \| 1 \| 25 \| 25 \|\n\| asynchrony \| 1 \| 12 \| 12 \|\n\| geography \| 1 \| 12 \| 12 \|\n\| crowdsourcing \| 0\.67 \| 21 \| 14 \|/ });
    });

    test('a project that is not a quick win lists what is missing', async () => {
        await hover({
            text: exampleAt('hashtagContest'), index: 0,
            hover: /^score 0 · rank 2 of 2 · not a quick win · \*\*on track\*\* {2}\n[\s\S]*To become a quick win: support an existing initiative; involve at least one trained, willing member; add the traits asynchrony, geography, crowdsourcing; reach a score of 70 \(now 0\)\.$/
        });
    });

    test('works on a reference to the project and on its keyword', async () => {
        await hover({ text: exampleAt('streamRounds\n'), index: 0, hover: /^score 88 · rank 1 of 2 · quick win/ });
        await hover({ text: exampleAt('project streamRounds'), index: 0, hover: /^score 88 · rank 1 of 2 · quick win/ });
    });
});

describe('hover on a member', () => {
    test('shows role, training, willingness, unit and projects', async () => {
        await hover({ text: exampleAt('ana "'), index: 0, hover: /\*\*Ana Ortiz\*\*[\s\S]*middle manager[\s\S]*- trained\n- willing[\s\S]*, a manager\n- unit: Cardiology\n- projects: `streamRounds` \(score 88, quick win\)/ });
    });

    test('a naysayer: not trained, not willing, and the stories they hear (on a reference in an audience)', async () => {
        await hover({ text: exampleAt('dee\n'), index: 0, hover: /- not trained\n- naysayer: not \(yet\) willing\n- unit: Finance\n- projects: `hashtagContest` \(score 0\)\n- hears the stories: `reach`/ });
    });

    test('trained says what training counts for', async () => {
        await hover({ text: exampleAt('trained\n'), index: 0, hover: /^trained: has had the training[\s\S]*counts 1 toward a project's reach/ });
    });

    test('a role keyword says what the role means', async () => {
        await hover({ text: exampleAt('naysayer            unit'), index: 0, hover: /^naysayer: not \(yet\) willing; win them over with success stories/ });
    });
});

describe('hover on a trait', () => {
    test('the trait keyword explains the opportunity, from the article', async () => {
        await hover({ text: exampleAt('asynchrony high'), index: 0, hover: /^\*\*Asynchrony: people separated by time\*\*/ });
        await hover({ text: exampleAt('geography high'), index: 0, hover: /^\*\*Geographic disparity: people separated by space\*\*/ });
        await hover({ text: exampleAt('crowdsourcing medium'), index: 0, hover: /most powerful marker for success[\s\S]*Here: medium, 0\.67 x weight 21/ });
    });

    test('the level explains itself and its trait', async () => {
        await hover({ text: exampleAt('medium'), index: 0, hover: /^`medium`: medium: the project uses this opportunity in part[\s\S]*Crowdsourcing/ });
    });
});

describe('hover on other declarations', () => {
    test('stage, channel, initiative, goal, story and plan get a short summary', async () => {
        await hover({ text: exampleAt('initiation "'), index: 0, hover: /stage `initiation`[\s\S]*the initial stage/ });
        await hover({ text: exampleAt('youtube\n', 1), index: 0, hover: /channel `youtube` on youtube[\s\S]*launched in: `rollout`[\s\S]*used by: `streamRounds`/ });
        await hover({ text: exampleAt('youtube\n'), index: 0, hover: /channel `youtube` on youtube/ });
        await hover({ text: exampleAt('grandRounds\n'), index: 0, hover: /initiative `grandRounds`[\s\S]*Supported by: `streamRounds`/ });
        await hover({ text: exampleAt('managersBuyIn'), index: 0, hover: /goal `managersBuyIn`[\s\S]*Measured by: `managersConvinced`/ });
        await hover({ text: exampleAt('reach "'), index: 0, hover: /story `reach`[\s\S]*from project: `streamRounds`[\s\S]*audience: `dee`/ });
        await hover({ text: exampleAt('RiversideHealth'), index: 0, hover: /2 projects, 1 quick win; 3 willing members, 2 managers/ });
    });

    test('no hover on punctuation', async () => {
        await hover({ text: exampleAt('{'), index: 0, hover: undefined });
    });
});

describe('hover on the living plan (SPEC section 7), today 1 March 2027', () => {
    const living = createTestServices();
    living.model.Today.set('2027-03-01');
    const hoverLiving = expectHover(living);
    const LAKESHORE = example('lakeshore-college.adopt');
    const at = (needle: string) => {
        const index = LAKESHORE.indexOf(needle);
        if (index < 0) throw new Error(`'${needle}' not in lakeshore-college.adopt`);
        return LAKESHORE.slice(0, index) + '<|>' + LAKESHORE.slice(index);
    };

    test("a metric's progress: actual against target, on its name and on its numbers' words", async () => {
        await hoverLiving({ text: at('archiveViews'), index: 0, hover: /metric `archiveViews`[\s\S]*- target: 500\n- actual: 320\n- progress: 320 of 500, 64%/ });
        await hoverLiving({ text: at('actual 320'), index: 0, hover: /- progress: 320 of 500, 64%/ });
        await hoverLiving({ text: at('deansConvinced'), index: 0, hover: /- target: 80%\n- actual: 75%\n- progress: 75% of 80%, 94%/ });
    });

    test('a metric without an actual, or without a target to measure it against', async () => {
        await hover({ text: exampleAt('archiveViews'), index: 0, hover: /- target: 500\n- actual: not measured yet/ });
        const text = 'plan P "P" { stage s "S" { goal g "G" { metric <|>m "M" actual 5\nmetric z "Z" target 0 actual 3 } } }';
        await hoverLiving({ text, index: 0, hover: /- target: none yet\n- actual: 5\n- progress: give the metric a target/ });
        await hoverLiving({ text: text.replace('<|>', '').replace('metric z', 'metric <|>z'), index: 0, hover: /- progress: none can be measured against a target of 0/ });
    });

    test("a stage's window in words and how many of its actions (its projects' included) are done", async () => {
        await hoverLiving({ text: at('rollout "Quick wins"'), index: 0, hover: /stage `rollout`[\s\S]*- window: 11 January 2027 to 30 June 2027\n- status: \*\*late\*\* \(today is 1 March 2027\)\n- actions: 2 of 6 done, 1 overdue/ });
        // Its actions are done but its goal's metric stands at 75% of 80% (not met), and it ended on 18 December: late.
        await hoverLiving({ text: at('initiation "Win'), index: 0, hover: /- window: 1 September 2026 to 18 December 2026\n- status: \*\*late\*\* \(today is 1 March 2027\)\n- actions: 2 of 2 done$/ });
        // Starts on 1 May 2027.
        await hoverLiving({ text: at('roadShow "'), index: 0, hover: /- status: \*\*not started\*\* \(today is 1 March 2027\)/ });
        // Without dates, actions or metrics measured, nothing is behind: on track, whatever the day.
        await hover({ text: exampleAt('rollout "'), index: 0, hover: /- 2 projects, 0 stories, 0 goals\n- status: \*\*on track\*\* \(today is [^)]+\)$/ });
    });

    test("a project's effort and its actions, each with status, owner and due date, the overdue one marked", async () => {
        // Each on lines of its own: what comes between them or before them is the hover's layout.
        await hoverLiving({ text: at('lectureArchive "'), index: 0, hover: /\(project `lectureArchive` in stage '\w+', effort low\)/ });
        await hoverLiving({
            text: at('lectureArchive "'), index: 0,
            hover: new RegExp([
                '^Actions, 1 of 3 done:',
                '- `pilotBiology` Pilot in biology: done · owner `lin` · due 1 February 2027',
                '- `recordChemistry` Record the chemistry lectures: doing · owner `omar` · due 20 February 2027 \\(9 days ago\\), \\*\\*overdue\\*\\*',
                '- `allCourses` Every first-year course: todo · owner `rosa` · due 31 May 2027 \\(in 91 days\\)$'
            ].join('\\n'), 'm')
        });
        await hover({ text: exampleAt('hashtagContest'), index: 0, hover: /\(project `hashtagContest` in stage 'rollout', effort not stated\)/ });
    });

    test("a project's status on today", async () => {
        // recordChemistry is overdue: late.
        await hoverLiving({ text: at('lectureArchive "'), index: 0, hover: /^score 74\.5 · rank 1 of 2 · quick win · \*\*late\*\*  \n\*\*[^\n]*effort low\)\n/ });
        // 12 of 40 guides after 49 of 170 days: 0.3 is not below 0.75 x 49/170.
        await hoverLiving({ text: at('studyWiki "'), index: 0, hover: /^score [\d.]+ · rank 2 of 2 · quick win · \*\*on track\*\*  \n/ });
    });

    test("an action's own hover: where it is, status, owner, due date in words, overdue or not", async () => {
        await hoverLiving({
            text: at('recordChemistry'), index: 0,
            hover: /^\*\*Record the chemistry lectures\*\* \(action `recordChemistry` in project `lectureArchive`, stage `rollout`\)\n\n- status: doing: under way\n- owner: Omar Haddad \(`omar`\)\n- due: 20 February 2027 \(9 days ago\)\n- \*\*overdue\*\*: not done, and today is 1 March 2027$/
        });
        await hoverLiving({ text: at('captionPolicy'), index: 0, hover: /in stage `rollout`\)[\s\S]*- owner: nobody yet\n- due: 15 March 2027 \(in 14 days\)\n- not overdue \(today is 1 March 2027\)$/ });
        await hoverLiving({ text: at('pilotBiology'), index: 0, hover: /- status: done: finished[\s\S]*- due: 1 February 2027$/ });
        await hoverLiving({ text: at('action showDeans'), index: 0, hover: /action `showDeans` in stage `roadShow`/ });
    });

    test('a status word says what it means, then the action; a member named like a status is the member', async () => {
        await hoverLiving({ text: at('doing\n    }'), index: 0, hover: /^doing: under way\n\n\*\*Write the first ten guides with tutors\*\*/ });
        const named = 'plan P "P" {\n  coalition { member doing "Dora" role staff }\n  stage s "S" from 2027-01-01 to 2027-01-01 { action a "A" owner <|>doing due 2027-01-01 doing }\n}';
        await hoverLiving({ text: named, index: 0, hover: /^\*\*Dora\*\* \(member `doing`\)/ });
        await hoverLiving({ text: named.replace('<|>', '').replace('01 doing }', '01 <|>doing }'), index: 0, hover: /^doing: under way/ });
        // A window of one day: the same date starts and ends it.
        await hoverLiving({ text: named.replace('<|>', '').replace('to 2027', 'to <|>2027'), index: 0, hover: /The day stage `s` ends\.$/ });
        await hoverLiving({ text: named.replace('<|>', '').replace('from 2027', 'from <|>2027'), index: 0, hover: /The day stage `s` starts\.$/ });
    });

    test('a date in words, relative to today, and what it is', async () => {
        await hoverLiving({ text: at('2027-02-20'), index: 0, hover: /^\*\*20 February 2027\*\* \(9 days ago; today is 1 March 2027\)\n\nThe due date of action `recordChemistry`: it is overdue\.$/ });
        await hoverLiving({ text: at('2027-01-11'), index: 0, hover: /^\*\*11 January 2027\*\* \(49 days ago;[\s\S]*The day stage `rollout` starts\.$/ });
        await hoverLiving({ text: at('2027-06-30'), index: 0, hover: /^\*\*30 June 2027\*\* \(in 121 days;[\s\S]*The day stage `rollout` ends\.$/ });
        await hoverLiving({ text: 'plan P "P" { stage s "S" from <|>2027-02-30 { } }', index: 0, hover: /^\*\*2027-02-30 \(not a date: February 2027 has 28 days\)\*\*/ });
    });

    test('effort says what it means and which level counts', async () => {
        await hoverLiving({ text: at('effort low'), index: 0, hover: /^effort: how much work the project needs[\s\S]*Project `lectureArchive`: effort low\.$/ });
        await hoverLiving({ text: 'plan P "P" { stage s "S" { project p "P" { effort high\neffort <|>low } } }', index: 0, hover: /Project `p`: effort high \(the highest it states\)\.$/ });
    });

    test("a member's hover lists the actions they own; the plan's, how many actions are done", async () => {
        await hoverLiving({ text: at('omar due 2027-02-20'), index: 0, hover: /- actions: `trainChairs` \(done\), `setUpChannel` \(done\), `recordChemistry` \(doing, overdue\)$/ });
        await hoverLiving({ text: at('LakeshoreCollege'), index: 0, hover: /Actions: 4 of 9 done, 1 overdue \(today is 1 March 2027\)$/ });
    });
});
