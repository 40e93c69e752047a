/**
 * Imports run one way (STYLE.md): api/telephony/simulator → conversations → voice → brain →
 * booking/leads/calls/notify/business/billing → db/live. providers imports only audio and lib. Anything may
 * import lib, audio and hours (one definition of opening hours), and config types. wiring/, server.ts and main.ts are the composition root: they
 * may import everything and nothing imports them.
 *
 * conversations/ (a conversation's lifecycle: call record, leads, the brain and its ports) is called
 * by the edges and uses the brain and the domain modules; the voice session never needs it (the
 * composition root hands a session its conversation), so it sits between the edges and voice.
 */
const LAYERS = [
  ['api', 'telephony', 'simulator'],
  ['conversations'],
  ['voice'],
  ['channels'],
  ['brain'],
  ['booking', 'leads', 'calls', 'notify', 'business', 'billing', 'jobs', 'clients'],
  ['db', 'live'],
];
const rules = [];
LAYERS.forEach((layer, i) => {
  const above = LAYERS.slice(0, i).flat();
  if (above.length === 0) return;
  rules.push({
    name: `no-upward-from-${layer.join('-')}`,
    comment: `${layer.join(', ')} may not import the layers above it (${above.join(', ')})`,
    severity: 'error',
    from: { path: `^src/(${layer.join('|')})/` },
    to: { path: `^src/(${above.join('|')}|wiring)/` },
  });
});
rules.push({
  name: 'nothing-imports-the-composition-root',
  comment:
    "wiring/, server.ts and main.ts assemble the product; the modules they assemble never import them (the simulator CLI's own embedded server is a root too)",
  severity: 'error',
  from: {
    path: '^src/',
    pathNot: '^src/(main|server|seed-demo)\\.ts$|^src/wiring/|^src/simulator/embedded-server\\.ts$',
  },
  to: { path: '^src/(wiring/|main\\.ts$|server\\.ts$)' },
});
rules.push({
  name: 'simulator-is-a-tool',
  comment:
    'the product never imports the simulator; only the composition root mounts its plugin (when SIMULATOR_KEY is set)',
  severity: 'error',
  from: { path: '^src/', pathNot: '^src/(simulator|wiring)/' },
  to: { path: '^src/simulator/' },
});
rules.push({
  name: 'providers-are-leaves',
  comment: 'providers/ imports only audio/ and lib/ (and itself)',
  severity: 'error',
  from: { path: '^src/providers/' },
  to: { path: '^src/', pathNot: '^src/(providers|audio|lib)/' },
});
rules.push({
  name: 'leaf-kernel',
  comment: 'lib/, audio/ and hours/ import nothing of the product (hours/ may use lib/)',
  severity: 'error',
  from: { path: '^src/(lib|audio|hours)/' },
  to: { path: '^src/', pathNot: '^src/(lib|audio|hours)/' },
});
rules.push({
  name: 'config-read-at-the-root',
  comment: 'config/ is read only by the composition root (main, server, wiring) and tests',
  severity: 'error',
  from: { path: '^src/', pathNot: '^src/(main|server)\\.ts$|^src/(wiring|config|simulator)/' },
  to: { path: '^src/config/', dependencyTypesNot: ['type-only'] },
});
module.exports = {
  forbidden: rules,
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
module.exports.forbidden.push({
  name: 'through-the-index',
  comment:
    "a module is imported only through its index.ts (its public surface); a module's insides are its own. The composition root (wiring/) assembles routes and may reach in; booking/calendars is a plug-in with its own surface; tests may share test-support/ helpers",
  severity: 'error',
  from: { path: '^src/([^/]+)/', pathNot: '^src/wiring/' },
  to: {
    path: '^src/[^/]+/',
    pathNot: ['^src/$1/', '^src/[^/]+/index\\.ts$', '^src/booking/calendars/index\\.ts$', '/test-support/'],
  },
});

/*
 * Test files obey the rules of the code they test. Tests beside the code (src/**\/*.test.ts) are
 * cruised with it and held to its module's rules above. Tests under test/ drive the assembled
 * product, so they may use the composition root (server.ts, wiring/) and the route plug-ins it
 * assembles, and otherwise see a module only through its index.ts, like any other caller.
 */
module.exports.forbidden.push({
  name: 'product-never-imports-tests',
  comment: 'the product never imports test/ (fakes, harness): only test files and test-support/ helpers may',
  severity: 'error',
  from: { path: '^src/', pathNot: ['\\.test\\.ts$', '/test-support/'] },
  to: { path: '^test/' },
});
module.exports.forbidden.push({
  name: 'tests-through-the-index',
  comment:
    "tests under test/ see a module through its index.ts (its public surface), as any caller does; they may use the composition root and the route plug-ins it assembles, and a module's test-support/ helpers",
  severity: 'error',
  from: { path: '^test/' },
  to: {
    path: '^src/[^/]+/',
    pathNot: [
      '^src/[^/]+/index\\.ts$',
      '^src/wiring/',
      '^src/api/routes/[^/]+/index\\.ts$',
      '^src/booking/calendars/index\\.ts$',
      '/test-support/',
    ],
  },
});
module.exports.forbidden.push({
  name: 'fakes-stand-alone',
  comment:
    "a protocol fake (test/fakes) speaks the vendor's protocol from its own code: it may use the kernel (lib, audio, hours), the edge's wire helpers (telephony, notify signatures, voice session types) and the simulator's stand-ins (its Twilio REST fake is the one definition), never the product's database, domain or composition root",
  severity: 'error',
  from: { path: '^test/fakes/' },
  to: { path: '^src/', pathNot: '^src/(lib|audio|hours|telephony|voice|notify|providers|simulator)/' },
});
