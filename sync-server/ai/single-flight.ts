// Identical requests already in flight share one upstream call. Owns: the map of flights by key; the
// first caller leads (and settles the flight), the others join and get the same outcome.

export interface FlightLead<T> {
  resolve(value: T): void;
  reject(error: unknown): void;
}

export class SingleFlight<T> {
  readonly #flights = new Map<string, Promise<T>>();

  /** The flight already running for `key`, if any. */
  join(key: string): Promise<T> | undefined {
    return this.#flights.get(key);
  }

  /** Starts a flight for `key`; the caller must settle it. Check `join` first, in the same tick. */
  lead(key: string): FlightLead<T> {
    let settle!: FlightLead<T>;
    const flight = new Promise<T>((resolve, reject) => {
      settle = { resolve, reject };
    });
    // Nobody may have joined: the failure is the leader's to report, not an unhandled rejection.
    flight.catch(() => undefined);
    this.#flights.set(key, flight);
    const done = () => {
      if (this.#flights.get(key) === flight) this.#flights.delete(key);
    };
    return {
      resolve: (value) => {
        done();
        settle.resolve(value);
      },
      reject: (error) => {
        done();
        settle.reject(error);
      },
    };
  }

  get size(): number {
    return this.#flights.size;
  }
}
