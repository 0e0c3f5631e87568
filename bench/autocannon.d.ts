// Just enough of autocannon 8's programmatic API for the harness; the package
// ships no types and @types/autocannon is not a dependency. Shapes follow
// node_modules/autocannon/README.md ("API" and "Results") and lib/run.js.
declare module "autocannon" {
  import type { EventEmitter } from "node:events";

  export interface Options {
    url: string;
    connections?: number;
    /** Seconds. */
    duration?: number;
    pipelining?: number;
    /** Seconds before a request counts as timed out (and as an error). */
    timeout?: number;
    method?: string;
    headers?: Record<string, string>;
    bailout?: number;
    /**
     * Request templates; setupRequest may change each request (here: its path). `context` is
     * the connection's own object, handed to onResponse with the response to that request.
     */
    requests?: Array<{
      method?: string;
      path?: string;
      setupRequest?: (request: { path?: string }, context: Record<string, unknown>) => { path?: string };
      onResponse?: (status: number, body: string, context: Record<string, unknown>, headers: Record<string, unknown>) => void;
    }>;
  }

  /** hdr-histogram-percentiles-obj: p2_5, p50, p75, p90, p97_5, p99, p99_9… — there is no p95. */
  export interface Histogram {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    total: number;
    p2_5: number;
    p50: number;
    p75: number;
    p90: number;
    p97_5: number;
    p99: number;
    p99_9: number;
  }

  export interface Result {
    url: string;
    /** Responses per one-second sample; `total` is every completed response. */
    requests: Histogram & { sent: number };
    /** Milliseconds, recorded into an integer histogram (sub-millisecond values are floored). */
    latency: Histogram & { totalCount: number };
    throughput: Histogram;
    /** Seconds the run actually took. */
    duration: number;
    errors: number;
    timeouts: number;
    mismatches: number;
    non2xx: number;
    statusCodeStats: Record<string, { count: number }>;
    start: Date;
    finish: Date;
  }

  export interface Instance extends EventEmitter {
    stop(): void;
    /** Emitted for every completed response; `responseTime` is in milliseconds (process.hrtime precision). */
    on(
      event: "response",
      listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void,
    ): this;
    on(event: string, listener: (...args: any[]) => void): this;
  }

  function autocannon(options: Options, callback: (error: Error | null, result: Result) => void): Instance;
  export default autocannon;
}
