/**
 * The plans in many files of docs/language.md#plans-in-many-files, for the suites that need a
 * shared file and plans that use it: the Northfield network's shared people and channels, and a
 * department's plan that names ana, youtube and grandRounds from it.
 */

/** The shared file: three members (a middle manager, an operational manager, a naysayer), a channel, an initiative. */
export const NETWORK_PEOPLE = `shared NorthfieldPeople "People and channels of the Northfield network" {
  coalition {
    member ana "Ana Ortiz" role middle-manager      unit "Cardiology" trained
    member ben "Ben Hale"  role operational-manager unit "Nursing"
    member dee "Dee Park"  role naysayer            unit "Finance"
  }
  channel youtube "YouTube channel" on youtube
  initiative grandRounds "Weekly grand rounds"
}
`;

export interface DepartmentPlan {
    /** The plan's name (also its unit and title). */
    readonly name: string;
    /** The path its `use` writes (default: network/people.adopt). */
    readonly usePath?: string;
    /** Lines of its own coalition after zoe's (default: none). */
    readonly members?: readonly string[];
    /** Lines of its own channels (default: none). */
    readonly channels?: readonly string[];
}

/**
 * A department's plan: its own early adopter zoe and one project, `streamRounds`, that supports
 * grandRounds, involves ana (of the shared file) and zoe, and uses youtube, launched in its one
 * stage. Lines from 0: the `use` on 0, `involves` on 10 plus the extra members and channels.
 */
export function departmentPlan({ name, usePath = 'network/people.adopt', members = [], channels = [] }: DepartmentPlan): string {
    return `use "${usePath}"

plan ${name} "Social media in ${name}" {
  coalition {
    member zoe "Zoe Lin" role early-adopter unit "${name}" trained
${members.map(line => `    ${line}\n`).join('')}  }
${channels.map(line => `  ${line}\n`).join('')}  stage rollout "Roll-out" {
    launch youtube
    project streamRounds "Stream grand rounds" {
      supports grandRounds
      involves ana, zoe
      asynchrony high
      geography high
      crowdsourcing medium
      uses youtube
    }
  }
}
`;
}
