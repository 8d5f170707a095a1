import type { Compilable, CompiledQuery } from 'kysely';
import { prepareOnEachConnection } from './prepared-statements.js';

/**
 * A query whose SQL is built and compiled once per executor, then run with new parameter values.
 *
 * Kysely builds and compiles the query tree on every `execute()`: about 12 µs for a two-table join, more
 * than SQLite takes to answer it, on the hottest read paths (docs/benchmarks.md). `build` receives one
 * unique marker per argument and must pass each straight to Kysely as a value (`where(col, '=', arg)`),
 * never into an identifier or a computed expression: the compiled parameters are then mapped back to the
 * arguments by identity. Anything else fails loudly at the first call. A marker is a string even where the
 * argument is a number (a `limit`): it only ever travels as a parameter value, so its type never matters. Compilation is lazy, so repositories
 * bound to a short-lived transaction pay it only if they use the query.
 *
 * @example
 * const byIdQuery = compileOnce(1, (id: string) => db.selectFrom('users').selectAll().where('id', '=', id));
 * const rows = (await db.executeQuery(byIdQuery(userId))).rows;
 */
export function compileOnce<Args extends (string | number)[], Row>(
  arity: Args['length'],
  build: (...args: Args) => Compilable<Row>,
): (...args: Args) => CompiledQuery<Row> {
  let template: { compiled: CompiledQuery<Row>; slots: number[] } | undefined;
  return (...args) => {
    if (!template) {
      const markers = Array.from(
        { length: arity },
        (_, index) => `\u0000compile-once-argument-${index}\u0000`,
      );
      const compiled = build(...(markers as Args)).compile();
      const slots = compiled.parameters.map((parameter) => markers.indexOf(parameter as string));
      if (slots.includes(-1) || new Set(slots).size !== arity) {
        throw new Error(
          `compileOnce: every argument must be bound exactly once as a parameter in ${compiled.sql}`,
        );
      }
      prepareOnEachConnection(compiled.sql);
      template = { compiled, slots };
    }
    const { compiled, slots } = template;
    return { ...compiled, parameters: slots.map((slot) => args[slot]) };
  };
}
