// The SMI widget loader: defines <smi-assessment> and exports mount(element).
// It fetches and instantiates the wasm once per page (streaming), however many widgets mount.
import init, { mount as mountWidget } from './smi_widget.js';

const ready = init({ module_or_path: new URL('./smi_widget_bg.wasm', import.meta.url) });

const LOAD_FAILED = 'The assessment could not load. Please reload the page.';

function showLoadFailure(element, error) {
  console.error('SMI widget: the WebAssembly module did not load:', error);
  const shadow = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.textContent = LOAD_FAILED;
  shadow.replaceChildren(message);
}

/** Mounts the assessment into `element`; resolves to a handle with `destroy()`. */
export async function mount(element) {
  await ready;
  return mountWidget(element);
}

class SmiAssessment extends HTMLElement {
  connectedCallback() {
    this.connected = true;
    ready.then(
      () => {
        if (this.connected && !this.handle) this.handle = mountWidget(this);
      },
      (error) => showLoadFailure(this, error),
    );
  }

  disconnectedCallback() {
    this.connected = false;
    this.handle?.destroy();
    this.handle = undefined;
  }
}

if (!customElements.get('smi-assessment')) customElements.define('smi-assessment', SmiAssessment);
