import { describe, expect, it } from 'vitest';
import { UpdateNetworkRequest } from '../../shared/http/admin-schemas.ts';
import { HttpError } from '../../shared/http/errors.ts';
import { formFields } from '../../shared/http/request.ts';
import { fromForm, InterestRequest } from '../../shared/http/schemas.ts';
import { validate } from '../../shared/http/validation.ts';

const valid = {
  name: 'Anna',
  email: ' Anna@Skola.SE ',
  organisation: 'Ekskolan',
  role: 'Rektor',
  topics: ['Skolans ekonomi'],
  consent: true,
};

function fieldsOf(body: unknown, language: 'sv' | 'nb' | 'en') {
  try {
    validate(InterestRequest, body, language);
  } catch (error) {
    if (error instanceof HttpError) return { status: error.status, fields: error.fields };
  }
  throw new Error('expected a validation error');
}

describe('InterestRequest', () => {
  it('accepts a complete request and normalises the address', () => {
    expect(validate(InterestRequest, valid, 'sv').email).toBe('anna@skola.se');
  });

  it('names every wrong field in the request language', () => {
    const body = { ...valid, name: '', email: 'nope', consent: false, extra: 1 };
    const sv = fieldsOf(body, 'sv');
    const nb = fieldsOf(body, 'nb');
    expect(sv.status).toBe(400);
    expect(Object.keys(sv.fields).sort()).toEqual(['consent', 'email', 'extra', 'name']);
    expect(sv.fields.email).toContain('e-postadress');
    expect(nb.fields.consent).toContain('opplysningene');
    expect(sv.fields.name).not.toBe(nb.fields.name);
  });

  it('refuses line breaks in single-line fields (they end up in email headers)', () => {
    expect(fieldsOf({ ...valid, name: 'Eve\r\nBcc: x@y.se' }, 'en').fields.name).toMatch(/line breaks/);
  });

  it('reports the limit of an over-long field', () => {
    expect(fieldsOf({ ...valid, message: 'x'.repeat(4001) }, 'en').fields.message).toContain('4000');
  });
});

describe('fromForm', () => {
  it('turns checkbox and textarea strings into the types the schema expects', () => {
    const form = formFields(
      'name=Anna&email=anna%40skola.se&organisation=E&role=R&topics=Ekonomi%0D%0ARekrytering&topics=Lokaler&consent=on&message=',
    );
    const parsed = validate(InterestRequest, fromForm(InterestRequest, form), 'sv');
    expect(parsed.topics).toEqual(['Ekonomi', 'Rekrytering', 'Lokaler']);
    expect(parsed.consent).toBe(true);
    expect(parsed.message).toBeUndefined();
  });

  it('leaves a missing consent checkbox missing, so it is reported', () => {
    const form = formFields('name=Anna&email=anna%40skola.se&organisation=E&role=R&topics=');
    expect(fieldsOf(fromForm(InterestRequest, form), 'sv').fields.consent).toBeDefined();
  });
});

describe('numbers out of range', () => {
  function numberFields(body: unknown, language: 'sv' | 'nb' | 'en') {
    try {
      validate(UpdateNetworkRequest, body, language);
    } catch (error) {
      if (error instanceof HttpError) return error.fields;
    }
    throw new Error('expected a validation error');
  }

  it('name the least or most a number may be, not a count of characters', () => {
    const body = { evaluation: { closeAfterDays: 1 }, meetingReminders: { days: [61], introducerDays: 14 } };
    expect(numberFields(body, 'sv')).toMatchObject({
      'evaluation.closeAfterDays': 'Minst 2.',
      'meetingReminders.days.0': 'Högst 60.',
    });
    expect(numberFields(body, 'nb')['meetingReminders.days.0']).toBe('Høyst 60.');
    expect(numberFields(body, 'en')['evaluation.closeAfterDays']).toBe('At least 2.');
  });

  it('ask for a whole number when one with a fraction is given, and say "wrong type" only for a text', () => {
    const body = { evaluation: { closeAfterDays: 7.5, reminderAfterDays: '3' } };
    expect(numberFields(body, 'sv')).toMatchObject({
      'evaluation.closeAfterDays': 'Skriv ett heltal.',
      'evaluation.reminderAfterDays': 'Fel typ av värde.',
    });
    expect(numberFields(body, 'nb')['evaluation.closeAfterDays']).toBe('Skriv et heltall.');
    expect(numberFields(body, 'en')['evaluation.closeAfterDays']).toBe('Enter a whole number.');
  });
});
