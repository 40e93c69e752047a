/** Phone numbers. */
import { PhoneNumbersPanel } from '../parts/phones.js';
import { PageHead } from '../ui.js';

/** The page. */
export default function PhoneNumbers() {
  return (
    <>
      <PageHead title="Phone numbers" />
      <div className="card">
        <PhoneNumbersPanel />
      </div>
    </>
  );
}
