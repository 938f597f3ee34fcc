import { createContext, useContext, useEffect, useState, type MouseEvent, type ReactNode } from 'react';

/** A tiny history router: the console has a dozen flat paths; a routing library would be most of its size. */
interface Router {
  path: string;
  query: URLSearchParams;
  navigate(to: string): void;
}

const Context = createContext<Router | undefined>(undefined);

function current() {
  return { path: window.location.pathname, query: new URLSearchParams(window.location.search) };
}

export function RouterProvider({ children }: { children: ReactNode }) {
  const [location, setLocation] = useState(current);
  useEffect(() => {
    const onPop = () => setLocation(current());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = (to: string) => {
    window.history.pushState(null, '', to);
    setLocation(current());
    window.scrollTo?.(0, 0);
  };
  return <Context.Provider value={{ ...location, navigate }}>{children}</Context.Provider>;
}

export function useRouter(): Router {
  const value = useContext(Context);
  if (!value) throw new Error('useRouter outside RouterProvider');
  return value;
}

/** A real link (keyboard, middle click, copy) that navigates in place. */
export function useLinkHandler(to: string) {
  const { navigate } = useRouter();
  return (event: MouseEvent) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(to);
  };
}
