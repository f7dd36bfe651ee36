/**
 * Requests about a plan that the server has not finished taking in: a client sends `didOpen` (or
 * a change) and its request at once, while the server is still building something else, or the
 * rules in force change under it. The answer waits for the plan's build; it is never a refusal,
 * and no plan is left unbuilt by a build that another one cancelled.
 */
import { describe, expect, test } from 'vitest';
import { DocumentState, URI } from 'langium';
import { CancellationToken, ResponseError, type Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { resolve } from 'node:path';
import { NodeFileSystemProvider } from 'langium/node';
import { createAdoptServices } from '../../src/language/adopt-module.js';
import { registerPlanOverviewRequest } from '../../src/language/lsp/overview-request.js';
import { registerRankRequest } from '../../src/language/lsp/rank-request.js';
import { plansRevalidation } from '../../src/language/lsp/revalidate-plans.js';
import { PLAN_OVERVIEW_REQUEST, planOverviewSchema } from '../../src/protocol/overview-protocol.js';
import { RANK_QUICK_WINS_REQUEST } from '../../src/protocol/rank-protocol.js';
import { example, parser } from '../support/helpers.js';

type Handler = (params: unknown, token: CancellationToken) => Promise<unknown>;

/** The server's request handlers, as a connection would call them. */
function serverWithHandlers(context: Parameters<typeof createAdoptServices>[0] = {}) {
    const services = createAdoptServices(context);
    const handlers = new Map<string, Handler>();
    const connection = {
        onRequest: (method: string, handler: Handler) => handlers.set(method, handler),
        sendRequest: () => Promise.resolve(undefined)
    } as unknown as Connection;
    registerPlanOverviewRequest(connection, services.Adopt);
    registerRankRequest(connection, services.Adopt);
    const ask = (method: string, uri: string) => handlers.get(method)!({ uri }, CancellationToken.None);
    return { ...services, connection, ask };
}

describe('a request sent with the didOpen of its plan', () => {
    test('is answered once the plan is built, while the server is busy with another build', async () => {
        const { shared, ask } = serverWithHandlers();
        const uri = URI.parse('file:///plans/riverside-health.adopt');
        const lock = shared.workspace.WorkspaceLock;
        // The server is busy: a build holds the workspace lock until `done`.
        let done!: () => void;
        const building = new Promise<void>(resolve => (done = resolve));
        const busy = lock.write(() => building);
        // didOpen: the text is the editor's; the update that takes it in waits for the lock.
        shared.workspace.TextDocuments!.set(TextDocument.create(uri.toString(), 'adopt', 1, example('riverside-health.adopt')));
        const update = lock.write(token => shared.workspace.DocumentBuilder.update([uri], [], token));
        const answers = Promise.allSettled([ask(PLAN_OVERVIEW_REQUEST, uri.toString()), ask(RANK_QUICK_WINS_REQUEST, uri.toString())]);
        done();
        await Promise.all([busy, update]);
        const [overview, rank] = await answers;
        expect(overview.status === 'fulfilled' ? planOverviewSchema.parse(overview.value).plan.name : overview.reason).toBe('RiversideHealth');
        expect(rank.status === 'fulfilled' ? (rank.value as { plan: string }).plan : rank.reason).toBe('RiversideHealth');
    });

    test('a plan file on disk that the server does not know is read and answered', async () => {
        const { shared, ask } = serverWithHandlers({ fileSystemProvider: () => new NodeFileSystemProvider() });
        const uri = URI.file(resolve(__dirname, '../../examples/riverside-health.adopt')).toString();
        expect(shared.workspace.LangiumDocuments.hasDocument(URI.parse(uri))).toBe(false);
        const overview = planOverviewSchema.parse(await ask(PLAN_OVERVIEW_REQUEST, uri));
        expect(overview.plan.name).toBe('RiversideHealth');
    });

    test('a plan neither open nor on disk is refused with InvalidParams', async () => {
        const { ask } = serverWithHandlers();
        const refusal = await ask(PLAN_OVERVIEW_REQUEST, 'file:///plans/never-opened.adopt').catch((error: unknown) => error);
        expect(refusal).toBeInstanceOf(ResponseError);
        expect((refusal as ResponseError<unknown>).code).toBe(-32602);
    });
});

describe('the plans validated again when the rules change', () => {
    test('include a plan whose update the revalidation cancelled: it is built, not left behind', async () => {
        const { shared, Adopt, connection } = serverWithHandlers();
        const revalidate = plansRevalidation(connection, Adopt);
        const parse = parser(Adopt);
        await parse(example('riverside-health.adopt'));
        const document = await parse(example('lakeshore-college.adopt'));
        // Open in the editor, as the plan an update takes in is.
        shared.workspace.TextDocuments!.set(TextDocument.create(document.uri.toString(), 'adopt', 2, document.textDocument.getText()));
        const builder = shared.workspace.DocumentBuilder;
        let revalidation: Promise<void> | undefined;
        // The rules change just after the plan's update has begun (its tree reset, not yet rebuilt).
        const listener = builder.onUpdate(() => {
            listener.dispose();
            revalidation = revalidate();
        });
        await shared.workspace.WorkspaceLock.write(token => builder.update([document.uri], [], token));
        expect(revalidation).toBeDefined();
        await revalidation;
        expect(DocumentState[shared.workspace.LangiumDocuments.getDocument(document.uri)!.state]).toBe(DocumentState[DocumentState.Validated]);
    });
});
