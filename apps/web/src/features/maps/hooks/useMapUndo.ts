/**
 * Per-user undo and redo: a Y.UndoManager over the map's roots that tracks only this browser's
 * own transactions (map-edits runs them with a null origin; the collab session applies remote
 * updates with itself as origin), so undoing never takes back a colleague's work.
 */
import { mapEdges, mapNodes } from '@marginalia/shared';
import { useCallback, useEffect, useState } from 'react';
import * as Y from 'yjs';

export interface MapUndo {
  canUndo: boolean;
  canRedo: boolean;
  undo: () => void;
  redo: () => void;
}

export function useMapUndo(doc: Y.Doc): MapUndo {
  const [manager, setManager] = useState<Y.UndoManager | null>(null);
  const [, setVersion] = useState(0);

  useEffect(() => {
    const undoManager = new Y.UndoManager([mapNodes(doc), mapEdges(doc)], { trackedOrigins: new Set([null]), captureTimeout: 400 });
    const handleChange = () => setVersion((version) => version + 1);
    undoManager.on('stack-item-added', handleChange);
    undoManager.on('stack-item-popped', handleChange);
    undoManager.on('stack-cleared', handleChange);
    // The manager belongs to this document for as long as the map is open.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setManager(undoManager);
    return () => {
      undoManager.destroy();
      setManager(null);
    };
  }, [doc]);

  const undo = useCallback(() => {
    manager?.undo();
  }, [manager]);
  const redo = useCallback(() => {
    manager?.redo();
  }, [manager]);
  return { canUndo: (manager?.undoStack.length ?? 0) > 0, canRedo: (manager?.redoStack.length ?? 0) > 0, undo, redo };
}
