import { createContext, useContext } from 'react';
import type { ApiClient } from './api/client';
import type { Session } from './auth/session';

export interface AppContextValue {
  session: Session;
  api: ApiClient;
  signOut(): void;
}

export const AppContext = createContext<AppContextValue | undefined>(undefined);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp outside AppContext');
  return value;
}
