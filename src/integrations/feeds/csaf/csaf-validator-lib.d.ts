// Types for the parts of @secvisogram/csaf-validator-lib we use (the package ships JavaScript
// with JSDoc only). A test is a function whose `name` is its id, e.g. mandatoryTest_6_1_1.

declare module '@secvisogram/csaf-validator-lib/validateStrict.js' {
  export interface CsafTestMessage {
    readonly message: string;
    readonly instancePath: string;
  }
  export interface CsafTestResult {
    readonly name: string;
    readonly isValid: boolean;
    readonly errors: readonly CsafTestMessage[];
    readonly warnings: readonly CsafTestMessage[];
    readonly infos: readonly CsafTestMessage[];
  }
  export type CsafDocumentTest = (document: unknown) => unknown;
  export default function validateStrict(
    tests: readonly CsafDocumentTest[],
    document: unknown,
  ): Promise<{ readonly isValid: boolean; readonly tests: readonly CsafTestResult[] }>;
}

declare module '@secvisogram/csaf-validator-lib/mandatoryTests.js' {
  import type { CsafDocumentTest } from '@secvisogram/csaf-validator-lib/validateStrict.js';
  const tests: Record<string, CsafDocumentTest>;
  export = tests;
}

declare module '@secvisogram/csaf-validator-lib/schemaTests.js' {
  import type { CsafDocumentTest } from '@secvisogram/csaf-validator-lib/validateStrict.js';
  export const csaf_2_0_strict: CsafDocumentTest;
  export const csaf_2_0: CsafDocumentTest;
}
