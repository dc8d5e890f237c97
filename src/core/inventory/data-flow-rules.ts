import type { ProblemDetail } from '../domain-error';
import { ENCRYPTION_STATES, type DataFlowFields, type FlowEnd } from './data-flow.types';
import { DATA_CLASSES } from './device.types';
import { checkChoice, checkCountry, checkText } from './field-checks';

function endProblems(problems: ProblemDetail[], field: 'from' | 'to', end: FlowEnd): void {
  if (end.kind === 'external') {
    checkText(problems, `${field}.name`, end.name, { max: 200, required: true });
    checkCountry(problems, `${field}.country`, end.country);
  } else if (end.kind === 'device' && !/^\d{1,15}$/.test(end.id)) {
    problems.push({ field: `${field}.id`, reason: 'not a device id', code: 'bad_format' });
  } else if (end.id.trim() === '') {
    problems.push({ field: `${field}.id`, reason: 'is empty', code: 'blank' });
  }
}

/**
 * Every problem of a flow's own fields. Whether device and system ends exist in the organisation
 * is the service's check (it needs the database).
 */
export function dataFlowProblems(flow: DataFlowFields): ProblemDetail[] {
  const problems: ProblemDetail[] = [];
  endProblems(problems, 'from', flow.from);
  endProblems(problems, 'to', flow.to);
  if (JSON.stringify(flow.from) === JSON.stringify(flow.to))
    problems.push({ field: 'to', reason: 'a flow needs two different ends', code: 'invalid_value' });
  checkText(problems, 'protocol', flow.protocol, { max: 50, required: true });
  if (flow.port !== null && (!Number.isInteger(flow.port) || flow.port < 1 || flow.port > 65535))
    problems.push({ field: 'port', reason: 'a port is 1–65535', code: 'invalid_value' });
  flow.dataClasses.forEach((dataClass, index) =>
    checkChoice(problems, `dataClasses[${index}]`, dataClass, DATA_CLASSES),
  );
  if (new Set(flow.dataClasses).size !== flow.dataClasses.length)
    problems.push({ field: 'dataClasses', reason: 'names a data class twice', code: 'invalid_value' });
  checkChoice(problems, 'encrypted', flow.encrypted, ENCRYPTION_STATES);
  checkText(problems, 'description', flow.description, { max: 4000 });
  return problems;
}
