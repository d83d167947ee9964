// Starts the console's insights and benchmark pack (the configurator's second tab): the
// console crate's wasm, whose start function mounts them in #smi-console.
import init from './smi_console.js';

await init();
