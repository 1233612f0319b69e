/**
 * Three-valued (Kleene) logic. `true` and `false` are known; `undefined` is unknown.
 * An unknown input can never make a known answer: `and` is false as soon as one input is false,
 * `or` is true as soon as one input is true, and otherwise unknown taints the result.
 */
export type Tri = boolean | undefined;

export function and3(values: Iterable<Tri>): Tri {
  let unknown = false;
  for (const v of values) {
    if (v === false) return false;
    if (v === undefined) unknown = true;
  }
  return unknown ? undefined : true;
}

export function or3(values: Iterable<Tri>): Tri {
  let unknown = false;
  for (const v of values) {
    if (v === true) return true;
    if (v === undefined) unknown = true;
  }
  return unknown ? undefined : false;
}

export function not3(v: Tri): Tri {
  return v === undefined ? undefined : !v;
}
