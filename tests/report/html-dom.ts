/**
 * An HTML page as the report tests query it: linkedom's DOM, described by the little the tests
 * use (the project compiles without the DOM's type library).
 */
import { parseHTML } from 'linkedom';

export interface TestElement {
    readonly tagName: string;
    readonly id: string;
    readonly textContent: string | null;
    readonly firstChild: TestElement | null;
    readonly attributes: Iterable<{ readonly name: string; readonly value: string }>;
    getAttribute(name: string): string | null;
    querySelector(selector: string): TestElement | null;
    querySelectorAll(selector: string): ArrayLike<TestElement> & Iterable<TestElement>;
}

export interface TestDocument extends TestElement {
    readonly documentElement: TestElement;
}

export function parseDocument(html: string): TestDocument {
    return (parseHTML(html) as unknown as { document: TestDocument }).document;
}

/** The texts of the elements a selector finds, white space collapsed. */
export function texts(root: TestElement, selector: string): string[] {
    return [...root.querySelectorAll(selector)].map(node => (node.textContent ?? '').replace(/\s+/g, ' ').trim());
}
