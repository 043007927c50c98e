import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { reflectionFields } from '../../shared/domain/evaluation.ts';
import type { HttpError } from '../../shared/http/errors.ts';
import { FeedbackBody } from '../../shared/http/feedback-schemas.ts';
import { maxBodyBytes } from '../../shared/http/limits.ts';
import { formBody } from '../../shared/http/public-form.ts';
import { toApiRequest } from '../../shared/http/request.ts';
import { validate } from '../../shared/http/validation.ts';

function post(body: string, contentType: string): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: 'POST /v1/feedback/{token}',
    rawPath: '/v1/feedback/t',
    rawQueryString: '',
    headers: { 'content-type': contentType, accept: 'text/html' },
    pathParameters: { token: 't' },
    requestContext: { http: { method: 'POST' } },
    body,
    isBase64Encoded: false,
  } as unknown as APIGatewayProxyEventV2;
}

// One UTF-16 unit (what maxLength counts), three bytes of UTF-8, nine once URL-encoded: the costliest.
const widest = (length: number) => '€'.repeat(length);

/** The evaluation form with every field at its longest, as a browser posts it. */
function largestEvaluationForm(): string {
  const form = new URLSearchParams({ rating: '7', nextTimeBetter: widest(4000), anonymous: 'on' });
  for (const field of reflectionFields) form.set(`reflections.${field}`, widest(4000));
  form.set('parkedQuestions', Array.from({ length: 20 }, () => widest(1000)).join('\r\n'));
  return form.toString();
}

describe('the body limit', () => {
  it('takes the largest evaluation answer the form accepts, as a form post and as JSON', () => {
    const encoded = largestEvaluationForm();
    // The limit this replaced, 32 kB, refused it more than ten times over.
    expect(Buffer.byteLength(encoded)).toBeGreaterThan(10 * 32 * 1024);
    expect(Buffer.byteLength(encoded)).toBeLessThanOrEqual(maxBodyBytes);
    const request = toApiRequest(post(encoded, 'application/x-www-form-urlencoded'), 'optional');
    const answer = validate(FeedbackBody, formBody(request, FeedbackBody), 'sv');
    expect(answer.nextTimeBetter).toBe(widest(4000));
    expect(Object.values(answer.reflections ?? {})).toEqual(reflectionFields.map(() => widest(4000)));
    expect(answer.parkedQuestions).toEqual(Array.from({ length: 20 }, () => widest(1000)));

    // JSON with every character escaped (\u20ac, six bytes) is the largest a program would send.
    const json = JSON.stringify(answer).replace(/€/g, '\\u20ac');
    expect(Buffer.byteLength(json)).toBeLessThanOrEqual(maxBodyBytes);
    const fromJson = toApiRequest(post(json, 'application/json'), 'optional');
    expect(validate(FeedbackBody, fromJson.body, 'sv')).toEqual(answer);
  });

  it('refuses one byte more with 413, before reading it', () => {
    const tooLarge = `rating=7&nextTimeBetter=${'x'.repeat(maxBodyBytes)}`;
    expect(() => toApiRequest(post(tooLarge, 'application/x-www-form-urlencoded'), 'optional')).toThrow(
      expect.objectContaining({ status: 413, code: 'payload_too_large' }) as HttpError,
    );
    const exactly = `rating=7&nextTimeBetter=${'x'.repeat(maxBodyBytes - 'rating=7&nextTimeBetter='.length)}`;
    expect(Buffer.byteLength(exactly)).toBe(maxBodyBytes);
    expect(() => toApiRequest(post(exactly, 'application/x-www-form-urlencoded'), 'optional')).not.toThrow();
  });
});
