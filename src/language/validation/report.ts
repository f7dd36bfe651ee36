/**
 * Reporting helper: every diagnostic gets its SPEC code as the LSP `code` and in `data.code`,
 * and the severity that SPEC section 3 gives that code.
 */
import { diagnosticData, type AstNode, type DiagnosticInfo, type ValidationAcceptor } from 'langium';
import { IssueSeverities, type IssueCode } from './issue-codes.js';

export type Where<N extends AstNode> = Omit<DiagnosticInfo<N>, 'code' | 'data'>;

export function report<N extends AstNode>(
    accept: ValidationAcceptor,
    code: IssueCode,
    message: string,
    where: Where<N>,
    data: Record<string, unknown> = {}
): void {
    accept(IssueSeverities[code], message, { ...where, code, data: { ...data, ...diagnosticData(code) } } as DiagnosticInfo<N>);
}
