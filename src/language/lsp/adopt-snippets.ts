/**
 * The snippets of the language, offered by the completion provider only where their construct
 * may stand: each names the keyword that starts it, and completion proposes a keyword only where
 * the grammar allows it (no `plan` skeleton inside a project, no `member` after `involves`). A
 * keyword may start several snippets (`stage`, and `dated stage` with its window). Bodies use VS
 * Code's snippet syntax (tab stops, placeholders, choices), indented by two spaces; the editor
 * indents their lines like the line they are inserted on. Every placeholder's default is a name,
 * a title, a date or (in a choice) a word the grammar takes there, so a snippet left at its
 * defaults parses. Dates default to today (`{{today}}`) and to 90 days later (`{{in90days}}`),
 * filled in when the snippet is offered.
 */
import { addDays } from '../model/plan-dates.js';

export interface AdoptSnippet {
    /** The keyword that starts it: completion offers it where that keyword may stand. */
    readonly keyword: string;
    /** What the completion list says about it. */
    readonly description: string;
    readonly body: readonly string[];
}

const ROLE_CHOICE = '|middle-manager,operational-manager,executive,early-adopter,staff,naysayer|';
const LEVEL_CHOICE = '|high,medium,low|';
const STATUS_CHOICE = '|todo,doing,done,blocked|';

export const SNIPPETS: Readonly<Record<string, AdoptSnippet>> = {
    plan: {
        keyword: 'plan',
        description: 'A plan skeleton: coalition, initiative, an initial stage with a mantra and a goal, and a roll-out stage with a project.',
        body: [
            'plan ${1:MyPlan} "${2:Social media at ${3:our organization}}" {',
            '',
            '  coalition {',
            `    member \${4:lead} "\${5:Full name}" role \${6${ROLE_CHOICE}} trained`,
            '  }',
            '',
            '  initiative ${7:existingWork} "${8:Work that already exists}"',
            '',
            '  stage initiation "Build human bandwidth" {',
            '    mantra "The status quo must go!"',
            '    goal ${9:buyIn} "${10:Managers understand the need}" {',
            '      metric ${11:convinced} "${12:Managers who can explain the need}" target ${13:60}%',
            '    }',
            '  }',
            '',
            '  stage rollout "Adoption and roll-out" after initiation {',
            '    project ${14:firstProject} "${15:A first quick win}" {',
            '      supports ${7}',
            '      involves ${4}',
            `      asynchrony \${16${LEVEL_CHOICE}}`,
            `      geography \${17${LEVEL_CHOICE}}`,
            `      crowdsourcing \${18${LEVEL_CHOICE}}`,
            '    }',
            '  }',
            '}',
            '$0'
        ]
    },
    coalition: {
        keyword: 'coalition',
        description: 'The coalition of the willing, with a first member.',
        body: [
            'coalition {',
            `  member \${1:name} "\${2:Full name}" role \${3${ROLE_CHOICE}}\${4: trained}`,
            '}$0'
        ]
    },
    member: {
        keyword: 'member',
        description: 'A coalition member with a role.',
        body: [`member \${1:name} "\${2:Full name}" role \${3${ROLE_CHOICE}} unit "\${4:Unit}"\${5: trained}$0`]
    },
    channel: {
        keyword: 'channel',
        description: 'A channel (virtual bandwidth) on a platform.',
        body: ['channel ${1:name} "${2:Title}" on ${3:youtube}$0']
    },
    initiative: {
        keyword: 'initiative',
        description: 'An existing initiative that projects can support.',
        body: ['initiative ${1:name} "${2:What already exists}"$0']
    },
    stage: {
        keyword: 'stage',
        description: 'A stage that comes after another one.',
        body: ['stage ${1:name} "${2:Title}" after ${3:previous} {', '  $0', '}']
    },
    goal: {
        keyword: 'goal',
        description: 'A goal with a measurable metric.',
        body: ['goal ${1:name} "${2:Title}" {', '  metric ${3:name} "${4:What is counted}" target ${5:50}${6:%}', '}$0']
    },
    project: {
        keyword: 'project',
        description: 'A project with the three traits of a quick win.',
        body: [
            'project ${1:name} "${2:Title}" {',
            '  supports ${3:initiativeName}',
            '  involves ${4:memberName}',
            `  asynchrony \${5${LEVEL_CHOICE}}`,
            `  geography \${6${LEVEL_CHOICE}}`,
            `  crowdsourcing \${7${LEVEL_CHOICE}}`,
            '}$0'
        ]
    },
    metric: {
        keyword: 'metric',
        description: 'A metric with a target.',
        body: ['metric ${1:name} "${2:What is counted}" target ${3:50}$0']
    },
    'dated stage': {
        keyword: 'stage',
        description: 'A stage with its window: from a date, to a date (YYYY-MM-DD).',
        body: ['stage ${1:name} "${2:Title}" after ${3:previous} from ${4:{{today}}} to ${5:{{in90days}}} {', '  $0', '}']
    },
    action: {
        keyword: 'action',
        description: 'An action item: who sees it through, by when, and where it stands.',
        body: [`action \${1:name} "\${2:What is to be done}" owner \${3:memberName} due \${4:{{today}}} \${5${STATUS_CHOICE}}$0`]
    },
    story: {
        keyword: 'story',
        description: 'A success story from a project, told to an audience (the road show).',
        body: ['story ${1:name} "${2:What happened}" from ${3:projectName}', 'audience ${4:memberName}$0']
    }
};

/** The body as one string, its dates filled in from today (YYYY-MM-DD). */
export function snippetText(snippet: AdoptSnippet, today: string): string {
    return snippet.body.join('\n').replaceAll('{{today}}', today).replaceAll('{{in90days}}', addDays(today, 90));
}

/** The snippets that a keyword starts, with their names. */
export function snippetsStartedBy(keyword: string): Array<[name: string, snippet: AdoptSnippet]> {
    return Object.entries(SNIPPETS).filter(([, snippet]) => snippet.keyword === keyword);
}
