// The part of autocannon 9's programmatic API the benchmarks use (the package ships no type declarations).
declare module 'autocannon' {
  namespace autocannon {
    export interface RawRequest {
      method?: string;
      path?: string;
      headers?: Record<string, string>;
      body?: string;
    }

    export interface RequestStep extends RawRequest {
      /** Called before each request; returns the request to send. */
      setupRequest?: (request: RawRequest, context: Record<string, unknown>) => RawRequest;
    }

    export interface Histogram {
      average: number;
      mean: number;
      total: number;
      p50: number;
      p90: number;
      p97_5: number;
      p99: number;
      max: number;
    }

    export interface Options {
      url: string;
      connections?: number;
      duration?: number;
      amount?: number;
      headers?: Record<string, string>;
      requests?: RequestStep[];
      timeout?: number;
    }

    export interface Result {
      requests: Histogram;
      latency: Histogram;
      duration: number;
      errors: number;
      timeouts: number;
      non2xx: number;
      '2xx': number;
      statusCodeStats: Record<string, { count: number }>;
    }
  }

  function autocannon(options: autocannon.Options): Promise<autocannon.Result>;
  export = autocannon;
}
