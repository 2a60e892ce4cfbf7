// Vitest 5 targets Node 22+; this machine runs Node 20, which lacks Map.groupBy / Object.groupBy
// (used by Vitest's reporter when it prints failures). Loaded with `node -r` before Vitest starts.
if (typeof Map.groupBy !== 'function') {
  Map.groupBy = (items, keyFn) => {
    const map = new Map();
    let i = 0;
    for (const item of items) {
      const key = keyFn(item, i++);
      if (!map.has(key)) map.set(key, []);
      map.get(key).push(item);
    }
    return map;
  };
}
if (typeof Object.groupBy !== 'function') {
  Object.groupBy = (items, keyFn) => {
    const out = Object.create(null);
    let i = 0;
    for (const item of items) {
      const key = keyFn(item, i++);
      if (!out[key]) out[key] = [];
      out[key].push(item);
    }
    return out;
  };
}
