/**
 * The calendar `adopt calendar` writes, imported into a real calendar program: khal (Debian's
 * `khal`, which scripts/setup.sh installs), through its own parser and its own store (a vdir: one
 * file per event, named by its UID). It lists every stage's window and every due date as the plan
 * gives them, and importing the calendar again after an edit updates the events instead of adding
 * new ones (the UIDs are stable).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { TempFiles, cli } from './cli-fixtures.js';

const LAKESHORE = resolve(__dirname, '../../examples/lakeshore-college.adopt');

const files = new TempFiles();
afterAll(() => files.dispose());

const store = files.folder('khal/plan');
const config = files.write('khal/config', `[calendars]
[[plan]]
path = ${store}
type = calendar
[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
`);

/** Runs khal with its own config and a home of its own (it keeps nothing else). */
function khal(...args: string[]): string {
    const home = join(files.dir, 'khal');
    mkdirSync(home, { recursive: true });
    return execFileSync('khal', ['-c', config, ...args], { encoding: 'utf8', env: { ...process.env, HOME: home } });
}

/** Every event khal lists, once each: first day, last day, title. */
function listed(): string[] {
    return khal('list', '--once', '--format', '{start-date} {end-date} {title}', '2026-01-01', '2028-12-31')
        .split('\n').filter(line => /^\d{4}-\d\d-\d\d \d{4}-\d\d-\d\d /.test(line));
}

test('khal imports the calendar of lakeshore-college.adopt: the three stages\' windows and the nine due dates, each once', async () => {
    const ics = files.write('plan.ics', '');
    const run = await cli('calendar', LAKESHORE, '--today', '2027-03-01', '--out', ics);
    expect(run.code).toBe(0);
    khal('import', '--batch', '-a', 'plan', ics);
    // From the plan: the stages' from and to (khal shows the last day of an all-day event), and
    // the actions with a due date, in date order.
    expect(listed()).toEqual([
        '2026-09-01 2026-12-18 Win the deans',
        '2026-10-15 2026-10-15 Brief every dean',
        '2026-12-01 2026-12-01 Train the department chairs',
        '2027-01-11 2027-06-30 Quick wins',
        '2027-01-20 2027-01-20 Set up the lecture channel',
        '2027-02-01 2027-02-01 Pilot in biology',
        '2027-02-20 2027-02-20 Record the chemistry lectures',
        '2027-03-15 2027-03-15 Agree on a captioning policy',
        '2027-04-15 2027-04-15 Write the first ten guides with tutors',
        '2027-05-01 2027-07-15 Internal road show',
        '2027-05-31 2027-05-31 Every first-year course',
        '2027-08-02 2027-08-02 Present the results to the deans\' council'
    ]);
    expect(readdirSync(store).sort()).toContain('stage.initiation.LakeshoreCollege@adopt.ics');

    // The plan edited (an action moved by a week), exported and imported again: the event moves, nothing is added.
    const edited = files.write('edited.adopt', readFileSync(LAKESHORE, 'utf8').replace('due 2027-03-15', 'due 2027-03-22'));
    const again = await cli('calendar', edited, '--today', '2027-03-01', '--out', ics);
    expect(again.code).toBe(0);
    khal('import', '--batch', '-a', 'plan', ics);
    const after = listed();
    expect(after).toHaveLength(12);
    expect(after).toContain('2027-03-22 2027-03-22 Agree on a captioning policy');
    expect(after).not.toContain('2027-03-15 2027-03-15 Agree on a captioning policy');
    expect(readdirSync(store)).toHaveLength(12);
});
