// Undo for the changes made to a view: hiding, collapsing and expanding, pinning, layouts, expanding
// neighbours. Each step keeps what the view was before it (a snapshot of the graph and the view state).

/** Steps kept; the oldest is forgotten beyond this. */
export const UNDO_LIMIT = 50;

export class UndoStack {
  constructor(onChange = () => {}) {
    this.steps = [];
    this.onChange = onChange;
  }

  /** Remembers the view before a change described by `what` (shown on the undo button). */
  push(what, before) {
    this.steps.push({ what, before });
    if (this.steps.length > UNDO_LIMIT) this.steps.shift();
    this.onChange(this);
  }

  /** The last step ({what, before}), removed from the stack, or null. */
  pop() {
    const step = this.steps.pop() || null;
    this.onChange(this);
    return step;
  }

  get last() {
    return this.steps.length ? this.steps[this.steps.length - 1] : null;
  }

  clear() {
    this.steps = [];
    this.onChange(this);
  }
}
