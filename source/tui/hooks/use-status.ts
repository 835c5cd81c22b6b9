import { useEffect, useRef, useState } from 'react';

/** A passing status message: cleared after `ms` (0: stays until replaced). */
export function useStatus(): [string | undefined, (text: string, ms?: number) => void] {
  const [status, setStatus] = useState<string>();
  const timer = useRef<NodeJS.Timeout | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  return [
    status,
    (text, ms = 6000) => {
      clearTimeout(timer.current);
      setStatus(text);
      if (ms > 0) timer.current = setTimeout(() => setStatus(undefined), ms);
    },
  ];
}
