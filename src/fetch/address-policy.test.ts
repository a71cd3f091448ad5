import { describe, expect, it } from 'vitest';
import { createAddressCheck, describePolicy, isPublicAddress } from './address-policy.ts';

describe('isPublicAddress', () => {
  it.each([
    '127.0.0.1',
    '127.8.9.10',
    '10.0.0.1',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '100.64.0.1',
    '100.127.255.255',
    '169.254.169.254',
    '0.0.0.0',
    '224.0.0.1',
    '239.255.255.250',
    '255.255.255.255',
    '::',
    '::1',
    'fe80::1',
    'febf::1',
    'fc00::1',
    'fd12:3456::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    '::ffff:a00:1',
    '::ffff:169.254.169.254',
    '::127.0.0.1',
  ])('refuses %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each([
    '8.8.8.8',
    '93.184.216.34',
    '172.15.255.255',
    '172.32.0.1',
    '100.63.255.255',
    '100.128.0.1',
    '1.1.1.1',
    '2606:4700:4700::1111',
    '2001:4860:4860::8888',
    '::ffff:8.8.8.8',
  ])('allows %s', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it('refuses things that are not IP literals', () => {
    expect(isPublicAddress('example.com')).toBe(false);
    expect(isPublicAddress('[::1]')).toBe(false);
  });
});

describe('createAddressCheck', () => {
  it('allows only public addresses by default, anything with true', () => {
    expect(createAddressCheck(false)('127.0.0.1')).toBe(false);
    expect(createAddressCheck(false)('8.8.8.8')).toBe(true);
    expect(createAddressCheck(true)('10.0.0.1')).toBe(true);
  });

  it('adds an allow-list of addresses and CIDR ranges to the public addresses', () => {
    const check = createAddressCheck(['127.0.0.1', '192.168.1.0/24', 'fd00::/8']);
    expect(check('127.0.0.1')).toBe(true);
    expect(check('127.0.0.2')).toBe(false);
    expect(check('192.168.1.77')).toBe(true);
    expect(check('192.168.2.1')).toBe(false);
    expect(check('fd00::5')).toBe(true);
    expect(check('10.0.0.1')).toBe(false);
    expect(check('8.8.8.8')).toBe(true);
  });

  it('throws input.invalid on a malformed allow-list entry', () => {
    expect(() => createAddressCheck(['localhost'])).toThrow(expect.objectContaining({ code: 'input.invalid' }));
    expect(() => createAddressCheck(['10.0.0.0/33'])).toThrow(expect.objectContaining({ code: 'input.invalid' }));
  });

  it('names equal policies equally, whatever the list order', () => {
    expect(describePolicy(['10.0.0.1', '127.0.0.1'])).toBe(describePolicy(['127.0.0.1', '10.0.0.1']));
    expect(describePolicy([])).toBe(describePolicy(false));
    expect(describePolicy(true)).not.toBe(describePolicy(false));
  });
});
