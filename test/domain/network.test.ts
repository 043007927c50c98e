import { describe, expect, it } from 'vitest';
import { isMemberAddress, normaliseDomain } from '../../shared/domain/network.ts';

const network = { memberDomains: ['ale.se', 'skövde.se', 'Kommun.NO'] };

describe('member organisations', () => {
  it('counts addresses under a member domain and its subdomains', () => {
    expect(isMemberAddress(network, 'anna@ale.se')).toBe(true);
    expect(isMemberAddress(network, 'rektor@skola.ale.se')).toBe(true);
    expect(isMemberAddress(network, 'Rektor@Skola.ALE.se')).toBe(true);
    expect(isMemberAddress(network, 'per@kommun.no')).toBe(true);
  });

  it('does not count look-alikes, parents or other domains', () => {
    expect(isMemberAddress(network, 'anna@notale.se')).toBe(false);
    expect(isMemberAddress(network, 'anna@ale.se.evil.example')).toBe(false);
    expect(isMemberAddress(network, 'anna@se')).toBe(false);
    expect(isMemberAddress(network, 'ale.se')).toBe(false);
    expect(isMemberAddress(network, 'anna@')).toBe(false);
    expect(isMemberAddress({ memberDomains: [] }, 'anna@ale.se')).toBe(false);
  });

  it('compares internationalised domains in either spelling', () => {
    expect(normaliseDomain('Skövde.se.')).toBe('xn--skvde-kua.se');
    expect(isMemberAddress(network, 'a@skövde.se')).toBe(true);
    expect(isMemberAddress(network, 'a@gymnasiet.xn--skvde-kua.se')).toBe(true);
    expect(isMemberAddress({ memberDomains: ['xn--skvde-kua.se'] }, 'a@skövde.se')).toBe(true);
  });

  it('reads a network stored before member domains existed as having none', () => {
    expect(isMemberAddress({} as { memberDomains: string[] }, 'anna@ale.se')).toBe(false);
  });
});
