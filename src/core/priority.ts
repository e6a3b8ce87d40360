/** Eisenhower priorities, in the order a digest lists them. */
export const PRIORITIES = ['do', 'schedule', 'delegate', 'drop'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const PRIORITY_LABEL: Record<Priority, string> = {
  do: 'Do now',
  schedule: 'Schedule',
  delegate: 'Delegate',
  drop: 'Drop',
};

export function priorityOf(flags: { urgent: boolean; important: boolean }): Priority {
  if (flags.urgent && flags.important) return 'do';
  if (flags.important) return 'schedule';
  if (flags.urgent) return 'delegate';
  return 'drop';
}

export function flagsOf(priority: Priority): { urgent: boolean; important: boolean } {
  return { urgent: priority === 'do' || priority === 'delegate', important: priority === 'do' || priority === 'schedule' };
}

export function isPriority(value: unknown): value is Priority {
  return typeof value === 'string' && (PRIORITIES as readonly string[]).includes(value);
}

/** Sort key: lower comes first in a digest. */
export function priorityRank(priority: Priority): number {
  return PRIORITIES.indexOf(priority);
}
