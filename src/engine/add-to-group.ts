/** Puts an item in its key's list in a map of lists, starting the list with the key's first item. */
export function addToGroup<K, V>(groups: Map<K, V[]>, key: K, item: V): void {
  const list = groups.get(key);
  if (list) list.push(item);
  else groups.set(key, [item]);
}
