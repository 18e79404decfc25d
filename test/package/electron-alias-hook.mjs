// Module resolve hook for the packaged start-up check (registered with
// module.register by start-packaged.ts): `electron` resolves to the unit tests'
// fake (test/unit/electron/fake-electron.ts), and nothing else changes, so every
// other import of the packaged code resolves exactly as it would in the app.
// https://nodejs.org/docs/latest-v20.x/api/module.html#customization-hooks
let fakeUrl = null;

export function initialize(data) {
  fakeUrl = data.fakeUrl;
}

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron') return { url: fakeUrl, shortCircuit: true };
  return nextResolve(specifier, context);
}
