// Invariant: the outside5-offices and outside5-availability scenarios (a fifth round of calls written by testers outside the team: health and professional offices, with bookings for someone else, questions before and during a booking and emergencies of the body; callers whose wish is not free and how they choose among the alternatives) end as they expect when played through the simulator against the product. Calls the product does not yet handle carry `skip` with what goes wrong.
import { scenarioFiles, scenarioSuite } from './scenario-suite.js';

scenarioSuite(
  'outside, fifth round: offices and availability',
  scenarioFiles((f) => f === 'outside5-offices.yaml' || f === 'outside5-availability.yaml'),
);
