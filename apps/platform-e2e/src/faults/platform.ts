import {
  startServiceProcess,
  type IdentityName,
  type ServiceApi,
  type ServiceProcess,
} from '@platform/testing';

export type PlatformService = 'referrals' | 'specialty-planning' | 'knowledge' | 'financing' | 'audit';

/**
 * The services a fault test needs, each its own process (as in production), started one after the other (on
 * two cores, five services booting at once can miss the readiness timeout). A service can be killed with
 * SIGKILL and started again; `api(name)` always reaches the current process.
 */
export class Platform {
  private readonly running = new Map<PlatformService, ServiceProcess>();

  private constructor(private readonly env: Partial<Record<PlatformService, Record<string, string>>>) {}

  static async start(
    names: readonly PlatformService[],
    env: Partial<Record<PlatformService, Record<string, string>>> = {},
  ): Promise<Platform> {
    const platform = new Platform(env);
    try {
      for (const name of names) await platform.startOne(name);
    } catch (error) {
      await platform.stopAll();
      throw error;
    }
    return platform;
  }

  async startOne(name: PlatformService): Promise<ServiceProcess> {
    if (this.running.has(name)) throw new Error(`${name} is running already`);
    // The load of a fault test is a benchmark's: the per-client rate limit (a guard against runaway clients) is
    // off, as in tools/bench, so every refusal the test sees comes from the fault.
    const service = await startServiceProcess(name, { RATE_LIMIT_PER_SECOND: '0', ...this.env[name] });
    this.running.set(name, service);
    return service;
  }

  has(name: PlatformService): boolean {
    return this.running.has(name);
  }

  get(name: PlatformService): ServiceProcess {
    const service = this.running.get(name);
    if (!service) throw new Error(`${name} is not running`);
    return service;
  }

  /** The service through its API, whichever process runs it now. */
  api(name: PlatformService): ServiceApi {
    return { as: (identity: IdentityName) => this.get(name).as(identity) };
  }

  /** A crash: SIGKILL, no shutdown hooks, no commit of what was in flight. */
  async kill(name: PlatformService): Promise<void> {
    await this.get(name).kill('SIGKILL');
    this.running.delete(name);
  }

  /** A graceful stop (SIGTERM), as a deployment would. */
  async stop(name: PlatformService): Promise<void> {
    await this.get(name).stop();
    this.running.delete(name);
  }

  async stopAll(): Promise<void> {
    const all = [...this.running.values()];
    this.running.clear();
    await Promise.all(all.map((s) => s.stop()));
  }
}
