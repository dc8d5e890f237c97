import type { ProblemDetail } from '../domain-error';
import { checkChoice, checkDay, checkOrder, checkText } from './field-checks';
import { PROVIDER_KINDS, type ProviderFields } from './provider.types';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Every problem of a provider's fields, each located (`contacts[1].email`, `contracts[0].endsOn`). */
export function providerProblems(provider: ProviderFields): ProblemDetail[] {
  const problems: ProblemDetail[] = [];
  checkText(problems, 'name', provider.name, { max: 200, required: true });
  checkChoice(problems, 'kind', provider.kind, PROVIDER_KINDS);
  provider.contacts.forEach((contact, index) => {
    const at = `contacts[${index}]`;
    checkText(problems, `${at}.name`, contact.name, { max: 200, required: true });
    checkText(problems, `${at}.role`, contact.role, { max: 200 });
    checkText(problems, `${at}.phone`, contact.phone, { max: 50 });
    if (contact.email !== '' && !EMAIL.test(contact.email))
      problems.push({ field: `${at}.email`, reason: 'not an e-mail address', code: 'bad_format' });
  });
  checkDay(problems, 'supportWindow.until', provider.supportWindow.until);
  checkText(problems, 'supportWindow.note', provider.supportWindow.note, { max: 1000 });
  checkText(problems, 'disclosureContact', provider.disclosureContact, { max: 500 });
  provider.certifications.forEach((certification, index) => {
    const at = `certifications[${index}]`;
    checkText(problems, `${at}.scheme`, certification.scheme, { max: 100, required: true });
    checkText(problems, `${at}.level`, certification.level, { max: 50 });
    checkText(problems, `${at}.registrationNumber`, certification.registrationNumber, { max: 100 });
    checkDay(problems, `${at}.validUntil`, certification.validUntil);
  });
  provider.contracts.forEach((contract, index) => {
    const at = `contracts[${index}]`;
    checkText(problems, `${at}.title`, contract.title, { max: 200, required: true });
    checkDay(problems, `${at}.startsOn`, contract.startsOn);
    checkDay(problems, `${at}.endsOn`, contract.endsOn);
    checkOrder(problems, `${at}.endsOn`, contract.startsOn, contract.endsOn);
    checkText(problems, `${at}.dataOwnership`, contract.dataOwnership, { max: 4000 });
  });
  checkText(problems, 'dataOwnership', provider.dataOwnership, { max: 4000 });
  return problems;
}
