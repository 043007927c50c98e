import { describe, expect, it } from 'vitest';
import type { Network } from '../../shared/domain/network.ts';
import type { Registration } from '../../shared/domain/registration.ts';
import { decodeCursor, encodeCursor, registrationsCsv } from '../../shared/http/admin-registrations.ts';
import { BOM, csvCell, toCsv } from '../../shared/http/csv.ts';
import { HttpError } from '../../shared/http/errors.ts';

describe('CSV cells', () => {
  it('stay bare when they can', () => {
    expect(csvCell('Åsa Öberg')).toBe('Åsa Öberg');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell('')).toBe('');
  });

  it('are quoted for separators, quotes, line breaks and edge spaces (RFC 4180)', () => {
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\r\nlf')).toBe('"cr\r\nlf"');
    expect(csvCell(' padded ')).toBe('" padded "');
  });

  it('cannot start a formula', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+46 70 123')).toBe("'+46 70 123");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=cmd')).toBe("'\t=cmd");
    expect(csvCell('=HYPERLINK("http://x";"y")')).toBe('"\'=HYPERLINK(""http://x"";""y"")"');
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell(-2)).toBe('-2');
  });
});

describe('a CSV file', () => {
  it('starts with the UTF-8 BOM and ends every line with CRLF', () => {
    const file = toCsv(
      ['Namn', 'Ort'],
      [
        ['Bjørn', 'Tromsø'],
        ['Åsa', 'Ödeshög'],
      ],
    );
    expect(file.startsWith(BOM)).toBe(true);
    expect([...Buffer.from(file, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(file).toBe('\uFEFFNamn;Ort\r\nBjørn;Tromsø\r\nÅsa;Ödeshög\r\n');
  });
});

describe('the registrations export', () => {
  const network: Network = {
    id: 'demo',
    name: 'Demo',
    languages: ['sv'],
    coordinators: [],
    timeZone: 'Europe/Oslo',
    memberDomains: ['ale.se'],
  };
  const registration = (over: Partial<Registration>): Registration => ({
    id: 'r1',
    networkId: 'demo',
    name: 'Anna',
    email: 'anna@skola.ale.se',
    organisation: 'Aleskolan',
    role: 'Rektor',
    topics: ['Ekonomi', 'Rekrytering'],
    language: 'sv',
    status: 'confirmed',
    consent: { at: '2026-01-15T08:00:00.000Z', wording: 'interest-v1' },
    createdAt: '2026-01-15T08:00:00.000Z',
    confirmationRequestedAt: '2026-01-15T08:00:00.000Z',
    confirmationCount: 1,
    remindAt: '2026-01-17T08:00:00.000Z',
    expireAt: '2026-01-22T08:00:00.000Z',
    confirmedAt: '2026-01-15T09:30:00.000Z',
    ...over,
  });

  it('has one row per registration, oldest first, times in the network’s zone, lapsed ones expired', () => {
    const now = new Date('2026-02-01T00:00:00Z');
    const csv = registrationsCsv(
      [
        registration({
          id: 'r2',
          name: 'Per',
          email: 'per@example.org',
          createdAt: '2026-01-16T08:00:00.000Z',
          status: 'pending_confirmation',
          confirmedAt: undefined,
        }),
        registration({}),
      ],
      network,
      'en',
      now,
    );
    expect(csv.split('\r\n')).toEqual([
      '\uFEFFName;Email;Organisation;Role;Topics;Language;Status;Member organisation;Registered;Confirmed',
      'Anna;anna@skola.ale.se;Aleskolan;Rektor;"Ekonomi, Rekrytering";sv;Confirmed;Yes;2026-01-15 09:00;2026-01-15 10:30',
      'Per;per@example.org;Aleskolan;Rektor;"Ekonomi, Rekrytering";sv;Expired;No;2026-01-16 09:00;',
      '',
    ]);
  });
});

describe('cursors', () => {
  it('round-trip, and a forged one is a 400 naming the field', () => {
    expect(decodeCursor(encodeCursor('AbC_-123'), 'en')).toBe('AbC_-123');
    expect(decodeCursor(undefined, 'en')).toBeUndefined();
    for (const forged of [
      'x',
      Buffer.from('r1.../../x').toString('base64url'),
      Buffer.from('r1.').toString('base64url'),
    ]) {
      try {
        decodeCursor(forged, 'sv');
        throw new Error('expected a 400');
      } catch (error) {
        expect(error).toBeInstanceOf(HttpError);
        expect((error as HttpError).fields).toHaveProperty('cursor');
      }
    }
  });
});
