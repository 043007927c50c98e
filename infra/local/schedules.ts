/**
 * The EventBridge schedules of the template, run by `npm start`: each AWS::Scheduler::Schedule's cron
 * expression is checked once a minute in its own time zone, and its target function's handler module
 * is invoked, as EventBridge Scheduler would in AWS.
 */
import { type HandlerLoader, lambdaContext } from './lambda.ts';
import { type CfnTemplate, isRecord, lambdaEntries, resourcesOfType } from './template.ts';

export interface LocalSchedule {
  readonly logicalId: string;
  readonly entry: string;
  readonly minute: string;
  readonly hour: string;
  readonly timeZone: string;
}

/** The schedules whose targets are the template's own functions; only minute and hour fields are used. */
export function localSchedules(template: CfnTemplate): LocalSchedule[] {
  const entries = lambdaEntries(template);
  return resourcesOfType(template, 'AWS::Scheduler::Schedule').flatMap(([logicalId, resource]) => {
    const props = (resource as { Properties?: Record<string, unknown> }).Properties ?? {};
    const target = isRecord(props.Target) ? props.Target : {};
    const arn = isRecord(target.Arn) ? target.Arn['Fn::GetAtt'] : undefined;
    const fnId = Array.isArray(arn) ? String(arn[0]) : '';
    const entry = entries.get(fnId);
    const match = /^cron\((\S+) (\S+) /.exec(String(props.ScheduleExpression ?? ''));
    if (!entry || !match) return [];
    const timeZone =
      typeof props.ScheduleExpressionTimezone === 'string' ? props.ScheduleExpressionTimezone : 'UTC';
    return [{ logicalId, entry, minute: match[1] ?? '*', hour: match[2] ?? '*', timeZone }];
  });
}

export function isScheduleDue(schedule: LocalSchedule, at: Date): boolean {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: schedule.timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const field = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const fits = (spec: string, value: number) => spec === '*' || Number(spec) === value;
  return fits(schedule.minute, field('minute')) && fits(schedule.hour, field('hour'));
}

/**
 * Starts the timer; returns a function that stops it. A failing run is logged, not fatal. It looks four
 * times a minute and remembers the minute it last fired, so timer drift never skips or repeats a minute.
 */
export function startLocalSchedules(template: CfnTemplate, load: HandlerLoader): () => void {
  const schedules = localSchedules(template);
  let lastMinute = '';
  const timer = setInterval(() => {
    const now = new Date();
    const minute = now.toISOString().slice(0, 16);
    if (minute === lastMinute) return;
    lastMinute = minute;
    for (const schedule of schedules) {
      if (!isScheduleDue(schedule, now)) continue;
      void load(schedule.entry)
        .then((handler) =>
          handler({ source: 'local-scheduler', time: now.toISOString() }, lambdaContext(schedule.logicalId)),
        )
        .catch((error: unknown) => console.error(`schedule ${schedule.logicalId} failed:`, error));
    }
  }, 15_000);
  timer.unref();
  return () => clearInterval(timer);
}
