import { useState } from 'react';

/** The series a person has switched off in a chart's legend. */
export function useHiddenKeys() {
  const [hiddenKeys, setHiddenKeys] = useState<ReadonlySet<string>>(new Set());
  function toggle(key: string) {
    setHiddenKeys((current) => {
      const next = new Set(current);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  }
  return { hiddenKeys, toggle };
}
