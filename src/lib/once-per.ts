/**
 * `build` run once per object, its result kept while the object lives: for what is derived from data
 * that is never changed in place (a loaded business's profile, its list of services).
 */
export function oncePer<K extends object, V>(build: (key: K) => V): (key: K) => V {
  const made = new WeakMap<K, V>();
  return (key) => {
    let v = made.get(key);
    if (v === undefined) made.set(key, (v = build(key)));
    return v;
  };
}
