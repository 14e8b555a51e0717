export class EventEmitter {
  #listeners = new Map();
  on(name, listener) {
    const list = this.#listeners.get(name) ?? [];
    list.push(listener);
    this.#listeners.set(name, list);
    return this;
  }
  emit(name, ...args) {
    for (const listener of this.#listeners.get(name) ?? []) listener(...args);
  }
}
