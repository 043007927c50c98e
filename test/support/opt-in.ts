/** Matches the opt-in workflow's execution for one record (its input names the record as `subject`). */
export function optInFor(id: string): (input: Record<string, unknown>) => boolean {
  return (input) => {
    const subject = input.subject;
    return typeof subject === 'object' && subject !== null && (subject as { id?: unknown }).id === id;
  };
}
