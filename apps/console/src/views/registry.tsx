import type { ReactNode } from 'react';
import { hasRole, type Session } from '../auth/session';
import type { LabelKey } from '../i18n/dictionary';
import { AdviceCasesView } from './advice-queue';
import { AuditView } from './audit';
import { CitizenAccessView } from './citizen-access';
import { ClaimsView } from './claims';
import { DeviationsView } from './deviations';
import { FunctionsView } from './functions';
import { BlockGrantView, InvoicesView } from './money';
import { NeedsGapsView } from './needs-gaps';
import { NewReferralView } from './new-referral';
import { OffersView } from './offers';
import { PlanView } from './plan';
import { ReferralView } from './referral';
import { ReferralsView } from './referrals';
import { ResponsibilityView } from './responsibility';
import { WorklistView } from './worklist';

export interface ViewDef {
  path: string;
  label: LabelKey;
  /** Shown in the navigation (a detail page is reached from its list). */
  inNav: boolean;
  /** Who may use it: the same organisation and role the API's access rule asks for. */
  allowed(session: Session): boolean;
  render(params: string[]): ReactNode;
}

const municipalCaseworker = (s: Session) => hasRole(s, 'municipality', 'caseworker');

export const VIEWS: ViewDef[] = [
  {
    path: '/referrals',
    label: 'view.referrals',
    inNav: true,
    allowed: municipalCaseworker,
    render: () => <ReferralsView />,
  },
  {
    path: '/referrals/new',
    label: 'view.newReferral',
    inNav: true,
    allowed: municipalCaseworker,
    render: () => <NewReferralView />,
  },
  {
    path: '/referrals/:id',
    label: 'view.referral',
    inNav: false,
    allowed: municipalCaseworker,
    render: ([id]) => <ReferralView id={id!} />,
  },
  {
    path: '/advice-received',
    label: 'view.adviceReceived',
    inNav: true,
    allowed: municipalCaseworker,
    render: () => <AdviceCasesView title="view.adviceReceived" />,
  },
  {
    path: '/invoices-to-pay',
    label: 'view.invoicesToPay',
    inNav: true,
    allowed: (s) =>
      s.orgType === 'municipality' && s.roles.some((r) => r === 'caseworker' || r === 'finance'),
    render: () => <InvoicesView title="view.invoicesToPay" />,
  },
  {
    path: '/claims',
    label: 'view.claims',
    inNav: true,
    allowed: municipalCaseworker,
    render: () => <ClaimsView />,
  },
  {
    path: '/worklist',
    label: 'view.worklist',
    inNav: true,
    allowed: (s) => hasRole(s, 'region', 'caseworker'),
    render: () => <WorklistView />,
  },
  {
    path: '/offers',
    label: 'view.offers',
    inNav: true,
    allowed: (s) => hasRole(s, 'region', 'planner'),
    render: () => <OffersView />,
  },
  {
    path: '/functions',
    label: 'view.functions',
    inNav: true,
    allowed: (s) => hasRole(s, 'region', 'planner'),
    render: () => <FunctionsView />,
  },
  {
    path: '/invoices-issued',
    label: 'view.invoicesIssued',
    inNav: true,
    allowed: (s) => hasRole(s, 'region', 'planner') || hasRole(s, 'region', 'finance'),
    render: () => <InvoicesView title="view.invoicesIssued" />,
  },
  {
    path: '/block-grant',
    label: 'view.blockGrant',
    inNav: true,
    allowed: (s) => hasRole(s, 'region', 'planner') || hasRole(s, 'region', 'finance'),
    render: () => <BlockGrantView />,
  },
  {
    path: '/advice-queue',
    label: 'view.adviceQueue',
    inNav: true,
    allowed: (s) => hasRole(s, 'region', 'advisor'),
    render: () => <AdviceCasesView title="view.adviceQueue" />,
  },
  {
    path: '/plan',
    label: 'view.plan',
    inNav: true,
    allowed: (s) => hasRole(s, 'state', 'planner'),
    render: () => <PlanView />,
  },
  {
    path: '/responsibility',
    label: 'view.responsibility',
    inNav: true,
    allowed: (s) => hasRole(s, 'state', 'planner'),
    render: () => <ResponsibilityView />,
  },
  {
    path: '/needs-gaps',
    label: 'view.needsGaps',
    inNav: true,
    allowed: (s) => hasRole(s, 'region', 'planner') || hasRole(s, 'state', 'planner'),
    render: () => <NeedsGapsView />,
  },
  {
    path: '/deviations',
    label: 'view.deviations',
    inNav: true,
    allowed: (s) => hasRole(s, 'state', 'planner'),
    render: () => <DeviationsView />,
  },
  {
    path: '/decide-claims',
    label: 'view.decideClaims',
    inNav: true,
    allowed: (s) => hasRole(s, 'state', 'finance'),
    render: () => <ClaimsView />,
  },
  {
    path: '/audit',
    label: 'view.audit',
    inNav: true,
    allowed: (s) => hasRole(s, 'state', 'auditor'),
    render: () => <AuditView />,
  },
  {
    path: '/citizen-access',
    label: 'view.citizenAccess',
    inNav: true,
    allowed: (s) => hasRole(s, 'state', 'auditor'),
    render: () => <CitizenAccessView />,
  },
];

/** The view for a path and its parameters (`/referrals/:id`); literal paths win over parameters. */
export function matchView(path: string): { view: ViewDef; params: string[] } | undefined {
  const parts = path.replace(/\/+$/, '').split('/');
  let best: { view: ViewDef; params: string[]; literal: number } | undefined;
  for (const view of VIEWS) {
    const pattern = view.path.split('/');
    if (pattern.length !== parts.length) continue;
    const params: string[] = [];
    let literal = 0;
    const matches = pattern.every((p, i) => {
      if (p.startsWith(':')) return params.push(decodeURIComponent(parts[i]!)) > 0;
      literal++;
      return p === parts[i];
    });
    if (matches && (!best || literal > best.literal)) best = { view, params, literal };
  }
  return best && { view: best.view, params: best.params };
}

export const viewsFor = (session: Session) => VIEWS.filter((v) => v.inNav && v.allowed(session));
