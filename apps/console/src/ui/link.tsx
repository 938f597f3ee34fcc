import { Anchor } from '@mantine/core';
import type { ReactNode } from 'react';
import { useLinkHandler } from '../router';

export function Link({ to, children }: { to: string; children: ReactNode }) {
  const onClick = useLinkHandler(to);
  return (
    <Anchor href={to} onClick={onClick}>
      {children}
    </Anchor>
  );
}
