import { describe, expect, it } from 'vitest';
import { numberOf } from '../../console/src/components/number-field.ts';

describe('a number field’s text for the API', () => {
  it('is the number typed, with a decimal point or comma and whatever zeros after it', () => {
    expect(numberOf(' 7 ')).toBe(7);
    expect(numberOf('7.0')).toBe(7);
    expect(numberOf('7,5')).toBe(7.5);
    expect(numberOf('-1')).toBe(-1);
  });

  it('is the text itself when it is no number, so the API names what is wrong', () => {
    expect(numberOf('sju')).toBe('sju');
    expect(numberOf('1e3')).toBe('1e3');
    expect(numberOf('0x10')).toBe('0x10');
  });

  it('is NaN (null in JSON, "required" from the API) when empty', () => {
    expect(numberOf('  ')).toBeNaN();
    expect(JSON.stringify({ days: numberOf('') })).toBe('{"days":null}');
  });
});
