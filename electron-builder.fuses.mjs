/**
 * electron-builder afterPack hook: flips Electron's fuses in the packaged
 * binary, before signing, so the shipped app cannot be repurposed
 * (https://www.electronjs.org/docs/latest/tutorial/fuses, Electron security
 * checklist item 19). Uses electron-builder's own @electron/fuses call.
 */
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { Arch } from 'builder-util';

/** Every fuse we set, and why. */
export const FUSES = {
  // ELECTRON_RUN_AS_NODE would turn the app into a general Node.js runtime.
  [FuseV1Options.RunAsNode]: false,
  // Cookies (we keep none, but Chromium may) are encrypted with the OS key store.
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS could inject code into the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect and friends would let another process debug (and drive) the main process.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // app.asar is checked against the hash embedded at packaging time.
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // Code is loaded only from app.asar, so the integrity check cannot be sidestepped.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // We never load file:// pages, so file:// gets no privileges beyond a browser's.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

/** The hook electron-builder calls after packing each platform and architecture. */
export async function afterPack(context) {
  await context.packager.addElectronFuses(context, {
    version: FuseVersion.V1,
    // Flipping fuses breaks the ad-hoc signature Apple Silicon requires; re-sign ad hoc there.
    resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' && context.arch === Arch.arm64,
    ...FUSES,
  });
}
