/* Apart from request.ts so that the error messages can name the limit without importing the request. */

/**
 * Above the largest body the schemas accept, so no valid answer is refused for its size: the evaluation
 * form (six texts of 4,000 characters and 20 parked questions of 1,000) comes to ~400 kB URL-encoded when
 * every character takes three bytes of UTF-8 (test/http/request.test.ts posts it). The limit still keeps
 * a flood of megabytes from costing anything.
 */
export const maxBodyBytes = 512 * 1024;
