/** Services & staff. */
import { ServicesPanel, StaffPanel } from '../parts/catalog.js';
import { PageHead } from '../ui.js';

/** The page. */
export default function Services() {
  return (
    <>
      <PageHead title="Services & staff" />
      <div className="card">
        <ServicesPanel />
      </div>
      <div className="card">
        <StaffPanel />
      </div>
    </>
  );
}
