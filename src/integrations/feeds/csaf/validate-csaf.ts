import type validateStrict from '@secvisogram/csaf-validator-lib/validateStrict.js';
import type { CsafDocumentTest } from '@secvisogram/csaf-validator-lib/validateStrict.js';
import type { ProblemDetail } from '../../../core/domain-error';

// CSAF 2.0 validation with the BSI/secvisogram validator (issue 13): the JSON schema and every
// mandatory test (section 6.1 of the standard). Optional and informative tests are not run: they
// warn about style, and informative 6.3.x would reach the network.

/**
 * The validator and its tests, loaded at the first validation: loading them compiles the library's
 * schemas (mandatory test 6.1.8 alone compiles a JTD schema for seconds), which every server and
 * CLI start paid before, whether or not it ever read a CSAF document.
 */
let validator: Promise<{ validate: typeof validateStrict; tests: CsafDocumentTest[] }> | undefined;

export function loadCsafValidator() {
  return (validator ??= Promise.all([
    import('@secvisogram/csaf-validator-lib/mandatoryTests.js'),
    import('@secvisogram/csaf-validator-lib/schemaTests.js'),
    import('@secvisogram/csaf-validator-lib/validateStrict.js'),
  ]).then(([mandatoryTests, schemaTests, strict]) => ({
    validate: strict.default,
    // The namespace's exports, every one a test (its typing also lists a `default`, which is absent).
    tests: [schemaTests.csaf_2_0, ...Object.values(mandatoryTests).filter((test) => typeof test === 'function')],
  })));
}

/**
 * Validates a CSAF 2.0 document; returns one located problem per error ([] when valid). `path` is
 * the JSON path of the offending member (`$.document.tracking`), `params.test` the test id
 * (`csaf_2_0` for the schema, `6.1.8` … for mandatory tests).
 */
export async function csafProblems(file: string, document: unknown): Promise<ProblemDetail[]> {
  const { validate, tests } = await loadCsafValidator();
  const result = await validate(tests, document);
  if (result.isValid) return [];
  const problems: ProblemDetail[] = [];
  for (const test of result.tests) {
    const testId = test.name
      .replace(/^mandatoryTest_/, '')
      .replace(/_/g, '.')
      .replace(/^csaf\.2\.0$/, 'csaf_2_0');
    for (const error of test.errors) {
      problems.push({
        file,
        path: pointerToPath(error.instancePath),
        reason: `CSAF ${testId === 'csaf_2_0' ? 'schema' : `mandatory test ${testId}`}: ${error.message}`,
        code: 'invalid_value',
        params: { test: testId },
      });
    }
  }
  return problems;
}

/** JSON pointer (`/document/tracking/id`) → JSON path (`$.document.tracking.id`, `$.a[0]`). */
export function pointerToPath(pointer: string): string {
  if (pointer === '' || pointer === '/') return '$';
  return (
    '$' +
    pointer
      .split('/')
      .slice(1)
      .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
      .map((segment) =>
        /^\d+$/.test(segment)
          ? `[${segment}]`
          : /^[A-Za-z_$][\w$]*$/.test(segment)
            ? `.${segment}`
            : `[${JSON.stringify(segment)}]`,
      )
      .join('')
  );
}
