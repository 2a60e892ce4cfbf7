import { useEffect, useState } from 'preact/hooks';
import type { Goal, Metric } from '../../../lib/schema';
import { onChange } from '../../../lib/storage/changes';
import { repository } from '../../../lib/storage/repository';
import { getDb } from '../../app/session';

export interface Records {
  goals: Goal[];
  metrics: Metric[];
  loaded: boolean;
}

/** Live goals and metrics (trash excluded) for the editors' pickers, reloaded when either store changes. */
export function useRecords(): Records {
  const [state, setState] = useState<Records>({ goals: [], metrics: [], loaded: false });
  useEffect(() => {
    let alive = true;
    const load = async () => {
      const db = await getDb();
      const [goals, metrics] = await Promise.all([
        repository(db, 'goals').list(),
        repository(db, 'metrics').list(),
      ]);
      if (alive) setState({ goals, metrics, loaded: true });
    };
    void load();
    const off = onChange((e) => {
      if (e.stores.includes('goals') || e.stores.includes('metrics')) void load();
    });
    return () => {
      alive = false;
      off();
    };
  }, []);
  return state;
}
