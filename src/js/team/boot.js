// Starts the team view (team.html): the team crate's wasm, whose start function mounts the
// view in #smi-team. A module that cannot load says so in place of the view.
import init from './smi_team.js';

init().catch((error) => {
  const root = document.getElementById('smi-team');
  root.textContent = `The team view could not load: ${error?.message ?? error}`;
  console.error('SMI team view:', error);
});
