import { useEffect, useState } from 'react';
import { takeFlash, type Flash } from '../../app/flash.ts';

/**
 * The message brought to the event page ("Kegiatan … dibuat. Tambahkan sesinya." after creating
 * one, on its Sesi tab): shown where it arrived, `place` being the event and tab, and dropped for
 * good once the clerk moves to another tab or event. The page stays mounted across its tabs, so
 * without this the message would follow the clerk to every tab.
 */
export function useTabFlash(place: string): Flash | null {
  const [held, setHeld] = useState<{ place: string; flash: Flash | null }>(() => ({ place, flash: takeFlash() }));
  useEffect(() => {
    if (held.place !== place && held.flash) setHeld({ place, flash: null });
  }, [place, held]);
  return held.place === place ? held.flash : null;
}
