import { useEffect, useState } from 'react';

const PREFIX = 'console.draft.';

/**
 * A form's values, kept in sessionStorage on every change: when the session expires and the person signs in
 * again (a full redirect through Keycloak), the form comes back as it was. Cleared once the form is sent.
 */
export function useDraft<T extends object>(key: string, initial: T): [T, (next: T) => void, () => void] {
  const [value, setValue] = useState<T>(() => {
    const stored = sessionStorage.getItem(PREFIX + key);
    if (!stored) return initial;
    try {
      return { ...initial, ...(JSON.parse(stored) as Partial<T>) };
    } catch {
      return initial;
    }
  });
  useEffect(() => {
    sessionStorage.setItem(PREFIX + key, JSON.stringify(value));
  }, [key, value]);
  const clear = () => {
    sessionStorage.removeItem(PREFIX + key);
    setValue(initial);
  };
  return [value, setValue, clear];
}

/** Forgets every draft (signing out). */
export function clearDrafts(): void {
  for (const key of Object.keys(sessionStorage)) if (key.startsWith(PREFIX)) sessionStorage.removeItem(key);
}
