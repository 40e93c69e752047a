/** Team & roles: admins invite, change roles and remove; everyone else sees the list. */
import { useState, type FormEvent } from 'react';
import { del, patch, post, type Answer, type Role, type User } from '../api.js';
import { useApi, useApiMutation } from '../queries.js';
import { useCan, useSession } from '../session.js';
import { FormError, Input, Loader, PageHead, Select, useSubmit } from '../ui.js';

const ROLE_HELP: Record<Role, string> = {
  admin: 'everything',
  operator: 'calls, appointments, leads, knowledge',
  viewer: 'read only',
};

/** The page. */
export default function Team() {
  const can = useCan('settings');
  const { user: me } = useSession();
  const list = useApi<Answer<'/api/users'>>('/api/users');
  const invite = useApiMutation((b: { email: string; role: Role }) => post<User>('/api/users', b), ['users']);
  const setRole = useApiMutation(
    ({ id, role }: { id: string; role: string }) => patch(`/api/users/${id}`, { role }),
    ['users'],
  );
  const remove = useApiMutation((id: string) => del(`/api/users/${id}`), ['users']);
  const s = useSubmit();
  const act = useSubmit();
  const [f, setF] = useState({ email: '', role: 'operator' as Role });
  const [invited, setInvited] = useState<string | null>(null);
  const submitInvite = (e: FormEvent) => {
    e.preventDefault();
    void s.run(async () => {
      // The invited person chooses their own password through the emailed link; nobody else ever knows it.
      const u = await invite.mutateAsync({ email: f.email, role: f.role });
      setInvited(`We emailed ${u.email} a link to choose a password (it works once, for 7 days).`);
      setF({ email: '', role: 'operator' });
    });
  };
  return (
    <>
      <PageHead title="Team & roles" />
      <Loader state={list}>
        {(d) => (
          <table className="table card">
            <thead>
              <tr>
                <th>Email</th>
                <th>Role</th>
                {can && (
                  <th>
                    <span className="sr-only">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {d.items.map((u) => (
                <tr key={u.id}>
                  <td>
                    {u.email}
                    {u.id === me?.id && <span className="muted"> (you)</span>}
                    {u.invitationPending && <span className="muted small"> invited, no password yet</span>}
                  </td>
                  <td>
                    {can && u.id !== me?.id ? (
                      <select
                        aria-label={`Role of ${u.email}`}
                        value={u.role}
                        onChange={(e) => void act.run(() => setRole.mutateAsync({ id: u.id, role: e.target.value }))}
                      >
                        <option value="admin">admin</option>
                        <option value="operator">operator</option>
                        <option value="viewer">viewer</option>
                      </select>
                    ) : (
                      <span className="badge role">{u.role}</span>
                    )}{' '}
                    <span className="muted small">{ROLE_HELP[u.role]}</span>
                  </td>
                  {can && (
                    <td className="actions">
                      {u.id !== me?.id && (
                        <button
                          className="link danger"
                          onClick={() => confirm(`Remove ${u.email}?`) && void act.run(() => remove.mutateAsync(u.id))}
                        >
                          Remove
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loader>
      <FormError error={act.error} />
      {can && (
        <form className="card stack" onSubmit={submitInvite} noValidate>
          <h2>Invite someone</h2>
          <div className="row wrap">
            <Input
              label="Email"
              type="email"
              value={f.email}
              onChange={(e) => setF({ ...f, email: e.target.value })}
              error={s.fields.email}
            />
            <Select
              label="Role"
              value={f.role}
              onChange={(e) => setF({ ...f, role: e.target.value as Role })}
              error={s.fields.role}
            >
              <option value="admin">admin</option>
              <option value="operator">operator</option>
              <option value="viewer">viewer</option>
            </Select>
          </div>
          <FormError error={s.error} />
          {invited && (
            <p className="notice" role="status">
              {invited}
            </p>
          )}
          <div>
            <button className="primary" disabled={s.busy}>
              Invite
            </button>
          </div>
        </form>
      )}
    </>
  );
}
