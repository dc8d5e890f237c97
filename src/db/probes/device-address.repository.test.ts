import { expect, it } from 'vitest';
import { seedOrganisation } from '../../testing/test-accounts';
import { describeEachDialect } from '../../testing/test-database';
import { seedDevices } from '../../testing/test-devices';
import { findDevicesAtAddresses } from './device-address.repository';

describeEachDialect('devices at addresses', (database) => {
  it('finds only the devices listing one of the asked addresses, as a whole word, in its own organisation', async () => {
    const alpha = await seedOrganisation(database(), 'Alpha');
    const beta = await seedOrganisation(database(), 'Beta');
    const addresses = [
      ['10.0.0.1'],
      ['10.0.0.10'], // shares a prefix with 10.0.0.1: must not match it
      ['192.0.2.5', '10.0.0.2', '2001:db8::7'],
      [],
      ['2001:db8::1'],
    ];
    const ids = await seedDevices(database(), alpha, addresses.length, (index) => ({ ipAddresses: addresses[index]! }));
    await seedDevices(database(), beta, 1, () => ({ ipAddresses: ['10.0.0.1'] }));

    const found = await findDevicesAtAddresses(database().db, alpha, ['10.0.0.1', '10.0.0.2', '2001:db8::7']);
    expect(found.map((row) => row.id)).toEqual([String(ids[0]), String(ids[2])]);
    expect(found[1]).toMatchObject({ assetTag: 'D-0003', ipAddresses: '192.0.2.5 10.0.0.2 2001:db8::7' });

    expect((await findDevicesAtAddresses(database().db, alpha, ['192.0.2.5'])).map((row) => row.id)).toEqual([
      String(ids[2]),
    ]);
    expect(await findDevicesAtAddresses(database().db, alpha, ['10.0.0.3', '2001:db8::'])).toEqual([]);
    expect(await findDevicesAtAddresses(database().db, alpha, [])).toEqual([]);
    // Nothing that is not an address reaches a LIKE pattern.
    expect(await findDevicesAtAddresses(database().db, alpha, ['%', '_'])).toEqual([]);
  });

  it('looks up more addresses than one query holds', async () => {
    const alpha = await seedOrganisation(database(), 'Alpha');
    const ids = await seedDevices(database(), alpha, 3, (index) => ({ ipAddresses: [`10.1.${index}.1`] }));
    const many = Array.from({ length: 450 }, (_, index) => `10.1.${index % 256}.${1 + Math.floor(index / 256)}`);
    const found = await findDevicesAtAddresses(database().db, alpha, many);
    expect(found.map((row) => row.id)).toEqual(ids.map(String));
  });
});
