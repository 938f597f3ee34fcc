import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { DICTIONARY, type Language, type LabelKey } from './dictionary';
import { statusLabel } from './codes';
import { formatters, type Formatters } from './format';

interface I18n {
  language: Language;
  setLanguage(language: Language): void;
  t(key: LabelKey): string;
  /** A status code of the API in words. */
  status(code: string): string;
  f: Formatters;
}

const STORAGE_KEY = 'console.language';
const Context = createContext<I18n | undefined>(undefined);

function initialLanguage(): Language {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'da';
}

export function I18nProvider({ children, language: fixed }: { children: ReactNode; language?: Language }) {
  const [language, setLanguageState] = useState<Language>(fixed ?? initialLanguage());
  const value = useMemo<I18n>(() => {
    const table = DICTIONARY[language];
    return {
      language,
      setLanguage: (next) => {
        localStorage.setItem(STORAGE_KEY, next);
        document.documentElement.lang = next;
        setLanguageState(next);
      },
      t: (key) => table[key],
      status: (code) => statusLabel(language, code),
      f: formatters(language),
    };
  }, [language]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(Context);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
