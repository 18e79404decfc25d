/**
 * What the Codebook view's controls do: each change goes through the
 * annotations layer's code changes (so it is recorded for undo and the panel
 * reloads when tag paths changed), then focus goes somewhere sensible (the
 * code made, moved or merged into; the neighbour of a deleted one) and a short
 * status says what happened. A refusal is returned as the service's message,
 * for the control that asked to show beside itself.
 */
import { useMemo, type RefObject } from 'react';
import { revealAnnotationsPanel } from '../app-state/panel-reveal';
import type { CodeView } from '../../preload/contract';
import { useAnnotations } from '../annotations/annotations-context';
import type { CodeFields } from '../annotations/code-undo';
import { subtreeIds } from './code-tree';
import type { TreeState } from './use-tree-state';

export interface CodebookActions {
  create(name: string, parentId: string | null): Promise<string | null>;
  edit(id: string, patch: CodeFields): Promise<string | null>;
  merge(id: string, intoId: string): Promise<string | null>;
  remove(id: string, withDescendants: boolean): Promise<string | null>;
  showInPanel(id: string): void;
}

export interface ActionDeps {
  codes: readonly CodeView[];
  tree: TreeState;
  /** The "New code" button: focus goes there when the last code is deleted. */
  startRef: RefObject<HTMLButtonElement | null>;
  say(status: string): void;
  /** Closes any open form or picker. */
  done(): void;
}

function movedSentence(code: CodeView, parent: CodeView | undefined): string {
  return parent ? `Moved “${code.name}” under “${parent.path}”.` : `Moved “${code.name}” to the top level.`;
}

/** The code focus moves to when `id` and its subtree go: the next visible row, else the previous, else none. */
function neighbourOf(tree: TreeState, codes: readonly CodeView[], id: string): string | null {
  const gone = subtreeIds(codes, id);
  const at = tree.visible.findIndex((r) => r.code.id === id);
  const after = tree.visible.slice(at + 1).find((r) => !gone.has(r.code.id));
  const before = tree.visible.slice(0, Math.max(at, 0)).reverse()[0];
  return after?.code.id ?? before?.code.id ?? null;
}

export function useCodebookActions(deps: ActionDeps): CodebookActions {
  const { codes: changes, setFilter } = useAnnotations();
  const { codes, tree, startRef, say, done } = deps;
  return useMemo(() => {
    const find = (id: string) => codes.find((c) => c.id === id);
    return {
      create: async (name, parentId) => {
        const result = await changes.createCode({ name, parentId });
        if (!result.ok) return result.error;
        done();
        tree.focusCode(result.value.id);
        say(`Created “${result.value.path}”.`);
        return null;
      },
      edit: async (id, patch) => {
        const code = find(id);
        if (!code) return 'This code no longer exists.';
        const result = await changes.updateCode(code, patch);
        if (!result.ok) return result.error;
        if (patch.parentId !== undefined) {
          done();
          tree.focusCode(id);
          say(movedSentence(code, patch.parentId === null ? undefined : find(patch.parentId)));
        } else if (patch.name !== undefined) say(`Renamed to “${result.value.name}”.`);
        return null;
      },
      merge: async (id, intoId) => {
        const from = find(id);
        const into = find(intoId);
        if (!from || !into) return 'This code no longer exists.';
        const result = await changes.mergeCodes(from, into);
        if (!result.ok) return result.error;
        done();
        tree.focusCode(into.id);
        say(`Merged “${from.path}” into “${into.path}”. Undo with Ctrl+Z.`);
        return null;
      },
      remove: async (id, withDescendants) => {
        const code = find(id);
        if (!code) return 'This code no longer exists.';
        const next = neighbourOf(tree, codes, id);
        const result = await changes.deleteCode(code, withDescendants);
        if (!result.ok) return result.error;
        done();
        if (next) tree.focusCode(next);
        else startRef.current?.focus();
        say(`Deleted “${code.path}”. Undo with Ctrl+Z.`);
        return null;
      },
      showInPanel: (id) => {
        const code = find(id);
        if (!code) return;
        setFilter((current) => ({ ...current, tags: [code.path] }));
        revealAnnotationsPanel();
        say(`The Annotations panel shows the annotations coded “${code.path}” or under it.`);
      },
    };
  }, [changes, codes, done, say, setFilter, startRef, tree]);
}
