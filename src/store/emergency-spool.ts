import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Emergency } from '../core/emergency';

type Ref = Pick<Emergency, 'team' | 'id'>;

export interface SpooledEmergency {
  emergency: Emergency;
  dedupKey: string;
  /** Timeline entries gathered while Redis was away. */
  timeline: Array<{ at: number; kind: string; text: string }>;
}

/**
 * A local journal for emergencies declared while Redis is unreachable. Written (atomically: temp file then
 * rename) before the first page goes out, so a process restart still records the emergency once Redis is back.
 */
export function createEmergencySpool(dir: string) {
  mkdirSync(dir, { recursive: true });
  const file = (e: Ref) => path.join(dir, `${e.team}-${e.id}.json`);
  return {
    dir,
    write(entry: SpooledEmergency): void {
      // The folder may have been cleaned away (a tmp reaper) since start-up.
      mkdirSync(dir, { recursive: true });
      const target = file(entry.emergency);
      const temp = `${target}.${process.pid}.tmp`;
      writeFileSync(temp, JSON.stringify(entry));
      renameSync(temp, target);
    },
    list(): SpooledEmergency[] {
      const out: SpooledEmergency[] = [];
      let names: string[];
      try {
        names = readdirSync(dir);
      } catch {
        return out;
      }
      for (const name of names) {
        if (!name.endsWith('.json')) continue;
        try {
          out.push(JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as SpooledEmergency);
        } catch {
          // A half-written temp file never ends in .json; anything else unreadable is left for a person to see.
        }
      }
      return out;
    },
    read(e: Ref): SpooledEmergency | undefined {
      try {
        return JSON.parse(readFileSync(file(e), 'utf8')) as SpooledEmergency;
      } catch {
        return undefined;
      }
    },
    remove(e: Ref): void {
      rmSync(file(e), { force: true });
    },
  };
}

export type EmergencySpool = ReturnType<typeof createEmergencySpool>;
