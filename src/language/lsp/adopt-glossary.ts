/**
 * What the language's words mean, in the article's terms (see the README): the three untapped
 * opportunities, their levels and the coalition roles. Hover and completion show these texts.
 */
import type { Level, Role, TraitKind } from '../generated/ast.js';

export const TRAIT_MEANINGS: Readonly<Record<TraitKind, { title: string; text: string }>> = {
    asynchrony: {
        title: 'Asynchrony: people separated by time',
        text: 'The project reaches people who cannot be there at the same time (shifts, time zones, busy schedules). '
            + 'Social media tools are uniquely designed for this untapped opportunity: recorded, archived and read later.'
    },
    geography: {
        title: 'Geographic disparity: people separated by space',
        text: 'The project reaches people in other places (campuses, sites, regions). '
            + 'Social media tools bridge the distance, one of the three untapped opportunities that raise a project\'s success rate.'
    },
    crowdsourcing: {
        title: 'Crowdsourcing (social constructivism): shared artifacts built by a group',
        text: 'The project has people create group knowledge and shared artifacts with shared meaning: learning by shared labour, '
            + 'magnified by group interaction (Vygotsky). The article calls it the most powerful marker for success.'
    }
};

export const LEVEL_MEANINGS: Readonly<Record<Level, string>> = {
    low: 'low: the project uses this opportunity a little (worth 1/3 of the weight)',
    medium: 'medium: the project uses this opportunity in part (worth 2/3 of the weight)',
    high: 'high: the project is built on this opportunity (worth the full weight; a bare trait means high)'
};

export const ROLE_MEANINGS: Readonly<Record<Role, string>> = {
    executive: 'executive: sponsors the plan; not counted as a manager for human bandwidth',
    'middle-manager': 'middle manager: a manager; the human bandwidth the initial stage must build',
    'operational-manager': 'operational manager: a manager; the human bandwidth the initial stage must build',
    'early-adopter': 'early adopter: identify and encourage them, but they are not the coalition\'s managers',
    staff: 'staff: a willing member of the coalition',
    naysayer: 'naysayer: not (yet) willing; win them over with success stories on the internal road show'
};

export const TRAINED_MEANING = 'trained: has had the training and support to take part. A trained willing member counts 1 toward a project\'s reach, an untrained one 0.5; a quick win involves at least one trained, willing member.';
