/** Plans shared by the linking and reference-index equivalence tests. */

/** A plan with what linking must get right: unknown names, duplicates, a cycle, a comment. */
export const TROUBLE_PLAN = `plan Trouble "T" {
  coalition { member ana "Ana" role middle-manager trained  member ana "Ana again" role staff }
  channel yt "YouTube" on youtube
  initiative rounds "Rounds"
  stage a "A" after b { launch yt, nope /* c */ project p "P" { supports rounds, ghost involves ana, bob uses yt } }
  stage b "B" after a { story s "S" from p audience ana, zed  story s2 "S2" from missing }
  stage a "A again" { project p "P again" { involves ana } }
}`;
