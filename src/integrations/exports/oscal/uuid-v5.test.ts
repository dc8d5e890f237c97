import { describe, expect, it } from 'vitest';
import { iotcheckUuid, URL_NAMESPACE, uuidV5 } from './uuid-v5';

const DNS_NAMESPACE = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';

describe('uuidV5', () => {
  it('matches the RFC 4122 name-based UUIDs other implementations compute', () => {
    // Python: uuid.uuid5(uuid.NAMESPACE_DNS, 'www.example.com') and uuid.uuid5(uuid.NAMESPACE_URL, 'urn:iotcheck:oscal').
    expect(uuidV5('www.example.com', DNS_NAMESPACE)).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    expect(uuidV5('urn:iotcheck:oscal', URL_NAMESPACE)).toBe('5aedb462-1682-5bdf-8f6b-e0be708272f1');
  });

  it('is stable per name, differs between names, and has the version and variant OSCAL accepts', () => {
    expect(iotcheckUuid('finding:1')).toBe(iotcheckUuid('finding:1'));
    expect(iotcheckUuid('finding:1')).not.toBe(iotcheckUuid('finding:2'));
    expect(iotcheckUuid('観測:25')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
