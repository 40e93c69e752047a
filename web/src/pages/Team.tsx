/** Team & roles: admins invite, change roles and remove; everyone else sees the list. */
import { useState, type FormEvent } from 'react';
import { del, patch, post, type Role, type User } from '../api.js';
import { useCan, useSession } from '../session.js';
import { FormError, Input, Loader, PageHead, Select, useFetch, useSubmit } from '../ui.js';

const ROLE_HELP: Record<Role, string> = { admin: 'everything', operator: 'calls, appointments, leads, knowledge', viewer: 'read only' };

/** The page. */
export default function Team() {
  const can = useCan('settings');
  const { user: me } = useSession();
  const list = useFetch<{ items: User[] }>('/api/users');
  const s = useSubmit();
  const act = useSubmit();
  const [f, setF] = useState({ email: '', role: 'operator' as Role });
  const [invited, setInvited] = useState<string | null>(null);
  const invite = (e: FormEvent) => {
    e.preventDefault();
    void s.run(async () => {
      // The invited person chooses their own password through the emailed link; nobody else ever knows it.
      const u = await post<User>('/api/users', { email: f.email, role: f.role });
      setInvited(`We emailed ${u.email} a link to choose a password (it works once, for 7 days).`);
      setF({ email: '', role: 'operator' });
      await list.reload();
    });
  };
  return (
    <>
      <PageHead title="Team & roles" />
      <Loader state={list}>
        {(d) => (
          <table className="table card">
            <thead><tr><th>Email</th><th>Role</th>{can && <th><span className="sr-only">Actions</span></th>}</tr></thead>
            <tbody>
              {d.items.map((u) => (
                <tr key={u.id}>
                  <td>{u.email}{u.id === me?.id && <span className="muted"> (you)</span>}{u.invitationPending && <span className="muted small"> invited, no password yet</span>}</td>
                  <td>{can && u.id !== me?.id ? (
                    <select aria-label={`Role of ${u.email}`} value={u.role} onChange={(e) => void act.run(async () => { await patch(`/api/users/${u.id}`, { role: e.target.value }); await list.reload(); })}>
                      <option value="admin">admin</option><option value="operator">operator</option><option value="viewer">viewer</option>
                    </select>
                  ) : <span className="badge role">{u.role}</span>} <span className="muted small">{ROLE_HELP[u.role]}</span></td>
                  {can && <td className="actions">{u.id !== me?.id && <button className="link danger" onClick={() => confirm(`Remove ${u.email}?`) && void act.run(async () => { await del(`/api/users/${u.id}`); await list.reload(); })}>Remove</button>}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loader>
      <FormError error={act.error} />
      {can && (
        <form className="card stack" onSubmit={invite} noValidate>
          <h2>Invite someone</h2>
          <div className="row wrap">
            <Input label="Email" type="email" value={f.email} onChange={(e) => setF({ ...f, email: e.target.value })} error={s.fields.email} />
            <Select label="Role" value={f.role} onChange={(e) => setF({ ...f, role: e.target.value as Role })} error={s.fields.role}>
              <option value="admin">admin</option><option value="operator">operator</option><option value="viewer">viewer</option>
            </Select>
          </div>
          <FormError error={s.error} />
          {invited && <p className="notice" role="status">{invited}</p>}
          <div><button className="primary" disabled={s.busy}>Invite</button></div>
        </form>
      )}
    </>
  );
}
