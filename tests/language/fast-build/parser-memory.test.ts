/**
 * The parser keeps nothing of a document once it is parsed: Langium leaves the last token
 * vector in the parser, which on a large plan kept about 2 KB a project alive (BENCHMARKS.md).
 */
import { expect, test } from 'vitest';
import { createTestServices, example, parser } from '../../support/helpers.js';

test('after a parse, the parser holds no tokens of the document', async () => {
    const services = createTestServices();
    await parser(services)(example('riverside-health.adopt'));
    const wrapper = (services.parser.LangiumParser as unknown as { wrapper: { input: unknown[] } }).wrapper;
    expect(wrapper.input).toEqual([]);
});
