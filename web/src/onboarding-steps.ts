/** The onboarding steps, in order; `organization.onboarding[key] === true` means done. */
export const STEPS = [
  { key: 'template', label: 'Industry template' },
  { key: 'business', label: 'Business details' },
  { key: 'hours', label: 'Hours & holidays' },
  { key: 'services', label: 'Services & staff' },
  { key: 'agent', label: 'Greeting, voice & escalation' },
  { key: 'phone', label: 'Phone number' },
  { key: 'test', label: 'Test call' },
] as const;

/** The steps not done yet. */
export const stepsLeft = (done: Record<string, boolean> | undefined) => STEPS.filter((s) => !done?.[s.key]);
