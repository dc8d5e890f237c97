import { Spec, Validation } from '@cyclonedx/cyclonedx-library';
import { FeedProblems, array, isObject, jsonPath, text } from '../feeds/feed-problems';
import { pointerToPath } from '../feeds/csaf/validate-csaf';
import { purlProblem } from './purl-problem';
import type { ParsedSbom, SbomComponent } from './sbom.types';

// CycloneDX JSON SBOMs (1.4–1.6), validated with @cyclonedx/cyclonedx-library's JSON validator:
// the official schema shipped inside the package, checked offline with Ajv. The validator stops
// at the first schema error; it is reported located (JSON path, field). Components are read from
// `components` and their nested `components` (the product itself, `metadata.component`, is not
// one of its own components).

// A Map, not an object: a specVersion such as "valueOf" must not find Object.prototype's members.
const VERSIONS: ReadonlyMap<string, Spec.Version> = new Map([
  ['1.4', Spec.Version.v1dot4],
  ['1.5', Spec.Version.v1dot5],
  ['1.6', Spec.Version.v1dot6],
]);

// The validator compiles the whole schema on first use (about 0.1 s) and caches it in the
// instance: one instance per version, so a batch of SBOMs pays for that once.
const validators = new Map<Spec.Version, Validation.JsonValidator>();

function validatorFor(version: Spec.Version): Validation.JsonValidator {
  let validator = validators.get(version);
  if (!validator) {
    validator = new Validation.JsonValidator(version);
    validators.set(version, validator);
  }
  return validator;
}

interface AjvError {
  readonly instancePath?: string;
  readonly message?: string;
  readonly params?: Record<string, unknown>;
}

/** Validates and reads a parsed CycloneDX JSON document; throws VALIDATION_FAILED when invalid. */
export async function readCycloneDxJson(
  file: string,
  document: Record<string, unknown>,
  content: string,
): Promise<ParsedSbom> {
  const problems = new FeedProblems(file);
  const specVersion = text(document['specVersion']) ?? '';
  const version = VERSIONS.get(specVersion);
  if (!version) {
    problems.add(
      '$.specVersion',
      'specVersion',
      `CycloneDX ${specVersion || '(none)'} is not supported: 1.4, 1.5 or 1.6`,
      'not_allowed_value',
      { allowed: '1.4, 1.5, 1.6' },
    );
    problems.throwIfAny('not a supported CycloneDX SBOM');
  }
  const result = (await validatorFor(version!).validate(content)) as unknown;
  for (const error of Array.isArray(result) ? (result as AjvError[]) : []) {
    const missing = error.params?.['missingProperty'];
    const field = typeof missing === 'string' ? missing : lastSegment(error.instancePath ?? '');
    const path =
      typeof missing === 'string'
        ? jsonPath(pointerToPath(error.instancePath ?? ''), missing)
        : pointerToPath(error.instancePath ?? '');
    problems.add(
      path,
      field,
      `CycloneDX ${specVersion} schema: ${error.message ?? 'invalid'}`,
      typeof missing === 'string' ? 'missing' : 'invalid_value',
    );
  }
  problems.throwIfAny('not a valid CycloneDX SBOM');
  const components: SbomComponent[] = [];
  collect(document['components'], '$.components', components, problems);
  problems.throwIfAny('not a valid CycloneDX SBOM');
  return { format: 'cyclonedx', specVersion, encoding: 'json', components };
}

function collect(list: unknown, path: string, into: SbomComponent[], problems: FeedProblems): void {
  array(list).forEach((component, index) => {
    if (!isObject(component)) return;
    const here = jsonPath(path, index);
    const name = text(component['name']);
    if (name) {
      const purl = text(component['purl']);
      const wrongPurl = purl === undefined ? undefined : purlProblem(purl);
      if (wrongPurl) problems.add(jsonPath(here, 'purl'), 'purl', wrongPurl, 'bad_format');
      const cpe = text(component['cpe']);
      into.push({
        name,
        version: text(component['version']) ?? '',
        ...(purl ? { purl } : {}),
        ...(cpe ? { cpe } : {}),
      });
    }
    collect(component['components'], jsonPath(here, 'components'), into, problems);
  });
}

function lastSegment(pointer: string): string | undefined {
  const segment = pointer.split('/').pop();
  return segment && !/^\d+$/.test(segment) ? segment : undefined;
}
