// @platform/domain: the platform's shared vocabulary and value objects. Pure TypeScript, no I/O, no framework,
// and no dependency on any other package of ours (Nx tag scope:domain).
export * from './errors/domain-error';
export * from './time/calendar-date';
export * from './time/today';
export * from './time/easter';
export * from './time/danish-holidays';
export * from './time/working-days';
export * from './geography/geography.types';
export * from './geography/geography.errors';
export * from './geography/municipalities.data';
export * from './geography/regions.data';
export * from './geography/region-memberships.data';
export * from './geography/geography';
export * from './geography/nearest-regions.data';
export * from './geography/nearest-regions';
export * from './levels/specialisation-level';
export * from './target-groups/target-group';
export * from './target-groups/responsibility';
export * from './visitation/visitation-reasons';
export * from './citizen/age-group';
export * from './citizen/cpr.errors';
export { Cpr } from './citizen/cpr';
export * from './legal/legal-basis';
export * from './offer-directory';
export * from './money/money.errors';
export { Money } from './money/money';
export * from './framework/election-period';
export * from './framework/framework-area';
