/** The five areas of the Asynchronous Communication Framework, with the spec's exact ids. */
export const AREAS = ['deep_work', 'daily_operations', 'online_meeting', 'offline_activity', 'emergency'] as const;
export type Area = (typeof AREAS)[number];

export interface AreaInfo {
  label: string;
  scheduled: boolean | 'either';
  sync: boolean;
  route: string;
}

export const AREA_INFO: Record<Area, AreaInfo> = {
  deep_work: { label: 'Deep work', scheduled: true, sync: false, route: 'the hub (and the digest)' },
  daily_operations: { label: 'Daily operations', scheduled: false, sync: false, route: 'the next daily digest' },
  online_meeting: { label: 'Online meeting', scheduled: 'either', sync: true, route: 'allowed, if it cannot be async' },
  offline_activity: { label: 'Offline activity', scheduled: true, sync: true, route: 'allowed with enough lead time' },
  emergency: { label: 'Emergency', scheduled: false, sync: true, route: 'the emergency channel and phone paging' },
};

export function isArea(value: unknown): value is Area {
  return typeof value === 'string' && (AREAS as readonly string[]).includes(value);
}
