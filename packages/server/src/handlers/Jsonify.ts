/**
 * The type a value has after `JSON.stringify` then `JSON.parse`, i.e. what the client receives:
 * `Date` (and anything with `toJSON`) → its JSON form (ISO string), object keys holding functions,
 * symbols or `undefined` are dropped (so `T | undefined` keys become optional), `undefined` inside
 * arrays becomes `null`, `bigint` cannot be serialized (`never`).
 */
export type Jsonify<T> =
  IsAny<T> extends true
    ? unknown
    : T extends { toJSON(...args: never[]): infer J }
      ? J extends T
        ? unknown
        : Jsonify<J>
      : T extends string | number | boolean | null
        ? T
        : T extends bigint
          ? never
          : T extends undefined | symbol | AnyFunction
            ? undefined
            : T extends readonly (infer E)[]
              ? JsonifyElement<E>[]
              : T extends object
                ? JsonifyObject<T>
                : unknown;

/** What a handler's HTTP response carries: a top-level `undefined`/`void` result is sent as `null`. */
export type JsonResult<T> = T extends void ? null : Jsonify<T>;

type IsAny<T> = 0 extends 1 & T ? true : false;

type AnyFunction = (...args: never[]) => unknown;

type JsonifyElement<E> = E extends undefined | symbol | AnyFunction ? null : Jsonify<E>;

type Dropped<V> = [V] extends [undefined | symbol | AnyFunction] ? true : false;

type JsonifyObject<T> = Simplify<
  {
    [K in keyof T as K extends string | number
      ? Dropped<T[K]> extends true
        ? never
        : undefined extends T[K]
          ? never
          : K
      : never]: Jsonify<T[K]>;
  } & {
    [K in keyof T as K extends string | number
      ? Dropped<T[K]> extends true
        ? never
        : undefined extends T[K]
          ? K
          : never
      : never]?: Jsonify<Exclude<T[K], undefined | symbol | AnyFunction>>;
  }
>;

type Simplify<T> = { [K in keyof T]: T[K] } & {};
