/**
 * Reporting helper: every diagnostic gets its code as the LSP `code` and in `data.code`, and the
 * default severity that issue-codes.ts gives that code.
 */
import { diagnosticData, type AstNode, type DiagnosticInfo, type ValidationAcceptor } from 'langium';
import { IssueCodeTable, type IssueCode } from './issue-codes.js';

export type Where<N extends AstNode> = Omit<DiagnosticInfo<N>, 'code' | 'data'>;

/**
 * A name in quotes for a message; a declaration whose name did not parse (the syntax error says
 * so) reads as `(no name yet)` instead of `'undefined'`.
 */
export function quoted(name: string | undefined): string {
    return name ? `'${name}'` : '(no name yet)';
}

export function report<N extends AstNode>(
    accept: ValidationAcceptor,
    code: IssueCode,
    message: string,
    where: Where<N>,
    data?: Record<string, unknown>
): void {
    // Langium's DiagnosticInfo with every field named (no spread: 20,000 diagnostics at 10,000
    // projects); an absent range is computed by the document validator (diagnosticRange).
    const info: DiagnosticInfo<N> = {
        node: where.node,
        property: where.property,
        index: where.index,
        keyword: where.keyword,
        range: where.range,
        codeDescription: where.codeDescription,
        tags: where.tags,
        relatedInformation: where.relatedInformation,
        code,
        data: data && hasKeys(data) ? { ...data, ...diagnosticData(code) } : codeOnlyData(code)
    };
    accept(IssueCodeTable[code].severity, message, info);
}

const codeOnly = new Map<IssueCode, Readonly<Record<string, unknown>>>();

/** `diagnosticData(code)`, one frozen object per code, shared by every diagnostic without other data. */
function codeOnlyData(code: IssueCode): Readonly<Record<string, unknown>> {
    let data = codeOnly.get(code);
    if (!data) {
        data = Object.freeze({ ...diagnosticData(code) });
        codeOnly.set(code, data);
    }
    return data;
}

function hasKeys(data: Record<string, unknown>): boolean {
    for (const key in data) {
        if (Object.hasOwn(data, key)) return true;
    }
    return false;
}
