/** The parts of an Update (a command's or a transaction's) that say what changes, and on what condition. */
export interface UpdateParts {
  UpdateExpression: string;
  ConditionExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, unknown>;
}

/** A condition with its own placeholders, which the changes' placeholders must not redefine. */
export interface Condition {
  expression: string;
  names?: Record<string, string>;
  values?: Record<string, unknown>;
}

/**
 * One update from an object of changes: a field given as undefined stays as it is, null removes it, any
 * other value replaces it. Every field goes through a name placeholder, because many of ours (status,
 * capacity, mode, type) are reserved words in DynamoDB expressions.
 */
export function updateExpression(changes: Record<string, unknown>, condition?: Condition): UpdateParts {
  const names: Record<string, string> = { ...condition?.names };
  const values: Record<string, unknown> = { ...condition?.values };
  const sets: string[] = [];
  const removes: string[] = [];
  for (const [field, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    const name = `#${field}`;
    if (name in names && names[name] !== field) throw new Error(`update placeholder ${name} is taken`);
    names[name] = field;
    if (value === null) {
      removes.push(name);
      continue;
    }
    // A condition's value placeholder shared with a change would make one silently win over the other.
    const placeholder = `:${field}`;
    if (placeholder in values) throw new Error(`update placeholder ${placeholder} is taken`);
    values[placeholder] = value;
    sets.push(`${name} = ${placeholder}`);
  }
  if (sets.length === 0 && removes.length === 0) throw new Error('an update with nothing to change');
  const clauses = [
    ...(sets.length > 0 ? [`SET ${sets.join(', ')}`] : []),
    ...(removes.length > 0 ? [`REMOVE ${removes.join(', ')}`] : []),
  ];
  return {
    UpdateExpression: clauses.join(' '),
    ...(condition ? { ConditionExpression: condition.expression } : {}),
    ...(Object.keys(names).length > 0 ? { ExpressionAttributeNames: names } : {}),
    // DynamoDB refuses an empty map here, as it does for the names.
    ...(Object.keys(values).length > 0 ? { ExpressionAttributeValues: values } : {}),
  };
}
