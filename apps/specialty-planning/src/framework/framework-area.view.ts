import {
  isFrameworkAreaValidOn,
  municipalitiesOfFrameworkArea,
  addDays,
  type FrameworkArea,
  type IsoDate,
} from '@platform/domain';
import { isoDateView, namedSchema } from '@platform/http';
import { z } from 'zod';

/** A framework-agreement area (rammeaftaleområde) with its committee and its municipalities on a date. */
export const frameworkAreaViewSchema = namedSchema(
  'FrameworkAreaView',
  z.object({
    code: z.string().meta({ example: 'RA-1082' }),
    regionCode: z.string().meta({ example: '1082' }),
    nameDa: z.string(),
    nameEn: z.string(),
    validFrom: isoDateView,
    validTo: isoDateView.nullable().meta({ description: 'Exclusive; null while the region exists' }),
    provisional: z.boolean().meta({ description: "The region's code is provisional (Østdanmark)" }),
    committee: z.object({ nameDa: z.string(), nameEn: z.string() }).meta({
      description: 'Socialt samarbejdsudvalg: the regional council and the municipal councils of the area',
    }),
    predecessorCodes: z.array(z.string()).meta({ description: 'Areas merged into this one when it began' }),
    successorCode: z.string().nullable().meta({ description: 'The area its municipalities passed to' }),
    on: isoDateView.meta({ description: 'The date the municipalities are given for' }),
    existsOn: z.boolean().meta({ description: 'False when the area did not exist on `on`' }),
    municipalities: z.array(z.object({ code: z.string(), name: z.string() })),
  }),
);

export const frameworkAreaListSchema = namedSchema(
  'FrameworkAreaList',
  z.object({ on: isoDateView, items: z.array(frameworkAreaViewSchema) }),
);

export type FrameworkAreaView = z.infer<typeof frameworkAreaViewSchema>;

/** Today, or for an area that has ended (or not begun) the nearest day it existed: what a bare read shows. */
export function defaultDayOf(area: FrameworkArea, today: IsoDate): IsoDate {
  if (today < area.validFrom) return area.validFrom;
  if (area.validTo && today >= area.validTo) return addDays(area.validTo, -1);
  return today;
}

export function toFrameworkAreaView(area: FrameworkArea, on: IsoDate): FrameworkAreaView {
  return {
    code: area.code,
    regionCode: area.regionCode,
    nameDa: area.nameDa,
    nameEn: area.nameEn,
    validFrom: area.validFrom,
    validTo: area.validTo ?? null,
    provisional: area.provisional,
    committee: { ...area.committee },
    predecessorCodes: [...area.predecessorCodes],
    successorCode: area.successorCode ?? null,
    on,
    existsOn: isFrameworkAreaValidOn(area, on),
    municipalities: municipalitiesOfFrameworkArea(area.code, on).map((m) => ({ code: m.code, name: m.name })),
  };
}

export const FRAMEWORK_AREA_EXAMPLE: FrameworkAreaView = {
  code: 'RA-1086',
  regionCode: '1086',
  nameDa: 'Rammeaftaleområde Region Østdanmark',
  nameEn: 'Framework-agreement area of Region Østdanmark',
  validFrom: '2027-01-01',
  validTo: null,
  provisional: true,
  committee: {
    nameDa: 'Socialt samarbejdsudvalg, Region Østdanmark',
    nameEn: 'Social cooperation committee of Region Østdanmark',
  },
  predecessorCodes: ['RA-1084', 'RA-1085'],
  successorCode: null,
  on: '2027-01-01',
  existsOn: true,
  municipalities: [{ code: '101', name: 'København' }],
};
