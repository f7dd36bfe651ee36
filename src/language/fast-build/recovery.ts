/**
 * The recovery of the fast parser from syntax errors: RecoveringRun, the parse of a whole text
 * (parse-run.ts builds the tree; this file decides what to do where a token does not fit). It
 * recovers where a person would:
 * - a token missing where the next one shows what was meant is taken as there (a keyword, a
 *   name, a closing brace before the next statement of an outer block);
 * - a word one or two letters off a keyword that fits is read as that keyword (`closeTo`); a
 *   keyword where a name stands, and what follows fits a name, is read as a name;
 * - a part of a declaration written out of its order is taken all the same, one written twice is
 *   left out; a part written after its declaration's end is parsed into it;
 * - a stray token is left out, and a statement that does not fit up to the next statement that
 *   does, braces kept in balance.
 * Each problem is told once, described by the grammar (parser/parse-errors.ts), and every
 * declaration after it keeps all its features. A guess is tried first without building anything
 * (`reach`, parse-run.ts), and taken when it reads on.
 *
 * In this file, from top to bottom: the entry rule's ends (no token; tokens after its end);
 * telling a problem (`report`, `within`); a token that is not the one an element expects
 * (`mismatch`); a part of a declaration that fails at its first token (`recoverPart`); a token
 * that neither starts a statement of a loop nor may follow it (`repeat`, `recoverInLoop`, and a
 * statement just parsed continued or reopened); what the tries share; then `closeTo`, the words
 * close to a keyword.
 */
import { distance } from 'fastest-levenshtein';
import type { CompositeCstNode, GrammarAST } from 'langium';
import type { Expectation, FoundToken, SyntaxProblem, Within } from '../parser/parse-errors.js';
import type { Alternatives, CompiledRule, Loop, Node, Part } from './fast-parser.js';
import type { KindSet } from './grammar-analysis.js';
import { ParseRun, RETRY, type Reach, type Stand } from './parse-run.js';

type Element = GrammarAST.AbstractElement;

/** A parse that recovers from problems: each is told, and the parse goes on. */
export class RecoveringRun extends ParseRun {
    /** The loops being parsed, outermost first. */
    private readonly loops: Loop[] = [];

    /** The node last finished with its rule (the statement a loop just parsed). */
    private get finished(): { readonly node: Node; readonly rule: CompiledRule } | undefined {
        return this.finishedNode && this.finishedRule ? { node: this.finishedNode, rule: this.finishedRule } : undefined;
    }

    private set finished(finished: { readonly node: Node; readonly rule: CompiledRule } | undefined) {
        this.finishedNode = finished?.node;
        this.finishedRule = finished?.rule;
    }

    // --- the entry rule's ends ---------------------------------------------------------------------------

    /** A text of blanks and comments only: one problem says what the text needs, not each part it lacks. */
    protected override parseEntry(rule: CompiledRule, node: Node): void {
        if (this.tokens.count === 0) {
            this.report({ kind: 'empty', expected: this.parser.expectationsOf(this.parser.analysis.first(rule.rule.definition)) }, 0);
            this.broken = true;
            return;
        }
        super.parseEntry(rule, node);
    }

    /**
     * Tokens after the entry rule's end: its block closed early (`closedEarly`), or the block of
     * the last declaration it holds (a file's plan), else told, and left out.
     */
    protected override tokensAfterEntry(rule: CompiledRule, node: Node): void {
        const last = this.finished;
        if (this.closedEarly(rule, node) || (last && this.reopenClosedBlock(last, this.index))) return;
        this.report({ kind: 'after-end', found: this.found(this.index) }, this.index);
    }

    /**
     * The entry rule's block closed, and what follows starts a statement of it (`goal g "G" } }`
     * where the goal's `{` is missing: its `}` closed the stage, the stage's the plan): the closer
     * was one too many. Told on it; the statements after it are parsed into the block, which the
     * next closer closes. Whether it applied.
     */
    private closedEarly(rule: CompiledRule, node: Node): boolean {
        const closer = rule.parts[rule.parts.length - 1];
        const next = this.tokens.kinds[this.index];
        const loop = rule.parts.find(part => part.repeated && part.first[next]);
        if (!loop || !closer || closer.keyword < 0 || !this.parser.closers.has(closer.keyword) || this.tokens.kinds[this.index - 1] !== closer.keyword) {
            return false;
        }
        this.report({ kind: 'closed-early', found: this.found(this.index - 1), within: { type: rule.type, name: typeof node.name === 'string' ? node.name : undefined } }, this.index - 1);
        this.openNodes.push(node);
        this.openRules.push(rule);
        loop.step(this, node);
        closer.step(this, node);
        this.openNodes.pop();
        this.openRules.pop();
        return true;
    }

    // --- telling a problem ------------------------------------------------------------------------------

    /**
     * The declaration being built (or the one whose block a loop is in), for `within`; with
     * `block`, the innermost one that opens a block (the one a missing closer belongs to, not a
     * clause such as `involves a, b` inside it).
     */
    private within(block = false): Within | undefined {
        let innermost: Within | undefined;
        for (let i = this.openNodes.length - 1; i >= 0; i--) {
            const node = this.openNodes[i];
            const rule = this.openRules[i];
            if (rule.role !== 'node') continue;
            if (block && !rule.parts.some(part => part.keyword >= 0 && this.parser.brackets.has(part.keyword))) continue;
            const within = { type: rule.type, name: typeof node.name === 'string' ? node.name : undefined };
            // A clause without a name of its own (`involves a`, `target 5`) is told by the declaration it is in.
            if (within.name !== undefined || this.parser.declares(rule)) return within;
            innermost ??= within;
        }
        return innermost;
    }

    /** Tells a problem on the token at an index (or right after the one before it), once per place. */
    private report(problem: SyntaxProblem, token: number, afterPrevious = false, replacement?: string): void {
        this.inTreeOrder = false;
        // One problem per place: a recovery that fails again where one was told tells nothing more.
        const last = this.problems[this.problems.length - 1];
        if (last && last.token === token && !afterPrevious) return;
        // The end of the text: one problem says it (what is missing there, and that every { needs its }).
        const atEnd = token >= this.tokens.count;
        if (atEnd && last && last.token < 0) return;
        this.problems.push({ problem, token: token >= this.tokens.count ? -1 : token, afterPrevious, replacement });
    }

    // --- a token that is not the one expected -------------------------------------------------------------

    /**
     * The token at the cursor is not what `expected` wants: a token missing there (the one at the
     * cursor can follow what was expected) is taken as present; a word close to a keyword expected
     * is read as it; a keyword where a name stands, followed by what may follow the name, is read
     * as a name; else the problem is told and the run breaks until a loop recovers.
     * Returns `RETRY` when the cursor's token now reads as the one wanted, else -1.
     */
    override mismatch(expected: readonly Expectation[], element: Element, kinds: readonly number[] = []): number {
        if (this.broken) return -1;
        // A token taken as present that is not the one wanted: the guess was wrong.
        if (this.assumed >= 0) {
            this.broken = true;
            return -1;
        }
        const index = this.index;
        const actual = this.peek();
        const found = this.found(index);
        // A word a letter or two off a keyword that fits here (the closest).
        if (index < this.tokens.count && /^[a-z]/i.test(found.image)) {
            const close = kinds.filter(kind => this.parser.keywordText(kind) !== undefined && closeTo(found.image, this.parser.keywordText(kind)!))
                .sort((a, b) => distance(found.image.toLowerCase(), this.parser.keywordText(a)!) - distance(found.image.toLowerCase(), this.parser.keywordText(b)!));
            if (close.length > 0) {
                const keyword = this.parser.keywordText(close[0])!;
                const among = expected.length === 1 && 'rule' in expected[0] ? expected[0] : undefined;
                this.report({ kind: 'misspelled', found, keyword, within: this.within(), among }, index, false, keyword);
                this.stand = { index, kind: close[0] };
                return RETRY;
            }
        }
        // A keyword where a name (a terminal it would lex as) is expected, followed by what may
        // follow there: the keyword is meant as a name. Told, and read as one.
        if (index < this.tokens.count && this.parser.keywordText(actual) !== undefined) {
            const terminal = kinds.find(kind => this.parser.keywordText(kind) === undefined && this.parser.lexer.matchesWhole(kind, found.image));
            const next = index + 1 < this.tokens.count ? this.tokens.kinds[index + 1] : this.end;
            if (terminal !== undefined && this.parser.followOf(element)[next]) {
                this.report({ kind: 'reserved', found, expected, within: this.within() }, index);
                this.stand = { index, kind: terminal };
                return RETRY;
            }
        }
        // Missing: what comes next fits after the expected element (at the end of the text, anything is missing);
        // a keyword that would be read as the name after it is first tried as the keyword (`story s "S" audience m from p`: out of order).
        const asName = this.parser.analysis.nameWords[actual] === 1 && this.parser.analysis.nameFollows(element);
        if (actual === this.end || (this.parser.followOf(element)[actual] && !asName)) {
            const after = index > 0 ? this.found(index - 1) : undefined;
            this.report({ kind: 'missing', expected: expected[0], found, after, within: this.within() }, index, true);
            return -1;
        }
        this.report({ kind: 'expected', expected, found, within: this.within() }, index);
        this.broken = true;
        return -1;
    }

    /**
     * No alternative starts at the cursor. A word close to an alternative's keyword is read as it
     * (`plna`, `shraed`); else the alternative that reads furthest with its keyword taken as
     * missing (`hello "Title" { }`: the plan), told in the words of the node it makes.
     */
    override noAlternative(alternatives: Alternatives, element: Element, node: Node): number {
        const index = this.index;
        if (this.broken || this.assumed >= 0 || index >= this.tokens.count) return super.noAlternative(alternatives, element, node);
        const found = this.found(index);
        const close = /^[a-z]/i.test(found.image) && alternatives.kinds.some(kind => closeTo(found.image, this.parser.keywordText(kind) ?? ''));
        let best: { at: number; score: number } | undefined;
        alternatives.items.forEach((item, at) => {
            if (close || item.keyword < 0) return;
            const reach = this.reach(item.step, node, undefined, item.keyword);
            const score = reach.index * 2 + (reach.complete ? 1 : 0);
            if (reach.index > index && (!best || score > best.score)) best = { at, score };
        });
        if (!best) return super.noAlternative(alternatives, element, node);
        const item = alternatives.items[best.at];
        const within = item.type ? { type: item.type, name: undefined } : this.within();
        this.report({ kind: 'missing', expected: { keyword: this.parser.keywordText(item.keyword)! }, found, within }, index, true);
        this.assumed = item.keyword;
        return best.at;
    }

    // --- a part of a declaration that fails at its first token ---------------------------------------------

    /**
     * A part of a group failed at its first token. If that token starts another part of the same
     * declaration that may be left out (written out of its order), that part is parsed now and the
     * problem told as one of order; if the token after it is where the failed part starts, it is a
     * stray token, left out. Returns the part to go on from (the failed one again, or the one
     * after a part that comes before it), or -1 when it did not recover.
     */
    override recoverPart(parts: readonly Part[], failed: number, node: Node, rule: CompiledRule): number {
        if (rule.role !== 'node') return -1;
        const kind = this.peek();
        const index = this.index;
        const other = parts.findIndex((part, i) => i !== failed && part.optional && part.first[kind]);
        if (other >= 0 && this.given(parts[other], node)) {
            this.problems.pop();
            this.broken = false;
            this.skipTwice(parts[other], node, rule);
            return this.index > index ? failed : -1;
        }
        if (other >= 0) {
            this.problems.pop();
            this.broken = false;
            this.report({ kind: 'order', found: this.found(index), within: this.within() ?? { type: rule.type }, order: this.orderOf(rule) }, index);
            parts[other].step(this, node);
            return this.resumeAfter(other, failed, index);
        }
        // A word close to the keyword of a part that may be left out (`fter` for `after`): read as it.
        const misspelled = index < this.tokens.count ? this.misspelledPart(parts.filter((part, i) => i !== failed && part.optional), node, index, this.found(index)) : undefined;
        if (misspelled) {
            this.problems.pop();
            this.broken = false;
            this.report({ kind: 'misspelled', found: this.found(index), keyword: misspelled.text, within: this.within(), among: misspelled.part.expected[0] }, index, false, misspelled.text);
            this.stand = { index, kind: misspelled.keyword };
            misspelled.part.step(this, node);
            return this.resumeAfter(parts.indexOf(misspelled.part), failed, index);
        }
        // A part that may be left out, its keyword missing (`stage s "S" t {` for `after t`): it reads
        // to its end as if the keyword were there, and what follows fits the parts after it.
        for (let i = 0; i < parts.length && index < this.tokens.count; i++) {
            const part = parts[i];
            if (i === failed || !part.optional || part.keyword < 0 || this.given(part, node)) continue;
            const reach = this.reach(part.step, node, undefined, part.keyword);
            if (!reach.complete || reach.index <= index || !this.fitsAfterPart(parts, i, reach.index)) continue;
            this.problems.pop();
            this.broken = false;
            this.report({ kind: 'missing', expected: { keyword: this.parser.keywordText(part.keyword)! }, found: this.found(index), within: this.within() }, index);
            this.assumed = part.keyword;
            part.step(this, node);
            this.assumed = -1;
            return this.resumeAfter(i, failed, index);
        }
        const next = index + 1 < this.tokens.count ? this.tokens.kinds[index + 1] : this.end;
        if (parts[failed].first[next] && !this.startsAnyStatement(kind)) {
            const last = this.problems.pop()!;
            this.broken = false;
            const expected = last.problem.kind === 'expected' ? last.problem.expected : parts[failed].expected;
            this.report({ kind: 'unexpected', found: this.found(index), expected, within: this.within(), skipped: 1 }, index);
            this.index++;
            return failed;
        }
        return -1;
    }

    /** Whether the token at an index may start one of the parts after part `after` of a group (up to the first that may not be left out). */
    private fitsAfterPart(parts: readonly Part[], after: number, at: number): boolean {
        const kind = at < this.tokens.count ? this.tokens.kinds[at] : this.end;
        for (let i = after + 1; i < parts.length; i++) {
            if (parts[i].first[kind]) return true;
            if (!parts[i].optional) return false;
        }
        return false;
    }

    /** Where a group goes on after its part `parsed` was read in the place of part `failed`: the failed part again, or the part after one that comes before it. */
    private resumeAfter(parsed: number, failed: number, index: number): number {
        if (this.broken || this.index === index) return -1;
        return parsed < failed ? parsed + 1 : failed;
    }

    /**
     * A part among `candidates` that starts with a keyword (or one of its words: a level) the
     * word at `index` is close to, and that reads on when the word is taken as it; the closest of
     * those that read to their end, else the closest.
     */
    private misspelledPart(candidates: readonly Part[], node: Node, index: number, found: FoundToken): { part: Part; keyword: number; text: string } | undefined {
        if (!/^[a-z]/i.test(found.image)) return undefined;
        const lower = found.image.toLowerCase();
        // One that reads to its end goes before one that breaks off (`doe`: done, not due without its date).
        return candidates.filter(part => !this.given(part, node))
            .flatMap(part => this.keywordsOf(part.first).map(keyword => ({ part, keyword, text: this.parser.keywordText(keyword)! })))
            .filter(candidate => closeTo(found.image, candidate.text))
            .map(candidate => ({ ...candidate, reach: this.reach(candidate.part.step, node, { index, kind: candidate.keyword }) }))
            .filter(candidate => candidate.reach.index > index)
            .sort((a, b) => Number(b.reach.complete) - Number(a.reach.complete) || distance(lower, a.text) - distance(lower, b.text))[0];
    }

    /** Whether a part that sets a property once was given already in a node. */
    private given(part: Part, node: Node): boolean {
        return !part.repeated && part.properties.some(property => node[property] !== undefined && node[property] !== false);
    }

    /** A part written a second time: told, and its tokens left out (the first one holds). */
    private skipTwice(part: Part, node: Node, rule: CompiledRule): void {
        const index = this.index;
        const end = Math.max(this.reach(part.step, node).index, index + 1);
        const within = { type: rule.type, name: typeof node.name === 'string' ? node.name : undefined };
        this.report({ kind: 'twice', found: this.found(index), within, part: part.expected[0], skipped: end - index }, index);
        this.index = end;
    }

    /**
     * The parts of a declaration as an order message lists them: after its keyword, up to its
     * block, the parts that may be left out and those that start with a keyword of their own
     * (`role`, `unit`, `trained`; `after`, `from`, `to`).
     */
    private orderOf(rule: CompiledRule): Expectation[] {
        const order: Expectation[] = [];
        for (const part of rule.parts.slice(1)) {
            if (part.keyword >= 0 && this.parser.brackets.has(part.keyword)) break;
            if (part.keyword >= 0 || (part.optional && !part.repeated)) order.push(...part.expected);
        }
        return order;
    }

    // --- a token that neither starts a statement of a loop nor may follow it ------------------------------

    /**
     * `(item)*` or `(item)+`: the items while a token starts one; a token that neither starts an
     * item nor may follow the loop is dealt with (`recoverInLoop`), and a broken item is left
     * behind from the next token that fits.
     */
    override repeat(loop: Loop, node: Node, atLeastOne: boolean): void {
        const first = loop.first;
        if (atLeastOne) {
            const start = this.index;
            this.item(loop, node);
            if (this.broken) this.resync(loop, start);
        }
        this.loops.push(loop);
        try {
            for (;;) {
                const kind = this.peek();
                if (first[kind]) {
                    const start = this.index;
                    this.item(loop, node);
                    if (this.broken) this.resync(loop, start);
                    continue;
                }
                if (loop.follow[kind] || kind === this.end || this.assumed >= 0) break;
                if (!this.recoverInLoop(loop, node)) break;
            }
        } finally {
            this.loops.pop();
        }
    }

    /**
     * After a broken item: the tokens up to the next that starts an item, may follow the loop or
     * starts a statement of an outer loop are left out (braces kept in balance: a block is skipped
     * whole); at least one token, if the item took none.
     */
    private resync(loop: Loop, start: number): void {
        this.broken = false;
        this.assumed = -1;
        this.stand = undefined;
        if (this.index === start && this.index < this.tokens.count) this.index++;
        this.skipToFit(loop);
    }

    private skipToFit(loop: Loop): number {
        let depth = 0;
        let skipped = 0;
        while (this.index < this.tokens.count) {
            const kind = this.tokens.kinds[this.index];
            if (depth === 0 && (loop.first[kind] || loop.follow[kind] || this.startsOuterStatement(kind))) break;
            if (this.parser.brackets.has(kind)) depth++;
            else if (this.parser.closers.has(kind)) {
                if (depth === 0) break;
                depth--;
            }
            this.index++;
            skipped++;
        }
        return skipped;
    }

    /**
     * A token that neither starts an item of the loop nor may follow it: the block is not closed
     * (the token starts a statement of an outer block); a word close to a keyword that starts an
     * item; an item whose keyword is missing; a part of the statement just parsed written after
     * it; else what does not fit is left out. Returns false when the loop ends here.
     */
    private recoverInLoop(loop: Loop, node: Node): boolean {
        const index = this.index;
        const kind = this.tokens.kinds[index];
        const found = this.found(index);
        const word = /^[a-z]/i.test(found.image);
        // A word close to one that may come after the loop: what comes after deals with it (a
        // misspelled statement after a list of names is not a name missing its comma).
        if (word && this.keywordsOf(loop.follow).some(keyword => closeTo(found.image, this.parser.keywordText(keyword)!))) return false;
        const closer = loop.closer;
        if (closer >= 0 && this.startsOuterStatement(kind)) {
            this.report({ kind: 'unclosed', found, within: this.within(true), closer: this.parser.keywordText(closer)! }, index, true);
            this.assumed = closer;
            return false;
        }
        const previous = this.finished;
        // A statement of the block just closed: its closer was one too many (a block in it lacks its opener).
        if (previous && previous.node.$cstNode && this.reopenClosedBlock(previous, index)) return true;
        // A word a letter or two off a keyword that starts an item.
        if (word) {
            const lower = found.image.toLowerCase();
            const candidates = loop.items.flatMap(item => this.keywordsOf(item.first).map(keyword => ({ item, keyword, text: this.parser.keywordText(keyword)! })))
                .filter(candidate => closeTo(found.image, candidate.text))
                .sort((a, b) => distance(lower, a.text) - distance(lower, b.text));
            for (const { item, keyword, text } of candidates) {
                if (!this.readsOn(this.reach(item.step, node, { index, kind: keyword }), index)) continue;
                this.report({ kind: 'misspelled', found, keyword: text, within: this.within() }, index, false, text);
                this.stand = { index, kind: keyword };
                this.finished = undefined;
                item.step(this, node);
                if (this.broken) this.resync(loop, index);
                return true;
            }
        }
        // A part of the statement just parsed, written after it (out of order, misspelled, or its keyword missing).
        if (previous && previous.node.$cstNode && this.continueStatement(previous, index, found, loop)) return true;
        // An item whose keyword is missing: the one that reads furthest as if it were there.
        // One that parses to its end goes before one that breaks off as far.
        // In a list without a closer of its own (`, b, c`), only an item that reads to its end and
        // is followed by what may come next: else the token is for what encloses the list.
        const list = loop.closer < 0;
        const unknownWord = this.unknownKeyword(index);
        let best: { item: Loop['items'][number]; reach: number } | undefined;
        for (const item of loop.items) {
            if (item.keyword < 0 || (unknownWord && /^[a-z]/i.test(this.parser.keywordText(item.keyword)!))) continue;
            const reach = this.reach(item.step, node, undefined, item.keyword);
            if (list && !(reach.complete && this.fitsAfterItem(loop, reach.index))) continue;
            const score = reach.index * 2 + (reach.complete ? 1 : 0);
            if (this.readsOn(reach, index - 1) && (!best || score > best.reach)) best = { item, reach: score };
        }
        if (best) {
            this.report({ kind: 'missing', expected: { keyword: this.parser.keywordText(best.item.keyword)! }, found, within: this.within() }, index);
            this.assumed = best.item.keyword;
            this.finished = undefined;
            best.item.step(this, node);
            this.assumed = -1;
            if (this.broken) this.resync(loop, index);
            return true;
        }
        // A list's stray token is for what encloses it, or (the file's `use` lines) what follows.
        if (list) return false;
        const skipped = this.skipToFit(loop);
        this.report({ kind: 'unexpected', found, expected: [...this.tailOf(previous), ...loop.expected], within: this.within(), skipped }, index);
        if (skipped === 0) this.index++;
        return true;
    }

    /** Whether a token starts a statement of a loop around the innermost one. */
    private startsOuterStatement(kind: number): boolean {
        for (let i = this.loops.length - 2; i >= 0; i--) {
            if (this.loops[i].first[kind]) return true;
        }
        return false;
    }

    /** Whether a token starts a statement of any loop being parsed. */
    private startsAnyStatement(kind: number): boolean {
        return this.loops.some(loop => loop.first[kind]);
    }

    /**
     * Whether the token at an index is a word followed by a token of its own kind (`owns x`): a
     * statement whose keyword is unknown, not a name whose keyword is missing.
     */
    private unknownKeyword(index: number): boolean {
        const kind = this.tokens.kinds[index];
        return index + 1 < this.tokens.count && this.tokens.kinds[index + 1] === kind && this.parser.keywordText(kind) === undefined
            && /^[a-z]/i.test(this.text.substring(this.tokens.starts[index], this.tokens.ends[index]));
    }

    /** Whether the token at an index may stand after an item of a loop: another item, what follows the loop, or the end. */
    private fitsAfterItem(loop: Loop, at: number): boolean {
        if (at >= this.tokens.count) return true;
        const kind = this.tokens.kinds[at];
        return Boolean(loop.first[kind] || loop.follow[kind]);
    }

    /** What may still come in the statement just parsed (its parts that may be left out), for a message. */
    private tailOf(previous: { readonly rule: CompiledRule } | undefined): Expectation[] {
        return previous ? this.continuable(previous.rule, this.index).parts.flatMap(part => part.expected) : [];
    }

    /**
     * The parts of the statement just parsed that may still come after it (the cursor at `index`):
     * those that may be left out; of its header only, when its block was opened and closed (a
     * closed block is not opened again). `closed` says whether it was.
     */
    private continuable(rule: CompiledRule, index: number): { parts: Part[]; closed: boolean } {
        const block = rule.parts.findIndex(part => part.keyword >= 0 && this.parser.brackets.has(part.keyword));
        const closed = block >= 0 && index > 0 && this.parser.closers.has(this.tokens.kinds[index - 1]);
        return { parts: rule.parts.filter((part, i) => part.optional && (!closed || i < block)), closed };
    }

    /**
     * The statement just parsed closed its block with the token before `index`, and the token at
     * `index` starts a statement of that block (`goal g "G" } story …` where the goal's `{` is
     * missing: its `}` closed the stage): told on the closer, and the block opened again, its
     * statements parsed into it up to the next closer. Whether it applied.
     */
    private reopenClosedBlock(previous: { readonly node: Node; readonly rule: CompiledRule }, index: number): boolean {
        const { node, rule } = previous;
        const kind = this.tokens.kinds[index];
        const closer = rule.parts[rule.parts.length - 1];
        const loop = rule.parts.find(part => part.repeated && part.first[kind]);
        if (!loop || !closer || closer.keyword < 0 || !this.parser.closers.has(closer.keyword) || this.tokens.kinds[index - 1] !== closer.keyword) {
            return false;
        }
        this.report({ kind: 'closed-early', found: this.found(index - 1), within: { type: rule.type, name: typeof node.name === 'string' ? node.name : undefined } }, index - 1);
        this.builder.reopen(node.$cstNode as CompositeCstNode);
        this.openNodes.push(previous.node);
        this.openRules.push(previous.rule);
        loop.step(this, node);
        closer.step(this, node);
        this.openNodes.pop();
        this.openRules.pop();
        this.finish(node, rule);
        this.broken = false;
        this.finished = previous;
        return this.index > index;
    }

    /**
     * Parses a part of the statement just finished into it (its block made current again): a part
     * written after another that comes later, a part whose keyword is misspelled or missing.
     */
    private continueStatement(previous: { readonly node: Node; readonly rule: CompiledRule }, index: number, found: FoundToken, loop: Loop): boolean {
        const { node, rule } = previous;
        const kind = this.tokens.kinds[index];
        const within = { type: rule.type, name: typeof node.name === 'string' ? node.name : undefined };
        // Where a problem is, for a message: the statement, or for a clause (`asynchrony high`) the declaration it is in.
        const told: Within = this.parser.declares(rule) ? within : this.within() ?? within;
        const { parts: candidates, closed } = this.continuable(rule, index);
        let chosen: { part: Part; problem: SyntaxProblem; stand?: Stand; assumed?: number } | undefined;
        const direct = candidates.find(part => part.first[kind]);
        if (direct && this.given(direct, node)) {
            this.skipTwice(direct, node, rule);
            return this.index > index;
        }
        if (direct) chosen = { part: direct, problem: { kind: 'order', found, within, order: this.orderOf(rule) } };
        // A part whose keyword (or one of its words: a level) is misspelled, the closest first.
        if (!chosen) {
            const fits = this.misspelledPart(candidates, node, index, found);
            if (fits) chosen = { part: fits.part, problem: { kind: 'misspelled', found, keyword: fits.text, within: told, among: fits.part.expected[0] }, stand: { index, kind: fits.keyword } };
        }
        // A name where a part made of a few words may stand (`asynchrony extreme`: a level): a
        // wrong value of that part, left out, if what follows it fits.
        if (!chosen && found.terminal && /^[a-z]/i.test(found.image) && this.fitsAfterItem(loop, index + 1)) {
            const words = candidates.find(part => part.keyword < 0 && !this.given(part, node) && part.expected.some(e => 'rule' in e && (e.keywords?.length ?? 0) > 0));
            if (words) {
                this.report({ kind: 'unexpected', found, expected: words.expected, within: told, skipped: 1 }, index);
                this.index++;
                this.finished = previous;
                return true;
            }
        }
        // A part whose keyword is missing (not after a closed block: what follows it is a statement of its own).
        const unknownWord = this.unknownKeyword(index);
        for (const [i, part] of candidates.entries()) {
            if (chosen || closed) break;
            if (part.keyword < 0 || this.given(part, node) || (unknownWord && /^[a-z]/i.test(this.parser.keywordText(part.keyword)!))) continue;
            // It reads to its end, and what follows may follow it: a later part, or what follows the statement.
            const reach = this.reach(part.step, node, undefined, part.keyword);
            if (reach.complete && reach.index > index && (this.fitsAfterPart(candidates, i, reach.index) || this.fitsAfterItem(loop, reach.index))) {
                chosen = { part, problem: { kind: 'missing', expected: { keyword: this.parser.keywordText(part.keyword)! }, found, within: told }, assumed: part.keyword };
            }
        }
        if (!chosen) return false;
        // Parts of one declaration written out of order: told once.
        const last = this.problems[this.problems.length - 1]?.problem;
        const toldAlready = chosen.problem.kind === 'order' && last?.kind === 'order' && last.within.type === within.type && last.within.name === within.name;
        if (!toldAlready) this.report(chosen.problem, index, false, chosen.problem.kind === 'misspelled' ? chosen.problem.keyword : undefined);
        this.builder.reopen(node.$cstNode as CompositeCstNode);
        this.stand = chosen.stand;
        this.assumed = chosen.assumed ?? -1;
        this.openNodes.push(previous.node);
        this.openRules.push(previous.rule);
        chosen.part.step(this, node);
        // The parts after it, in their order, as they would have come (not one given already).
        for (const later of candidates.slice(candidates.indexOf(chosen.part) + 1)) {
            if (this.broken || this.given(later, node)) break;
            later.step(this, node);
        }
        this.openNodes.pop();
        this.openRules.pop();
        this.assumed = -1;
        this.stand = undefined;
        this.finish(node, rule);
        this.broken = false;
        this.finished = previous;
        return this.index > index;
    }

    // --- what the tries share ------------------------------------------------------------------------------

    /** The keyword kinds of a set. */
    private keywordsOf(kinds: KindSet): number[] {
        const keywords: number[] = [];
        for (let kind = 0; kind < this.parser.lexer.end; kind++) {
            if (kinds[kind] && this.parser.keywordText(kind) !== undefined) keywords.push(kind);
        }
        return keywords;
    }

    /**
     * Whether a try read on far enough to be what was meant: to its end, or three tokens from
     * where its keyword is (a keyword, a name and a title: errors further on are its own).
     */
    private readsOn(reach: Reach, keywordAt: number): boolean {
        return reach.complete ? reach.index > keywordAt : reach.index >= keywordAt + 3;
    }
}

/** Whether `word` is probably a misspelling of `keyword`: another case, a letter or two off, or its start. */
export function closeTo(word: string, keyword: string): boolean {
    if (word === keyword || word.length < 2 || !/^[a-z]/i.test(keyword)) return false;
    const lower = word.toLowerCase();
    if (lower === keyword) return true;
    const off = distance(lower, keyword);
    return off <= 1 || swapped(lower, keyword) || (off <= 2 && keyword.length >= 6) || (lower.length >= 2 && keyword.startsWith(lower));
}

/** Whether two words differ by two neighbouring letters swapped (`hihg`, `high`). */
function swapped(word: string, keyword: string): boolean {
    if (word.length !== keyword.length) return false;
    const at = [...word].findIndex((letter, i) => letter !== keyword[i]);
    return at >= 0 && at + 1 < word.length && word[at] === keyword[at + 1] && word[at + 1] === keyword[at] && word.slice(at + 2) === keyword.slice(at + 2);
}
