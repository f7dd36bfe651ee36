/**
 * What any tree the fast parser builds must be, recovered from errors or not: every AST node
 * has its composite CST node, whose AST node is it; every composite CST node belongs to a node of
 * the tree; the CST's leaves are the text's tokens in order, each with its own text; every
 * node's CST lies inside its container's; every error has a message with no hole in it.
 */
import { expect } from 'vitest';
import { AstUtils, isCompositeCstNode, isLeafCstNode, type AstNode, type CstNode, type ParseResult } from 'langium';

export function expectWellFormed(text: string, result: ParseResult<AstNode>): void {
    const root = result.value;
    const rootCst = root.$cstNode!;
    expect(rootCst, 'the root has its CST node').toBeDefined();
    expect(rootCst.astNode).toBe(root);
    const nodes = new Set<AstNode>(AstUtils.streamAst(root));
    for (const node of nodes) {
        const cst = node.$cstNode;
        if (!cst) {
            expect(node, `${node.$type} without a CST node is the root of an empty text`).toBe(root);
            continue;
        }
        expect(cst.astNode, `the CST node of a ${node.$type} points back to it`).toBe(node);
        expect(cst.offset).toBeGreaterThanOrEqual(0);
        expect(cst.end).toBeLessThanOrEqual(text.length);
        expect(cst.text).toBe(text.substring(cst.offset, cst.end));
        const outer = node.$container?.$cstNode;
        if (outer) {
            expect(cst.offset, `a ${node.$type} starts inside its ${node.$container!.$type}`).toBeGreaterThanOrEqual(outer.offset);
            expect(cst.end, `a ${node.$type} ends inside its ${node.$container!.$type}`).toBeLessThanOrEqual(outer.end);
        }
    }
    let lastEnd = 0;
    const walk = (cst: CstNode): void => {
        if (isCompositeCstNode(cst)) {
            expect(nodes.has(cst.astNode), `a composite CST node at ${cst.offset} belongs to a node of the tree`).toBe(true);
            for (const child of cst.content) {
                expect(child.container).toBe(cst);
                walk(child);
            }
        } else if (isLeafCstNode(cst)) {
            expect(cst.offset, `the leaf '${cst.text}' comes after the one before it`).toBeGreaterThanOrEqual(lastEnd);
            expect(cst.text).toBe(text.substring(cst.offset, cst.end));
            expect(cst.length).toBeGreaterThan(0);
            lastEnd = cst.end;
        }
    };
    walk(rootCst);
    for (const error of [...result.lexerErrors, ...result.parserErrors]) {
        expect(error.message.length).toBeGreaterThan(10);
        expect(error.message).not.toMatch(/undefined|NaN|\[object/);
    }
}
