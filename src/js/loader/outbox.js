// Leads: an outbox in local storage, so a lead survives a failed POST and a reload.
import { STORAGE_PREFIX } from '../facts.js';
import { BROWSER, dispatchError, mounted } from './page.js';

// The outbox is { v: 1, leads: [...] }. Each lead is a request the wasm built ({ id, endpoint,
// content_type, body }) plus { attempts, due }. Leads are retried with backoff (2 s doubling
// to 5 min) until the endpoint answers 2xx; a 4xx other than 408/429 is a refusal and is
// dropped. The body carries the lead's id (lead_id), so an endpoint can discard a repeat.
// Every key the widget stores starts with STORAGE_PREFIX: each widget's progress and lead
// marker, the outbox, and damaged copies of the outbox, kept aside for DAMAGED_KEPT_FOR and
// then removed.
const OUTBOX = `${STORAGE_PREFIX}outbox`;
const OUTBOX_VERSION = 1;
const DAMAGED = `${OUTBOX}:damaged:`;
const DAMAGED_KEPT_FOR = 30 * 24 * 60 * 60 * 1000;
let memoryOutbox = null; // used when local storage is unavailable
let outboxProblem = null; // a damaged outbox, not yet reported to a widget

const isLead = (e) => e !== null && typeof e === 'object'
  && ['id', 'endpoint', 'content_type', 'body'].every((k) => typeof e[k] === 'string');
/** A lead as the outbox keeps it; a missing or broken `attempts` or `due` starts afresh. */
const entryOf = (e) => ({
  id: e.id, endpoint: e.endpoint, content_type: e.content_type, body: e.body,
  attempts: Number.isFinite(e.attempts) ? e.attempts : 0,
  due: Number.isFinite(e.due) ? e.due : 0,
});

/**
 * The leads in the stored outbox text. Text that is not JSON, JSON that is not an outbox, or
 * an outbox with entries that are not leads is kept aside under its own key, never deleted:
 * it may hold what a visitor typed. The leads that can be read still go out.
 */
function parseOutbox(text) {
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  // An array is the outbox of earlier versions of the loader.
  const list = Array.isArray(parsed) ? parsed
    : parsed?.v === OUTBOX_VERSION && Array.isArray(parsed.leads) ? parsed.leads : null;
  const leads = (list ?? []).filter(isLead).map(entryOf);
  const whole = (e) => isLead(e) && Number.isFinite(e.attempts) && Number.isFinite(e.due);
  if (list && list.every(whole)) return leads;
  const aside = `${DAMAGED}${Date.now()}`;
  let kept = `it is kept under "${aside}"`;
  try {
    localStorage.setItem(aside, text);
  } catch {
    kept = 'it could not be kept aside';
  }
  const broken = list ? list.filter((e) => !whole(e)).length : 0;
  const what = !list ? 'is not a lead outbox' : `holds ${broken} entries that are not whole leads`;
  outboxProblem = `the stored lead outbox ${what}; ${kept}, and a new outbox takes over`
    + (leads.length ? ` with the ${leads.length} leads that could be read` : '');
  console.warn(`SMI widget: ${outboxProblem}.`);
  writeOutbox(leads);
  reportOutboxProblem();
  return leads;
}

function readOutbox() {
  if (memoryOutbox) return memoryOutbox;
  let text;
  try {
    text = localStorage.getItem(OUTBOX);
  } catch {
    return (memoryOutbox = []);
  }
  return text === null ? [] : parseOutbox(text);
}
function writeOutbox(items) {
  if (memoryOutbox) { memoryOutbox = items; return false; }
  try {
    if (items.length) localStorage.setItem(OUTBOX, JSON.stringify({ v: OUTBOX_VERSION, leads: items }));
    else localStorage.removeItem(OUTBOX);
    return true;
  } catch {
    memoryOutbox = items;
    return false;
  }
}

/** Tells the widgets on the page about a damaged outbox (`smi:error` `outbox-damaged`). */
export function reportOutboxProblem() {
  if (!outboxProblem || !mounted.size) return;
  const message = outboxProblem;
  outboxProblem = null;
  for (const element of mounted) dispatchError(element, 'outbox-damaged', message);
}
const backoff = (attempts) => Math.min(2000 * 2 ** (attempts - 1), 300_000);

async function post(entry) {
  try {
    const response = await fetch(entry.endpoint, {
      method: 'POST',
      headers: { 'content-type': entry.content_type },
      body: entry.body,
      credentials: 'omit',
      keepalive: true,
      signal: AbortSignal.timeout(15_000),
    });
    if (response.ok) return 'sent';
    if (response.status >= 400 && response.status < 500 && ![408, 429].includes(response.status)) {
      console.error(`SMI widget: the lead endpoint refused lead ${entry.id} with HTTP ${response.status}; it is not retried.`);
      return 'rejected';
    }
    console.warn(`SMI widget: the lead endpoint answered HTTP ${response.status}; lead ${entry.id} will be retried.`);
  } catch (error) {
    console.warn(`SMI widget: lead ${entry.id} could not be sent (${error.message}); it will be retried.`);
  }
  return 'queued';
}

let flushing = null;
let timer;
const outcomes = new Map(); // lead id → outcome of its latest try
// Every tab of the site shares the outbox, and would otherwise each send a lead that falls
// due. With Web Locks (every current browser, in secure contexts) one tab at a time goes
// through the outbox, and a tab that is done with a lead holds a lock named after it for as
// long as it stays open; the lock's name ends in the outcome ('sent' or 'rejected'). Another
// tab checks for that lock rather than the outbox alone: a local-storage write reaches other
// tabs a moment later, but locks are kept in one place. Without Web Locks, each tab goes on
// its own.
const locks = globalThis.navigator?.locks;
const oneTabAtATime = (work) => (locks ? locks.request(OUTBOX, work) : work());
const donePrefix = (id) => `${STORAGE_PREFIX}lead-done:${id}:`;
const markDone = (id, outcome) => locks && new Promise((held) => {
  locks.request(donePrefix(id) + outcome, () => { held(); return new Promise(() => {}); });
});
/** What another tab's try of lead `id` came to ('sent', 'rejected'), or undefined. */
const doneElsewhere = async (id) => {
  if (!locks) return undefined;
  const lock = (await locks.query()).held.find((l) => l.name.startsWith(donePrefix(id)));
  return lock?.name.slice(donePrefix(id).length);
};
/** Sends every due entry of the outbox once; schedules the next try. */
function flush() {
  flushing ??= oneTabAtATime(async () => {
    for (const entry of readOutbox().filter((e) => e.due <= Date.now())) {
      const elsewhere = await doneElsewhere(entry.id);
      const outcome = elsewhere ?? await post(entry);
      const items = readOutbox().filter((e) => e.id !== entry.id);
      if (outcome === 'queued') items.push({ ...entry, attempts: entry.attempts + 1, due: Date.now() + backoff(entry.attempts + 1) });
      // Not where another tab holds the lock: asking for it would wait until that tab closes.
      else if (!elsewhere) await markDone(entry.id, outcome);
      writeOutbox(items);
      outcomes.set(entry.id, outcome);
    }
    const next = Math.min(...readOutbox().map((e) => e.due));
    clearTimeout(timer);
    if (Number.isFinite(next)) timer = setTimeout(flush, Math.max(next - Date.now(), 0));
  }).finally(() => { flushing = null; });
  return flushing;
}

/** Queues the lead the wasm built and sends it; says what became of it. */
export async function deliverLead(request) {
  const entry = { ...request, attempts: 0, due: 0 };
  if (!readOutbox().some((e) => e.id === entry.id)) {
    const items = readOutbox();
    items.push(entry);
    writeOutbox(items);
  }
  await flushing;
  await flush();
  const waiting = readOutbox().some((e) => e.id === entry.id);
  // Gone from the outbox: this tab tried it, or another tab took it first and holds its outcome.
  if (!waiting) return (outcomes.get(entry.id) ?? await doneElsewhere(entry.id)) === 'rejected' ? 'rejected' : 'sent';
  return memoryOutbox ? 'queued-memory' : 'queued';
}

/** The keys of local storage that start with STORAGE_PREFIX; none where storage is blocked. */
function storedKeys() {
  try {
    return Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i))
      .filter((key) => key?.startsWith(STORAGE_PREFIX));
  } catch {
    return [];
  }
}
function removeStored(key) {
  try { localStorage.removeItem(key); } catch { /* blocked: nothing was stored */ }
}

/** "Delete my data": every key any widget stored on this site, damaged copies included, and
 * the leads waiting in memory where storage is blocked. */
export function forgetStored() {
  writeOutbox([]);
  for (const key of storedKeys()) removeStored(key);
}

// Leads left over from an earlier visit go out as soon as the loader runs; damaged copies of
// the outbox older than DAMAGED_KEPT_FOR (or dated in the future) are removed.
if (BROWSER) {
  if (readOutbox().length) flush();
  for (const key of storedKeys()) {
    const age = Date.now() - Number(key.slice(DAMAGED.length));
    if (key.startsWith(DAMAGED) && !(Math.abs(age) <= DAMAGED_KEPT_FOR)) removeStored(key);
  }
}
