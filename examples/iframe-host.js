// What a host page adds next to the iframe: resize it to the height the frame reports, and
// receive the widget's events. Check event.origin against where frame.html is served.
const frame = document.getElementById('smi-frame');
window.addEventListener('message', (event) => {
  if (event.source !== frame.contentWindow) return;
  if (event.data?.type === 'smi:resize') frame.height = String(event.data.height);
  if (event.data?.type === 'smi:event') console.info('SMI', event.data.name, event.data.detail);
});
