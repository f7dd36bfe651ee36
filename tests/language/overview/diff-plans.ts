/**
 * Two versions of a plan where every change is known (judged on 2027-03-01), for the diff's
 * tests; the expectations beside them are worked out by hand from the rules of the score and
 * the status.
 */
export const OLD_PLAN = `plan Museum "Harbour Museum" {
  coalition {
    member ana "Ana Ortiz" role middle-manager trained
    member ben "Ben Hale" role operational-manager
    member cho "Mei Cho" role early-adopter trained
  }
  channel blog "Blog" on wordpress
  initiative tours "Guided tours"
  stage initiation "Build bandwidth" from 2027-01-04 to 2027-02-28 {
    mantra "The status quo must go!"
    goal reach "Reach" {
      metric followers "Followers" target 100 actual 20
    }
    action brief "Brief the curators" owner ana due 2027-01-20 done
    action workshop "Workshop" owner ben due 2027-02-10
  }
  stage rollout "Roll-out" after initiation from 2027-03-01 to 2027-08-31 {
    launch blog
    project videos "Video tours" {
      supports tours
      involves ana
      asynchrony high
      geography high
      crowdsourcing high
      uses blog
      effort low
      action film "Film the rooms" owner cho due 2027-04-01
    }
    project podcast "Podcast" {
      involves ben, ghost
    }
    story s1 "Tours go online" from videos
  }
}
`;

/**
 * The new version: Ben trained; Dee (a naysayer) joins; the workshop done; the followers' actual
 * 20 -> 100; Cho joins the videos; the podcast removed; a wiki project and a press action and a
 * story added.
 */
export const NEW_PLAN = `plan Museum "Harbour Museum" {
  coalition {
    member ana "Ana Ortiz" role middle-manager trained
    member ben "Ben Hale" role operational-manager trained
    member cho "Mei Cho" role early-adopter trained
    member dee "Dee Park" role naysayer
  }
  channel blog "Blog" on wordpress
  initiative tours "Guided tours"
  stage initiation "Build bandwidth" from 2027-01-04 to 2027-02-28 {
    mantra "The status quo must go!"
    goal reach "Reach" {
      metric followers "Followers" target 100 actual 100
    }
    action brief "Brief the curators" owner ana due 2027-01-20 done
    action workshop "Workshop" owner ben due 2027-02-10 done
  }
  stage rollout "Roll-out" after initiation from 2027-03-01 to 2027-08-31 {
    launch blog
    project videos "Video tours" {
      supports tours
      involves ana, cho
      asynchrony high
      geography high
      crowdsourcing high
      uses blog
      effort low
      action film "Film the rooms" owner cho due 2027-04-01
    }
    project wiki "Wiki" {
      supports tours
      involves ben
      asynchrony low
    }
    action press "Press release" owner ana due 2027-03-20
    story s1 "Tours go online" from videos
    story s2 "The wiki grows" from videos
  }
}
`;

/**
 * The "Since …" sentences of the changes from OLD_PLAN to NEW_PLAN (with the titles), worked out
 * by hand; a last sentence counts the problems new and fixed.
 */
export const SINCE_SENTENCES = [
    'The plan went from late to on track.',
    'Projects: 1 added (Wiki), 1 removed (Podcast).',
    'Actions: 1 done (Workshop), 1 added (Press release).',
    'Metrics: 1 actual updated (Followers).',
    'Coalition: 1 joined (Dee Park), 1 trained (Ben Hale).',
    'Stories: 1 added (The wiki grows).'
];
