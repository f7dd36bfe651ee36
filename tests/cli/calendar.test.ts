/**
 * `adopt calendar`: iCalendar (RFC 5545) of a plan's stages and due dates, read back with a
 * maintained iCalendar parser (ical.js): the events, their UIDs, all-day dates, summaries and
 * descriptions; CRLF line ends; lines folded at 75 octets without splitting a UTF-8 character;
 * text escaped; the same text on every run for the same --today; a plan without dates gets an
 * empty calendar that parses, and a note on stderr.
 */
import ICAL from 'ical.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { foldLine, text } from '../../src/report/plan-calendar.js';
import { LIVING_PLAN } from '../report/report-plans.js';
import { EXAMPLE, PLAN_WITH_ERROR, TempFiles, cli } from './cli-fixtures.js';

const files = new TempFiles();
afterAll(() => files.dispose());

interface Event {
    readonly uid: string;
    readonly start: string;
    readonly end: string;
    readonly allDay: boolean;
    readonly summary: string;
    readonly description: string;
}

/** The calendar's events as ical.js reads them. */
function eventsOf(calendar: string): Event[] {
    const root = new ICAL.Component(ICAL.parse(calendar));
    expect(root.name).toBe('vcalendar');
    expect(root.getFirstPropertyValue('version')).toBe('2.0');
    expect(root.getFirstPropertyValue('prodid')).toBeTruthy();
    return root.getAllSubcomponents('vevent').map(component => {
        const event = new ICAL.Event(component);
        return {
            uid: event.uid,
            start: event.startDate.toString(),
            end: event.endDate.toString(),
            allDay: event.startDate.isDate && event.endDate.isDate,
            summary: event.summary,
            description: event.description
        };
    });
}

async function calendarOf(plan: string, ...args: string[]) {
    const path = files.write(`${Math.random().toString(36).slice(2)}.adopt`, plan);
    return cli('calendar', path, ...args);
}

describe('adopt calendar', () => {
    test('an all-day event per stage with a window and per action with a due date, with stable UIDs', async () => {
        const run = await calendarOf(LIVING_PLAN, '--today', '2027-03-01');
        expect(run.code).toBe(0);
        expect(run.err).toBe('');
        const events = eventsOf(run.out);
        expect(events.map(event => [event.uid, event.start, event.end])).toEqual([
            // 4 January to 28 February: DTEND is the day after `to`.
            ['stage.initiation.HarbourMuseum@adopt', '2027-01-04', '2027-03-01'],
            ['action.brief.HarbourMuseum@adopt', '2027-01-20', '2027-01-21'],
            ['action.workshop.HarbourMuseum@adopt', '2027-02-10', '2027-02-11'],
            ['stage.rollout.HarbourMuseum@adopt', '2027-03-01', '2027-09-01'],
            ['action.pilot.HarbourMuseum@adopt', '2027-02-15', '2027-02-16'],
            // `from 2027-09-01` only: a one-day event on it.
            ['stage.diffusion.HarbourMuseum@adopt', '2027-09-01', '2027-09-02']
        ]);
        expect(events.every(event => event.allDay)).toBe(true);
        const byUid = new Map(events.map(event => [event.uid, event]));
        expect(byUid.get('action.workshop.HarbourMuseum@adopt')).toMatchObject({
            summary: 'Workshop with visitor services',
            description: 'Owner: nobody yet\nStatus: overdue\nStage: Build human bandwidth'
        });
        expect(byUid.get('action.pilot.HarbourMuseum@adopt')?.description)
            .toBe('Owner: Ana Ortiz\nStatus: overdue\nProject: Video tours of the harbour rooms (stage Adoption and roll-out)');
        expect(byUid.get('action.brief.HarbourMuseum@adopt')?.description).toBe('Owner: Ana Ortiz\nStatus: done\nStage: Build human bandwidth');
        expect(byUid.get('stage.initiation.HarbourMuseum@adopt')).toMatchObject({
            summary: 'Build human bandwidth',
            description: 'Stage initiation of the plan Harbour Museum: collections online\nStatus: late'
        });
    });

    test('a window with only a `to` is a one-day event on it; a stage without a window has none, its dated actions do', async () => {
        const events = eventsOf((await calendarOf(`plan W "W" {
  stage a "A" to 2027-05-31 { }
  stage b "B" { action x "X" due 2027-06-01 doing }
}
`, '--today', '2027-03-01')).out);
        expect(events.map(event => [event.uid, event.start, event.end, event.description])).toEqual([
            ['stage.a.W@adopt', '2027-05-31', '2027-06-01', 'Stage a of the plan W\nStatus: on track'],
            ['action.x.W@adopt', '2027-06-01', '2027-06-02', 'Owner: nobody yet\nStatus: open (doing)\nStage: B']
        ]);
    });

    test('CRLF line ends, lines of at most 75 octets, folded between characters, never inside one', async () => {
        const long = 'Ünïcödé wörk ✓ 🎉 '.repeat(12);
        const out = files.write('long.ics', '');
        const run = await calendarOf(`plan L "${long}" {
  stage s "${long}" from 2027-01-01 to 2027-01-31 { action a "${long}" due 2027-01-15 }
}
`, '--today', '2027-01-10', '--out', out);
        expect(run).toEqual({ code: 0, out: '', err: '' });
        const bytes = readFileSync(out);
        const content = bytes.toString('utf8');
        expect(content.endsWith('\r\n')).toBe(true);
        expect(content.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
        // Each line's octets decode on their own: no character is cut at a fold.
        const decoder = new TextDecoder('utf-8', { fatal: true });
        const lines: Buffer[] = [];
        let start = 0;
        for (let i = 0; i < bytes.length - 1; i++) {
            if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) {
                lines.push(bytes.subarray(start, i));
                start = i + 2;
            }
        }
        expect(lines.length).toBeGreaterThan(20);
        for (const line of lines) {
            expect(line.length).toBeLessThanOrEqual(75);
            expect(() => decoder.decode(line)).not.toThrow();
        }
        const folded = lines.filter(line => line[0] === 0x20);
        expect(folded.length).toBeGreaterThan(10);
        // Read back, the long texts are whole again.
        const [stage, action] = eventsOf(content);
        expect(stage.summary).toBe(long);
        expect(action.summary).toBe(long);
        expect(new ICAL.Component(ICAL.parse(content)).getFirstPropertyValue('x-wr-calname')).toBe(long);
    });

    test('text is escaped: backslash, semicolon, comma and line breaks come back as written', async () => {
        const run = await calendarOf(`plan E "E" {
  coalition { member ana "Ortiz, Ana; \\\\ the lead" role staff }
  stage s "Stage; one, two \\\\ three" from 2027-01-01 { action a "A; b, c \\\\ d" owner ana due 2027-01-05 }
}
`, '--today', '2027-01-01');
        expect(run.out).toContain('SUMMARY:Stage\\; one\\, two \\\\ three\r\n');
        const [stage, action] = eventsOf(run.out);
        expect(stage.summary).toBe('Stage; one, two \\ three');
        expect(action.summary).toBe('A; b, c \\ d');
        expect(action.description).toBe('Owner: Ortiz, Ana; \\ the lead\nStatus: open\nStage: Stage; one, two \\ three');
    });

    test('the same text on every run; DTSTAMP is --today, not the clock', async () => {
        const first = await calendarOf(LIVING_PLAN, '--today', '2027-03-01');
        const second = await calendarOf(LIVING_PLAN, '--today', '2027-03-01');
        expect(second.out).toBe(first.out);
        expect(first.out.split('\r\n').filter(line => line.startsWith('DTSTAMP:'))).toEqual(Array(6).fill('DTSTAMP:20270301T000000Z'));
        const later = await calendarOf(LIVING_PLAN, '--today', '2027-04-02');
        expect(later.out).toContain('DTSTAMP:20270402T000000Z\r\n');
        // The UIDs do not depend on the day, nor on edits that keep the names.
        const edited = await calendarOf(LIVING_PLAN.replace('"Brief the curators"', '"Brief every curator"').replace('due 2027-01-20', 'due 2027-01-22'), '--today', '2027-04-02');
        const uids = (calendar: string) => eventsOf(calendar).map(event => event.uid);
        expect(uids(later.out)).toEqual(uids(first.out));
        expect(uids(edited.out)).toEqual(uids(first.out));
    });

    test('a plan without dates: an empty calendar that parses, and a note on stderr', async () => {
        const run = await cli('calendar', EXAMPLE, '--today', '2027-03-01');
        expect(run.code).toBe(0);
        expect(run.err).toBe(`adopt: ${EXAMPLE}: the plan has no dates (no stage window, no due date): the calendar has no events\n`);
        expect(eventsOf(run.out)).toEqual([]);
        expect(run.out.split('\r\n').slice(0, 2)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0']);
        expect(run.out.endsWith('END:VCALENDAR\r\n')).toBe(true);
    });

    test('writes to --out; exit 1 for a plan with errors (the calendar is still written), 2 for a file that cannot be read', async () => {
        const out = join(files.dir, 'plan.ics');
        const run = await calendarOf(LIVING_PLAN, '--today', '2027-03-01', '--out', out);
        expect(run).toEqual({ code: 0, out: '', err: '' });
        expect(eventsOf(readFileSync(out, 'utf8'))).toHaveLength(6);
        const broken = await calendarOf(PLAN_WITH_ERROR.replace('stage start "Start"', 'stage start "Start" from 2027-01-01'), '--today', '2027-03-01');
        expect(broken.code).toBe(1);
        expect(eventsOf(broken.out).map(event => event.uid)).toEqual(['stage.start.Broken@adopt']);
        const missing = await cli('calendar', join(files.dir, 'nowhere.adopt'));
        expect(missing.code).toBe(2);
        expect(missing.err).toMatch(/^adopt: .*nowhere\.adopt.*\n$/);
        expect((await cli('calendar', EXAMPLE, '--today', '2027-02-30')).err).toBe('adopt: --today: 2027-02-30 is not a date: February 2027 has 28 days.\n');
    });
});

describe('the calendar text', () => {
    test('folds at 75 octets: the first line 75, each further line a space and 74', () => {
        const line = `SUMMARY:${'x'.repeat(200)}`;
        const parts = foldLine(line).split('\r\n');
        expect(parts.map(part => part.length)).toEqual([75, 75, 60]); // 208 characters: 75 + 74 + 59
        expect(parts.slice(1).every(part => part.startsWith(' '))).toBe(true);
        expect(parts.map((part, index) => (index === 0 ? part : part.slice(1))).join('')).toBe(line);
        expect(foldLine('SUMMARY:short')).toBe('SUMMARY:short');
        // 74 octets then a character of 2: it goes to the next line whole.
        expect(foldLine(`${'a'.repeat(74)}é`).split('\r\n')).toEqual(['a'.repeat(74), ' é']);
        // A character of 4 octets (a surrogate pair in JavaScript) is never split.
        expect(foldLine(`${'a'.repeat(73)}🎉`).split('\r\n')).toEqual(['a'.repeat(73), ' 🎉']);
    });

    test('escapes TEXT: backslash first, then ; and , and line breaks; control characters become U+FFFD', () => {
        expect(text('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
        expect(text('tab\tkept, bell\u0007 not')).toBe('tab\tkept\\, bell\ufffd not');
    });
});
