/**
 * The starter plan that **Adopt: New Plan** writes: a small, complete plan that parses without a
 * diagnostic, whose one project is a quick win, and whose comments explain each part to a
 * first-time user. Canonical as the formatter writes it.
 */
export const STARTER_PLAN = `// Our adoption plan
//
// A starter to change line by line. Adopt checks the plan as you type: squiggles show where it
// walks into the two hurdles of adoption, and the line above each project shows its quick-win
// score. Hover a name or a word to learn what it means; Ctrl+. (Cmd+. on a Mac) offers quick
// fixes; "Adopt: Rank Quick Wins" ranks the projects.
plan OurPlan "Social media at our organization" {

  // The coalition of the willing: the people who understand why. Managers first (the first
  // hurdle is human bandwidth, not channels); mark who is trained. Naysayers are members too:
  // the road show at the end is for them.
  coalition {
    member lead "Your name" role middle-manager unit "Communication" trained
    member ally "An operational manager" role operational-manager unit "Operations" trained
    member doubter "A sceptical colleague" role naysayer unit "Finance"
  }

  // Channels are virtual bandwidth: launch them once the coalition is in place.
  channel intranet "Intranet blog" on wordpress

  // Work that already exists: a project that supports one is a better first project.
  initiative onboarding "Onboarding of new staff"

  // The initial stage builds human bandwidth, with the mantra of the article.
  stage initiation "Build human bandwidth" {
    mantra "The status quo must go!"
    goal managersOnBoard "Managers understand the need" {
      metric managersConvinced "Managers who can explain the need" target 80%
    }
  }

  // Roll-out: low-hanging fruit. A quick win supports an initiative, involves trained members
  // of the coalition, and uses asynchrony, geography and crowdsourcing.
  stage rollout "Adoption and roll-out" after initiation {
    launch intranet
    project welcomeWiki "A wiki that new staff write with their mentors" {
      supports onboarding
      involves lead, ally
      asynchrony high
      geography medium
      crowdsourcing high
      uses intranet
      metric pagesWritten "Pages written by new staff" target 40
      // How much work it is (low, medium or high): quick wins are low-hanging fruit.
      effort low
      // Action items: who does what, by when (due YYYY-MM-DD), and where it stands (todo,
      // doing, done or blocked). The code lens counts the actions done.
      action mentors "Invite the first mentors" owner ally doing
    }
  }

  // The road show: the success story of a quick win, told to the naysayers.
  stage roadShow "Internal road show" after rollout {
    story firstWin "New staff wrote their own welcome guide" from welcomeWiki
    audience doubter
  }
}
`;
