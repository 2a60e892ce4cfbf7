import { useEffect, useState } from 'preact/hooks';
import type { DailyRollup } from '../../../lib/engine/rollup';
import { readRollups } from '../../../lib/storage/rollup-store';
import { getDb } from '../../app/session';

/** Every daily rollup, read once when an editor opens (null until read): the wizards' and forms' data. */
export function useRollups(): DailyRollup[] | null {
  const [rollups, setRollups] = useState<DailyRollup[] | null>(null);
  useEffect(() => {
    let alive = true;
    void getDb()
      .then(readRollups)
      .then((r) => alive && setRollups(r));
    return () => {
      alive = false;
    };
  }, []);
  return rollups;
}
