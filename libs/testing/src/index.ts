export { stackSettings, STACK_DEFAULTS, demoEnv, kafkaPassword, type StackSettings } from './settings';
export { testKafka } from './kafka';
export { ensureStack } from './stack';
export {
  TEST_IDENTITIES,
  CLI_CLIENT_ID,
  identitiesOfRealm,
  type IdentityName,
  type TestIdentity,
  type UserIdentity,
  type ClientIdentity,
  type OrgType,
  type FunctionalRole,
  type RealmName,
} from './identities';
export { getToken, decodeTokenPayload, tokenEndpoint } from './tokens';
export {
  waitForEvent,
  collectEvents,
  eventData,
  type ReceivedEvent,
  type ReadFrom,
  type WaitOptions,
} from './events';
export { publishEvent, closePublisher } from './publish';
export {
  startService,
  useService,
  authorized,
  testEnvironment,
  testDatabaseUrl,
  migrationsDir,
  type TestService,
  type TestServiceOptions,
  type AuthorizedAgent,
} from './service-harness';
export { eventually } from './eventually';
export { openConnectionsTo } from './sockets';
export {
  startServiceProcess,
  spawnService,
  freePort,
  projectNode,
  SERVICE_NODE_OPTIONS,
  type ServiceProcess,
  type RunningService,
  type SpawnOptions,
} from './service-process';
export { buildDistIfNeeded, distMain } from './dist-build';
export {
  registerOffer,
  approveFunction,
  deactivateOffer,
  offersHoldingFunction,
  testIdentity,
  TEST_OFFER_ADDRESS,
  type ServiceApi,
  type OfferSpec,
  type RegisteredOffer,
  type FunctionSpec,
  type TestOperator,
} from './planning-api';
export {
  approveAdvisoryFunction,
  waitForRosterFunction,
  adviceCaseOfReferral,
  advisorOf,
  giveAdvice,
  type AdviceCaseSummary,
  type AdviceInput,
} from './knowledge-api';
