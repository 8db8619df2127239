/**
 * The corpus's actors who hold or reject a node's idea (e.g. "Yao Yuan, University of St.
 * Thomas"), picked from the workspace's actors with a combobox.
 */
import { ACTOR_STANCES, setActorStance, type ActorStance, type MapNode } from '@marginalia/shared';
import { useMemo, useState } from 'react';
import { ComboBox, Input, Label, ListBox, ListBoxItem, Popover } from 'react-aria-components';
import { useActors } from '../../actors';
import { STANCE_LABELS } from '../canvas/map-labels';
import { useMapSession } from '../map-session';

export function NodeActors({ node }: { node: MapNode }) {
  const { doc, workspaceId, readOnly } = useMapSession();
  const actors = useActors(workspaceId);
  const [query, setQuery] = useState('');
  const byId = useMemo(() => new Map((actors.data ?? []).map((actor) => [actor.id, actor])), [actors.data]);
  const candidates = useMemo(() => (actors.data ?? []).filter((actor) => !(actor.id in node.actors)).sort((a, b) => a.name.localeCompare(b.name)), [actors.data, node.actors]);
  const entries = Object.entries(node.actors);
  const nameOf = (actorId: string) => {
    const actor = byId.get(actorId);
    if (!actor) return 'Unknown actor';
    return actor.affiliation ? `${actor.name}, ${actor.affiliation}` : actor.name;
  };

  return (
    <div className="map-inspector__group">
      <h3 className="map-inspector__heading">Actors</h3>
      {entries.length === 0 && <p className="muted">No actor linked yet.</p>}
      <ul className="map-actors" aria-label="Actors holding or rejecting this">
        {entries.map(([actorId, stance]) => (
          <li key={actorId} className={`map-actors__item map-actors__item--${stance}`}>
            <span>{nameOf(actorId)}</span>
            {readOnly ? (
              <span className="muted">{STANCE_LABELS[stance]}</span>
            ) : (
              <>
                <select
                  className="input input--sm"
                  aria-label={`Stance of ${nameOf(actorId)}`}
                  value={stance}
                  onChange={(event) => setActorStance(doc, node.id, actorId, event.target.value as ActorStance)}
                >
                  {ACTOR_STANCES.map((value) => (
                    <option key={value} value={value}>
                      {STANCE_LABELS[value]}
                    </option>
                  ))}
                </select>
                <button type="button" className="icon-button" aria-label={`Remove ${nameOf(actorId)}`} onClick={() => setActorStance(doc, node.id, actorId, null)}>
                  ×
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      {!readOnly && (
        <ComboBox
          className="map-actor-picker"
          inputValue={query}
          onInputChange={setQuery}
          defaultItems={candidates}
          onSelectionChange={(key) => {
            if (key === null) return;
            setActorStance(doc, node.id, String(key), 'holds');
            setQuery('');
          }}
        >
          <Label className="field__label">Add an actor who holds this</Label>
          <Input className="input input--sm" placeholder={actors.isPending ? 'Loading actors…' : 'Type a name…'} />
          <Popover className="map-menu" placement="bottom start">
            <ListBox className="map-menu__list" renderEmptyState={() => <p className="muted map-menu__empty">No actor matches.</p>}>
              {(actor: (typeof candidates)[number]) => (
                <ListBoxItem id={actor.id} textValue={actor.name} className="map-menu__item">
                  {actor.name}
                  {actor.affiliation && <span className="muted">, {actor.affiliation}</span>}
                </ListBoxItem>
              )}
            </ListBox>
          </Popover>
        </ComboBox>
      )}
    </div>
  );
}
