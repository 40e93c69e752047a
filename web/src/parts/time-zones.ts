/** Time zones for pickers: the common US zones first (with names owners know), then every other IANA zone. */
export const COMMON_ZONES: { id: string; label: string }[] = [
  { id: 'America/New_York', label: 'Eastern Time (New York)' },
  { id: 'America/Chicago', label: 'Central Time (Chicago)' },
  { id: 'America/Denver', label: 'Mountain Time (Denver)' },
  { id: 'America/Phoenix', label: 'Mountain Time, no DST (Phoenix)' },
  { id: 'America/Los_Angeles', label: 'Pacific Time (Los Angeles)' },
  { id: 'America/Anchorage', label: 'Alaska Time (Anchorage)' },
  { id: 'Pacific/Honolulu', label: 'Hawaii Time (Honolulu)' },
];

/** Every zone the browser knows, common ones first. */
export function allZones(): string[] {
  const rest: string[] = (Intl as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? [
    'UTC',
    'Europe/London',
  ];
  return [...new Set([...COMMON_ZONES.map((z) => z.id), ...rest])];
}
