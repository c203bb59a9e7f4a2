/** The strength of a passphrase as it is typed, measured a moment after typing pauses. */
import { useEffect, useState } from 'react';
import { measureStrength, type Strength } from './strength';

export function usePassphraseStrength(passphrase: string): Strength | null {
  const [strength, setStrength] = useState<Strength | null>(null);
  useEffect(() => {
    if (passphrase === '') {
      setStrength(null);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      void measureStrength(passphrase).then((result) => {
        if (current) setStrength(result);
      });
    }, 120);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [passphrase]);
  return strength;
}
