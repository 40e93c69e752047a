/** Services and staff panels: list, add, edit and remove (edit controls only for admins). */
import { useState, type FormEvent } from 'react';
import { del, post, put, type Answer, type Item } from '../api.js';
import { useApi, useApiMutation, useInvalidate } from '../queries.js';
import { useCan } from '../session.js';
import { FormError, Input, Loader, money, useSubmit } from '../ui.js';
import { HoursEditor, type WeeklyHours } from './hours.js';

/** A bookable service. */
export type Service = Item<'/api/services'>;
/** A staff member (provider). */
export type Staff = Item<'/api/staff'>;

/**
 * What a change of the catalog makes outdated: services and staff everywhere they show (a service
 * added or removed a moment ago shows at once, and the staff form never offers a removed service nor
 * misses a new one), the openings, and the setup status ("every service bookable").
 */
const CATALOG = ['services', 'staff', 'availability', 'setup-status'] as const;
/** Reads one list of the catalog through the shared cache. */
const useCatalog = <T,>(path: string) => useApi<T>(path);

/** Why a service cannot be booked, in the owner's words (null when it can). */
export function serviceProblem(sv: Service, staff: Staff[] | undefined): string | null {
  if (!sv.durationMin || sv.durationMin <= 0) return 'No duration: set how many minutes it takes.';
  const active = (staff ?? []).filter((p) => p.active !== false);
  if (active.length > 0 && !active.some((p) => p.serviceIds.length === 0 || p.serviceIds.includes(sv.id))) {
    return 'Nobody on your staff does this: callers would hear there are no openings. Tick it for a staff member below.';
  }
  return null;
}

const blankService = { name: '', durationMin: '60', bufferMin: '0', price: '', synonyms: '' };

function ServiceForm({ initial, onDone, onCancel }: { initial?: Service; onDone(): void; onCancel?(): void }) {
  const s = useSubmit();
  const save = useApiMutation(
    (body: object) => (initial ? put(`/api/services/${initial.id}`, body) : post('/api/services', body)),
    CATALOG,
  );
  const [f, setF] = useState(
    initial
      ? {
          name: initial.name,
          durationMin: String(initial.durationMin),
          bufferMin: String(initial.bufferMin),
          price: initial.priceCents == null ? '' : (initial.priceCents / 100).toFixed(2),
          synonyms: initial.synonyms.join(', '),
        }
      : blankService,
  );
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void s.run(async () => {
      const body = {
        name: f.name,
        durationMin: Number(f.durationMin),
        bufferMin: Number(f.bufferMin || 0),
        priceCents: f.price === '' ? null : Math.round(Number(f.price) * 100),
        synonyms: f.synonyms
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean),
      };
      await save.mutateAsync(body);
      if (!initial) setF(blankService);
      onDone();
    });
  };
  return (
    <form className="inline-form" onSubmit={submit} aria-label={initial ? `Edit ${initial.name}` : 'Add a service'}>
      <Input label="Service name" value={f.name} onChange={set('name')} error={s.fields.name} required />
      <Input
        label="Minutes"
        type="number"
        min={5}
        max={720}
        value={f.durationMin}
        onChange={set('durationMin')}
        error={s.fields.durationMin}
      />
      <Input
        label="Buffer (min)"
        type="number"
        min={0}
        max={240}
        value={f.bufferMin}
        onChange={set('bufferMin')}
        error={s.fields.bufferMin}
      />
      <Input
        label="Price ($)"
        type="number"
        min={0}
        step="0.01"
        value={f.price}
        onChange={set('price')}
        error={s.fields.priceCents}
      />
      <Input
        label="Also called (comma separated)"
        value={f.synonyms}
        onChange={set('synonyms')}
        error={s.fields.synonyms}
      />
      <div className="row">
        <button className="primary" disabled={s.busy}>
          {initial ? 'Save' : 'Add service'}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
      <FormError error={s.error} />
    </form>
  );
}

/** The services of the organization. */
/** A catalog row's Edit and Remove (the removal asked once more by name). */
function RowActions({ name, onEdit, onRemove }: { name: string; onEdit(): void; onRemove(): void }) {
  return (
    <td className="actions">
      <button className="link" onClick={onEdit}>
        Edit
      </button>
      <button className="link danger" onClick={() => confirm(`Remove ${name}?`) && onRemove()}>
        Remove
      </button>
    </td>
  );
}

export function ServicesPanel() {
  const can = useCan('settings');
  const list = useCatalog<Answer<'/api/services'>>('/api/services');
  const staff = useCatalog<Answer<'/api/staff'>>('/api/staff');
  const changed = useInvalidate();
  const [editing, setEditing] = useState<string | null>(null);
  const rm = useSubmit();
  return (
    <section aria-labelledby="svc-h">
      <h2 id="svc-h">Services</h2>
      <Loader state={list} empty={(d) => d.items.length === 0 && 'No services yet: add what callers can book.'}>
        {(d) => (
          <table className="table">
            <thead>
              <tr>
                <th>Service</th>
                <th>Duration</th>
                <th>Buffer</th>
                <th>Price</th>
                {can && (
                  <th>
                    <span className="sr-only">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {d.items.map((sv) =>
                editing === sv.id ? (
                  <tr key={sv.id}>
                    <td colSpan={5}>
                      <ServiceForm
                        key={sv.id}
                        initial={sv}
                        onDone={() => setEditing(null)}
                        onCancel={() => setEditing(null)}
                      />
                    </td>
                  </tr>
                ) : (
                  <tr key={sv.id}>
                    <td>
                      {sv.name}
                      {sv.synonyms.length > 0 && <div className="muted small">{sv.synonyms.join(', ')}</div>}
                      {serviceProblem(sv, staff.data?.items) && (
                        <div className="field-error small" role="note">
                          ⚠ {serviceProblem(sv, staff.data?.items)}
                        </div>
                      )}
                    </td>
                    <td>{sv.durationMin} min</td>
                    <td>{sv.bufferMin} min</td>
                    <td>{money(sv.priceCents)}</td>
                    {can && (
                      <RowActions
                        name={sv.name}
                        onEdit={() => setEditing(sv.id)}
                        onRemove={() =>
                          void rm.run(async () => {
                            await del(`/api/services/${sv.id}`);
                            await changed(...CATALOG);
                          })
                        }
                      />
                    )}
                  </tr>
                ),
              )}
            </tbody>
          </table>
        )}
      </Loader>
      <FormError error={rm.error} />
      {can && (
        <details className="add">
          <summary>Add a service</summary>
          <ServiceForm onDone={() => undefined} />
        </details>
      )}
    </section>
  );
}

function StaffForm({
  services,
  initial,
  onDone,
  onCancel,
}: {
  services: Service[];
  initial?: Staff;
  onDone(): void;
  onCancel?(): void;
}) {
  const s = useSubmit();
  const save = useApiMutation(
    (body: object) => (initial ? put(`/api/staff/${initial.id}`, body) : post('/api/staff', body)),
    CATALOG,
  );
  const [name, setName] = useState(initial?.name ?? '');
  const [ids, setIds] = useState<string[]>(initial?.serviceIds ?? services.map((x) => x.id));
  const [hours, setHours] = useState<WeeklyHours | null>((initial?.hours as WeeklyHours | null | undefined) ?? null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void s.run(async () => {
      // only services that exist now (one removed since the form opened is not sent back)
      const body = { name, serviceIds: ids.filter((id) => services.some((sv) => sv.id === id)), hours };
      await save.mutateAsync(body);
      if (!initial) setName('');
      onDone();
    });
  };
  return (
    <form
      className="inline-form"
      onSubmit={submit}
      aria-label={initial ? `Edit ${initial.name}` : 'Add a staff member'}
    >
      <Input label="Staff name" value={name} onChange={(e) => setName(e.target.value)} error={s.fields.name} required />
      <fieldset>
        <legend>Does</legend>
        {services.map((sv) => (
          <label key={sv.id} className="check-inline">
            <input
              type="checkbox"
              checked={ids.includes(sv.id)}
              onChange={(e) => setIds(e.target.checked ? [...ids, sv.id] : ids.filter((x) => x !== sv.id))}
            />{' '}
            {sv.name}
          </label>
        ))}
        {s.fields.serviceIds && <small className="field-error">{s.fields.serviceIds}</small>}
      </fieldset>
      <fieldset>
        <legend>Schedule</legend>
        <label className="check-inline">
          <input
            type="checkbox"
            checked={hours !== null}
            onChange={(e) =>
              setHours(
                e.target.checked
                  ? {
                      mon: [['09:00', '17:00']],
                      tue: [['09:00', '17:00']],
                      wed: [['09:00', '17:00']],
                      thu: [['09:00', '17:00']],
                      fri: [['09:00', '17:00']],
                    }
                  : null,
              )
            }
          />
          Works other hours than the business
        </label>
        {hours && <HoursEditor value={hours} onChange={setHours} errors={s.fields} />}
      </fieldset>
      <div className="row">
        <button className="primary" disabled={s.busy}>
          {initial ? 'Save' : 'Add staff member'}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
      <FormError error={s.error} />
    </form>
  );
}

/** The staff (providers) and which services each one does. */
export function StaffPanel() {
  const can = useCan('settings');
  const list = useCatalog<Answer<'/api/staff'>>('/api/staff');
  const services = useCatalog<Answer<'/api/services'>>('/api/services');
  const changed = useInvalidate();
  const [editing, setEditing] = useState<string | null>(null);
  const rm = useSubmit();
  const svcName = (id: string) => services.data?.items.find((x) => x.id === id)?.name ?? '…';
  return (
    <section aria-labelledby="staff-h">
      <h2 id="staff-h">Staff</h2>
      <Loader
        state={list}
        empty={(d) => d.items.length === 0 && 'No staff yet: bookings go to the business as a whole.'}
      >
        {(d) => (
          <table className="table">
            <thead>
              <tr>
                <th>Name</th>
                <th>Services</th>
                {can && (
                  <th>
                    <span className="sr-only">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {d.items.map((st) =>
                editing === st.id && services.data ? (
                  <tr key={st.id}>
                    <td colSpan={3}>
                      <StaffForm
                        key={st.id}
                        services={services.data.items}
                        initial={st}
                        onDone={() => setEditing(null)}
                        onCancel={() => setEditing(null)}
                      />
                    </td>
                  </tr>
                ) : (
                  <tr key={st.id}>
                    <td>
                      {st.name}
                      {st.hours ? <div className="muted small">own schedule</div> : null}
                    </td>
                    <td>
                      {st.serviceIds
                        .filter((id) => services.data?.items.some((x) => x.id === id))
                        .map(svcName)
                        .join(', ') || (
                        <span className="muted">{st.serviceIds.length === 0 ? 'everything' : 'none'}</span>
                      )}
                    </td>
                    {can && (
                      <RowActions
                        name={st.name}
                        onEdit={() => setEditing(st.id)}
                        onRemove={() =>
                          void rm.run(async () => {
                            await del(`/api/staff/${st.id}`);
                            await changed(...CATALOG);
                          })
                        }
                      />
                    )}
                  </tr>
                ),
              )}
            </tbody>
          </table>
        )}
      </Loader>
      <FormError error={rm.error} />
      {can && services.data && (
        <details className="add">
          <summary>Add a staff member</summary>
          <StaffForm key="new" services={services.data.items} onDone={() => undefined} />
        </details>
      )}
    </section>
  );
}
