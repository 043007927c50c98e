/**
 * From the template's AWS::StepFunctions::StateMachine resources to runnable ASL: intrinsic functions
 * resolved with local ARNs, and every Task mapped to the Lambda module that serves it.
 */
import {
  type CfnTemplate,
  isRecord,
  type LocalNames,
  lambdaEntries,
  localStateMachineArn,
  resolveValue,
  resourcesOfType,
} from './template.ts';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** The slice of ASL the runtime walks; aws-local-stepfunctions validates the rest. */
export interface AslDefinition {
  StartAt: string;
  States: Record<string, AslState>;
  [key: string]: unknown;
}

export interface AslState {
  Type: string;
  Resource?: string;
  Parameters?: unknown;
  Retry?: unknown[];
  Branches?: AslDefinition[];
  Iterator?: AslDefinition;
  ItemProcessor?: AslDefinition;
  [key: string]: unknown;
}

export interface LocalStateMachine {
  readonly logicalId: string;
  readonly arn: string;
  readonly name: string;
  readonly definition: AslDefinition;
}

export function resolveStateMachines(template: CfnTemplate, names: LocalNames): LocalStateMachine[] {
  return resourcesOfType(template, 'AWS::StepFunctions::StateMachine').map(([logicalId, resource]) => {
    const properties = resource.Properties ?? {};
    let definition: unknown;
    if (properties.DefinitionString !== undefined) {
      const text = resolveValue(template, names, properties.DefinitionString);
      if (typeof text !== 'string')
        throw new Error(`${logicalId}: DefinitionString did not resolve to a string`);
      definition = JSON.parse(substitute(text, template, names, properties.DefinitionSubstitutions));
    } else if (properties.Definition !== undefined) {
      const resolved = JSON.stringify(resolveValue(template, names, properties.Definition));
      definition = JSON.parse(substitute(resolved, template, names, properties.DefinitionSubstitutions));
    } else {
      throw new Error(
        `${logicalId}: state machine without a definition (DefinitionS3Location is not supported locally)`,
      );
    }
    if (!isRecord(definition) || typeof definition.StartAt !== 'string' || !isRecord(definition.States)) {
      throw new Error(`${logicalId}: the definition is not a state machine (StartAt and States expected)`);
    }
    return {
      logicalId,
      arn: localStateMachineArn(logicalId),
      name: logicalId,
      definition: definition as AslDefinition,
    };
  });
}

/** DefinitionSubstitutions: `${key}` in the definition string, replaced JSON-safely. */
function substitute(text: string, template: CfnTemplate, names: LocalNames, substitutions: unknown): string {
  if (!isRecord(substitutions)) return text;
  return text.replace(/\$\{([A-Za-z0-9_]+)\}/g, (match, key: string) => {
    if (!(key in substitutions)) return match;
    const value = resolveValue(template, names, substitutions[key]);
    return JSON.stringify(String(value)).slice(1, -1);
  });
}

/** Calls every nested state-machine definition (Parallel branches, Map processors) and the root. */
export function walkStates(definition: AslDefinition, visit: (name: string, state: AslState) => void): void {
  for (const [name, state] of Object.entries(definition.States)) {
    visit(name, state);
    for (const branch of state.Branches ?? []) walkStates(branch, visit);
    if (state.Iterator !== undefined) walkStates(state.Iterator, visit);
    if (state.ItemProcessor !== undefined) walkStates(state.ItemProcessor, visit);
  }
}

/** How a Task reaches its Lambda: the function ARN as Resource, or the `lambda:invoke` integration. */
export type TaskTarget =
  | {
      readonly kind: 'lambda';
      readonly logicalId: string;
      readonly entry: string;
      readonly integration: 'direct' | 'invoke';
    }
  | { readonly kind: 'unsupported'; readonly reason: string };

const LAMBDA_ARN = /^arn:aws:lambda:[^:]*:\d{12}:function:([^:]+)(?::[^:]+)?$/;
const LAMBDA_INVOKE = /^arn:aws[a-z-]*:states:::lambda:invoke$/;

/** Maps each Task state, by name (the key aws-local-stepfunctions overrides by), to what it calls. */
export function taskTargets(definition: AslDefinition, template: CfnTemplate): Map<string, TaskTarget> {
  const entries = lambdaEntries(template);
  const targets = new Map<string, TaskTarget>();
  const toLambda = (arn: unknown, integration: 'direct' | 'invoke', stateName: string): TaskTarget => {
    const logicalId = typeof arn === 'string' ? LAMBDA_ARN.exec(arn)?.[1] : undefined;
    if (logicalId === undefined) {
      return {
        kind: 'unsupported',
        reason: `Task "${stateName}" calls ${String(arn)}, which is not a function of the template`,
      };
    }
    const entry = entries.get(logicalId);
    if (entry === undefined) {
      return {
        kind: 'unsupported',
        reason: `Lambda ${logicalId} (task "${stateName}") has no "samla:entry" metadata`,
      };
    }
    return { kind: 'lambda', logicalId, entry, integration };
  };
  walkStates(definition, (name, state) => {
    if (state.Type !== 'Task') return;
    const resource = state.Resource ?? '';
    let target: TaskTarget;
    if (LAMBDA_ARN.test(resource)) target = toLambda(resource, 'direct', name);
    else if (LAMBDA_INVOKE.test(resource)) {
      const parameters = isRecord(state.Parameters) ? state.Parameters : {};
      target =
        'FunctionName.$' in parameters
          ? { kind: 'unsupported', reason: `Task "${name}" picks its function at run time (FunctionName.$)` }
          : toLambda(parameters.FunctionName, 'invoke', name);
    } else {
      target = {
        kind: 'unsupported',
        reason: `Task "${name}" uses ${resource}, which the local runtime does not emulate`,
      };
    }
    const previous = targets.get(name);
    if (previous !== undefined && JSON.stringify(previous) !== JSON.stringify(target)) {
      // Overrides are keyed by state name across nesting levels, so two different tasks cannot share one.
      throw new Error(`Two Task states named "${name}" call different things: rename one`);
    }
    targets.set(name, target);
  });
  return targets;
}

/** Names of the states that have a Retry field: the keys for retry interval overrides. */
export function retryableStates(definition: AslDefinition): string[] {
  const names: string[] = [];
  walkStates(definition, (name, state) => {
    if (Array.isArray(state.Retry) && state.Retry.length > 0) names.push(name);
  });
  return names;
}

/** The states reachable from `start` (Next, Default, Choices, Catch): a definition starting there validates. */
export function reachableStates(definition: AslDefinition, start: string): Record<string, AslState> {
  const reachable: Record<string, AslState> = {};
  const pending = [start];
  while (pending.length > 0) {
    const name = pending.pop() as string;
    const state = definition.States[name];
    if (state === undefined || name in reachable) continue;
    reachable[name] = state;
    const targets = [state.Next, state.Default];
    if (Array.isArray(state.Choices))
      targets.push(...state.Choices.map((choice) => (isRecord(choice) ? choice.Next : undefined)));
    if (Array.isArray(state.Catch))
      targets.push(...state.Catch.map((catcher) => (isRecord(catcher) ? catcher.Next : undefined)));
    for (const target of targets) if (typeof target === 'string') pending.push(target);
  }
  return reachable;
}
