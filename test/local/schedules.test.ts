import { beforeAll, describe, expect, it } from 'vitest';
import { isScheduleDue, type LocalSchedule, localSchedules } from '../../infra/local/schedules.ts';
import type { CfnTemplate } from '../../infra/local/template.ts';
import { synthTemplate } from '../../infra/synth.ts';

// The template npm start runs: the schedules must be found in what `cdk synth` writes, not in a fixture.
let template: CfnTemplate;
beforeAll(() => {
  template = synthTemplate();
}, 120_000);

function scheduleFor(entry: string): LocalSchedule {
  const found = localSchedules(template).filter((s) => s.entry === entry);
  expect(found, entry).toHaveLength(1);
  return found[0] as LocalSchedule;
}

const schedule = (minute: string, hour: string, timeZone = 'Europe/Stockholm'): LocalSchedule => ({
  logicalId: 'Test',
  entry: 'functions/digest/handler.ts',
  minute,
  hour,
  timeZone,
});

describe('localSchedules', () => {
  it('finds both schedules of the template, with their handler modules and time zone', () => {
    const all = localSchedules(template);
    expect(all.map((s) => s.entry).sort()).toEqual([
      'functions/digest/handler.ts',
      'functions/retention-sweep/handler.ts',
    ]);
    const digest = scheduleFor('functions/digest/handler.ts');
    expect(digest).toMatchObject({ minute: '0', hour: '*' });
    // Runs in the zone the template names, as EventBridge Scheduler would.
    const zone = template.Resources[digest.logicalId]?.Properties?.ScheduleExpressionTimezone;
    expect(typeof zone).toBe('string');
    expect(digest.timeZone).toBe(zone);
    const sweep = scheduleFor('functions/retention-sweep/handler.ts');
    expect(sweep.timeZone).toBe('Europe/Stockholm');
    expect(sweep.minute).toMatch(/^\d{1,2}$/);
    expect(sweep.hour).toMatch(/^\d{1,2}$/);
    // The logical id names the schedule in the log when a run fails.
    for (const s of all) expect(template.Resources[s.logicalId]?.Type).toBe('AWS::Scheduler::Schedule');
  });

  it('skips a schedule whose target is not one of the template’s functions, or whose expression is not cron', () => {
    const [id, digest] = Object.entries(template.Resources).find(
      ([, r]) => r.Type === 'AWS::Scheduler::Schedule',
    ) as [string, { Type: string; Properties: Record<string, unknown> }];
    const elsewhere: CfnTemplate = {
      Resources: {
        ...template.Resources,
        [id]: {
          ...digest,
          Properties: { ...digest.Properties, Target: { Arn: 'arn:aws:lambda:eu-north-1:1:function:other' } },
        },
        Rate: { ...digest, Properties: { ...digest.Properties, ScheduleExpression: 'rate(1 hour)' } },
      },
    };
    expect(localSchedules(elsewhere)).toHaveLength(1);
    expect(localSchedules(elsewhere).map((s) => s.logicalId)).not.toContain(id);
    expect(localSchedules(elsewhere).map((s) => s.logicalId)).not.toContain('Rate');
  });

  it('reads the time zone as UTC when the schedule names none', () => {
    const [id, first] = Object.entries(template.Resources).find(
      ([, r]) => r.Type === 'AWS::Scheduler::Schedule',
    ) as [string, { Type: string; Properties: Record<string, unknown> }];
    const { ScheduleExpressionTimezone: _zone, ...properties } = first.Properties;
    const utc = localSchedules({
      Resources: { ...template.Resources, [id]: { ...first, Properties: properties } },
    });
    expect(utc.find((s) => s.logicalId === id)?.timeZone).toBe('UTC');
  });
});

describe('isScheduleDue', () => {
  it('runs the hourly tick at minute 0 of every hour, and at no other minute', () => {
    const hourly = schedule('0', '*');
    expect(isScheduleDue(hourly, new Date('2026-11-23T06:00:00Z'))).toBe(true);
    expect(isScheduleDue(hourly, new Date('2026-11-23T06:00:59Z'))).toBe(true);
    expect(isScheduleDue(hourly, new Date('2026-11-23T06:01:00Z'))).toBe(false);
    expect(isScheduleDue(hourly, new Date('2026-11-23T05:59:00Z'))).toBe(false);
    let dueMinutes = 0;
    for (let m = 0; m < 24 * 60; m += 1)
      if (isScheduleDue(hourly, new Date(Date.parse('2026-11-23T00:00:00Z') + m * 60_000))) dueMinutes += 1;
    expect(dueMinutes).toBe(24);
  });

  it('reads minute and hour in the schedule’s time zone: 03:30 in Stockholm is 02:30Z in winter, 01:30Z in summer', () => {
    const nightly = schedule('30', '3');
    expect(isScheduleDue(nightly, new Date('2026-11-23T02:30:00Z'))).toBe(true);
    expect(isScheduleDue(nightly, new Date('2026-11-23T03:30:00Z'))).toBe(false);
    expect(isScheduleDue(nightly, new Date('2026-06-15T01:30:00Z'))).toBe(true);
    expect(isScheduleDue(nightly, new Date('2026-06-15T02:30:00Z'))).toBe(false);
    expect(isScheduleDue(nightly, new Date('2026-11-23T02:31:00Z'))).toBe(false);
    expect(isScheduleDue(schedule('30', '3', 'UTC'), new Date('2026-11-23T03:30:00Z'))).toBe(true);
  });

  it('treats * as any value for the hour and the minute', () => {
    const everyMinute = schedule('*', '*');
    expect(isScheduleDue(everyMinute, new Date('2026-11-23T06:17:00Z'))).toBe(true);
    const everyMinuteAtSeven = schedule('*', '7');
    expect(isScheduleDue(everyMinuteAtSeven, new Date('2026-11-23T06:42:00Z'))).toBe(true);
    expect(isScheduleDue(everyMinuteAtSeven, new Date('2026-11-23T07:42:00Z'))).toBe(false);
  });

  it('runs the template’s own schedules at their Swedish times', () => {
    const digest = scheduleFor('functions/digest/handler.ts');
    const sweep = scheduleFor('functions/retention-sweep/handler.ts');
    const at = new Date(Date.UTC(2026, 10, 23, Number(sweep.hour) - 1, Number(sweep.minute)));
    // CET: the sweep's local hour is one ahead of UTC.
    expect(isScheduleDue(sweep, at)).toBe(true);
    expect(isScheduleDue(sweep, new Date(at.getTime() + 3600_000))).toBe(false);
    expect(isScheduleDue(digest, new Date('2026-11-23T06:00:00Z'))).toBe(true);
  });
});
