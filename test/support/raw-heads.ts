import { ses } from '../../shared/clients/ses.ts';

/**
 * The head of the last raw message handed to SES for each recipient: the local inbox drops MIME headers,
 * so tests of headers (List-Unsubscribe, Auto-Submitted) read them here. `start()` in beforeAll, `stop()`
 * in afterAll.
 */
export function rawHeadRecorder(name: string) {
  const heads = new Map<string, string>();
  const watch = ((next: (args: { input: unknown }) => Promise<unknown>) =>
    async (args: { input: unknown }) => {
      const input = args.input as { RawMessage?: { Data?: Uint8Array }; Destinations?: string[] };
      const data = input.RawMessage?.Data;
      if (data) {
        const head = (Buffer.from(data).toString('utf8').split('\r\n\r\n')[0] ?? '').replace(
          /\r\n[ \t]+/g,
          ' ',
        );
        for (const to of input.Destinations ?? []) heads.set(to, head);
      }
      return next(args);
    }) as never;
  return {
    heads,
    start: () => ses.middlewareStack.add(watch, { step: 'build', name, override: true }),
    stop: () => ses.middlewareStack.remove(name),
    /** One header of the last message to `to`, unfolded. */
    header: (to: string, header: string) =>
      (heads.get(to) ?? '')
        .split('\r\n')
        .find((line) => line.toLowerCase().startsWith(`${header.toLowerCase()}:`))
        ?.slice(header.length + 1)
        .trim(),
  };
}
