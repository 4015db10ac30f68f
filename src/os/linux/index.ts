// The Linux back end of the OS interface.
export { LinuxPort, createLinuxPort, type LinuxPortOptions } from './port.js';
export { loadNative, packageRoot, packagePaths, type NativeAddon, type NativeSpawnOptions } from './native.js';
