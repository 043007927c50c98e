import { describe, expect, it } from 'vitest';
import { callLabel, callOrder } from './latency.ts';
import { prepareReplay, type RecordedCall, Renamer } from './recorder.ts';

const REQUEST = 'zv9XLTFNrxC3YavJyxIqRa';
const PERSON = 'YkdcEHy9zcdrR1PcXhAjoU';
const TOKEN_HASH = 'a3f1c2d4e5b60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';
const MACHINE = 'arn:aws:states:local:000000000000:stateMachine:WorkflowsRegistrationStateMachine48E148A0';

const put = (id: string, person: string): RecordedCall => ({
  service: 'dynamodb',
  command: 'PutItem',
  input: {
    TableName: 'bench-4d506053',
    Item: {
      pk: 'GROUP#e92e6e6b-b06',
      sk: `JOIN#${id}`,
      gsi2pk: `PERSON#${person}`,
      id,
      confirmationCount: 1,
    },
  },
  after: [],
  outcome: 'ok',
});
const start = (id: string): RecordedCall => ({
  service: 'sfn',
  command: 'StartExecution',
  input: { stateMachineArn: MACHINE, name: `${id}-1796607113423-1`, input: JSON.stringify({ id }) },
  after: [0],
  outcome: 'ok',
});

describe('Renamer', () => {
  it('gives each identifier one twin of the same length and alphabet, and keeps what requests share', () => {
    const renamer = new Renamer();
    renamer.share(
      [put(REQUEST, PERSON), start(REQUEST)],
      [put('OhHvf_OpKIAq6k7VtSfJkd', PERSON), start('x')],
    );
    const twin = renamer.value(put(REQUEST, PERSON).input) as {
      TableName: string;
      Item: Record<string, string | number>;
    };
    const id = String(twin.Item.id);
    expect(id).not.toBe(REQUEST);
    expect(id).toHaveLength(REQUEST.length);
    expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
    // The same identifier gets the same twin wherever it appears, inside keys and JSON alike.
    expect(twin.Item.sk).toBe(`JOIN#${id}`);
    expect(renamer.rename(JSON.stringify({ id: REQUEST }))).toBe(JSON.stringify({ id }));
    // Shared by both requests: the person here, the state machine; short runs: table, group, prefixes.
    expect(twin.Item.gsi2pk).toBe(`PERSON#${PERSON}`);
    expect(renamer.rename(MACHINE)).toBe(MACHINE);
    expect(twin.TableName).toBe('bench-4d506053');
    expect(twin.Item.confirmationCount).toBe(1);
    // Hex stays hex, a lower-case address stays lower case.
    expect(renamer.rename(`TOKEN#${TOKEN_HASH}`)).toMatch(/^TOKEN#[0-9a-f]{64}$/);
    expect(renamer.rename('join-0123456789abcdef@skola.example')).toMatch(/^[a-z0-9_-]{21}@skola\.example$/);
  });

  it('takes a twin it is given (a token the twin world made itself)', () => {
    const renamer = new Renamer();
    const twin = 'f'.repeat(64);
    renamer.pair(TOKEN_HASH, twin);
    expect(renamer.rename(`TOKEN#${TOKEN_HASH}`)).toBe(`TOKEN#${twin}`);
    expect(() => renamer.pair(TOKEN_HASH, 'short')).toThrow();
  });
});

describe('prepareReplay', () => {
  it('sends calls the handler sent together in parallel, the others after what they came after, and reports other outcomes', async () => {
    const events: string[] = [];
    const client = (name: string, fail?: string) => ({
      async send(command: { input: { TableName?: string; Key?: { pk: string } } }) {
        const key = command.input.Key?.pk ?? name;
        events.push(`start ${key}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
        events.push(`end ${key}`);
        if (fail && key.startsWith(fail))
          throw Object.assign(new Error('no'), { name: 'ConditionalCheckFailedException' });
        return {};
      },
    });
    const get = (pk: string, after: number[], outcome = 'ok'): RecordedCall => ({
      service: 'dynamodb',
      command: 'GetItem',
      input: { TableName: 't', Key: { pk, sk: 'X' } },
      after,
      outcome,
    });
    const calls = [
      get('A', []),
      get('B', [0]),
      get('C', [0]),
      get('D', [0, 2, 1], 'ConditionalCheckFailedException'),
    ];
    const replay = prepareReplay(calls, new Renamer(), {
      dynamo: client('dynamo'),
      ses: client('ses'),
      sfn: client('sfn'),
    });
    expect(await replay()).toEqual(['GetItem: ok, handler ConditionalCheckFailedException']);
    expect(events).toEqual(['start A', 'end A', 'start B', 'start C', 'end B', 'end C', 'start D', 'end D']);
    expect(callOrder(calls)).toBe('GetItem A/X → [GetItem B/X ‖ GetItem C/X] → GetItem D/X');
  });
});

describe('callLabel', () => {
  it('names a call by what it touches, without identifiers', () => {
    expect(callLabel(put(REQUEST, PERSON))).toBe('PutItem GROUP/JOIN');
    expect(callLabel(start(REQUEST))).toBe('StartExecution Registration');
    expect(
      callLabel({
        service: 'dynamodb',
        command: 'PutItem',
        input: { Item: { pk: `TOKEN#${TOKEN_HASH}`, sk: 'TOKEN', purpose: 'leave-group' } },
        after: [],
        outcome: 'ok',
      }),
    ).toBe('PutItem TOKEN (leave-group)');
    expect(
      callLabel({
        service: 'dynamodb',
        command: 'BatchWriteItem',
        input: {
          RequestItems: {
            samla: [
              {
                PutRequest: { Item: { pk: `TOKEN#${TOKEN_HASH}`, sk: 'TOKEN', purpose: 'unsubscribe-all' } },
              },
              { PutRequest: { Item: { pk: `TOKEN#${TOKEN_HASH}`, sk: 'TOKEN', purpose: 'leave-group' } } },
              { DeleteRequest: { Key: { pk: `NETWORK#${TOKEN_HASH}`, sk: 'NETWORK' } } },
            ],
          },
        },
        after: [],
        outcome: 'ok',
      }),
    ).toBe('BatchWriteItem (Put TOKEN (unsubscribe-all), Put TOKEN (leave-group), Delete NETWORK)');
  });
});
