/** Agent & voice settings. */
import { AgentForm } from '../parts/agent.js';
import { PageHead } from '../ui.js';

/** The page. */
export default function Agent() {
  return (
    <>
      <PageHead title="Agent & voice" />
      <div className="card">
        <AgentForm />
      </div>
    </>
  );
}
