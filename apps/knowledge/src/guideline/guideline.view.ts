import type { Principal } from '@platform/auth';
import { GUIDELINE_KINDS } from '@platform/contracts';
import { isoInstantView, namedSchema, uuidView } from '@platform/http';
import { versionEtag } from '@platform/kit';
import { z } from 'zod';
import { GUIDELINE_STATUSES } from './domain/guideline-lifecycle';
import { mayReadVersion } from './guideline-access';
import type { GuidelineAggregate, SearchHit, VersionRow } from './guideline.repository';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

const versionSummarySchema = z.object({
  id: uuidView,
  number: z.number().int(),
  title: z.string(),
  status: z.enum(GUIDELINE_STATUSES),
  changeNote: z.string().nullable(),
  createdAt: isoInstantView,
  publishedAt: isoInstantView.nullable(),
  retiredAt: isoInstantView.nullable(),
  retireCause: z.enum(['SUPERSEDED', 'WITHDRAWN']).nullable(),
  retireReason: z.string().nullable(),
});

export const guidelineViewSchema = namedSchema(
  'GuidelineView',
  z
    .object({
      id: uuidView,
      kind: z.enum(GUIDELINE_KINDS),
      targetGroup: z.string(),
      author: z.object({ orgType: z.string(), orgCode: z.string() }),
      published: z
        .object({ versionId: uuidView, number: z.number().int(), title: z.string() })
        .nullable()
        .meta({ description: 'The version in force; advice cites it' }),
      versions: z
        .array(versionSummarySchema)
        .meta({ description: 'Drafts only for the author and the state' }),
      revision: z.number().int().meta({ description: 'Bumped on every change; the ETag is W/"<revision>"' }),
      createdAt: isoInstantView,
      updatedAt: isoInstantView,
    })
    .meta({
      description: 'A guideline (visitationsretningslinje) or pathway description (forløbsbeskrivelse)',
    }),
);

export const guidelineVersionViewSchema = namedSchema(
  'GuidelineVersionView',
  versionSummarySchema.extend({ guidelineId: uuidView, body: z.string() }),
);

export const guidelineListSchema = namedSchema(
  'GuidelineList',
  z.object({ items: z.array(guidelineViewSchema) }),
);

export const searchResultSchema = namedSchema(
  'GuidelineSearchResult',
  z.object({
    items: z.array(
      z.object({
        guidelineId: uuidView,
        versionId: uuidView,
        number: z.number().int(),
        kind: z.enum(GUIDELINE_KINDS),
        targetGroup: z.string(),
        title: z.string(),
        snippet: z.string().meta({ description: 'Where the words matched, marked <b>…</b>' }),
        rank: z.number(),
      }),
    ),
  }),
);

export type GuidelineView = z.infer<typeof guidelineViewSchema>;
type Kind = GuidelineView['kind'];
type Status = GuidelineView['versions'][number]['status'];
type Cause = GuidelineView['versions'][number]['retireCause'];

export const guidelineEtag = (a: GuidelineAggregate) => versionEtag(a.guideline.revision);

function summary(v: VersionRow) {
  return {
    id: v.id,
    number: v.number,
    title: v.title,
    status: v.status as Status,
    changeNote: v.changeNote,
    createdAt: v.createdAt.toISOString(),
    publishedAt: iso(v.publishedAt),
    retiredAt: iso(v.retiredAt),
    retireCause: v.retireCause as Cause,
    retireReason: v.retireReason,
  };
}

export function toGuidelineView(a: GuidelineAggregate, principal: Principal): GuidelineView {
  const g = a.guideline;
  const published = a.versions.find((v) => v.status === 'PUBLISHED');
  return {
    id: g.id,
    kind: g.kind as Kind,
    targetGroup: g.targetGroup,
    author: { orgType: g.authorOrgType, orgCode: g.authorOrgCode },
    published: published
      ? { versionId: published.id, number: published.number, title: published.title }
      : null,
    versions: a.versions.filter((v) => mayReadVersion(principal, g, v)).map(summary),
    revision: g.revision,
    createdAt: g.createdAt.toISOString(),
    updatedAt: g.updatedAt.toISOString(),
  };
}

export const toVersionView = (v: VersionRow) => ({ ...summary(v), guidelineId: v.guidelineId, body: v.body });

export const toSearchHit = (h: SearchHit) => ({ ...h, kind: h.kind as Kind, rank: Number(h.rank) });

export const GUIDELINE_EXAMPLE: GuidelineView = {
  id: '0b7c9d2e-4f1a-4c3b-8d5e-6a7f8b9c0d1e',
  kind: 'GUIDELINE',
  targetGroup: 'VISION',
  author: { orgType: 'region', orgCode: '1084' },
  published: {
    versionId: '1c8d0e3f-5a2b-4d4c-9e6f-7b8a9c0d1e2f',
    number: 1,
    title: 'Visitation til synsrehabilitering',
  },
  versions: [
    {
      id: '1c8d0e3f-5a2b-4d4c-9e6f-7b8a9c0d1e2f',
      number: 1,
      title: 'Visitation til synsrehabilitering',
      status: 'PUBLISHED',
      changeNote: null,
      createdAt: '2026-01-10T09:00:00.000Z',
      publishedAt: '2026-01-20T12:00:00.000Z',
      retiredAt: null,
      retireCause: null,
      retireReason: null,
    },
  ],
  revision: 2,
  createdAt: '2026-01-10T09:00:00.000Z',
  updatedAt: '2026-01-20T12:00:00.000Z',
};
