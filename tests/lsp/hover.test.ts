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
        await hover({ text: exampleAt('streamRounds "'), index: 0, hover: /^score 88 · rank 1 of 2 · quick win\n/ });
        await hover({ text: exampleAt('streamRounds "'), index: 0, hover: /\| part \| value \| weight \| points \|/ });
        await hover({ text: exampleAt('streamRounds "'), index: 0, hover: /\| reach \| 0\.83 \| 30 \| 25 \|\n\| initiative \| 1 \| 25 \| 25 \|\n\| asynchrony \| 1 \| 12 \| 12 \|\n\| geography \| 1 \| 12 \| 12 \|\n\| crowdsourcing \| 0\.67 \| 21 \| 14 \|/ });
    });

    test('a project that is not a quick win lists what is missing', async () => {
        await hover({
            text: exampleAt('hashtagContest'), index: 0,
            hover: /^score 0 · rank 2 of 2 · not a quick win\n[\s\S]*To become a quick win:\n- support an existing initiative\n- involve at least one trained, willing member\n- add the traits asynchrony, geography, crowdsourcing\n- reach a score of 70 \(now 0\)/
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
