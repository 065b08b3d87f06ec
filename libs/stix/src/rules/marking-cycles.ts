import { StixErrorCode } from '../error-codes';
import type { StixError } from '../validation-result';
import { report } from '../validation-result';
import { markingRefsOf } from './marking-not-self-referencing';

/**
 * Marking definitions of one batch that mark each other in a cycle (A marked by B, B marked by A):
 * every definition on such a cycle is reported. A definition marking itself is the single-object
 * rule's case. Strongly connected components by Tarjan's algorithm, iterative so that a long chain
 * cannot overflow the stack.
 */
export function checkMarkingCycles(objects: readonly unknown[], errorsByObject: readonly StixError[][]): void {
  const indexById = new Map<string, number>();
  objects.forEach((object, index) => {
    const record = typeof object === 'object' && object !== null ? (object as Record<string, unknown>) : undefined;
    if (record?.type === 'marking-definition' && typeof record.id === 'string' && !indexById.has(record.id)) {
      indexById.set(record.id, index);
    }
  });
  if (indexById.size < 2) {
    return;
  }
  const edges = new Map<number, number[]>();
  for (const [id, index] of indexById) {
    const targets = markingRefsOf(objects[index] as Record<string, unknown>)
      .map(({ ref }) => (ref === id ? undefined : indexById.get(ref)))
      .filter((target): target is number => target !== undefined);
    edges.set(index, targets);
  }
  for (const component of stronglyConnected([...indexById.values()], edges)) {
    if (component.length > 1) {
      for (const index of component) {
        const errors = errorsByObject[index] ?? [];
        report(errors, StixErrorCode.CircularMarking, '/object_marking_refs', 'marking definitions of this batch mark each other in a cycle');
      }
    }
  }
}

function stronglyConnected(nodes: readonly number[], edges: ReadonlyMap<number, readonly number[]>): number[][] {
  const order = new Map<number, number>();
  const low = new Map<number, number>();
  const onStack = new Set<number>();
  const stack: number[] = [];
  const components: number[][] = [];
  let counter = 0;
  for (const root of nodes) {
    if (order.has(root)) {
      continue;
    }
    // Each frame: a node and how many of its edges it has followed.
    const frames: [number, number][] = [[root, 0]];
    order.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1] as [number, number];
      const [node, next] = frame;
      const targets = edges.get(node) ?? [];
      if (next < targets.length) {
        frame[1] = next + 1;
        const target = targets[next] as number;
        if (!order.has(target)) {
          order.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          frames.push([target, 0]);
        } else if (onStack.has(target)) {
          low.set(node, Math.min(low.get(node) ?? 0, order.get(target) ?? 0));
        }
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent !== undefined) {
        low.set(parent[0], Math.min(low.get(parent[0]) ?? 0, low.get(node) ?? 0));
      }
      if (low.get(node) === order.get(node)) {
        const component: number[] = [];
        let member: number | undefined;
        do {
          member = stack.pop();
          if (member !== undefined) {
            onStack.delete(member);
            component.push(member);
          }
        } while (member !== undefined && member !== node);
        components.push(component);
      }
    }
  }
  return components;
}
